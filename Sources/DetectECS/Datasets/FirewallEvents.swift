extension DatasetMapping {
    /// `firewall_events` (zone): one record per decision a Cloudflare security product (WAF, firewall rules,
    /// rate limiting, bot management, …) took on an HTTP request.
    ///
    /// Decisions where Sekoia and Elastic differ:
    /// - `Action` is `event.action` (both) and decides `event.type` (Sekoia's table: `block` → `denied`,
    ///   `allow`/solved challenges → `allowed`, `connectionclose` → `end`, else `info`; Elastic always `info`)
    ///   and `event.outcome` (`success`/`failure`, as http_requests' `SecurityAction`). Camel-case spellings
    ///   of the same actions (`managedChallenge`) match too.
    /// - `event.category` `[network]` and `observer.type` `firewall` (both references agree on the category).
    /// - `RuleID` is `rule.id` and `ClientASN` `source.as.number` (Elastic; Sekoia loses both to typos);
    ///   `RayID` is `event.id` (Elastic); `Source` gives `event.module` `cloudflare.<product>` (Sekoia).
    /// - `ClientCountry` is an ISO code: `source.geo.country_iso_code` (Elastic; Sekoia writes it to
    ///   `country_name`). `ClientASNDescription` is the AS name, `source.as.organization.name`.
    /// - `ClientRequestProtocol` `HTTP/1.1` → `http.version` `1.1` and `network.protocol` `http` (Elastic, as
    ///   ECS defines them; Sekoia copies `HTTP/1.1` into both).
    /// - The request host is both `destination.domain` (Sekoia) and `url.domain` (both); `url.*` comes from
    ///   the scheme, host, path and query (query without its `?`, as Elastic). The referer host goes to
    ///   `related.hosts` (Elastic).
    /// - `Ref` (a user-chosen rule label) stays raw: ECS `rule.reference` is a URL (Sekoia maps it there).
    ///   The managed-rule `Metadata` gives `rule.ruleset` (its `group`) and, without a `Description`,
    ///   `rule.description` (its `rule_message`).
    /// - The data center (`EdgeColoCode`) is `observer.geo.name`, as in every dataset with a colo code.
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
        markers: [
            "AISecurityCustomTopicCategories", "AISecurityInjectionScore", "AISecurityPIICategories",
            "AISecurityTokenCount", "AISecurityUnsafeTopicCategories", "ClientASNDescription", "ClientRefererHost",
            "ClientRefererPath", "ClientRefererQuery", "ClientRefererScheme", "ClientRequestQuery", "Description",
            "FirewallForAIInjectionScore", "FirewallForAIPIICategories", "FirewallForAITokenCount",
            "FirewallForAIUnsafeTopicCategories", "Kind", "MatchIndex", "OriginatorRayID", "Ref", "Source",
        ],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
            ("observer.type", "firewall"),
        ],
        rules: [
            map("RayID", "event.id", .keyword),
            map("Action", "event.action", .keyword),
            map("Action", "event.type", .lookup(.firewallDecision)),
            map("Action", "event.outcome", .lookup(.firewallOutcome)),
            map("Source", "event.module", .prefixed("cloudflare.")),
            map("RuleID", "rule.id", .keyword),
            map("Description", "rule.description", .keyword),
            fallback("Metadata.rule_message", "rule.description", .keyword),
            map("Metadata.group", "rule.ruleset", .keyword),
            map("ClientIP", "source.ip", .ip),
            map("ClientASN", "source.as.number", .long),
            map("ClientASNDescription", "source.as.organization.name", .keyword),
            map("ClientCountry", "source.geo.country_iso_code", .keyword),
            map("ClientRequestHost", "destination.domain", .domain),
            map("ClientRequestMethod", "http.request.method", .keyword),
            map("EdgeResponseStatus", "http.response.status_code", .long),
            map("ClientRequestProtocol", "http.version", .httpVersion),
            map("ClientRequestProtocol", "network.protocol", .constant("http")),
            map("ClientRequestUserAgent", "user_agent.original", .keyword),
            map("EdgeColoCode", "observer.geo.name", .keyword),
        ],
        url: URLSource(
            scheme: "ClientRequestScheme", host: "ClientRequestHost", path: "ClientRequestPath",
            query: "ClientRequestQuery"
        ),
        related: RelatedSources(hosts: ["ClientRefererHost"])
    )
}

extension ValueTable {
    /// Firewall `Action` → `event.type` (Sekoia's table, with the newer and camel-case actions).
    static let firewallDecision = ValueTable([
        "allow": ["allowed"], "bypass": ["allowed"], "skip": ["allowed"], "challengesolved": ["allowed"],
        "challengebypassed": ["allowed"], "jschallengesolved": ["allowed"], "jschallengebypassed": ["allowed"],
        "managedchallengeskipped": ["allowed"], "managedchallengenoninteractivesolved": ["allowed"],
        "managedchallengeinteractivesolved": ["allowed"], "managedchallengebypassed": ["allowed"],
        "block": ["denied"], "drop": ["denied"], "challengefailed": ["denied"], "jschallengefailed": ["denied"],
        "managedchallengefailed": ["denied"],
        "connectionclose": ["end"], "forceconnectionclose": ["end"],
        "unknown": ["info"], "challenge": ["info"], "jschallenge": ["info"], "managedchallenge": ["info"],
        "log": ["info"], "precursorinterstitialpage": ["info"], "rewrite": ["info"],
    ])

    /// Firewall `Action` → `event.outcome`: did the request go through? Pending challenges, logs and
    /// rewrites decide nothing and write no outcome.
    static let firewallOutcome = ValueTable([
        "allow": "success", "bypass": "success", "skip": "success", "challengesolved": "success",
        "challengebypassed": "success", "jschallengesolved": "success", "jschallengebypassed": "success",
        "managedchallengeskipped": "success", "managedchallengenoninteractivesolved": "success",
        "managedchallengeinteractivesolved": "success", "managedchallengebypassed": "success",
        "block": "failure", "drop": "failure", "challengefailed": "failure", "jschallengefailed": "failure",
        "managedchallengefailed": "failure", "connectionclose": "failure", "forceconnectionclose": "failure",
    ])
}
