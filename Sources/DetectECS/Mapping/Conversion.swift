import DetectCore

/// How a raw Cloudflare value becomes an ECS value. A conversion that cannot apply (an invalid IP, a
/// non-numeric port, an unknown code) writes nothing: no ECS field is better than a wrong one.
enum Conversion: Sendable {
    /// The value as it is (strings, numbers, bools, arrays, objects).
    case copy
    /// As a string: numbers and bools are written as their JSON text (ECS `keyword`).
    case keyword
    /// As a lower-cased string.
    case lowercase
    /// As an integer: integers, and strings of digits (ECS `long`).
    case long
    /// As `.long`, but only above zero: Cloudflare writes 0 for "none" in some ports and status codes
    /// (`OverridePort`, gateway_http `HTTPStatusCode`).
    case positiveLong
    /// As `.long`, multiplied by a factor: a duration in milliseconds (`1_000_000`) or microseconds
    /// (`1_000`) as ECS nanoseconds (`event.duration`).
    case scaled(Int64)
    /// As a number: integers and floats, and numeric strings (ECS `float`/`double`).
    case number
    /// As a bool: `true`/`false`, and the strings `"true"`/`"false"`.
    case bool
    /// A validated IP address, canonical text, IPv4-mapped IPv6 unwrapped; arrays keep their valid IPs.
    case ip
    /// A point in time (unixnano, unix seconds or milliseconds, RFC 3339, RFC 1123) as RFC 3339 UTC
    /// with microseconds. The Unix epoch itself is Cloudflare's "not set" (`0`, `1970-01-01T00:00:00Z`
    /// in spectrum_events `DisconnectTimestamp`) and writes nothing.
    case timestamp
    /// An IANA DNS RR type number (or its numeric string) as its mnemonic (`28` → `AAAA`).
    case dnsType
    /// An IANA DNS RCODE number as its name (`3` → `NXDomain`).
    case dnsResponseCode
    /// A domain name with leading and trailing dots removed, case kept.
    case domain
    /// `HTTP/1.1` → `1.1`, `HTTP/2` → `2` (ECS `http.version`).
    case httpVersion
    /// `TLSv1.3` (or `TLS 1.3`) → `1.3` (ECS `tls.version`).
    case tlsVersion
    /// `TLSv1.3` (or `TLS 1.3`) → `tls`, `SSLv3` → `ssl` (ECS `tls.version_protocol`).
    case tlsProtocol
    /// A lookup of the lower-cased string (or JSON text) of the value; absent keys write nothing.
    case lookup(ValueTable)
    /// A fixed value, written when the raw field is present and not empty.
    case constant(ECSValue)
    /// A string with a fixed prefix (`Source` `waf` → `cloudflare.waf` for `event.module`).
    case prefixed(String)
    /// A string split on a separator into an array of non-empty strings.
    case split(String)
    /// A hex string of exactly this many characters (hashes); anything else writes nothing.
    case hexDigest(length: Int)
    /// The host of a URL that may lack its `scheme://` (`app.example.com/warp` → `app.example.com`, Access
    /// `AppDomain`); a bare `/path` has none.
    case bareURLHost
    /// The path of a URL that may lack its `scheme://` (`app.example.com/warp` → `/warp`).
    case bareURLPath
    /// The `index`-th (from 0) part of a string split on `separator` (`US/NV/Las Vegas`, 2 → `Las Vegas`);
    /// nothing when there are fewer parts or that part is empty.
    case component(separator: String, index: Int)
    /// The host of a URL (`https://a.example/x` → `a.example`) or the domain of an e-mail address
    /// (`user@example.com` → `example.com`); an array gives the array of its distinct hosts. For
    /// `related.hosts`, `destination.domain`, … from links and addresses.
    case host
    /// From an array of objects (or one object), the value of member `key` of each, as an array
    /// (`Attachments` → every `Sha256`); objects without it are skipped.
    case pluck(String)
    /// An array of objects (or one object) rebuilt with ECS names: each `(raw member, dotted ECS path)`
    /// pair copies one member, nesting dotted paths (`Name` → `file.name` for `email.attachments`).
    case objects([(raw: String, ecs: String)])
    /// `network.community_id` of the flow whose protocol is the raw value (an IANA number or a name such
    /// as `tcp`), read after the table rows that wrote `source.ip`/`port` and `destination.ip`/`port`.
    case communityID
}

/// A constant ECS value in a mapping table.
enum ECSValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByIntegerLiteral
{
    case string(ConstantString)
    case strings([ConstantString])
    case integer(Int64)
    case bool(Bool)

    init(stringLiteral value: String) { self = .string(ConstantString(value)) }
    init(arrayLiteral elements: String...) { self = .strings(elements.map(ConstantString.init)) }
    init(integerLiteral value: Int64) { self = .integer(value) }
}

/// A value lookup table: lower-cased raw text → ECS value.
///
/// A class so that a ``Conversion`` holding one stays one reference wide: conversions are copied out of
/// the compiled rules on every record.
final class ValueTable: Sendable {
    let entries: [String: ECSValue]
    /// The keys of `entries` as bytes, for looking up ASCII text without making a `String`; id `i` is
    /// `values[i]`.
    let keys: ByteKeyTable
    let values: [ECSValue]

    init(_ entries: [String: ECSValue]) {
        var lowered: [String: ECSValue] = [:]
        for (key, value) in entries { lowered[key.lowercased()] = value }
        self.entries = lowered
        self.keys = ByteKeyTable(Array(lowered.keys))
        self.values = Array(lowered.values)
    }

    /// The value for `text` compared without case (Unicode lower-casing, as `String.lowercased()`).
    ///
    /// ASCII text (the usual case) is lower-cased in place and looked up as bytes; other text goes
    /// through `String.lowercased()`. `text` may be changed.
    func value(for text: inout [UInt8]) -> ECSValue? {
        var isASCII = true
        for index in text.indices {
            let byte = text[index]
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte &- 65 < 26 { text[index] = byte | 0x20 }
        }
        guard isASCII else { return self.entries[String(decoding: text, as: UTF8.self).lowercased()] }
        return text.withUnsafeBytes { self.keys.id(of: $0) }.map { self.values[$0] }
    }
}
