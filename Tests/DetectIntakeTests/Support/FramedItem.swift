import DetectIntake

/// A copy of a ``FramedLine`` that outlives the callback, for comparing with an oracle.
enum FramedItem: Equatable, CustomStringConvertible {
    case line(Int, [UInt8])
    case error(reason: String, line: Int?, byteOffset: Int?, byteCount: Int?)

    init(_ item: FramedLine) {
        switch item {
        case .line(let number, let bytes):
            self = .line(number, Array(bytes))
        case .error(let error):
            self = .error(
                reason: error.reason, line: error.line, byteOffset: error.byteOffset, byteCount: error.byteCount
            )
        }
    }

    /// A too-long-line error as the framer reports it.
    static func tooLong(line: Int, offset: Int, count: Int) -> FramedItem {
        .error(reason: "line.too_long", line: line, byteOffset: offset, byteCount: count)
    }

    var description: String {
        switch self {
        case .line(let number, let bytes): "\(number): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
        case .error(let reason, let line, let offset, let count):
            "error \(reason) line \(line.map(String.init) ?? "-") offset \(offset.map(String.init) ?? "-") "
                + "count \(count.map(String.init) ?? "-")"
        }
    }
}

/// What framing must produce, computed with the standard library's `split`: lines split on `\n`, a
/// trailing `\r` stripped, blank lines dropped but counted, lines longer than `maxLineBytes` (before the
/// `\r` is stripped) reported.
func oracleItems(_ input: [UInt8], maxLineBytes: Int = 1 << 20) -> [FramedItem] {
    var items: [FramedItem] = []
    var offset = 0
    let segments = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, segment) in segments.enumerated() {
        defer { offset += segment.count + 1 }
        let number = index + 1
        if segment.count > maxLineBytes {
            items.append(.tooLong(line: number, offset: offset, count: segment.count))
            continue
        }
        var line = Array(segment)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
            continue
        }
        items.append(.line(number, line))
    }
    return items
}

/// Splits `input` into chunks of `size` bytes (the last may be shorter).
func chunks(_ input: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
    stride(from: 0, to: input.count, by: size).map { input[$0..<min($0 + size, input.count)] }
}

extension Array where Element == UInt8 {
    /// The UTF-8 bytes of a string, for writing test inputs as text.
    init(text: String) {
        self = Array(text.utf8)
    }
}
