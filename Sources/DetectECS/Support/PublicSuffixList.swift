#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import DetectCore

/// The ICANN section of the Public Suffix List, for splitting domains into ECS `registered_domain`,
/// `top_level_domain` and `subdomain` the way Sekoia does (ECS-MAPPING.md P7, P8, §6.2): tldextract's
/// algorithm, private suffixes ignored.
///
/// Load it once at start-up (`init(path:)` reads Debian's `publicsuffix` file by default), then call
/// `split` on the hot path: it walks the host from its last label leftwards, extending one incremental
/// hash per label and probing an open-addressing table of suffixes (`PublicSuffixTable`); it allocates
/// nothing and creates no `String`.
///
/// tldextract semantics, kept exactly:
/// - Matching is ASCII-case-insensitive; the ranges point into the original bytes, case preserved.
/// - The suffix is the longest matching rule; a wildcard (`*.ck`) adds the next label unless an exception
///   (`!www.ck`) names it. Unlike the PSL algorithm, an unlisted TLD is **not** a suffix (tldextract has
///   no implicit `*` rule): `ip-111-30-40-252.eu-west-3.compute.internal` gives only the subdomain
///   `ip-111-30-40-252.eu-west-3.compute`.
/// - `registered` needs both a non-empty label before the suffix and a suffix; empty parts are nil.
/// - The host is taken leniently from the value: a `scheme://` prefix, user info, `:port`, and anything
///   from the first `/`, `?` or `#` are ignored (`sekoiaio.cloudflareaccess.com/cdn-cgi/...` splits its
///   host); trailing dots are dropped; surrounding ASCII whitespace of the host is ignored.
/// - An IP address (IPv4, IPv6, or a bracketed IPv6 literal) is not split: every part is nil.
///
/// IDN: the list's rules are UTF-8 and matched as bytes. Each IDN rule is also stored in its Punycode
/// form, so `xn--55qx5d.cn` and `公司.cn` both match; a name mixing Unicode and Punycode labels inside
/// one multi-label rule does not (tldextract would decode it). Non-ASCII letters are not case-folded,
/// and the ideographic full stops tldextract also treats as dots (U+3002, U+FF0E, U+FF61) are not.
public struct PublicSuffixList: Sendable {
    /// Debian's `publicsuffix` package copy of the list.
    public static let defaultPath = "/usr/share/publicsuffix/public_suffix_list.dat"
    /// Files larger than this are refused (the real list is about 250 KB).
    public static let maximumFileSize = 16 << 20

    private let table: PublicSuffixTable
    /// Whether a bare `*` rule makes every unknown TLD a suffix (not in the real list).
    private let rootWildcard: Bool

    /// The number of rules read from the ICANN section (exceptions and wildcards included).
    public let ruleCount: Int

    /// Loads the ICANN section of a PSL file.
    ///
    /// - Parameter path: the file; `defaultPath` when omitted.
    /// - Throws: `PublicSuffixListError` naming the path when the file cannot be read, is too large,
    ///   lacks the `===END ICANN DOMAINS===` marker, or has no rule before it.
    public init(path: String = PublicSuffixList.defaultPath) throws {
        let bytes = try PublicSuffixList.readFile(path)
        try self.init(parsing: bytes, path: path, requireICANNMarker: true)
    }

    /// Builds a list from PSL text in memory: lines up to `===END ICANN DOMAINS===` (the whole text when
    /// the marker is absent), each read up to its first whitespace, `//` comments and blank lines skipped.
    ///
    /// - Parameters:
    ///   - text: PSL-format bytes.
    ///   - path: the name to show in errors.
    ///   - requireICANNMarker: throw when the end-of-ICANN marker is missing.
    /// - Throws: `PublicSuffixListError` when there is no rule (or no marker, if required).
    public init(parsing text: [UInt8], path: String? = nil, requireICANNMarker: Bool = false) throws {
        var table = PublicSuffixTable()
        var rules = 0
        var rootWildcard = false
        var sawMarker = false
        let marker = Array("===END ICANN DOMAINS===".utf8)
        var rule: [UInt8] = []

        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = text[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if line.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
                if PublicSuffixList.contains(line, marker) {
                    sawMarker = true
                    break
                }
                continue
            }
            var tokenEnd = line.startIndex
            while tokenEnd < line.endIndex, !PublicSuffixList.isSpace(line[tokenEnd]) { tokenEnd += 1 }
            let token = line[line.startIndex..<tokenEnd]
            guard !token.isEmpty else { continue }
            rules += 1
            if token.count == 1 && token.first == UInt8(ascii: "*") {
                rootWildcard = true
                continue
            }
            rule.removeAll(keepingCapacity: true)
            rule.append(contentsOf: token)
            PublicSuffixList.addRule(&rule, to: &table)
            // The Punycode twin of an IDN rule.
            if token.contains(where: { $0 >= 0x80 }),
                let ascii = Punycode.asciiName(String(decoding: token, as: UTF8.self))
            {
                rule.removeAll(keepingCapacity: true)
                rule.append(contentsOf: ascii.utf8)
                PublicSuffixList.addRule(&rule, to: &table)
            }
        }
        if requireICANNMarker && !sawMarker {
            throw PublicSuffixListError(
                .missingICANNSection,
                path: path,
                message: "no '===END ICANN DOMAINS===' line; is this a Public Suffix List file?"
            )
        }
        guard rules > 0 else {
            throw PublicSuffixListError(.noRules, path: path, message: "no rule in the ICANN section")
        }
        self.table = table
        self.rootWildcard = rootWildcard
        self.ruleCount = rules
    }

    /// Adds one rule (`co.uk`, `*.ck`, `!www.ck`; lower-cased here, in place) to `table` with a node entry for
    /// each parent suffix (`uk` for `co.uk`), hashing it once from its last byte, as lookups do.
    private static func addRule(_ rule: inout [UInt8], to table: inout PublicSuffixTable) {
        for index in rule.indices where rule[index] &- 65 < 26 { rule[index] |= 0x20 }
        var start = 0
        var flags = PublicSuffixTable.Flag.node | PublicSuffixTable.Flag.rule
        let isException = rule.first == UInt8(ascii: "!")
        if isException {
            start = 1
            flags = PublicSuffixTable.Flag.exception
        }
        if rule.count - start >= 2, rule[start] == UInt8(ascii: "*"), rule[start + 1] == UInt8(ascii: ".") {
            start += 2
            if !isException { flags = PublicSuffixTable.Flag.node | PublicSuffixTable.Flag.wildcard }
        }
        guard start < rule.count, rule.count - start <= Int(UInt16.max) else { return }
        rule.withUnsafeBufferPointer { bytes in
            var hash = PublicSuffixTable.hashSeed
            var index = bytes.count - 1
            while index >= start {
                // A dot after the rule's first byte ends a parent: the suffix hashed so far.
                if index > start, bytes[index] == UInt8(ascii: ".") {
                    let parent = UnsafeBufferPointer(rebasing: bytes[(index + 1)...])
                    table.insert(parent, hash: hash, flags: PublicSuffixTable.Flag.node)
                }
                hash = PublicSuffixTable.step(hash, bytes[index])
                index -= 1
            }
            table.insert(UnsafeBufferPointer(rebasing: bytes[start...]), hash: hash, flags: flags)
        }
    }

    // MARK: Splitting

    /// Splits a domain (or a value whose host part is a domain) into registered domain, public suffix and
    /// subdomain, following tldextract (see the type's documentation).
    ///
    /// - Parameter bytes: the value, e.g. `objects.githubusercontent.com` or `host.test/path`.
    /// - Returns: ranges into `bytes`; all nil for an IP address or a value without a host.
    ///
    /// Example: `objects.githubusercontent.com` → registered `githubusercontent.com`, topLevel `com`,
    /// subdomain `objects` (`githubusercontent.com` is a private-section suffix, ignored).
    public func split(_ bytes: UnsafeBufferPointer<UInt8>) -> DomainParts {
        // A bare IPv6 address would otherwise be cut at its first ':' like a port.
        if bytes.count >= 2, bytes.count <= IPAddress.maximumTextLength,
            IPAddress(text: bytes, unwrapMappedIPv4: false) != nil
        {
            return DomainParts(host: 0..<bytes.count)
        }
        guard let host = PublicSuffixList.hostRange(bytes) else { return DomainParts() }
        var parts = DomainParts(host: host)
        guard !PublicSuffixList.isIPAddress(bytes, host) else { return parts }
        let suffixStart = self.suffixStart(bytes, host)
        let lower = host.lowerBound
        let upper = host.upperBound
        if suffixStart < upper {
            parts.topLevel = suffixStart..<upper
        }
        // The domain label ends before the suffix's dot (or at the end when there is no suffix).
        let domainEnd = suffixStart < upper ? suffixStart - 1 : upper
        guard domainEnd >= lower else { return parts }  // the whole host is the suffix
        var domainStart = domainEnd
        while domainStart > lower, bytes[domainStart - 1] != UInt8(ascii: ".") { domainStart -= 1 }
        if domainEnd > domainStart, suffixStart < upper {
            parts.registered = domainStart..<upper
        }
        if domainStart - 1 > lower {
            parts.subdomain = lower..<(domainStart - 1)
        }
        return parts
    }

    /// Convenience for tests and set-up code: the three parts as strings. Not for the hot path.
    public func split(_ text: String) -> (registered: String?, topLevel: String?, subdomain: String?) {
        let bytes = Array(text.utf8)
        let parts = bytes.withUnsafeBufferPointer { self.split($0) }
        func slice(_ range: Range<Int>?) -> String? {
            range.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        return (slice(parts.registered), slice(parts.topLevel), slice(parts.subdomain))
    }

    /// The index where the public suffix of `p[host]` starts; `host.upperBound` when there is none.
    /// tldextract's `suffix_index` on a trie, here on the hash table.
    private func suffixStart(_ p: UnsafeBufferPointer<UInt8>, _ host: Range<Int>) -> Int {
        let lower = host.lowerBound
        let upper = host.upperBound
        var best = upper
        var hash = PublicSuffixTable.hashSeed
        var labelEnd = upper
        var parentWildcard = self.rootWildcard
        while true {
            var labelStart = labelEnd
            while labelStart > lower, p[labelStart - 1] != UInt8(ascii: ".") { labelStart -= 1 }
            if labelEnd < upper { hash = PublicSuffixTable.step(hash, UInt8(ascii: ".")) }
            var k = labelEnd
            while k > labelStart {
                k -= 1
                hash = PublicSuffixTable.step(hash, p[k])
            }
            let flags = self.table.flags(hash: hash, p, labelStart..<upper)
            if flags & PublicSuffixTable.Flag.node != 0 {
                if flags & PublicSuffixTable.Flag.rule != 0 { best = labelStart }
                parentWildcard = flags & PublicSuffixTable.Flag.wildcard != 0
                if labelStart == lower { return best }
                labelEnd = labelStart - 1
                continue
            }
            if parentWildcard {
                // An exception stops at the parent; otherwise the wildcard takes this label.
                return flags & PublicSuffixTable.Flag.exception != 0 ? labelEnd + 1 : labelStart
            }
            return best
        }
    }

    /// tldextract's `lenient_netloc`: the host part of a value, or nil when it is empty.
    static func hostRange(_ p: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let end = p.count
        var start = 0
        // Scheme-less: after a leading "//", or after "scheme://" when only scheme bytes precede it.
        var slashes = -1
        var k = 0
        while k + 1 < end {
            if p[k] == UInt8(ascii: "/"), p[k + 1] == UInt8(ascii: "/") {
                slashes = k
                break
            }
            k += 1
        }
        if slashes == 0 {
            start = 2
        } else if slashes >= 2, p[slashes - 1] == UInt8(ascii: ":") {
            var schemeOnly = true
            for j in 0..<(slashes - 1) where !isSchemeByte(p[j]) {
                schemeOnly = false
                break
            }
            if schemeOnly { start = slashes + 2 }
        }
        // Up to the first '/', '?' or '#'.
        var stop = start
        while stop < end {
            let c = p[stop]
            if c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: "#") { break }
            stop += 1
        }
        // After the last '@'.
        var hostStart = start
        var j = stop
        while j > start {
            j -= 1
            if p[j] == UInt8(ascii: "@") {
                hostStart = j + 1
                break
            }
        }
        // A bracketed IPv6 literal is kept whole.
        if hostStart < stop, p[hostStart] == UInt8(ascii: "[") {
            var close = hostStart
            while close < stop, p[close] != UInt8(ascii: "]") { close += 1 }
            if close < stop { return hostStart..<(close + 1) }
        }
        // Up to the first ':', whitespace-trimmed, trailing dots dropped.
        var hostEnd = hostStart
        while hostEnd < stop, p[hostEnd] != UInt8(ascii: ":") { hostEnd += 1 }
        while hostStart < hostEnd, isSpace(p[hostStart]) { hostStart += 1 }
        while hostEnd > hostStart, isSpace(p[hostEnd - 1]) { hostEnd -= 1 }
        while hostEnd > hostStart, p[hostEnd - 1] == UInt8(ascii: ".") { hostEnd -= 1 }
        return hostEnd > hostStart ? hostStart..<hostEnd : nil
    }

    /// Whether `p[host]` is an IP address (bracketed or not).
    private static func isIPAddress(_ p: UnsafeBufferPointer<UInt8>, _ host: Range<Int>) -> Bool {
        if p[host.lowerBound] == UInt8(ascii: "[") { return true }
        let first = p[host.lowerBound]
        guard first &- 48 < 10 || IPAddress.hexValue(first) != nil || first == UInt8(ascii: ":") else {
            return false
        }
        return IPAddress(text: UnsafeBufferPointer(rebasing: p[host]), unwrapMappedIPv4: false) != nil
    }

    // MARK: Loading

    /// Reads the whole file (start-up only).
    private static func readFile(_ path: String) throws(PublicSuffixListError) -> [UInt8] {
        do throws(FileSystemError) {
            return try FileSystem.contents(of: path, limit: maximumFileSize)
        } catch where error.reason == .tooLarge {
            throw PublicSuffixListError(
                .tooLarge, path: path, message: "larger than \(maximumFileSize) bytes; not a Public Suffix List")
        } catch {
            throw PublicSuffixListError(.unreadable, path: path, message: "cannot read: \(error)")
        }
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard line.count >= needle.count else { return false }
        var i = line.startIndex
        while i + needle.count <= line.endIndex {
            if line[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    private static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
    }

    @inline(__always)
    private static func isSchemeByte(_ c: UInt8) -> Bool {
        (c | 0x20) &- 97 < 26 || c &- 48 < 10 || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
            || c == UInt8(ascii: ".")
    }
}
