import DetectCore

/// The Community ID v1 of a network flow (`network.community_id`), as specified by Corelight's
/// community-id-spec and computed by Elastic's `community_id` processor: `1:` and the Base64 of the
/// SHA-1 of seed, both addresses, protocol and both ports, with the endpoints ordered so that both
/// directions of a flow get the same ID.
///
/// Covered: TCP, UDP and SCTP (ports required) and protocols without ports (GRE, ESP, …). ICMP and
/// ICMPv6 are not: their ID is built from the message type and code, which the datasets do not carry
/// next to the flow, so no ID is better than a wrong one.
enum CommunityID {
    /// The ID text (`1:X7lywUVKlduqRq5SyCRaBj4hLP0=`), or nil when the flow cannot have one (mixed IPv4
    /// and IPv6, a missing or out-of-range port, ICMP).
    static func compute(
        source: IPAddress, destination: IPAddress, protocolNumber: UInt8, sourcePort: Int?, destinationPort: Int?,
        seed: UInt16 = 0
    ) -> [UInt8]? {
        guard source.isIPv4 == destination.isIPv4, protocolNumber != 1, protocolNumber != 58 else { return nil }
        var source = (address: Self.bytes(of: source), port: 0)
        var destination = (address: Self.bytes(of: destination), port: 0)
        let hasPorts = [6, 17, 132].contains(protocolNumber)
        if hasPorts {
            guard let sourcePort, let destinationPort, (0...65_535).contains(sourcePort),
                (0...65_535).contains(destinationPort)
            else { return nil }
            source.port = sourcePort
            destination.port = destinationPort
        }
        if destination.address.lexicographicallyPrecedes(source.address)
            || (destination.address == source.address && destination.port < source.port)
        {
            swap(&source, &destination)
        }
        var message: [UInt8] = [UInt8(seed >> 8), UInt8(seed & 0xFF)]
        message += source.address
        message += destination.address
        message += [protocolNumber, 0]
        if hasPorts {
            message += [UInt8(source.port >> 8), UInt8(source.port & 0xFF)]
            message += [UInt8(destination.port >> 8), UInt8(destination.port & 0xFF)]
        }
        var text = Array("1:".utf8)
        Base64.encode(SHA1.digest(message), to: &text)
        return text
    }

    /// The IANA protocol number of a name Cloudflare writes (`tcp`, `UDP`, `icmp`, …), or of a decimal
    /// number 0–255; nil otherwise (`any`, `unix`).
    static func protocolNumber(_ text: [UInt8]) -> UInt8? {
        if !text.isEmpty, text.count <= 3, text.allSatisfy({ $0 &- 48 < 10 }) {
            let value = text.reduce(0) { $0 * 10 + Int($1 - 48) }
            return value <= 255 ? UInt8(value) : nil
        }
        return Self.numbers[String(decoding: text.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)]
    }

    private static let numbers: [String: UInt8] = [
        "icmp": 1, "igmp": 2, "tcp": 6, "udp": 17, "gre": 47, "esp": 50, "ah": 51, "icmpv6": 58, "ipv6-icmp": 58,
        "sctp": 132,
    ]

    /// Network-order bytes: 4 for IPv4, 16 for IPv6.
    private static func bytes(of address: IPAddress) -> [UInt8] {
        switch address {
        case .v4(let value):
            return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
        case .v6(let high, let low):
            return stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: high >> UInt64($0)) }
                + stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: low >> UInt64($0)) }
        }
    }
}
