extension DatasetMapping {
    /// `access_requests` (account): one record per Cloudflare Access login or logout.
    ///
    /// Decisions where Sekoia and Elastic differ:
    /// - `event.category` is `[authentication, network]` (Sekoia; Elastic only `network`): an Access login
    ///   is an authentication. `event.type` is Elastic's `[access, allowed|denied]` from `Allowed`, plus the
    ///   authentication lifecycle from `Action` (`login` → `start`, `logout` → `end`, as Sekoia does).
    /// - `event.outcome` from `Allowed` uses ECS values `success`/`failure` (Sekoia writes `denied`, not ECS).
    /// - `event.action` is `Action` (Elastic); Sekoia reads the audit-log key `ActionType` instead.
    /// - `IPAddress` is both `client.ip` (Elastic) and `source.ip` (Sekoia).
    /// - `AppDomain` holds `host/path` (a path-scoped application): `url.domain` is its host only, so that
    ///   domain matching and the Public Suffix split work, and `url.path` its path (both references keep the
    ///   path in `url.domain`, which ECS defines as the domain alone).
    /// - `RayID` is `event.id` (Elastic); approvers of a temporary access go to `related.user` (Elastic).
    static let accessRequests = DatasetMapping(
        name: "access_requests",
        fields: [
            "Action", "Allowed", "AppDomain", "AppUUID", "Connection", "Country", "CreatedAt", "Email", "IPAddress",
            "PurposeJustificationPrompt", "PurposeJustificationResponse", "RayID", "TemporaryAccessApprovers",
            "TemporaryAccessDuration", "UserUID",
        ],
        markers: [
            "Allowed", "AppDomain", "AppUUID", "Connection", "CreatedAt", "IPAddress", "PurposeJustificationPrompt",
            "PurposeJustificationResponse", "TemporaryAccessApprovers", "TemporaryAccessDuration",
        ],
        timestamp: ["CreatedAt"],
        constants: [
            ("event.category", ["authentication", "network"]),
            ("event.type", ["info"]),
            ("observer.type", "proxy"),
        ],
        rules: [
            map("RayID", "event.id", .keyword),
            map("Action", "event.action", .keyword),
            map("Allowed", "event.type", .lookup(.accessDecision)),
            append("Action", "event.type", .lookup(.accessLifecycle)),
            map("Allowed", "event.outcome", .lookup(.accessOutcome)),
            map("IPAddress", "client.ip", .ip),
            map("IPAddress", "source.ip", .ip),
            map("Country", "client.geo.country_iso_code", .keyword),
            map("Country", "source.geo.country_iso_code", .keyword),
            map("Email", "user.email", .keyword),
            map("UserUID", "user.id", .keyword),
            map("AppDomain", "url.domain", .bareURLHost),
            map("AppDomain", "url.path", .bareURLPath),
        ],
        related: RelatedSources(user: ["TemporaryAccessApprovers"])
    )
}

extension ValueTable {
    /// Access `Allowed` → `event.type`.
    static let accessDecision = ValueTable(["true": ["access", "allowed"], "false": ["access", "denied"]])

    /// Access `Action` → the authentication lifecycle `event.type` (added to the decision).
    static let accessLifecycle = ValueTable(["login": ["start"], "logout": ["end"]])

    /// Access `Allowed` → `event.outcome`.
    static let accessOutcome = ValueTable(["true": "success", "false": "failure"])
}
