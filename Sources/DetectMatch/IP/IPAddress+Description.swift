extension IPAddress {
    /// The canonical text: dotted quad for IPv4; RFC 5952 for IPv6 (lower-case hex, no leading zeros,
    /// the longest run of two or more zero groups shortened to `::`, the first such run on a tie).
    public var description: String {
        switch self.family {
        case .v4:
            let bits = UInt32(truncatingIfNeeded: self.value)
            return "\(bits >> 24).\(bits >> 16 & 0xFF).\(bits >> 8 & 0xFF).\(bits & 0xFF)"
        case .v6:
            let groups = (0..<8).map { UInt16(truncatingIfNeeded: self.value >> (112 - 16 * $0)) }
            var bestStart = -1
            var bestLength = 1
            var runStart = -1
            for position in 0...8 {
                if position < 8 && groups[position] == 0 {
                    if runStart < 0 { runStart = position }
                } else if runStart >= 0 {
                    if position - runStart > bestLength {
                        bestStart = runStart
                        bestLength = position - runStart
                    }
                    runStart = -1
                }
            }
            func hex(_ range: Range<Int>) -> String {
                range.map { String(groups[$0], radix: 16) }.joined(separator: ":")
            }
            guard bestStart >= 0 else { return hex(0..<8) }
            return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
        }
    }
}
