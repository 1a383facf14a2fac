/// An IP network: an address and a prefix length (`10.0.0.0/8`, `2001:db8::/32`).
///
/// Host bits are cleared, so `10.1.2.3/8` is `10.0.0.0/8` (lenient, like Python's
/// `ip_network(strict=False)`). A network written in IPv4-mapped IPv6 form with a prefix of at least 96
/// (`::ffff:10.0.0.0/104`) is the IPv4 network it maps (`10.0.0.0/8`); a shorter prefix stays IPv6.
public struct CIDR: Hashable, Sendable, CustomStringConvertible {
    /// The network address, host bits cleared.
    public let address: IPAddress
    /// The prefix length: 0–32 for IPv4, 0–128 for IPv6.
    public let prefixLength: Int

    /// A network from an address and a prefix length; `nil` if the length exceeds the family's width.
    public init?(address: IPAddress, prefixLength: Int) {
        guard prefixLength >= 0, prefixLength <= address.bitWidth else { return nil }
        let hostBits = address.bitWidth - prefixLength
        let mask: UInt128 = hostBits >= 128 ? 0 : ~((1 << UInt128(hostBits)) - 1)
        let value = address.value & mask
        self.address =
            address.family == .v4 ? IPAddress(v4: UInt32(truncatingIfNeeded: value)) : IPAddress(rawV6: value)
        self.prefixLength = prefixLength
    }

    /// Parses `address/prefix` or a bare address (a single host: /32 or /128) from UTF-8 bytes.
    /// - Returns: `nil` for anything else.
    public init?(_ bytes: UnsafeRawBufferPointer) {
        let slash = bytes.firstIndex(of: UInt8(ascii: "/"))
        let addressBytes = UnsafeRawBufferPointer(rebasing: bytes[..<(slash ?? bytes.endIndex)])
        guard let parsed = IPAddress.parse(addressBytes) else { return nil }
        var prefix: Int
        if let slash {
            let digits = bytes[(slash + 1)...]
            guard !digits.isEmpty, digits.count <= 3 else { return nil }
            prefix = 0
            for byte in digits {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                prefix = prefix * 10 + Int(digit)
            }
        } else {
            prefix = parsed.writtenAsV6 ? 128 : 32
        }
        var address = parsed.address
        if parsed.writtenAsV6 && address.family == .v4 {
            // Written as ::ffff:a.b.c.d: the prefix counts IPv6 bits.
            guard prefix <= 128 else { return nil }
            if prefix >= 96 {
                prefix -= 96
            } else {
                address = IPAddress(mappedV6Bits: address.value)
            }
        }
        self.init(address: address, prefixLength: prefix)
    }

    /// Parses a string; see ``init(_:)-(UnsafeRawBufferPointer)``.
    public init?(_ string: some StringProtocol) {
        var string = String(string)
        guard let cidr = string.withUTF8({ CIDR(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = cidr
    }

    /// The first and last address of the network, as values of ``address``'s family.
    public var range: ClosedRange<UInt128> {
        let hostBits = self.address.bitWidth - self.prefixLength
        let hostMask: UInt128 = hostBits >= 128 ? ~0 : (1 << UInt128(hostBits)) - 1
        return self.address.value...(self.address.value | hostMask)
    }

    /// Whether `ip` is inside the network (same family only).
    public func contains(_ ip: IPAddress) -> Bool {
        ip.family == self.address.family && self.range.contains(ip.value)
    }

    /// `address/prefixLength`.
    public var description: String { "\(self.address)/\(self.prefixLength)" }
}

extension IPAddress {
    /// The IPv6 address `::ffff:a.b.c.d` kept as IPv6: only for a CIDR whose prefix is shorter than 96
    /// and so spans more than the mapped block.
    fileprivate init(mappedV6Bits v4: UInt128) {
        self = IPAddress(rawV6: 0xFFFF << 32 | v4)
    }
}
