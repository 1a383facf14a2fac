/// An immutable set of domains answering "is this host name one of them or a subdomain of one", at
/// label boundaries: `example.com` matches `example.com` and `a.b.example.com`, never
/// `badexample.com`. For IOC domain lists and `dynamic_dns_suffixes`-style lists.
///
/// A trie of the reversed domains is walked from the value's end (one step per byte, bounded by the
/// longest entry); a match counts where an entry ends at the value's start or just after a `.`.
///
/// Matching ignores ASCII case. One trailing `.` (fully qualified form) is ignored on entries and on
/// values. Entries are normalized: surrounding whitespace, a leading `*.` or `.`, and a trailing `.`
/// are removed (`*.example.com`, `.example.com` and `example.com` all mean the domain and its
/// subdomains). Non-ASCII (UTF-8) labels are compared byte for byte; punycode is not decoded.
public struct DomainSuffixSet: Hashable, Sendable {
    private let trie: ByteTrie

    private init(normalized domains: [[UInt8]]) {
        self.trie = ByteTrie(keys: domains.map { $0.reversed() })
    }

    /// Builds a set from domain entries.
    ///
    /// - Returns: the set of the valid entries, and one ``SetEntryError`` per entry that is empty after
    ///   normalization, has an empty label (`a..b`), or holds whitespace, control characters or any of
    ///   `/ : @ ? # * \` (a URL or address pasted into a domain list).
    public static func parse(
        _ entries: some Sequence<some StringProtocol>
    ) -> (set: DomainSuffixSet, errors: [SetEntryError]) {
        var domains: [[UInt8]] = []
        var errors: [SetEntryError] = []
        for (index, entry) in entries.enumerated() {
            switch Self.normalize(entry) {
            case .success(let domain): domains.append(domain)
            case .failure(let error):
                errors.append(SetEntryError(index: index, entry: String(entry), reason: error.reason))
            }
        }
        return (DomainSuffixSet(normalized: domains), errors)
    }

    private struct InvalidDomain: Error {
        let reason: String
    }

    private static func normalize(_ entry: some StringProtocol) -> Result<[UInt8], InvalidDomain> {
        var bytes = ASCIIFolding.folded(entry.trimmingASCIIWhitespace.utf8)[...]
        if bytes.starts(with: [UInt8(ascii: "*"), UInt8(ascii: ".")]) {
            bytes = bytes.dropFirst(2)
        } else if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
        }
        if bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return .failure(InvalidDomain(reason: "empty domain")) }
        if bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) {
            return .failure(InvalidDomain(reason: "not a domain name: contains a space or control character"))
        }
        if let byte = bytes.first(where: { "/:@?#*\\".utf8.contains($0) }) {
            return .failure(InvalidDomain(reason: "not a domain name: contains '\(Unicode.Scalar(byte))'"))
        }
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in bytes {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") {
                return .failure(InvalidDomain(reason: "not a domain name: empty label"))
            }
            previous = byte
        }
        return .success(Array(bytes))
    }

    /// Whether the set holds no domain.
    public var isEmpty: Bool { self.trie.nodeCount == 1 }

    /// Whether the host name `value` is one of the domains or a subdomain of one.
    public func matches(_ value: UnsafeRawBufferPointer) -> Bool {
        var end = value.count
        if end > 0 && value[end - 1] == UInt8(ascii: ".") { end -= 1 }
        return self.trie.withView { trie in
            var node = 0
            var index = end
            while index > 0 {
                index -= 1
                node = trie.child(node, ASCIIFolding.fold(value[index]))
                if node < 0 { return false }
                if trie.terminal[node] && (index == 0 || value[index - 1] == UInt8(ascii: ".")) { return true }
            }
            return false
        }
    }

    /// Whether the host name `value` is one of the domains or a subdomain of one.
    public func matches(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { self.matches(UnsafeRawBufferPointer($0)) }
    }
}
