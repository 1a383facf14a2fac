/// The parts of a URL as byte ranges into the caller's buffer (RFC 3986 generic syntax, leniently), for
/// ECS `url.*`.
///
/// Accepted shapes:
/// - `scheme://user:pass@host:port/path?query#fragment` (any part after the host optional);
/// - scheme-relative `//host/path…`;
/// - a bare path `/path?query#fragment`, or any other relative reference (`a/b`, `?q`): path, query and
///   fragment only;
/// - `scheme:opaque` without `//` (`mailto:a@b.test`): the scheme, then the rest as the path. As in
///   RFC 3986, `localhost:8080/x` therefore has the scheme `localhost`; a host with a port needs `//`.
///
/// Decisions, all ECS/Elastic-compatible:
/// - No part is decoded or lower-cased; ranges point into the input as it is.
/// - Empty parts are nil (`https://h/?` has no query, `file:///x` has no host), following the "empty is
///   not written" rule (ECS-MAPPING.md P1).
/// - `host` keeps the brackets of an IPv6 literal (`[2001:db8::1]`), as ECS `url.domain` asks;
///   `hostAddress` is the part inside them.
/// - The path starts right after the authority, so `https://example.test.gr//android-chrome-192x192.png`
///   has the path `//android-chrome-192x192.png` (Elastic's fixture).
/// - `extension` (ECS `url.extension`): what follows the last `.` of the last path segment, without the
///   dot, when that is not empty (`/a/b.tar.gz` → `gz`; `/a.b/c` → none; `/file.` → none).
/// - The port must be 1–5 digits with a value up to 65535; anything else makes the whole URL invalid
///   (nil), as it does in Java's `URI` behind Elastic's `uri_parts`. An empty port (`host:`) is no port.
/// - `defaultPort` is 80 for `http` and 443 for `https` (any case), nil otherwise; the caller decides
///   whether to emit it (Sekoia fills `url.port` with it, P9; Elastic does not).
/// - Characters that RFC 3986 forbids (spaces, `|`, non-ASCII) are kept in the parts rather than
///   rejected, as Java's `URL` fallback does.
public struct URLParts: Hashable, Sendable {
    /// The scheme, without `:` (`https`).
    public var scheme: Range<Int>?
    /// The user information before `@`, without it (`user:pass`).
    public var userInfo: Range<Int>?
    /// The host as written (`example.com`, `1.2.3.4`, `[2001:db8::1]` with its brackets).
    public var host: Range<Int>?
    /// The explicit port's digits.
    public var portRange: Range<Int>?
    /// The explicit port's value.
    public var port: Int?
    /// The path, from its first `/` (or its first byte for relative references).
    public var path: Range<Int>?
    /// The query, without `?`.
    public var query: Range<Int>?
    /// The fragment, without `#`.
    public var fragment: Range<Int>?
    /// The extension of the last path segment, without the dot.
    public var `extension`: Range<Int>?
    /// 80 for `http`, 443 for `https`, nil for other or no schemes.
    public var defaultPort: Int?

    /// Whether the host is a bracketed IP literal (`[2001:db8::1]`).
    public private(set) var hostIsIPLiteral = false

    /// The host without IPv6 brackets (`2001:db8::1`); the same as `host` otherwise.
    public var hostAddress: Range<Int>? {
        guard let host else { return nil }
        return self.hostIsIPLiteral ? (host.lowerBound + 1)..<(host.upperBound - 1) : host
    }

    /// The explicit port, else the scheme's default.
    public var effectivePort: Int? { self.port ?? self.defaultPort }

    /// An empty result, for building.
    public init() {}

    /// Splits URL bytes into parts.
    ///
    /// - Parameter bytes: the URL, nothing around it.
    /// - Returns: nil for empty input, an invalid port, a scheme-relative or absolute URL whose bracketed
    ///   host lacks its `]`, or a byte after `]` other than `:` or the end of the authority.
    public init?(parsing bytes: UnsafeBufferPointer<UInt8>) {
        let end = bytes.count
        guard end > 0 else { return nil }
        var i = 0

        // Scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        if URLParts.isAlpha(bytes[0]) {
            var j = 1
            while j < end, URLParts.isSchemeByte(bytes[j]) { j += 1 }
            if j < end, bytes[j] == UInt8(ascii: ":") {
                self.scheme = 0..<j
                self.defaultPort = URLParts.defaultPort(bytes, 0..<j)
                i = j + 1
            }
        }

        // Authority after "//".
        if i + 1 < end, bytes[i] == UInt8(ascii: "/"), bytes[i + 1] == UInt8(ascii: "/") {
            let start = i + 2
            var authorityEnd = start
            while authorityEnd < end {
                let c = bytes[authorityEnd]
                if c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: "#") { break }
                authorityEnd += 1
            }
            guard self.parseAuthority(bytes, start, authorityEnd) else { return nil }
            i = authorityEnd
        }

        // Path, query, fragment.
        var pathEnd = i
        while pathEnd < end, bytes[pathEnd] != UInt8(ascii: "?"), bytes[pathEnd] != UInt8(ascii: "#") {
            pathEnd += 1
        }
        if pathEnd > i {
            self.path = i..<pathEnd
            self.extension = URLParts.extensionRange(bytes, i, pathEnd)
        }
        i = pathEnd
        if i < end, bytes[i] == UInt8(ascii: "?") {
            var queryEnd = i + 1
            while queryEnd < end, bytes[queryEnd] != UInt8(ascii: "#") { queryEnd += 1 }
            if queryEnd > i + 1 { self.query = (i + 1)..<queryEnd }
            i = queryEnd
        }
        if i < end, bytes[i] == UInt8(ascii: "#"), i + 1 < end {
            self.fragment = (i + 1)..<end
        }
    }

    /// Convenience for tests and set-up code; not for the hot path.
    public init?(parsing text: String) {
        var text = text
        guard let parts = text.withUTF8({ URLParts(parsing: $0) }) else { return nil }
        self = parts
    }

    /// `[userinfo@]host[:port]` in `p[start..<end]`.
    private mutating func parseAuthority(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var hostStart = start
        var k = end
        while k > start {
            k -= 1
            if p[k] == UInt8(ascii: "@") {
                if k > start { self.userInfo = start..<k }
                hostStart = k + 1
                break
            }
        }
        var hostEnd = hostStart
        if hostStart < end, p[hostStart] == UInt8(ascii: "[") {
            while hostEnd < end, p[hostEnd] != UInt8(ascii: "]") { hostEnd += 1 }
            guard hostEnd < end else { return false }
            hostEnd += 1
            guard hostEnd == end || p[hostEnd] == UInt8(ascii: ":") else { return false }
            self.hostIsIPLiteral = true
        } else {
            while hostEnd < end, p[hostEnd] != UInt8(ascii: ":") { hostEnd += 1 }
        }
        if hostEnd > hostStart { self.host = hostStart..<hostEnd }
        if hostEnd < end {  // ":" port
            let digitsStart = hostEnd + 1
            let count = end - digitsStart
            guard count <= 5 else { return false }
            var value = 0
            for d in digitsStart..<end {
                let digit = p[d] &- 48
                guard digit < 10 else { return false }
                value = value * 10 + Int(digit)
            }
            guard value <= 65_535 else { return false }
            if count > 0 {
                self.port = value
                self.portRange = digitsStart..<end
            }
        }
        return true
    }

    /// The extension of the last segment of the path `p[start..<end]`.
    private static func extensionRange(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int>? {
        var k = end
        while k > start {
            k -= 1
            let c = p[k]
            if c == UInt8(ascii: "/") { return nil }
            if c == UInt8(ascii: ".") { return k + 1 < end ? (k + 1)..<end : nil }
        }
        return nil
    }

    private static func defaultPort(_ p: UnsafeBufferPointer<UInt8>, _ scheme: Range<Int>) -> Int? {
        let n = scheme.count
        guard n == 4 || n == 5 else { return nil }
        let s = scheme.lowerBound
        guard p[s] | 0x20 == UInt8(ascii: "h"), p[s + 1] | 0x20 == UInt8(ascii: "t"),
            p[s + 2] | 0x20 == UInt8(ascii: "t"), p[s + 3] | 0x20 == UInt8(ascii: "p")
        else { return nil }
        if n == 4 { return 80 }
        return p[s + 4] | 0x20 == UInt8(ascii: "s") ? 443 : nil
    }

    @inline(__always)
    private static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- 97 < 26 }

    @inline(__always)
    private static func isSchemeByte(_ c: UInt8) -> Bool {
        isAlpha(c) || c &- 48 < 10 || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
    }
}
