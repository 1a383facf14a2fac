internal import DetectRules

/// Comparison of two texts known only at match time (`fieldref`): whole value, or one inside the other at a
/// position, ignoring ASCII case unless case-sensitive (the same folding as every other string matcher).
enum TextComparison {
    /// Whether `value` relates to `other` as `position` says (`other` contained in `value`, `value` starts
    /// with `other`, ...).
    static func matches(
        _ value: UnsafeRawBufferPointer, _ other: UnsafeRawBufferPointer, position: DetectionItem.StringPosition,
        caseSensitive: Bool
    ) -> Bool {
        switch position {
        case .whole:
            return value.count == other.count && Self.equal(value, 0, other, caseSensitive)
        case .startsWith:
            return value.count >= other.count && Self.equal(value, 0, other, caseSensitive)
        case .endsWith:
            return value.count >= other.count && Self.equal(value, value.count - other.count, other, caseSensitive)
        case .contains:
            guard value.count >= other.count else { return false }
            for start in 0...(value.count - other.count) where Self.equal(value, start, other, caseSensitive) {
                return true
            }
            return false
        }
    }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 {
        (byte &- 0x41) < 26 ? byte | 0x20 : byte
    }

    private static func equal(
        _ value: UnsafeRawBufferPointer, _ start: Int, _ other: UnsafeRawBufferPointer, _ caseSensitive: Bool
    ) -> Bool {
        for index in 0..<other.count {
            let lhs = value[start + index]
            let rhs = other[index]
            if caseSensitive ? lhs != rhs : Self.fold(lhs) != Self.fold(rhs) { return false }
        }
        return true
    }
}
