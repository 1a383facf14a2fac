/// The keys of the previous document, which ``JSONScanner`` tries first for each key of a document:
/// records of one stream usually repeat their keys in the same order, and a key equal to its predicted
/// bytes is taken with a few 8-byte comparisons instead of being scanned.
///
/// A prediction is a key's bytes with its closing quote. Those bytes formed a complete, valid JSON
/// string body in the previous document, so the same bytes after an opening quote are that same string
/// again: nothing is left to check. Predictions are tried in document order until one fails.
struct KeyPrediction {
    /// Each key's bytes and closing quote, back to back, then 8 bytes of padding for whole-word loads.
    private let text: UnsafePointer<UInt8>
    /// Start of each key in `text`, and the end of the last one.
    private let starts: UnsafePointer<Int32>
    /// Each key's nesting depth (open containers, the key's object included), with ``escapedFlag``.
    private let flags: UnsafePointer<UInt8>?
    private let count: Int
    /// The ordinal of the next key of the document.
    private(set) var next = 0
    /// Whether every key so far was the predicted one.
    private(set) var matching = true

    static let escapedFlag: UInt8 = 0x80

    /// `flags` may be nil only when `count` is 0.
    init(text: UnsafePointer<UInt8>, starts: UnsafePointer<Int32>, flags: UnsafePointer<UInt8>?, count: Int) {
        self.text = text
        self.starts = starts
        self.flags = flags
        self.count = count
    }

    /// Whether the document had exactly the predicted keys (same bytes, order and depths).
    var isRepeat: Bool { self.matching && self.next == self.count }

    /// The next key's length and escape flag when the `available` bytes at `body` (just after the key's
    /// opening quote) start with the predicted key and its closing quote at the predicted depth; nil
    /// otherwise, and no later key is tried.
    @inline(__always)
    mutating func match(_ body: UnsafePointer<UInt8>, available: Int, depth: Int) -> (length: Int, isEscaped: Bool)? {
        let ordinal = self.next
        self.next &+= 1
        guard self.matching, ordinal < self.count else {
            self.matching = false
            return nil
        }
        let start = Int(self.starts[ordinal])
        let byteCount = Int(self.starts[ordinal &+ 1]) &- start  // the key and its closing quote
        let flags = self.flags.unsafelyUnwrapped[ordinal]
        guard Int(flags & ~Self.escapedFlag) == depth, byteCount <= available,
            available >= 8
                ? Self.equal(UnsafeRawPointer(body), UnsafeRawPointer(self.text + start), count: byteCount)
                : Self.equalNearEnd(body, self.text + start, count: byteCount)
        else {
            self.matching = false
            return nil
        }
        return (byteCount &- 1, flags & Self.escapedFlag != 0)
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
