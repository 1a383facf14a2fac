/// An immutable set of literal suffixes answering "does the value end with any of them" (long plain
/// `endswith` lists on arbitrary strings: file extensions, URL endings), with a trie of the reversed
/// suffixes walked from the value's end: one step per byte, bounded by the longest suffix.
///
/// Unlike ``DomainSuffixSet`` there is no label boundary: `xample.com` matches `badexample.com`.
/// Entries are literals; case-insensitive means ASCII letters only, as for ``StringMatcher``.
public struct SuffixSet: Hashable, Sendable {
    /// Whether bytes compare exactly rather than ignoring ASCII case.
    public let caseSensitive: Bool
    private let trie: ByteTrie

    /// A set of `suffixes`. An empty suffix makes the set match every value.
    public init(_ suffixes: some Sequence<some StringProtocol>, caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
        self.trie = ByteTrie(keys: suffixes.map {
            (caseSensitive ? Array($0.utf8) : ASCIIFolding.folded($0.utf8)).reversed()
        })
    }

    /// The distinct suffixes (folded unless ``caseSensitive``).
    public var entries: [[UInt8]] { self.trie.keys.map { Array($0.reversed()) } }

    /// Whether the set has no suffix.
    public var isEmpty: Bool { self.trie.nodeCount == 1 && !self.trie.terminal[0] }

    /// Whether `value` ends with one of the suffixes.
    public func matches(_ value: UnsafeRawBufferPointer) -> Bool {
        let caseSensitive = self.caseSensitive
        return self.trie.withView { trie in
            if trie.terminal[0] { return true }
            var node = 0
            var index = value.count
            while index > 0 {
                index -= 1
                let byte = value[index]
                node = trie.child(node, caseSensitive ? byte : ASCIIFolding.fold(byte))
                if node < 0 { return false }
                if trie.terminal[node] { return true }
            }
            return false
        }
    }

    /// Whether `value` ends with one of the suffixes.
    public func matches(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { self.matches(UnsafeRawBufferPointer($0)) }
    }
}
