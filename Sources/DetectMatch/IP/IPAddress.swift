/// An IPv4 or IPv6 address as a 128-bit value and a family.
///
/// An IPv4 address keeps its 32 bits in the low bits of ``value``. An IPv4-mapped IPv6 address
/// (`::ffff:a.b.c.d`) is always unwrapped to IPv4, whether it is parsed or built with ``init(v6:)``,
/// so `::ffff:10.0.0.1` and `10.0.0.1` are the same address. Other IPv6 forms that embed IPv4
/// (`::a.b.c.d`, `64:ff9b::a.b.c.d`) stay IPv6.
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The address family.
    public enum Family: Hashable, Sendable {
        /// IPv4: 32 bits.
        case v4
        /// IPv6: 128 bits.
        case v6
    }

    /// The family: ``Family/v4`` also for IPv4-mapped IPv6 input.
    public let family: Family
    /// The address bits: 32 significant bits for IPv4, 128 for IPv6.
    public let value: UInt128

    /// An IPv4 address from its 32 bits (`0x0A00_0001` is `10.0.0.1`).
    public init(v4 value: UInt32) {
        self.family = .v4
        self.value = UInt128(value)
    }

    /// An IPv6 address from its 128 bits; an IPv4-mapped address becomes IPv4.
    public init(v6 value: UInt128) {
        if value >> 32 == 0xFFFF {
            self.init(v4: UInt32(truncatingIfNeeded: value))
        } else {
            self.init(rawV6: value)
        }
    }

    /// An IPv6 address with no unwrapping (CIDR arithmetic on a network that spans the mapped block).
    init(rawV6 value: UInt128) {
        self.family = .v6
        self.value = value
    }

    /// Parses an address from UTF-8 bytes: a dotted quad (`192.0.2.1`, four decimal parts 0–255, no
    /// leading zeros) or any RFC 4291 IPv6 text form (`2001:db8::1`, `::`, `::ffff:192.0.2.1`,
    /// `1:2:3:4:5:6:1.2.3.4`), case-insensitive hex. No zone (`%eth0`), brackets, port or whitespace.
    /// - Returns: `nil` when `bytes` is not exactly one address.
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard let parsed = Self.parse(bytes) else { return nil }
        self = parsed.address
    }

    /// Parses an address from a string; see ``init(_:)-(UnsafeRawBufferPointer)``.
    public init?(_ string: some StringProtocol) {
        var string = String(string)
        guard let address = string.withUTF8({ IPAddress(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = address
    }

    /// The number of address bits of the family: 32 or 128.
    public var bitWidth: Int { self.family == .v4 ? 32 : 128 }

    /// IPv4 before IPv6, then by value.
    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        if lhs.family != rhs.family { return lhs.family == .v4 }
        return lhs.value < rhs.value
    }
}
