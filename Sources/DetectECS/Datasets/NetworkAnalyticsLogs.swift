extension DatasetMapping {
    /// `network_analytics_logs`: Cloudflare's field reference, mapped to ECS.
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
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
