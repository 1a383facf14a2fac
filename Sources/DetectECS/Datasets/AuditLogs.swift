extension DatasetMapping {
    /// `audit_logs` (account, v1): one record per change made to the account, by a user or a token.
    ///
    /// Decisions where Sekoia and Elastic differ:
    /// - `event.category`/`event.type` are ECS's `[configuration]`/`[change]` for a change to the account
    ///   (Sekoia says `[network]`/`[access]`, Elastic `[authentication]`/`[info]`; neither describes an audit
    ///   trail of changes). Plain verbs refine the type (`create` → `creation`, `delete` → `deletion`) and
    ///   `login`/`logout` become `[authentication]` with `start`/`end`.
    /// - `ActionResult` gives `event.outcome` `success`/`failure` (Elastic; Sekoia writes none).
    /// - `ID` is `event.id` and `Interface` `event.provider` (Elastic); `OwnerID` is `cloud.account.id`
    ///   (Sekoia). `ActorIP` is `source.ip` with an IPv4-mapped IPv6 address unwrapped (Sekoia).
    /// - No `observer.type`: no proxy or firewall observed these changes (Sekoia says `proxy`).
    static let auditLogs = DatasetMapping(
        name: "audit_logs",
        fields: [
            "ActionResult", "ActionType", "ActorEmail", "ActorID", "ActorIP", "ActorType", "ID", "Interface",
            "Metadata", "NewValue", "OldValue", "OwnerID", "ResourceID", "ResourceType", "When",
        ],
        markers: [
            "ActionResult", "ActionType", "ActorEmail", "ActorID", "ActorIP", "ActorType", "NewValue", "OldValue",
            "OwnerID", "When",
        ],
        timestamp: ["When"],
        constants: [
            ("event.category", ["configuration"]),
            ("event.type", ["change"]),
        ],
        rules: [
            map("ID", "event.id", .keyword),
            map("ActionType", "event.action", .keyword),
            map("ActionType", "event.category", .lookup(.auditActionCategory)),
            map("ActionType", "event.type", .lookup(.auditActionType)),
            map("ActionResult", "event.outcome", .lookup(.auditResult)),
            map("Interface", "event.provider", .keyword),
            map("OwnerID", "cloud.account.id", .keyword),
            map("ActorEmail", "user.email", .keyword),
            map("ActorID", "user.id", .keyword),
            map("ActorIP", "source.ip", .ip),
        ]
    )
}

extension ValueTable {
    /// Audit `ActionType` values that are sign-ins rather than changes → `event.category`.
    static let auditActionCategory = ValueTable(["login": ["authentication"], "logout": ["authentication"]])

    /// Audit `ActionType` plain verbs → `event.type` (other actions stay `change`).
    static let auditActionType = ValueTable([
        "create": ["creation"], "add": ["creation"], "delete": ["deletion"], "remove": ["deletion"],
        "update": ["change"], "login": ["start"], "logout": ["end"],
    ])

    /// Audit `ActionResult` → `event.outcome`.
    static let auditResult = ValueTable(["true": "success", "false": "failure"])
}
