extension DatasetMapping {
    /// `zero_trust_network_sessions` (account): one record per network session proxied by Cloudflare One
    /// (Gateway), from a WARP device, a tunnel or a Magic on-ramp to an origin.
    ///
    /// Decisions (Sekoia has no format for this dataset; Elastic's choices are kept where ECS agrees):
    /// - `event.category`/`event.type` `[network, session]`/`[connection]`, `SessionID` → `event.id`,
    ///   `SessionStartTime`/`SessionEndTime` → `event.start`/`event.end` and `@timestamp` (Elastic).
    /// - The client is `source.*`, the origin `destination.*`; `BytesSent`/`BytesReceived` are
    ///   `source.bytes`/`destination.bytes`. The egress address Cloudflare used towards the origin is the
    ///   source NAT (`source.nat.ip`/`port`); `ResolvedFQDN`, else the SNI, is `destination.domain`.
    /// - `network.transport` is lower-case IANA (`tcp`, `ipv6-icmp`) as ECS requires; Elastic keeps `TCP`.
    ///   `DetectedProtocol` is the application `network.protocol`, lower-cased.
    /// - TLS: the client side gives `tls.version`/`version_protocol`/`cipher` (`TLS 1.3` → `1.3`, `tls`), the
    ///   origin's certificate `tls.server.issuer`.
    /// - `related.ip` also holds the internal source IP, the egress IP and the initial origin IP (Elastic
    ///   adds only the egress IP). `VirtualNetworkID` → `network.vlan.id` (Elastic), the egress rule →
    ///   `rule.*`, `ConnectionCloseReason` → `event.reason`.
    static let zeroTrustNetworkSessions = DatasetMapping(
        name: "zero_trust_network_sessions",
        fields: [
            "AccountID", "BytesReceived", "BytesSent", "ClientTCPHandshakeDurationMs", "ClientTLSCipher",
            "ClientTLSHandshakeDurationMs", "ClientTLSVersion", "ConnectionCloseReason", "ConnectionReuse",
            "DestinationTunnelID", "DetectedProtocol", "DeviceID", "DeviceName", "EgressColoName", "EgressIP",
            "EgressPort", "EgressRuleID", "EgressRuleName", "Email", "IngressColoName", "InitialOriginIP", "Offramp",
            "OriginIP", "OriginPort", "OriginTLSCertificateIssuer", "OriginTLSCertificateValidationResult",
            "OriginTLSCipher", "OriginTLSHandshakeDurationMs", "OriginTLSVersion", "Protocol", "RegistrationID",
            "ResolvedFQDN", "RuleEvaluationDurationMs", "SNI", "SessionEndTime", "SessionID", "SessionStartTime",
            "SourceIP", "SourceInternalIP", "SourcePort", "TenantID", "UserID", "VirtualNetworkID",
            // Added to Cloudflare's reference in 2026 (tmp research notes, SOURCES.md).
            "DestinationReplicaID", "OnrampType", "SourceID", "SourceName",
        ],
        markers: [
            "BytesReceived", "BytesSent", "ClientTCPHandshakeDurationMs", "ClientTLSCipher",
            "ClientTLSHandshakeDurationMs", "ClientTLSVersion", "ConnectionCloseReason", "ConnectionReuse",
            "DestinationTunnelID", "EgressColoName", "EgressIP", "EgressPort", "EgressRuleID", "EgressRuleName",
            "IngressColoName", "InitialOriginIP", "Offramp", "OriginTLSCertificateIssuer",
            "OriginTLSCertificateValidationResult", "OriginTLSCipher", "OriginTLSVersion", "ResolvedFQDN",
            "RuleEvaluationDurationMs", "SessionEndTime", "SessionStartTime", "DestinationReplicaID", "OnrampType",
        ],
        timestamp: ["SessionStartTime", "SessionEndTime"],
        constants: [
            ("event.category", ["network", "session"]),
            ("event.type", ["connection"]),
            ("observer.type", "proxy"),
        ],
        rules: [
            map("SessionID", "event.id", .keyword),
            map("SessionStartTime", "event.start", .timestamp),
            map("SessionEndTime", "event.end", .timestamp),
            map("ConnectionCloseReason", "event.reason", .keyword),
            map("AccountID", "cloud.account.id", .keyword),
            map("SourceIP", "source.ip", .ip),
            map("SourcePort", "source.port", .long),
            map("BytesSent", "source.bytes", .long),
            map("EgressIP", "source.nat.ip", .ip),
            map("EgressPort", "source.nat.port", .long),
            map("OriginIP", "destination.ip", .ip),
            map("OriginPort", "destination.port", .long),
            map("BytesReceived", "destination.bytes", .long),
            map("ResolvedFQDN", "destination.domain", .domain),
            fallback("SNI", "destination.domain", .domain),
            map("Protocol", "network.transport", .lookup(.sessionTransport)),
            map("DetectedProtocol", "network.protocol", .lowercase),
            map("VirtualNetworkID", "network.vlan.id", .keyword),
            map("SNI", "tls.client.server_name", .keyword),
            map("ClientTLSVersion", "tls.version", .tlsVersion),
            map("ClientTLSVersion", "tls.version_protocol", .tlsProtocol),
            map("ClientTLSCipher", "tls.cipher", .keyword),
            map("OriginTLSCertificateIssuer", "tls.server.issuer", .keyword),
            map("DeviceID", "host.id", .keyword),
            map("DeviceID", "device.id", .keyword),
            map("DeviceName", "host.name", .keyword),
            map("Email", "user.email", .keyword),
            map("UserID", "user.id", .keyword),
            map("EgressRuleID", "rule.id", .keyword),
            map("EgressRuleName", "rule.name", .keyword),
        ],
        related: RelatedSources(
            ip: ["SourceInternalIP", "EgressIP", "InitialOriginIP"], hosts: ["DeviceID"]
        )
    )
}

extension ValueTable {
    /// Zero Trust session `Protocol` (`TCP`, `UDP`, `ICMP`, `ICMPV6`) → ECS `network.transport` (IANA names).
    static let sessionTransport = ValueTable([
        "tcp": "tcp", "udp": "udp", "icmp": "icmp", "icmpv6": "ipv6-icmp", "ipv6-icmp": "ipv6-icmp",
    ])
}
