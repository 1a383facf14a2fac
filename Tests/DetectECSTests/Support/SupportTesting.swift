import DetectECS

/// Helpers shared by the Support suites: run byte-level APIs on `String` literals.
enum SupportTesting {
    /// Calls `body` with the UTF-8 bytes of `text`.
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try body($0) }
    }

    /// The text of `range` inside `text` (ranges are UTF-8 offsets), or nil.
    static func slice(_ text: String, _ range: Range<Int>?) -> String? {
        guard let range else { return nil }
        let bytes = Array(text.utf8)
        return String(decoding: bytes[range], as: UTF8.self)
    }
}
