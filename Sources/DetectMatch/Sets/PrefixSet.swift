/// An immutable set of literal prefixes answering "does the value start with any of them" (long
/// `startswith` lists), in one trie walk bounded by the longest prefix, whatever the list's size.
///
/// Entries are literals (no wildcards; the engine keeps wildcard entries as separate
/// ``StringMatcher``s). Case-insensitive means ASCII letters only, as for ``StringMatcher``.
public struct PrefixSet: Hashable, Sendable {
    /// Whether bytes compare exactly rather than ignoring ASCII case.
    public let caseSensitive: Bool
    private let trie: ByteTrie

    /// A set of `prefixes`. An empty prefix makes the set match every value.
    public init(_ prefixes: some Sequence<some StringProtocol>, caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
        self.trie = ByteTrie(keys: prefixes.map { caseSensitive ? Array($0.utf8) : ASCIIFolding.folded($0.utf8) })
    }

    /// The distinct prefixes (folded unless ``caseSensitive``).
    public var entries: [[UInt8]] { self.trie.keys }

    /// Whether the set has no prefix.
    public var isEmpty: Bool { self.trie.nodeCount == 1 && !self.trie.terminal[0] }

    /// Whether `value` starts with one of the prefixes.
    public func matches(_ value: UnsafeRawBufferPointer) -> Bool {
        let caseSensitive = self.caseSensitive
        return self.trie.withView { trie in
            if trie.terminal[0] { return true }
            var node = 0
            for byte in value {
                node = trie.child(node, caseSensitive ? byte : ASCIIFolding.fold(byte))
                if node < 0 { return false }
                if trie.terminal[node] { return true }
            }
            return false
        }
    }

    /// Whether `value` starts with one of the prefixes.
    public func matches(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { self.matches(UnsafeRawBufferPointer($0)) }
    }
}
