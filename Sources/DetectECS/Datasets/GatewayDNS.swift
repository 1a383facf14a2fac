extension DatasetMapping {
    /// `gateway_dns`: Cloudflare's field reference, mapped to ECS.
    static let gatewayDNS = DatasetMapping(
        name: "gateway_dns",
        fields: [
            "AccountID", "ApplicationID", "ApplicationName", "AppliedMaxTTL", "AuthoritativeNameServerIPs",
            "CNAMECategoryIDs", "CNAMECategoryNames", "CNAMEs", "CNAMEsReversed", "ColoCode", "ColoID",
            "CustomResolveDurationMs", "CustomResolverAddress", "CustomResolverPolicyID", "CustomResolverPolicyName",
            "CustomResolverResponse", "Datetime", "DeviceID", "DeviceName", "DoHSubdomain", "DoTSubdomain", "DstIP",
            "DstPort", "EDEErrors", "Email", "InitialCategoryIDs", "InitialCategoryNames", "InitialResolvedIPs",
            "InternalDNSDurationMs", "InternalDNSFallbackStrategy", "InternalDNSRCode", "InternalDNSViewID",
            "InternalDNSZoneID", "IsResponseCached", "Location", "LocationID", "MatchedCategoryIDs",
            "MatchedCategoryNames", "MatchedIndicatorFeedIDs", "MatchedIndicatorFeedNames", "Policy", "PolicyID",
            "PolicyName", "Protocol", "QueryApplicationIDs", "QueryApplicationNames", "QueryCategoryIDs",
            "QueryCategoryNames", "QueryID", "QueryIndicatorFeedIDs", "QueryIndicatorFeedNames", "QueryName",
            "QueryNameReversed", "QuerySize", "QueryType", "QueryTypeName", "RCode", "RData", "RedirectTargetURI",
            "RegistrationID", "RequestContextCategoryIDs", "RequestContextCategoryNames", "ResolvedIPCategoryIDs",
            "ResolvedIPCategoryNames", "ResolvedIPContinentCodes", "ResolvedIPCountryCodes", "ResolvedIPs",
            "ResolverDecision", "ResolverPolicyID", "ResolverPolicyName", "ResourceRecords", "ResourceRecordsJSON",
            "ResponseTimeMs", "SrcIP", "SrcIPContinentCode", "SrcIPCountryCode", "SrcPort", "TenantID", "TimeZone",
            "TimeZoneInferredMethod", "UpstreamRecordTTLs", "UserID",
        ],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
