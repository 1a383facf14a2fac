extension DatasetMapping {
    /// `http_requests` (zone): one record per HTTP request seen at Cloudflare's edge.
    ///
    /// The request URL is rebuilt from scheme, host and URI (Elastic's way) and split into `url.*`; the
    /// zone host is also the destination. `SecurityAction` decides `event.action`/`event.type`.
    static let httpRequests = DatasetMapping(
        name: "http_requests",
        fields: [
            "BotDetectionIDs", "BotDetectionTags", "BotScore", "BotScoreSrc", "BotTags", "CacheCacheStatus",
            "CacheReserveUsed", "CacheResponseBytes", "CacheResponseStatus", "CacheTieredFill", "ClientASN",
            "ClientCity", "ClientCountry", "ClientDeviceType", "ClientIP", "ClientIPClass", "ClientLatitude",
            "ClientLongitude", "ClientMTLSAuthCertFingerprint", "ClientMTLSAuthStatus", "ClientRegionCode",
            "ClientRequestBytes", "ClientRequestHost", "ClientRequestMethod", "ClientRequestPath",
            "ClientRequestProtocol", "ClientRequestReferer", "ClientRequestScheme", "ClientRequestSource",
            "ClientRequestURI", "ClientRequestUserAgent", "ClientSSLCipher", "ClientSSLProtocol", "ClientSrcPort",
            "ClientTCPRTTMs", "ClientXRequestedWith", "ContentScanObjResults", "ContentScanObjSizes",
            "ContentScanObjTypes", "Cookies", "EdgeCFConnectingO2O", "EdgeColoCode", "EdgeColoID", "EdgeEndTimestamp",
            "EdgePathingOp", "EdgePathingSrc", "EdgePathingStatus", "EdgeRequestHost", "EdgeResponseBodyBytes",
            "EdgeResponseBytes", "EdgeResponseCompressionRatio", "EdgeResponseContentType", "EdgeResponseStatus",
            "EdgeServerIP", "EdgeStartTimestamp", "EdgeTimeToFirstByteMs", "FraudAttack", "FraudDetectionIDs",
            "FraudDetectionTags", "FraudEmailRisk", "FraudUserID", "JA3Hash", "JA4", "JA4Signals",
            "JSDetectionPassed", "LeakedCredentialCheckResult", "OriginDNSResponseTimeMs", "OriginIP",
            "OriginRequestHeaderSendDurationMs", "OriginResponseBytes", "OriginResponseDurationMs",
            "OriginResponseHTTPExpires", "OriginResponseHTTPLastModified", "OriginResponseHeaderReceiveDurationMs",
            "OriginResponseStatus", "OriginResponseTime", "OriginSSLProtocol", "OriginTCPHandshakeDurationMs",
            "OriginTLSHandshakeDurationMs", "ParentRayID", "PayPerCrawlStatus", "RayID", "RequestHeaders",
            "ResponseHeaders", "SecurityAction", "SecurityActions", "SecurityRuleDescription", "SecurityRuleID",
            "SecurityRuleIDs", "SecuritySources", "SmartRouteColoID", "UpperTierColoID", "VerifiedBotCategory",
            "WAFAttackScore", "WAFFlags", "WAFMatchedVar", "WAFRCEAttackScore", "WAFSQLiAttackScore",
            "WAFXSSAttackScore", "WebAssetsLabelsManaged", "WebAssetsOperationID", "WorkerCPUTime",
            "WorkerScriptName", "WorkerStatus", "WorkerSubrequest", "WorkerSubrequestCount", "WorkerWallTimeUs",
            "ZoneName",
            // Removed on 2023-08-01 but still in older exports (CLOUDFLARE-API.md §3).
            "WAFRuleID", "WAFRuleMessage", "WAFAction", "WAFProfile", "FirewallMatchesRuleIDs",
            "FirewallMatchesActions", "FirewallMatchesSources", "EdgeRateLimitAction", "EdgeRateLimitID",
            "SecurityLevel", "ZoneID",
        ],
        markers: [
            "EdgeStartTimestamp", "EdgeEndTimestamp", "ClientRequestURI", "EdgeResponseStatus", "CacheCacheStatus",
            "EdgeColoCode", "OriginResponseStatus",
        ],
        timestamp: ["EdgeStartTimestamp", "Datetime"],
        constants: [
            ("event.category", ["web"]),
            ("event.type", ["access"]),
            ("observer.type", "proxy"),
        ],
        rules: [
            map("RayID", "event.id", .keyword),
            map("EdgeStartTimestamp", "event.start", .timestamp),
            map("EdgeEndTimestamp", "event.end", .timestamp),
            map("SecurityAction", "event.action", .keyword),
            fallback("WAFAction", "event.action", .keyword),
            map("SecurityAction", "event.type", .lookup(.requestDecision)),
            fallback("WAFAction", "event.type", .lookup(.requestDecision)),
            map("SecurityAction", "event.outcome", .lookup(.requestOutcome)),
            map("SecurityRuleID", "rule.id", .keyword),
            fallback("WAFRuleID", "rule.id", .keyword),
            map("SecurityRuleDescription", "rule.description", .keyword),
            fallback("WAFRuleMessage", "rule.description", .keyword),
            map("ClientIP", "source.ip", .ip),
            map("ClientSrcPort", "source.port", .long),
            map("ClientASN", "source.as.number", .long),
            map("ClientCountry", "source.geo.country_iso_code", .keyword),
            map("ClientCity", "source.geo.city_name", .keyword),
            map("ClientRegionCode", "source.geo.region_iso_code", .keyword),
            map("ClientRequestHost", "destination.domain", .domain),
            map("OriginIP", "destination.ip", .ip),
            map("ClientRequestMethod", "http.request.method", .keyword),
            map("ClientRequestBytes", "http.request.bytes", .long),
            map("ClientRequestReferer", "http.request.referrer", .keyword),
            map("EdgeResponseStatus", "http.response.status_code", .long),
            map("EdgeResponseBytes", "http.response.bytes", .long),
            map("EdgeResponseBodyBytes", "http.response.body.bytes", .long),
            map("EdgeResponseContentType", "http.response.mime_type", .keyword),
            map("ClientRequestProtocol", "http.version", .httpVersion),
            map("ClientRequestProtocol", "network.protocol", .constant("http")),
            map("ClientRequestUserAgent", "user_agent.original", .keyword),
            map("ClientSSLProtocol", "tls.version", .tlsVersion),
            map("ClientSSLProtocol", "tls.version_protocol", .tlsProtocol),
            map("ClientSSLCipher", "tls.cipher", .keyword),
            map("JA3Hash", "tls.client.ja3", .keyword),
        ],
        url: URLSource(
            scheme: "ClientRequestScheme", host: "ClientRequestHost", uri: "ClientRequestURI",
            path: "ClientRequestPath", query: "ClientRequestQuery"
        )
    )
}

extension ValueTable {
    /// Cloudflare's security decision on a request (`SecurityAction`, firewall `Action`) → `event.type`.
    static let requestDecision = ValueTable([
        "allow": ["access", "allowed"], "block": ["access", "denied"], "bypass": ["access", "allowed"],
        "challengesolved": ["access", "allowed"], "challengebypassed": ["access", "allowed"],
        "jschallengesolved": ["access", "allowed"], "jschallengebypassed": ["access", "allowed"],
        "managedchallengeskipped": ["access", "allowed"],
        "managedchallengenoninteractivesolved": ["access", "allowed"],
        "managedchallengeinteractivesolved": ["access", "allowed"], "managedchallengebypassed": ["access", "allowed"],
        "challengefailed": ["access", "denied"], "jschallengefailed": ["access", "denied"],
        "managedchallengefailed": ["access", "denied"], "drop": ["access", "denied"],
        "connectionclose": ["access", "end"],
        "challenge": ["access"], "jschallenge": ["access"], "managedchallenge": ["access"], "log": ["access"],
        "skip": ["access", "allowed"], "unknown": ["access"],
    ])

    /// Cloudflare's security decision → `event.outcome` (the request went through, or not).
    static let requestOutcome = ValueTable([
        "allow": "success", "bypass": "success", "skip": "success", "block": "failure", "drop": "failure",
        "challengefailed": "failure", "jschallengefailed": "failure", "managedchallengefailed": "failure",
        "challengesolved": "success", "jschallengesolved": "success",
        "managedchallengenoninteractivesolved": "success", "managedchallengeinteractivesolved": "success",
    ])
}
