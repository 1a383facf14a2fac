/// The keys of the previous document, which ``JSONScanner`` tries first for each key of a document:
/// records of one stream usually repeat their keys in the same order, and a key whose text equals the
/// predicted one is taken with a few 8-byte comparisons instead of being scanned.
///
/// A prediction is a key's whole member prefix: opening quote, bytes, closing quote and colon (`"key":`).
/// The bytes between the quotes formed a complete, valid JSON string body in the previous document, so
/// the same bytes after an opening quote are that same string again: nothing is left to check. A key
/// followed by whitespace before its colon (`"key" :`) is never predicted. Predictions are tried in
/// document order until one fails.
struct KeyPrediction {
    /// One predicted key: where its member prefix starts in the text, how long it is, at what depth
    /// (open containers, the key's object included) it was, and whether its body has escapes.
    struct Key {
        var start: Int32
        var count: Int32
        var depth: UInt8
        var isEscaped: Bool

        /// The entry after the last key: depth 0 matches no key, so every document stops there.
        static let end = Key(start: 0, count: 0, depth: 0, isEscaped: false)
    }

    /// Each key's member prefix, back to back, then 8 bytes of padding for whole-word loads.
    private let text: UnsafePointer<UInt8>
    /// The keys in document order, then ``Key/end``.
    private let keys: UnsafePointer<Key>
    /// The number of keys, ``Key/end`` not included.
    private let count: Int
    /// The ordinal of the next key of the document; `count` once a key failed.
    private var next = 0
    /// Whether every key so far was the predicted one.
    private var matching = true

    /// `keys` holds `count` keys and then ``Key/end``.
    init(text: UnsafePointer<UInt8>, keys: UnsafePointer<Key>, count: Int) {
        self.text = text
        self.keys = keys
        self.count = count
    }

    /// Whether the document had exactly the predicted keys (same bytes, order and depths).
    var isRepeat: Bool { self.matching && self.next == self.count }

    /// The next key's body length and escape flag when the `available` bytes at `prefix` (the key's
    /// opening quote) start with the predicted member prefix at the predicted depth; nil otherwise, and
    /// no later key is tried.
    @inline(__always)
    mutating func match(_ prefix: UnsafePointer<UInt8>, available: Int, depth: Int) -> (length: Int, isEscaped: Bool)? {
        let key = self.keys[self.next]
        let count = Int(key.count)
        let predicted = self.text + Int(key.start)
        guard Int(key.depth) == depth, count <= available,
            available >= 8
                ? Self.equal(UnsafeRawPointer(prefix), UnsafeRawPointer(predicted), count: count)
                : Self.equalNearEnd(prefix, predicted, count: count)
        else {
            self.next = self.count
            self.matching = false
            return nil
        }
        self.next &+= 1
        return (count &- 3, key.isEscaped)
    }

    /// Whether `count` bytes at `a` and `b` are equal, byte by byte: the input ends within 8 bytes.
    private static func equalNearEnd(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        for index in 0..<count where a[index] != b[index] { return false }
        return true
    }

    /// Whether `count` (>= 1) bytes at `a` and `b` are equal; both have at least 8 readable bytes.
    @inline(__always)
    private static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        guard count > 8 else {
            let mask = count == 8 ? UInt64.max : (1 &<< UInt64(count &* 8)) &- 1
            return (a.loadUnaligned(as: UInt64.self) ^ b.loadUnaligned(as: UInt64.self)) & mask == 0
        }
        var index = 0
        while index < count &- 8 {
            guard a.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            else { return false }
            index &+= 8
        }
        return a.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            == b.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
    }
}
