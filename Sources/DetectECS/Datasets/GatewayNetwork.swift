extension DatasetMapping {
    /// `gateway_network` (account): one record per TCP/UDP session evaluated by Cloudflare One (Gateway)
    /// network policies.
    ///
    /// Decisions where Sekoia and Elastic differ:
    /// - `Action` is `event.action` and decides `event.type` `[allowed]`/`[denied]` (Sekoia knows only
    ///   `allowedOnNoRuleMatch` and leaves blocks `[info]`; Elastic always `[info]`) and `event.outcome`.
    /// - `SessionID` is `event.id` (Elastic).
    /// - `destination.address` is the IP the session went to (Sekoia); the SNI is `destination.domain` and
    ///   `tls.client.server_name` (both), split with the Public Suffix List (Sekoia does not split it).
    /// - A network override rewrites the destination: `OverrideIP`/`OverridePort` are `destination.nat.*`
    ///   (a port of 0 means no override) and the IP goes to `related.ip` (Elastic).
    /// - The device's internal address `SourceInternalIP` is `host.ip` (Elastic puts it in `related.ip` only).
    /// - `TransportProtocol` (else the deprecated `Transport`) is `network.transport`, QUIC counted as UDP;
    ///   `DetectedProtocol` is the application `network.protocol`, lower-cased.
    /// - The device is `device.id` and `host.id` (Elastic) and `host.hostname`/`host.name` (Sekoia);
    ///   the device id also goes to `related.hosts` as a host identifier (Elastic).
    /// - The policy is `rule.*`, `AccountID` `cloud.account.id` (Sekoia).
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
        markers: ["OverrideIP", "OverridePort", "Transport", "TransportProtocol"],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
            ("observer.type", "proxy"),
        ],
        rules: [
            map("SessionID", "event.id", .keyword),
            map("Action", "event.action", .keyword),
            map("Action", "event.type", .lookup(.gatewayNetworkDecision)),
            map("Action", "event.outcome", .lookup(.gatewayNetworkOutcome)),
            map("AccountID", "cloud.account.id", .keyword),
            map("SourceIP", "source.ip", .ip),
            map("SourcePort", "source.port", .long),
            map("SourceIPCountryCode", "source.geo.country_iso_code", .keyword),
            map("SourceIPContinentCode", "source.geo.continent_code", .keyword),
            map("DestinationIP", "destination.ip", .ip),
            map("DestinationIP", "destination.address", .ip),
            map("DestinationPort", "destination.port", .long),
            map("SNI", "destination.domain", .domain),
            map("DestinationIPCountryCode", "destination.geo.country_iso_code", .keyword),
            map("DestinationIPContinentCode", "destination.geo.continent_code", .keyword),
            map("OverrideIP", "destination.nat.ip", .ip),
            map("OverridePort", "destination.nat.port", .positiveLong),
            map("TransportProtocol", "network.transport", .lookup(.sessionTransportName)),
            fallback("Transport", "network.transport", .lookup(.sessionTransportName)),
            map("DetectedProtocol", "network.protocol", .lowercase),
            map("SNI", "tls.client.server_name", .keyword),
            map("SourceInternalIP", "host.ip", .ip),
        ] + DatasetMapping.gatewayIdentityRules,
        related: RelatedSources(ip: ["OverrideIP"], hosts: ["DeviceID"])
    )
}

extension ValueTable {
    /// Gateway network policy `Action` → `event.type` (Sekoia's `[allowed]` style). Overrides and SSH
    /// auditing let the session through.
    static let gatewayNetworkDecision = ValueTable([
        "allowedOnNoRuleMatch": ["allowed"], "allowedRule": ["allowed"], "allowedOnRuleMatch": ["allowed"],
        "allow": ["allowed"], "overrideRule": ["allowed"], "override": ["allowed"], "auditSSHRule": ["allowed"],
        "auditSSH": ["allowed"],
        "blockedRule": ["denied"], "blockedOnRuleMatch": ["denied"], "blockedOnNoRuleMatch": ["denied"],
        "block": ["denied"],
    ])

    /// Gateway network policy `Action` → `event.outcome`.
    static let gatewayNetworkOutcome = ValueTable([
        "allowedOnNoRuleMatch": "success", "allowedRule": "success", "allowedOnRuleMatch": "success",
        "allow": "success", "overrideRule": "success", "override": "success", "auditSSHRule": "success",
        "auditSSH": "success",
        "blockedRule": "failure", "blockedOnRuleMatch": "failure", "blockedOnNoRuleMatch": "failure",
        "block": "failure",
    ])

    /// Gateway `TransportProtocol` (`tcp`, `udp`, `quic`) → ECS `network.transport`; QUIC runs over UDP.
    static let sessionTransportName = ValueTable(["tcp": "tcp", "udp": "udp", "quic": "udp"])
}
