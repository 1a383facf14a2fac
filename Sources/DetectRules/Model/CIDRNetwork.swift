/// An IPv4 or IPv6 network range, the value of the `cidr` modifier.
///
/// The address is stored masked to the prefix (host bits cleared). A bare address is a single-host network
/// (`/32` or `/128`).
public struct CIDRNetwork: Hashable, Sendable, CustomStringConvertible {
    /// The IP version.
    public enum Family: Hashable, Sendable {
        case ipv4
        case ipv6
    }

    /// IPv4 or IPv6.
    public var family: Family
    /// Network address bytes in network order: 4 for IPv4, 16 for IPv6.
    public var address: [UInt8]
    /// Prefix length: 0...32 for IPv4, 0...128 for IPv6.
    public var prefixLength: Int

    /// Creates a network from address bytes, masking the host bits.
    public init(family: Family, address: [UInt8], prefixLength: Int) {
        self.family = family
        self.prefixLength = prefixLength
        self.address = Self.masked(address, prefixLength: prefixLength)
    }

    /// The result of parsing network text.
    public struct Parsed: Hashable, Sendable {
        /// The network, host bits cleared.
        public var network: CIDRNetwork
        /// `true` when the text had host bits set (`10.0.0.1/8`); ``network`` is masked regardless.
        public var hadHostBits: Bool
    }

    /// Parses `a.b.c.d[/n]` or an IPv6 address in RFC 4291 text form (with `::` and an optional embedded IPv4
    /// tail) with an optional `/n`. Returns `nil` for anything else (zone ids included).
    public static func parse(_ text: String) -> Parsed? {
        let trimmed = text.trimmingASCIIWhitespace()
        let pieces = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 1 || pieces.count == 2 else { return nil }
        let addressText = pieces[0]
        let family: Family
        let bytes: [UInt8]
        if addressText.contains(":") {
            guard let parsed = Self.parseIPv6(addressText) else { return nil }
            family = .ipv6
            bytes = parsed
        } else {
            guard let parsed = Self.parseIPv4(addressText) else { return nil }
            family = .ipv4
            bytes = parsed
        }
        let maxPrefix = bytes.count * 8
        var prefix = maxPrefix
        if pieces.count == 2 {
            let prefixText = pieces[1]
            guard !prefixText.isEmpty, prefixText.count <= 3, prefixText.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(prefixText), value <= maxPrefix
            else { return nil }
            prefix = value
        }
        let network = CIDRNetwork(family: family, address: bytes, prefixLength: prefix)
        return Parsed(network: network, hadHostBits: network.address != bytes)
    }

    /// `10.0.0.0/8`, `2001:db8::/32` (IPv6 printed as eight groups without compression).
    public var description: String {
        switch self.family {
        case .ipv4:
            return self.address.map(String.init).joined(separator: ".") + "/\(self.prefixLength)"
        case .ipv6:
            var groups: [String] = []
            for index in stride(from: 0, to: 16, by: 2) {
                groups.append(String(UInt16(self.address[index]) << 8 | UInt16(self.address[index + 1]), radix: 16))
            }
            return groups.joined(separator: ":") + "/\(self.prefixLength)"
        }
    }

    /// `true` when `bytes` (same family) lies inside this network.
    public func contains(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == self.address.count else { return false }
        return Self.masked(bytes, prefixLength: self.prefixLength) == self.address
    }

    // MARK: - Parsing helpers

    private static func masked(_ bytes: [UInt8], prefixLength: Int) -> [UInt8] {
        var result = bytes
        for index in result.indices {
            let bitsBefore = index * 8
            if bitsBefore >= prefixLength {
                result[index] = 0
            } else if bitsBefore + 8 > prefixLength {
                let keep = prefixLength - bitsBefore
                result[index] &= UInt8(truncatingIfNeeded: 0xFF << (8 - keep))
            }
        }
        return result
    }

    static func parseIPv4<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = UInt8(octet)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func parseIPv6<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let string = String(text)
        let halves = string.components(separatedByDoubleColon: ())
        guard let halves, halves.count <= 2 else { return nil }
        func groups(_ part: String, allowIPv4Tail: Bool) -> [UInt8]? {
            if part.isEmpty { return [] }
            var bytes: [UInt8] = []
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, field) in fields.enumerated() {
                if allowIPv4Tail, index == fields.count - 1, field.contains(".") {
                    guard let tail = parseIPv4(field) else { return nil }
                    bytes.append(contentsOf: tail)
                    continue
                }
                guard (1...4).contains(field.count), let value = UInt16(field, radix: 16) else { return nil }
                bytes.append(UInt8(value >> 8))
                bytes.append(UInt8(value & 0xFF))
            }
            return bytes
        }
        if halves.count == 1 {
            guard let bytes = groups(halves[0], allowIPv4Tail: true), bytes.count == 16 else { return nil }
            return bytes
        }
        guard let head = groups(halves[0], allowIPv4Tail: false), let tail = groups(halves[1], allowIPv4Tail: true),
            head.count + tail.count <= 14
        else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}

extension String {
    /// Splits at `::`; `nil` when `::` occurs more than once.
    fileprivate func components(separatedByDoubleColon _: Void) -> [String]? {
        let bytes = Array(self.utf8)
        var positions: [Int] = []
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: ":") {
                positions.append(index)
                index += 2
            } else {
                index += 1
            }
        }
        guard let first = positions.first else { return [self] }
        guard positions.count == 1 else { return nil }
        return [
            String(decoding: bytes[..<first], as: UTF8.self), String(decoding: bytes[(first + 2)...], as: UTF8.self),
        ]
    }

    func trimmingASCIIWhitespace() -> Substring {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
