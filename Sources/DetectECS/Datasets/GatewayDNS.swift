extension DatasetMapping {
    /// `gateway_dns` (account): one record per DNS query resolved, blocked or overridden by Cloudflare One
    /// (Gateway) for a WARP device, a location or a DoH/DoT endpoint.
    ///
    /// Decisions where Sekoia and Elastic differ:
    /// - `ResolverDecision` decides `event.type` (`[info, allowed|denied]`), `event.outcome` and
    ///   `event.action`: both references write `[info]` only, and Elastic even `success` for blocked queries.
    /// - `RCode` is `dns.response_code` as an IANA name (Sekoia; Elastic writes the number as a string).
    /// - `Protocol` (`udp`, `tcp`, `https`, `tls`) is how the client sent the query: `udp`/`tcp` (and DoT,
    ///   over TCP) are ECS `network.transport`; DoH stays raw, as HTTPS is no transport and may run over
    ///   QUIC (Sekoia writes `https` as a transport, Elastic uses `network.protocol`). `network.protocol`
    ///   is `dns` (Sekoia).
    /// - `ResolvedIPs` is `dns.resolved_ip`, never written empty (Sekoia writes `[]`); `ResourceRecords`
    ///   (else the deprecated `RData`) is `dns.answers` with its `type`/`data` members (Elastic).
    /// - The device is `device.id` and `host.id` (Elastic) and `host.hostname`/`host.name` (Sekoia);
    ///   the device id also goes to `related.hosts` as a host identifier (Elastic).
    /// - `TimeZone` is the time zone of a scheduled rule, not of the record's time (which is UTC): it stays
    ///   raw (Elastic writes it to `event.timezone`).
    /// - `QueryID` is `event.id`, `ResponseTimeMs` `event.duration`, `QuerySize` `source.bytes`, the policy
    ///   `rule.*` (the deprecated `Policy` is a name or an id, so it stays raw), the data center
    ///   `observer.geo.name`; CNAMEs and nameserver IPs go to `related.*`.
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
        markers: [
            "ApplicationID", "ApplicationName", "AppliedMaxTTL", "AuthoritativeNameServerIPs", "CNAMECategoryIDs",
            "CNAMECategoryNames", "CNAMEs", "CNAMEsReversed", "CustomResolverAddress", "CustomResolverResponse",
            "DoTSubdomain", "DstIP", "DstPort", "EDEErrors", "InitialCategoryIDs", "InitialResolvedIPs",
            "InternalDNSRCode", "IsResponseCached", "Location", "LocationID", "MatchedCategoryIDs",
            "MatchedCategoryNames", "QueryCategoryIDs", "QueryCategoryNames", "QueryID", "QueryNameReversed",
            "QueryTypeName", "RCode", "RData", "ResolvedIPs", "ResolverDecision", "ResourceRecords",
            "ResourceRecordsJSON", "SrcIP", "SrcPort", "TimeZoneInferredMethod", "UpstreamRecordTTLs",
        ],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
            ("network.protocol", "dns"),
            ("observer.type", "dns"),
        ],
        rules: [
            map("QueryID", "event.id", .keyword),
            map("ResolverDecision", "event.action", .keyword),
            map("ResolverDecision", "event.type", .lookup(.resolverDecisionType)),
            map("ResolverDecision", "event.outcome", .lookup(.resolverDecisionOutcome)),
            map("ResponseTimeMs", "event.duration", .scaled(1_000_000)),
            map("AccountID", "cloud.account.id", .keyword),
            map("QueryName", "dns.question.name", .domain),
            map("QueryTypeName", "dns.question.type", .keyword),
            fallback("QueryType", "dns.question.type", .dnsType),
            map("RCode", "dns.response_code", .dnsResponseCode),
            map("ResolvedIPs", "dns.resolved_ip", .ip),
            map("ResourceRecords", "dns.answers", .copy),
            fallback("RData", "dns.answers", .copy),
            map("Protocol", "network.transport", .lookup(.dnsClientTransport)),
            map("SrcIP", "source.ip", .ip),
            map("SrcPort", "source.port", .long),
            map("QuerySize", "source.bytes", .long),
            map("SrcIPCountryCode", "source.geo.country_iso_code", .keyword),
            map("SrcIPContinentCode", "source.geo.continent_code", .keyword),
            map("DstIP", "destination.ip", .ip),
            map("DstPort", "destination.port", .long),
            map("ColoCode", "observer.geo.name", .keyword),
        ] + DatasetMapping.gatewayIdentityRules,
        related: RelatedSources(
            ip: ["AuthoritativeNameServerIPs", "InitialResolvedIPs"], hosts: ["DeviceID", "CNAMEs"]
        )
    )
}

extension ValueTable {
    /// Gateway `ResolverDecision` (GraphQL `resolverDecision` vocabulary) → `event.type`.
    static let resolverDecisionType = ValueTable([
        "allowedByQueryName": ["info", "allowed"], "allowedOnNoLocation": ["info", "allowed"],
        "allowedOnNoPolicyMatch": ["info", "allowed"], "allowedRule": ["info", "allowed"],
        "overrideForSafeSearch": ["info", "allowed"], "overrideApplied": ["info", "allowed"],
        "overrideRule": ["info", "allowed"],
        "blockedByQueryName": ["info", "denied"], "blockedByCategory": ["info", "denied"],
        "blockedAlwaysCategory": ["info", "denied"], "blockedRule": ["info", "denied"],
    ])

    /// Gateway `ResolverDecision` → `event.outcome`: was the name resolved (possibly rewritten)?
    static let resolverDecisionOutcome = ValueTable([
        "allowedByQueryName": "success", "allowedOnNoLocation": "success", "allowedOnNoPolicyMatch": "success",
        "allowedRule": "success", "overrideForSafeSearch": "success", "overrideApplied": "success",
        "overrideRule": "success",
        "blockedByQueryName": "failure", "blockedByCategory": "failure", "blockedAlwaysCategory": "failure",
        "blockedRule": "failure",
    ])

    /// Gateway DNS `Protocol` → ECS `network.transport`; DoH (`https`) and DoT run over TCP but are not
    /// transports themselves, and DoH may run over QUIC, so only plain DNS and DoT are mapped.
    static let dnsClientTransport = ValueTable(["udp": "udp", "tcp": "tcp", "tls": "tcp", "dot": "tcp"])
}
