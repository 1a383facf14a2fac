extension DatasetMapping {
    /// `magic_ids_detections`: Cloudflare's field reference, mapped to ECS.
    static let magicIDSDetections = DatasetMapping(
        name: "magic_ids_detections",
        fields: [
            "Action", "ColoCity", "ColoCode", "DestinationIP", "DestinationPort", "Protocol", "SignatureID",
            "SignatureMessage", "SignatureRevision", "SourceIP", "SourcePort", "Timestamp",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
