extension IPAddress {
    /// An address and whether it was written in IPv6 syntax (an IPv4-mapped address unwraps to IPv4 but
    /// a CIDR prefix written after it still counts IPv6 bits).
    struct Parsed {
        var address: IPAddress
        var writtenAsV6: Bool
    }

    /// Parses without allocating: IPv4 in one pass; text with a `:` as IPv6.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Parsed? {
        guard let base = bytes.baseAddress, bytes.count <= 45 else { return nil }
        if let value = Self.parseV4(base, from: 0, to: bytes.count) {
            return Parsed(address: IPAddress(v4: value), writtenAsV6: false)
        }
        guard let value = Self.parseV6(base, count: bytes.count) else { return nil }
        return Parsed(address: IPAddress(v6: value), writtenAsV6: true)
    }

    /// A dotted quad in `base[start..<end]`: exactly four decimal parts 0–255, no leading zeros.
    @inline(__always)
    static func parseV4(_ base: UnsafeRawPointer, from start: Int, to end: Int) -> UInt32? {
        var result: UInt32 = 0
        var dots = 0
        var part: UInt32 = 0
        var digits = 0
        var index = start
        while index < end {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            index &+= 1
            if byte == UInt8(ascii: ".") {
                guard digits > 0, dots < 3 else { return nil }
                result = result << 8 | part
                dots &+= 1
                part = 0
                digits = 0
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            // A second digit after a leading zero is an (ambiguous, octal-looking) leading zero.
            guard digit < 10, digits == 0 || part != 0 else { return nil }
            part = part &* 10 &+ UInt32(digit)
            digits &+= 1
            guard part <= 255 else { return nil }
        }
        guard digits > 0, dots == 3 else { return nil }
        return result << 8 | part
    }

    /// IPv6 text (RFC 4291 §2.2): eight groups of 1–4 hex digits, `::` at most once standing for one or
    /// more zero groups, and optionally a dotted quad as the last 32 bits.
    static func parseV6(_ base: UnsafeRawPointer, count end: Int) -> UInt128? {
        // Groups before the `::` go to `head`, groups after it to `tail`.
        var head: UInt128 = 0
        var tail: UInt128 = 0
        var groups = 0
        var headGroups = 0
        var sawGap = false
        @inline(__always) func byte(_ index: Int) -> UInt8 { base.load(fromByteOffset: index, as: UInt8.self) }
        @inline(__always) func push(_ group: UInt128) {
            if sawGap {
                tail = tail << 16 | group
            } else {
                head = head << 16 | group
                headGroups &+= 1
            }
            groups &+= 1
        }
        var index = 0
        guard end >= 2 else { return nil }
        if byte(0) == UInt8(ascii: ":") {
            guard byte(1) == UInt8(ascii: ":") else { return nil }
            sawGap = true
            index = 2
        }
        while index < end {
            guard groups < 8 else { return nil }
            let groupStart = index
            var group: UInt128 = 0
            var digits = 0
            while index < end, digits <= 4, let nibble = Self.hexValue(byte(index)) {
                group = group << 4 | UInt128(nibble)
                digits &+= 1
                index &+= 1
            }
            if index < end && byte(index) == UInt8(ascii: ".") {
                guard groups <= 6, let v4 = Self.parseV4(base, from: groupStart, to: end) else { return nil }
                push(UInt128(v4 >> 16))
                push(UInt128(v4 & 0xFFFF))
                index = end
                break
            }
            guard digits >= 1, digits <= 4 else { return nil }
            push(group)
            if index == end { break }
            guard byte(index) == UInt8(ascii: ":") else { return nil }
            index &+= 1
            guard index < end else { return nil }  // a single trailing colon
            if byte(index) == UInt8(ascii: ":") {
                guard !sawGap else { return nil }
                sawGap = true
                index &+= 1
            }
        }
        if sawGap {
            guard groups <= 7 else { return nil }
            return head << (16 * (8 - UInt128(headGroups))) | tail
        }
        guard groups == 8 else { return nil }
        return head
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        let digit = byte &- UInt8(ascii: "0")
        if digit < 10 { return digit }
        let letter = (byte | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? letter &+ 10 : nil
    }
}
