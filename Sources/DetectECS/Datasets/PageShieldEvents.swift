extension DatasetMapping {
    /// `page_shield_events` (zone): one record per Content Security Policy violation reported by a browser
    /// against a Page Shield policy.
    ///
    /// Decisions (Sekoia has no format for this dataset; Elastic's choices are kept where ECS agrees):
    /// - `event.category` `[network]`, `Action` → `event.action` (Elastic).
    /// - `event.type` adds what happened to the resource: a policy with the `allow` action enforces its
    ///   allowlist, so the violating resource was blocked (`denied`); a `log` policy only reports it, so it
    ///   loaded (`allowed`). Elastic keeps `[info]` for both.
    /// - `URL` (the resource) is `url.original`, split into `url.*`; `URLHost` (its host, also exported
    ///   alone) is `url.domain`. `Host`, the site the page belongs to, is `host.name` (Elastic).
    /// - The violated policy is the rule: `PolicyID` → `rule.id`, `CSPDirective` → `rule.name`.
    static let pageShieldEvents = DatasetMapping(
        name: "page_shield_events",
        fields: [
            "Action", "CSPDirective", "Host", "PageURL", "PolicyID", "ResourceType", "Timestamp", "URL",
            "URLContainsCDNCGIPath", "URLHost",
        ],
        markers: ["CSPDirective", "PageURL", "URLContainsCDNCGIPath", "URLHost"],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("Action", "event.action", .keyword),
            map("Action", "event.type", .lookup(.pageShieldAction)),
            map("PolicyID", "rule.id", .keyword),
            map("CSPDirective", "rule.name", .keyword),
            map("URL", "url.original", .keyword),
            map("URLHost", "url.domain", .domain),
            map("Host", "host.name", .keyword),
        ]
    )
}

extension ValueTable {
    /// Page Shield policy `Action` → `event.type` of the violating resource.
    static let pageShieldAction = ValueTable(["allow": ["info", "denied"], "log": ["info", "allowed"]])
}
