extension DatasetMapping {
    /// `firewall_events`: Cloudflare's field reference, mapped to ECS.
    static let firewallEvents = DatasetMapping(
        name: "firewall_events",
        fields: [
            "Action", "AISecurityCustomTopicCategories", "AISecurityInjectionScore", "AISecurityPIICategories",
            "AISecurityTokenCount", "AISecurityUnsafeTopicCategories", "ClientASN", "ClientASNDescription",
            "ClientCountry", "ClientIP", "ClientIPClass", "ClientRefererHost", "ClientRefererPath",
            "ClientRefererQuery", "ClientRefererScheme", "ClientRequestHost", "ClientRequestMethod",
            "ClientRequestPath", "ClientRequestProtocol", "ClientRequestQuery", "ClientRequestScheme",
            "ClientRequestUserAgent", "ContentScanObjResults", "ContentScanObjSizes", "ContentScanObjTypes",
            "Datetime", "Description", "EdgeColoCode", "EdgeResponseStatus", "FirewallForAIInjectionScore",
            "FirewallForAIPIICategories", "FirewallForAITokenCount", "FirewallForAIUnsafeTopicCategories",
            "FraudUserID", "Kind", "LeakedCredentialCheckResult", "MatchIndex", "Metadata", "OriginatorRayID",
            "OriginResponseStatus", "RayID", "Ref", "RuleID", "Source", "ZoneName",
        ],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
