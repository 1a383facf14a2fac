extension DatasetMapping {
    /// `magic_ids_detections` (account): one record per packet that matched a Magic IDS signature.
    ///
    /// Every record is a signature hit, so `event.kind` is `alert` (ECS: raised by a detection rule
    /// outside the pipeline; Elastic writes `event`) and the signature is the `rule` (`SignatureID` → id,
    /// message → name, revision → version; Elastic keeps them custom). `Action` pass/block gives
    /// `event.type` allowed/denied as in Elastic, plus `event.outcome`. `Protocol` is the transport
    /// (`any`, a detection below layer 4, writes none, nor do its 0 ports); TCP/UDP flows get `network.community_id`.
    static let magicIDSDetections = DatasetMapping(
        name: "magic_ids_detections",
        fields: [
            "Action", "ColoCity", "ColoCode", "DestinationIP", "DestinationPort", "Protocol", "SignatureID",
            "SignatureMessage", "SignatureRevision", "SourceIP", "SourcePort", "Timestamp",
        ],
        markers: ["SignatureID", "SignatureMessage", "SignatureRevision"],
        timestamp: ["Timestamp"],
        constants: [
            ("event.kind", "alert"),
            ("event.category", ["network", "intrusion_detection"]),
            ("event.type", ["info"]),
            ("observer.type", "ids"),
        ],
        rules: [
            map("Action", "event.action", .keyword),
            map("Action", "event.type", .lookup(.packetVerdict)),
            map("Action", "event.outcome", .lookup(.packetOutcome)),
            map("SignatureID", "rule.id", .keyword),
            map("SignatureMessage", "rule.name", .keyword),
            map("SignatureRevision", "rule.version", .keyword),
            map("SourceIP", "source.ip", .ip),
            map("SourcePort", "source.port", .positiveLong),
            map("DestinationIP", "destination.ip", .ip),
            map("DestinationPort", "destination.port", .positiveLong),
            map("Protocol", "network.transport", .lookup(.transportProtocol)),
            map("ColoCode", "observer.geo.name", .keyword),
            map("ColoCity", "observer.geo.city_name", .keyword),
            map("Protocol", "network.community_id", .communityID),
        ]
    )
}
