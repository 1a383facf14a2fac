extension DatasetMapping {
    /// `gateway_network`: Cloudflare's field reference, mapped to ECS.
    static let gatewayNetwork = DatasetMapping(
        name: "gateway_network",
        fields: [
            "AccountID", "Action", "ApplicationIDs", "ApplicationNames", "CategoryIDs", "CategoryNames", "Datetime",
            "DestinationIP", "DestinationIPContinentCode", "DestinationIPCountryCode", "DestinationPort",
            "DetectedProtocol", "DeviceID", "DeviceName", "Email", "OverrideIP", "OverridePort", "PolicyID",
            "PolicyName", "ProxyEndpoint", "RegistrationID", "SNI", "SessionID", "SourceIP", "SourceIPContinentCode",
            "SourceIPCountryCode", "SourceInternalIP", "SourcePort", "TenantID", "Transport", "TransportProtocol",
            "UserID", "VirtualNetworkID", "VirtualNetworkName",
        ],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
