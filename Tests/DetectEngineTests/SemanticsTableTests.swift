import DetectCore
import DetectEngine
import Foundation
import Testing

/// The semantics users depend on (docs/semantics.md), one row per behaviour: every modifier and condition
/// form, with a rule snippet, an event, and whether the rule matches.
struct SemanticsTableTests {
    /// IOC lists used by the `expand` rows.
    static let iocs = IOCCatalog([
        IOCList(name: "tor_nodes", values: ["1.2.3.4", "5.6.0.0/16", "2001:db8::/32"]),
        IOCList(name: "intel_domains", values: ["evil.com", "bad.org", "worse.net", "malware.io", "c2.example"]),
        IOCList(name: "dynamic_dns_suffixes", values: [".duckdns.org", ".no-ip.com"]),
        IOCList(name: "agents", values: ["sqlmap", "nikto", "masscan", "zgrab", "nuclei"]),
        IOCList(name: "empty_list", values: []),
    ])

    static let stringsRows: [SemanticsCase] = [
        .init("plain value: whole value, any case", item: "a: 'Foo'", event: #"{"a":"fOO"}"#, true),
        .init("plain value is not a substring", item: "a: 'Foo'", event: #"{"a":"Foobar"}"#, false),
        .init("* matches any run", item: "a: 'foo*bar'", event: #"{"a":"FOO-xx-BAR"}"#, true),
        .init("* matches the empty run", item: "a: 'foo*bar'", event: #"{"a":"foobar"}"#, true),
        .init("? matches exactly one character", item: "a: 'f?o'", event: #"{"a":"fxo"}"#, true),
        .init("? needs one character", item: "a: 'f?o'", event: #"{"a":"fo"}"#, false),
        .init("? matches one multi-byte character", item: "a: 'f?o'", event: #"{"a":"féo"}"#, true),
        .init(#"\* is a literal star"#, item: #"a: 'foo\*'"#, event: #"{"a":"foo*"}"#, true),
        .init(#"\* does not match other text"#, item: #"a: 'foo\*'"#, event: #"{"a":"foox"}"#, false),
        .init(
            #"\? is a literal question mark"#, item: #"a: 'index.php\?id=1'"#, event: #"{"a":"index.php?id=1"}"#, true),
        .init(#"\? is not a wildcard"#, item: #"a: 'index.php\?id=1'"#, event: #"{"a":"index.phpXid=1"}"#, false),
        .init(#"\\* is a backslash then a wildcard"#, item: #"a: 'C:\\*'"#, event: #"{"a":"C:\\Windows"}"#, true),
        .init(
            "a backslash before other characters is literal", item: #"a: 'C:\Windows\cmd.exe'"#,
            event: #"{"a":"c:\\windows\\CMD.EXE"}"#, true),
        .init("cased: exact case", item: "a|cased: 'Foo'", event: #"{"a":"Foo"}"#, true),
        .init("cased: other case does not match", item: "a|cased: 'Foo'", event: #"{"a":"foo"}"#, false),
        .init("case folding is ASCII only", item: "a: 'É'", event: #"{"a":"é"}"#, false),
        .init("contains", item: "a|contains: 'adm'", event: #"{"a":"xADMy"}"#, true),
        .init("contains: absent", item: "a|contains: 'adm'", event: #"{"a":"xadxmy"}"#, false),
        .init("startswith", item: "a|startswith: 'adm'", event: #"{"a":"Admin"}"#, true),
        .init("startswith: not at the start", item: "a|startswith: 'adm'", event: #"{"a":"xadmin"}"#, false),
        .init("endswith", item: "a|endswith: '.exe'", event: #"{"a":"cmd.EXE"}"#, true),
        .init("endswith: not at the end", item: "a|endswith: '.exe'", event: #"{"a":"cmd.exe.txt"}"#, false),
        .init("contains with an inner wildcard", item: "a|contains: 'a*c'", event: #"{"a":"xxabbcxx"}"#, true),
        .init("a value list is ORed", item: "a: ['x', 'y']", event: #"{"a":"Y"}"#, true),
        .init("contains|all needs every value", item: "a|contains|all: ['x', 'y']", event: #"{"a":"y-x"}"#, true),
        .init("contains|all: one missing", item: "a|contains|all: ['x', 'y']", event: #"{"a":"x-x"}"#, false),
        .init(
            "a long exact list is one set", item: "a: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']", event: #"{"a":"A5"}"#,
            true),
        .init(
            "a long exact list: absent", item: "a: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']", event: #"{"a":"a7"}"#,
            false),
        .init(
            "a long endswith list is one suffix set", item: "a|endswith: ['.a', '.b', '.c', '.d', '.e']",
            event: #"{"a":"file.D"}"#, true),
        .init(
            "a long startswith list is one prefix set", item: "a|startswith: ['/a', '/b', '/c', '/d', '/e']",
            event: #"{"a":"/C/x"}"#, true),
        .init(
            "a long contains list is one automaton", item: "a|contains: ['one', 'two', 'three', 'four', 'five']",
            event: #"{"a":"xxFOURxx"}"#, true),
        .init(
            "a long contains list: absent", item: "a|contains: ['one', 'two', 'three', 'four', 'five']",
            event: #"{"a":"xxsixxx"}"#, false),
        .init(
            "a long contains|all list needs every value", item: "a|contains|all: ['a', 'b', 'c', 'd', 'e']",
            event: #"{"a":"edcba"}"#, true),
        .init(
            "a long contains|all list: one missing", item: "a|contains|all: ['a', 'b', 'c', 'd', 'e']",
            event: #"{"a":"dcba"}"#, false),
        .init("an escaped JSON string is decoded", item: #"a: 'say "hi"'"#, event: #"{"a":"say \"hi\""}"#, true),
        .init("a \\u escape is decoded", item: "a: 'é'", event: #"{"a":"\u00e9"}"#, true),
    ]

    static let nullsAndArraysRows: [SemanticsCase] = [
        .init("null matches a missing field", item: "a: null", event: #"{"b":"x"}"#, true),
        .init("null matches JSON null", item: "a: null", event: #"{"a":null}"#, true),
        .init("null matches an empty array", item: "a: null", event: #"{"a":[]}"#, true),
        .init("null does not match an empty string", item: "a: null", event: #"{"a":""}"#, false),
        .init("null does not match a value", item: "a: null", event: #"{"a":"x"}"#, false),
        .init("'' matches a present empty string", item: "a: ''", event: #"{"a":""}"#, true),
        .init("'' does not match a missing field", item: "a: ''", event: #"{"b":""}"#, false),
        .init("'' does not match JSON null", item: "a: ''", event: #"{"a":null}"#, false),
        .init(
            "not null: a negated null selection", detection: "    empty:\n        a: null\n    condition: not empty",
            event: #"{"a":"x"}"#, true),
        .init("exists: true with a value", item: "a|exists: true", event: #"{"a":""}"#, true),
        .init("exists: true, field missing", item: "a|exists: true", event: #"{"b":1}"#, false),
        .init("exists: true, field null", item: "a|exists: true", event: #"{"a":null}"#, false),
        .init("exists: false, field missing", item: "a|exists: false", event: #"{"b":1}"#, true),
        .init("exists: false, field present", item: "a|exists: false", event: #"{"a":0}"#, false),
        .init("an array matches when any element matches", item: "a: 'x'", event: #"{"a":["y","X"]}"#, true),
        .init("an array: no element matches", item: "a: 'x'", event: #"{"a":["y","z"]}"#, false),
        .init(
            "all: each value may match a different element", item: "a|contains|all: ['x', 'y']",
            event: #"{"a":["x1","y1"]}"#, true),
        .init("an array of numbers", item: "a: 3", event: #"{"a":[1,2,3]}"#, true),
        .init("nested arrays are flattened", item: "a: 'x'", event: #"{"a":[["y"],["x"]]}"#, true),
        .init(
            "arrays of objects are walked", item: "a.b: 'x'", event: #"{"a":[{"b":"y"},{"b":"x"}]}"#, true),
        .init("null with an array holding null", item: "a: null", event: #"{"a":[null]}"#, true),
        .init("null with an array holding a value", item: "a: null", event: #"{"a":[null,"x"]}"#, false),
        .init("an object value matches no string", item: "a: '*'", event: #"{"a":{"b":"x"}}"#, false),
        .init("* matches any present scalar", item: "a: '*'", event: #"{"a":""}"#, true),
    ]

    static let numbersAndFieldsRows: [SemanticsCase] = [
        .init("a number matches the number", item: "a: 404", event: #"{"a":404}"#, true),
        .init("a number matches a numeric string", item: "a: 404", event: #"{"a":"404"}"#, true),
        .init("a number matches the same float", item: "a: 404", event: #"{"a":404.0}"#, true),
        .init("a number: another number", item: "a: 404", event: #"{"a":403}"#, false),
        .init("a float matches a numeric string", item: "a: 1.5", event: #"{"a":"1.50"}"#, true),
        .init("a number written in hex matches its text", item: "a: 0x1F", event: #"{"a":"0x1f"}"#, true),
        .init("a number written in hex matches its value", item: "a: 0x1F", event: #"{"a":31}"#, true),
        .init("a quoted number compares as text", item: "a: '404'", event: #"{"a":404}"#, true),
        .init("a quoted number: different text", item: "a: '404'", event: #"{"a":404.0}"#, false),
        .init("a wildcard matches a number's text", item: "a: '4*'", event: #"{"a":404}"#, true),
        .init("gt with a number", item: "a|gt: 10", event: #"{"a":11}"#, true),
        .init("gt with a numeric string", item: "a|gt: 10", event: #"{"a":"11"}"#, true),
        .init("gt: equal is not greater", item: "a|gt: 10", event: #"{"a":10}"#, false),
        .init("gte: equal", item: "a|gte: 10", event: #"{"a":10}"#, true),
        .init("lt", item: "a|lt: 10", event: #"{"a":9.5}"#, true),
        .init("lte: greater", item: "a|lte: 10", event: #"{"a":11}"#, false),
        .init("a comparison ignores text", item: "a|gt: 10", event: #"{"a":"eleven"}"#, false),
        .init("a quoted comparison bound is a number", item: "a|lt: '100'", event: #"{"a":99}"#, true),
        .init("a boolean matches a boolean", item: "a: true", event: #"{"a":true}"#, true),
        .init("a boolean matches its text in any case", item: "a: true", event: #"{"a":"True"}"#, true),
        .init("a boolean: the other boolean", item: "a: true", event: #"{"a":false}"#, false),
        .init("a boolean is not a number", item: "a: true", event: #"{"a":1}"#, false),
        .init("a dotted name finds nested objects", item: "a.b: 'x'", event: #"{"a":{"b":"x"}}"#, true),
        .init("a dotted name finds a flat dotted key", item: "a.b: 'x'", event: #"{"a.b":"x"}"#, true),
        .init("a dotted name finds a mix", item: "a.b.c: 'x'", event: #"{"a":{"b.c":"x"}}"#, true),
        .init("a dotted name: other path", item: "a.b: 'x'", event: #"{"a":{"c":"x"}}"#, false),
        .init("field names are case-sensitive", item: "A: 'x'", event: #"{"a":"x"}"#, false),
    ]

    static let keywordsRows: [SemanticsCase] = [
        .init(
            "a keyword is searched in every string",
            detection: "    keywords:\n        - 'evil'\n    condition: keywords",
            event: #"{"x":{"y":["ok","a very EVIL thing"]}}"#, true),
        .init(
            "a keyword is not searched in keys", detection: "    keywords:\n        - 'evil'\n    condition: keywords",
            event: #"{"evil":"x"}"#, false),
        .init(
            "a keyword is not searched in numbers",
            detection: "    keywords:\n        - '234'\n    condition: keywords",
            event: #"{"x":12345}"#, false),
        .init(
            "keywords are ORed", detection: "    keywords:\n        - 'aaa'\n        - 'bbb'\n    condition: keywords",
            event: #"{"x":"xbbbx"}"#, true),
        .init(
            "|all keywords must all occur",
            detection:
                "    keywords:\n        '|all':\n            - 'aaa'\n            - 'bbb'\n    condition: keywords",
            event: #"{"x":"aaa","y":"bbb"}"#, true),
        .init(
            "|all keywords: one missing",
            detection:
                "    keywords:\n        '|all':\n            - 'aaa'\n            - 'bbb'\n    condition: keywords",
            event: #"{"x":"aaa"}"#, false),
        .init(
            "a keyword with wildcards", detection: "    keywords:\n        - 'ev*l'\n    condition: keywords",
            event: #"{"x":"the evxxxil one"}"#, true),
        .init(
            "a keyword searches under cloudflare.*",
            detection: "    keywords:\n        - 'sqlmap'\n    condition: keywords",
            event: #"{"cloudflare":{"ClientRequestUserAgent":"sqlmap/1.7"}}"#, true),
    ]

    static let regexAndNetworksRows: [SemanticsCase] = [
        .init("re is an unanchored search", item: "a|re: 'ab+c'", event: #"{"a":"xxabbbcxx"}"#, true),
        .init("re is case-sensitive", item: "a|re: 'ab+c'", event: #"{"a":"ABC"}"#, false),
        .init("re|i ignores case", item: "a|re|i: 'ab+c'", event: #"{"a":"ABC"}"#, true),
        .init("re anchors are honoured", item: "a|re: '^abc$'", event: #"{"a":"xabc"}"#, false),
        .init("re without m: ^ at the start only", item: "a|re: '^b$'", event: #"{"a":"a\nb"}"#, false),
        .init("re|m: ^ and $ per line", item: "a|re|m: '^b$'", event: #"{"a":"a\nb"}"#, true),
        .init("re without s: . stops at newlines", item: "a|re: 'a.b'", event: #"{"a":"a\nb"}"#, false),
        .init("re|s: . matches a newline", item: "a|re|s: 'a.b'", event: #"{"a":"a\nb"}"#, true),
        .init("re: PCRE classes and quantifiers", item: #"a|re: '[^/]{5,}\d$'"#, event: #"{"a":"/abcdef1"}"#, true),
        .init("re|all needs every pattern", item: "a|re|all: ['^a', 'z$']", event: #"{"a":"abz"}"#, true),
        .init("cidr: inside", item: "a|cidr: '10.0.0.0/8'", event: #"{"a":"10.1.2.3"}"#, true),
        .init("cidr: outside", item: "a|cidr: '10.0.0.0/8'", event: #"{"a":"11.0.0.1"}"#, false),
        .init("cidr: not an address", item: "a|cidr: '10.0.0.0/8'", event: #"{"a":"10.0.0.x"}"#, false),
        .init("cidr: IPv6", item: "a|cidr: '2001:db8::/32'", event: #"{"a":"2001:DB8::1"}"#, true),
        .init(
            "cidr: a list is ORed", item: "a|cidr: ['192.168.0.0/16', '10.0.0.0/8']", event: #"{"a":"192.168.4.4"}"#,
            true),
        .init("cidr: an address is a /32", item: "a|cidr: '10.0.0.1'", event: #"{"a":"10.0.0.1"}"#, true),
    ]

    static let encodingsRows: [SemanticsCase] = [
        .init("windash: - as /", item: "a|contains|windash: ' -enc '", event: #"{"a":"x /enc y"}"#, true),
        .init("windash: - as en dash", item: "a|contains|windash: ' -enc '", event: #"{"a":"x \u2013enc y"}"#, true),
        .init("windash: - as em dash", item: "a|contains|windash: ' -enc '", event: #"{"a":"x \u2014enc y"}"#, true),
        .init("windash: the original", item: "a|contains|windash: ' -enc '", event: #"{"a":"x -ENC y"}"#, true),
        .init("windash: only switches expand", item: "a|contains|windash: 'a-b'", event: #"{"a":"a/b"}"#, false),
        .init("base64", item: "a|base64: 'hello'", event: #"{"a":"aGVsbG8="}"#, true),
        .init("base64|contains", item: "a|base64|contains: 'hello'", event: #"{"a":"xxaGVsbG8=yy"}"#, true),
        .init("base64 is case-sensitive", item: "a|base64: 'hello'", event: #"{"a":"AGVSBG8="}"#, false),
        .init(
            "base64offset|contains, offset 0", item: "a|base64offset|contains: 'http://'",
            event: #"{"a":"\#(base64("http://evil"))"}"#, true),
        .init(
            "base64offset|contains, offset 1", item: "a|base64offset|contains: 'http://'",
            event: #"{"a":"\#(base64("Xhttp://evil"))"}"#, true),
        .init(
            "base64offset|contains, offset 2", item: "a|base64offset|contains: 'http://'",
            event: #"{"a":"\#(base64("XYhttp://evil"))"}"#, true),
        .init(
            "base64offset|contains: absent", item: "a|base64offset|contains: 'http://'",
            event: #"{"a":"\#(base64("XYhttps://evil"))"}"#, false),
        .init(
            "wide|base64offset|contains", item: "a|wide|base64offset|contains: 'ping'",
            event: #"{"a":"\#(base64(utf16le("cmd /c ping x")))"}"#, true),
        .init("utf16le bytes are compared", item: "a|utf16le: 'pi'", event: #"{"a":"p\u0000i\u0000"}"#, true),
        .init("utf16be bytes are compared", item: "a|utf16be: 'pi'", event: #"{"a":"\u0000p\u0000i"}"#, true),
        .init(
            "utf16 has a byte-order mark", item: "a|utf16|base64: 'pi'",
            event: #"{"a":"\#(base64([0xFF, 0xFE] + utf16le("pi")))"}"#, true),
    ]

    static let timesRows: [SemanticsCase] = [
        .init("hour", item: "'@timestamp|hour': 23", event: #"{"@timestamp":"2024-05-01T23:30:00Z"}"#, true),
        .init(
            "hour is taken as written", item: "'@timestamp|hour': 23",
            event: #"{"@timestamp":"2024-05-01T23:30:00.123-02:00"}"#, true),
        .init(
            "hour: other hour", item: "'@timestamp|hour': 22", event: #"{"@timestamp":"2024-05-01T23:30:00Z"}"#, false),
        .init(
            "minute with a comparison", item: "'@timestamp|minute|gte': 30",
            event: #"{"@timestamp":"2024-05-01 23:45:00"}"#, true),
        .init("day", item: "'@timestamp|day': 1", event: #"{"@timestamp":"2024-05-01T00:00:00Z"}"#, true),
        .init("month", item: "'@timestamp|month': 5", event: #"{"@timestamp":"2024-05-01T00:00:00Z"}"#, true),
        .init("year", item: "'@timestamp|year|lt': 2025", event: #"{"@timestamp":"2024-05-01T00:00:00Z"}"#, true),
        .init("ISO week", item: "'@timestamp|week': 1", event: #"{"@timestamp":"2024-12-30T08:00:00Z"}"#, true),
        .init("ISO week 53", item: "'@timestamp|week': 53", event: #"{"@timestamp":"2021-01-03T08:00:00Z"}"#, true),
        .init("a date has no hour", item: "'@timestamp|hour': 0", event: #"{"@timestamp":"2024-05-01"}"#, false),
        .init("a date has a day", item: "'@timestamp|day': 1", event: #"{"@timestamp":"2024-05-01"}"#, true),
        .init("not a timestamp", item: "'@timestamp|hour': 1", event: #"{"@timestamp":"1714608000"}"#, false),
    ]

    static let referencesRows: [SemanticsCase] = [
        .init("fieldref: equal values, any case", item: "a|fieldref: b", event: #"{"a":"X","b":"x"}"#, true),
        .init("fieldref: different values", item: "a|fieldref: b", event: #"{"a":"x","b":"y"}"#, false),
        .init("fieldref: the other field is missing", item: "a|fieldref: b", event: #"{"a":"x"}"#, false),
        .init("fieldref|contains", item: "a|fieldref|contains: b", event: #"{"a":"xxYY","b":"yy"}"#, true),
        .init("fieldref|startswith", item: "a|fieldref|startswith: b", event: #"{"a":"yyx","b":"yy"}"#, true),
        .init("fieldref|endswith", item: "a|fieldref|endswith: b", event: #"{"a":"yyx","b":"yy"}"#, false),
        .init("fieldref|cased", item: "a|fieldref|cased: b", event: #"{"a":"X","b":"x"}"#, false),
        .init("fieldref|neq", item: "a|fieldref|neq: b", event: #"{"a":"x","b":"y"}"#, true),
        .init("fieldref with numbers", item: "a|fieldref: b", event: #"{"a":7,"b":"7"}"#, true),
        .init("fieldref on arrays", item: "a|fieldref: b", event: #"{"a":["p","q"],"b":["r","q"]}"#, true),
        .init("neq: another value", item: "a|neq: 'x'", event: #"{"a":"y"}"#, true),
        .init("neq: the value", item: "a|neq: 'x'", event: #"{"a":"X"}"#, false),
        .init("neq: a missing field differs", item: "a|neq: 'x'", event: #"{"b":"x"}"#, true),
        .init("neq: a list means none of them", item: "a|neq: ['x', 'y']", event: #"{"a":"y"}"#, false),
        .init("neq with a number", item: "a|neq: 5", event: #"{"a":"5"}"#, false),
        .init("all without a position", item: "a|all: ['*x*', '*y*']", event: #"{"a":"xy"}"#, true),
    ]

    static let expansionsRows: [SemanticsCase] = [
        .init("expand: exact list", item: "a|expand: '%intel_domains%'", event: #"{"a":"EVIL.com"}"#, true),
        .init(
            "expand: exact list, absent", item: "a|expand: '%intel_domains%'", event: #"{"a":"sub.evil.com"}"#, false),
        .init(
            "expand: contains list", item: "a|contains|expand: '%agents%'", event: #"{"a":"Mozilla sqlmap/1.0"}"#, true),
        .init("expand: startswith list", item: "a|startswith|expand: '%agents%'", event: #"{"a":"nikto/2"}"#, true),
        .init(
            "expand: endswith list", item: "a|endswith|expand: '%dynamic_dns_suffixes%'",
            event: #"{"a":"x.DuckDNS.org"}"#, true),
        .init("expand: cidr list", item: "a|cidr|expand: '%tor_nodes%'", event: #"{"a":"5.6.7.8"}"#, true),
        .init("expand: cidr list, IPv6", item: "a|cidr|expand: '%tor_nodes%'", event: #"{"a":"2001:db8::5"}"#, true),
        .init("expand: cidr list, absent", item: "a|cidr|expand: '%tor_nodes%'", event: #"{"a":"1.2.3.5"}"#, false),
        .init("expand: a missing list matches nothing", item: "a|expand: '%nope%'", event: #"{"a":"%nope%"}"#, false),
        .init("expand: an empty list matches nothing", item: "a|expand: '%empty_list%'", event: #"{"a":""}"#, false),
        .init(
            "expand: text around the placeholder", item: "a|expand: 'www.%intel_domains%'",
            event: #"{"a":"www.bad.org"}"#, true),
        .init(
            "expand: IOC values are literal", item: "a|expand: '%intel_domains%'", event: #"{"a":"c2Xexample"}"#, false),
        .init("expand: neq", item: "a|neq|expand: '%intel_domains%'", event: #"{"a":"good.com"}"#, true),
    ]

    static let conditionsRows: [SemanticsCase] = {
        let detection = """
                sel_a:
                    a: 'x'
                sel_b:
                    b: 'y'
                filter_c:
                    c: 'z'
                _hidden:
                    d: 'w'
            """
        func c(_ name: String, _ condition: String, _ event: String, _ expected: Bool) -> SemanticsCase {
            SemanticsCase(name, detection: detection + "\n    condition: \(condition)", event: event, expected)
        }
        return [
            c("and", "sel_a and sel_b", #"{"a":"x","b":"y"}"#, true),
            c("and: one false", "sel_a and sel_b", #"{"a":"x"}"#, false),
            c("or", "sel_a or sel_b", #"{"b":"y"}"#, true),
            c("not", "sel_a and not filter_c", #"{"a":"x","c":"z"}"#, false),
            c("not: filter absent", "sel_a and not filter_c", #"{"a":"x"}"#, true),
            c("precedence: and binds tighter than or", "sel_a or sel_b and filter_c", #"{"a":"x"}"#, true),
            c("parentheses", "(sel_a or sel_b) and filter_c", #"{"a":"x"}"#, false),
            c("not binds tighter than and", "not sel_a and sel_b", #"{"b":"y"}"#, true),
            c("1 of a pattern", "1 of sel_*", #"{"b":"y"}"#, true),
            c("any of a pattern", "any of sel_*", #"{"b":"y"}"#, true),
            c("all of a pattern", "all of sel_*", #"{"b":"y"}"#, false),
            c("all of a pattern: all hold", "all of sel_*", #"{"a":"x","b":"y"}"#, true),
            c("1 of them", "1 of them", #"{"c":"z"}"#, true),
            c("them leaves out _ names", "1 of them", #"{"d":"w"}"#, false),
            c("all of them leaves out _ names", "all of them", #"{"a":"x","b":"y","c":"z"}"#, true),
            c("a pattern starting with _ includes _ names", "1 of _*", #"{"d":"w"}"#, true),
            c("not 1 of", "sel_a and not 1 of filter_*", #"{"a":"x","c":"z"}"#, false),
            SemanticsCase(
                "a list of maps is ORed",
                detection: "    selection:\n        - a: 'x'\n        - b: 'y'\n    condition: selection",
                event: #"{"b":"y"}"#, true),
            SemanticsCase(
                "a map ANDs its items",
                detection: "    selection:\n        a: 'x'\n        b: 'y'\n    condition: selection",
                event: #"{"a":"x","b":"n"}"#, false),
            SemanticsCase(
                "a list-form condition is ORed",
                detection: detection + "\n    condition:\n        - sel_a\n        - sel_b", event: #"{"b":"y"}"#, true),
        ]
    }()

    @Test("strings, wildcards, escapes, case and value lists", arguments: Self.stringsRows)
    func strings(_ row: SemanticsCase) throws { try Self.check(row) }

    @Test("null, empty, missing, exists and arrays", arguments: Self.nullsAndArraysRows)
    func nullsAndArrays(_ row: SemanticsCase) throws { try Self.check(row) }

    @Test("numbers, numeric strings, booleans and field names", arguments: Self.numbersAndFieldsRows)
    func numbersAndFields(_ row: SemanticsCase) throws { try Self.check(row) }

    @Test("keyword (field-less) items", arguments: Self.keywordsRows)
    func keywords(_ row: SemanticsCase) throws { try Self.check(row) }

    @Test("re and cidr", arguments: Self.regexAndNetworksRows)
    func regexAndNetworks(_ row: SemanticsCase) throws { try Self.check(row) }

    @Test("windash and the encodings", arguments: Self.encodingsRows)
    func encodings(_ row: SemanticsCase) throws { try Self.check(row) }

    @Test("time parts", arguments: Self.timesRows)
    func times(_ row: SemanticsCase) throws { try Self.check(row) }

    @Test("fieldref, neq and all", arguments: Self.referencesRows)
    func references(_ row: SemanticsCase) throws { try Self.check(row) }

    @Test("expand with IOC lists", arguments: Self.expansionsRows)
    func expansions(_ row: SemanticsCase) throws { try Self.check(row) }

    @Test("conditions", arguments: Self.conditionsRows)
    func conditions(_ row: SemanticsCase) throws { try Self.check(row) }

    static func check(_ row: SemanticsCase) throws {
        let matched = try EngineTestSupport.matches(row.detection, row.event, iocs: Self.iocs)
        #expect(matched == row.matches, "\(row.name)\n\(row.detection)\nevent: \(row.event)")
    }
}

/// Base64 of UTF-8 text, for event values.
private func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

/// Base64 of bytes.
private func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

/// UTF-16LE bytes of text.
private func utf16le(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
