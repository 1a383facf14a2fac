extension DatasetMapping {
    /// `zero_trust_network_sessions`: Cloudflare's field reference, mapped to ECS.
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
        ],
        timestamp: ["SessionStartTime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
