extension DatasetMapping {
    /// `network_analytics_logs` (account): packets sampled by Magic Transit / DDoS protection (dosd,
    /// flowtrackd, Magic Firewall), with the mitigation applied to them.
    ///
    /// `Outcome` pass/drop gives `event.outcome` success/failure (as Elastic) and `event.type`
    /// allowed/denied next to `info` (Elastic: `info` only; ECS has the values for exactly this). The
    /// attack campaign is `threat.group.id` (as Elastic); the mitigation `AttackID` stays custom, since
    /// Elastic's `threat.indicator.id` is not an ECS field. The data center is the observer
    /// (`observer.name` = site, `observer.geo.*`); its site name also goes to `related.hosts` (Elastic).
    /// Geohashes stay custom: a location is not a hash (Elastic puts them in `related.hash`). Older
    /// spellings (`SourceASNDescription`, `IPTtl`, …) are fields too, and the Community ID is computed.
    static let networkAnalyticsLogs = DatasetMapping(
        name: "network_analytics_logs",
        fields: [
            "AttackCampaignID", "AttackID", "AttackVector", "ColoCity", "ColoCode", "ColoCountry", "ColoGeoHash",
            "ColoID", "ColoName", "DNSQueryName", "DNSQueryType", "Datetime", "DestinationASN",
            "DestinationASNDescription", "DestinationASNName", "DestinationCountry", "DestinationGeoHash",
            "DestinationPort", "Direction", "GREChecksum", "GREEtherType", "GREEthertype", "GREHeaderLength",
            "GREKey", "GRESequenceNumber", "GREVersion", "ICMPChecksum", "ICMPCode", "ICMPType",
            "IPDestinationAddress", "IPDestinationSubnet", "IPFragmentOffset", "IPHeaderLength", "IPMoreFragments",
            "IPProtocol", "IPProtocolName", "IPSourceAddress", "IPSourceSubnet", "IPTTL", "IPTTLBuckets",
            "IPTotalLength", "IPTotalLengthBuckets", "IPTtl", "IPTtlBuckets", "IPv4Checksum", "IPv4DSCP",
            "IPv4DontFragment", "IPv4Dscp", "IPv4ECN", "IPv4Ecn", "IPv4Identification", "IPv4Options", "IPv6DSCP",
            "IPv6Dscp", "IPv6ECN", "IPv6Ecn", "IPv6ExtensionHeaders", "IPv6FlowLabel", "IPv6Identification",
            "MitigationReason", "MitigationScope", "MitigationSystem", "Outcome", "PFPCustomTag", "ProtocolState",
            "RuleID", "RuleName", "RulesetID", "RulesetOverrideID", "SampleInterval", "SourceASN",
            "SourceASNDescription", "SourceASNName", "SourceCountry", "SourceGeoHash", "SourcePort",
            "TCPAcknowledgementNumber", "TCPChecksum", "TCPDataOffset", "TCPFlags", "TCPFlagsString", "TCPMSS",
            "TCPMss", "TCPOptions", "TCPSACKBlocks", "TCPSACKPermitted", "TCPSackBlocks", "TCPSacksPermitted",
            "TCPSequenceNumber", "TCPTimestampECR", "TCPTimestampEcr", "TCPTimestampValue", "TCPUrgentPointer",
            "TCPWindowScale", "TCPWindowSize", "UDPChecksum", "UDPPayloadLength", "Verdict",
        ],
        markers: [
            "AttackCampaignID", "AttackID", "AttackVector", "MitigationReason", "MitigationScope", "MitigationSystem",
            "IPSourceAddress", "IPDestinationAddress", "IPProtocol", "IPProtocolName", "SampleInterval", "Verdict",
            "ColoGeoHash", "TCPFlagsString",
        ],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
            ("observer.type", "firewall"),
        ],
        rules: [
            map("Outcome", "event.action", .keyword),
            map("Outcome", "event.type", .lookup(.packetVerdict)),
            map("Outcome", "event.outcome", .lookup(.packetOutcome)),
            map("MitigationReason", "event.reason", .keyword),
            map("RuleID", "rule.id", .keyword),
            map("RuleName", "rule.name", .keyword),
            map("RulesetID", "rule.ruleset", .keyword),
            map("AttackCampaignID", "threat.group.id", .keyword),
            map("IPSourceAddress", "source.ip", .ip),
            map("SourcePort", "source.port", .positiveLong),
            map("SourceASN", "source.as.number", .long),
            map("SourceASNName", "source.as.organization.name", .keyword),
            fallback("SourceASNDescription", "source.as.organization.name", .keyword),
            map("SourceCountry", "source.geo.country_iso_code", .keyword),
            map("IPDestinationAddress", "destination.ip", .ip),
            map("DestinationPort", "destination.port", .positiveLong),
            map("DestinationASN", "destination.as.number", .long),
            map("DestinationASNName", "destination.as.organization.name", .keyword),
            fallback("DestinationASNDescription", "destination.as.organization.name", .keyword),
            map("DestinationCountry", "destination.geo.country_iso_code", .keyword),
            map("Direction", "network.direction", .lowercase),
            map("IPProtocolName", "network.transport", .lookup(.transportProtocol)),
            fallback("IPProtocol", "network.transport", .lookup(.transportProtocol)),
            map("IPProtocol", "network.iana_number", .keyword),
            map("DNSQueryName", "dns.question.name", .domain),
            map("DNSQueryType", "dns.question.type", .keyword),
            map("ColoName", "observer.name", .keyword),
            map("ColoCode", "observer.geo.name", .keyword),
            map("ColoCity", "observer.geo.city_name", .keyword),
            map("ColoCountry", "observer.geo.country_iso_code", .keyword),
            map("IPProtocol", "network.community_id", .communityID),
            fallback("IPProtocolName", "network.community_id", .communityID),
        ],
        related: RelatedSources(hosts: ["ColoName"])
    )
}
