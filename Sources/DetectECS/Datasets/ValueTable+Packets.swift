extension ValueTable {
    /// A pass/drop decision on a packet or flow (Magic IDS `Action`, network analytics `Outcome`) →
    /// `event.type`.
    static let packetVerdict = ValueTable([
        "pass": ["info", "allowed"], "allow": ["info", "allowed"],
        "block": ["info", "denied"], "drop": ["info", "denied"],
    ])

    /// A pass/drop decision → `event.outcome`: the packet went through, or not.
    static let packetOutcome = ValueTable([
        "pass": "success", "allow": "success", "block": "failure", "drop": "failure",
    ])

    /// A layer-4 protocol, as a name in any case (`TCP`, `udp`) or an IANA number, → `network.transport`
    /// (lower-case IANA keyword). Values that are not a transport (`any`, `unix`) write nothing.
    static let transportProtocol = ValueTable([
        "tcp": "tcp", "udp": "udp", "icmp": "icmp", "icmpv6": "ipv6-icmp", "ipv6-icmp": "ipv6-icmp", "sctp": "sctp",
        "gre": "gre", "esp": "esp", "ah": "ah", "igmp": "igmp",
        "1": "icmp", "2": "igmp", "6": "tcp", "17": "udp", "47": "gre", "50": "esp", "51": "ah", "58": "ipv6-icmp",
        "132": "sctp",
    ])
}
