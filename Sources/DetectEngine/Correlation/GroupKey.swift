/// The group-by values of one group, encoded as bytes: per value a tag (0 missing, 1 present), then for a
/// present value its length (4 bytes, little-endian) and its text. Hashes its bytes in one call.
struct GroupKey: Hashable, Sendable {
    var bytes: [UInt8]

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    func hash(into hasher: inout Hasher) {
        self.bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: GroupKey, rhs: GroupKey) -> Bool {
        lhs.bytes == rhs.bytes
    }

    /// Appends a missing value to an encoded key.
    static func appendMissing(to bytes: inout [UInt8]) {
        bytes.append(0)
    }

    /// Appends a present value to an encoded key.
    static func appendValue(_ text: UnsafeRawBufferPointer, to bytes: inout [UInt8]) {
        bytes.append(1)
        let count = UInt32(truncatingIfNeeded: text.count)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
        bytes.append(contentsOf: text)
    }

    /// The values, in group-by order (`nil` for a missing one).
    var values: [String?] {
        var values: [String?] = []
        var position = 0
        while position < self.bytes.count {
            let tag = self.bytes[position]
            position += 1
            guard tag == 1, position + 4 <= self.bytes.count else {
                values.append(nil)
                continue
            }
            var count = 0
            for offset in 0..<4 { count |= Int(self.bytes[position + offset]) << (8 * offset) }
            position += 4
            let end = min(position + count, self.bytes.count)
            values.append(String(decoding: self.bytes[position..<end], as: UTF8.self))
            position = end
        }
        return values
    }
}
