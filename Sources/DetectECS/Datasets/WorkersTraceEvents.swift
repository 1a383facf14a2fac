extension DatasetMapping {
    /// `workers_trace_events` (account): one record per Worker invocation (a fetch, a cron trigger, a queue
    /// batch, …), with its outcome, console logs and uncaught exceptions.
    ///
    /// Decisions (Sekoia has no format for this dataset; Elastic's choices are kept where ECS agrees):
    /// - `event.category` `[web]`, `EventType` → `event.action`, `Event.RayID` → `event.id` (Elastic).
    /// - `Outcome` gives `event.outcome` (`ok` → `success`; `exception`, exceeded limits, `canceled` →
    ///   `failure`) and adds `error` to `event.type` for a script error (Elastic does so for `exception`).
    /// - The request of a fetch event is `url.*` (from `Event.Request.URL`), `http.request.method` and
    ///   `http.response.status_code`.
    /// - The Worker is the ECS service: `ScriptName` → `service.name`, `ScriptVersion.Id` → `service.version`.
    ///   Uncaught exceptions give `error.type`, `error.message` and `error.stack_trace` (one entry each).
    /// - `EventTimestampMs` (unix milliseconds) is `@timestamp`.
    static let workersTraceEvents = DatasetMapping(
        name: "workers_trace_events",
        fields: [
            "CPUTimeMs", "DispatchNamespace", "Entrypoint", "Event", "EventTimestampMs", "EventType", "Exceptions",
            "Logs", "Outcome", "ScriptName", "ScriptTags", "ScriptVersion", "WallTimeMs",
        ],
        markers: [
            "CPUTimeMs", "DispatchNamespace", "Entrypoint", "EventTimestampMs", "EventType", "Exceptions", "Logs",
            "ScriptName", "ScriptTags", "ScriptVersion", "WallTimeMs",
        ],
        timestamp: ["EventTimestampMs"],
        constants: [
            ("event.category", ["web"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("Event.RayID", "event.id", .keyword),
            map("EventType", "event.action", .keyword),
            map("Outcome", "event.outcome", .lookup(.workerOutcome)),
            map("Outcome", "event.type", .lookup(.workerOutcomeType)),
            map("Event.Request.URL", "url.original", .keyword),
            map("Event.Request.Method", "http.request.method", .keyword),
            map("Event.Response.Status", "http.response.status_code", .long),
            map("ScriptName", "service.name", .keyword),
            map("ScriptVersion.Id", "service.version", .keyword),
            map("Exceptions", "error.type", .pluck("Name")),
            map("Exceptions", "error.message", .pluck("Message")),
            map("Exceptions", "error.stack_trace", .pluck("Stack")),
        ]
    )
}

extension ValueTable {
    /// Worker invocation `Outcome` → `event.outcome`.
    static let workerOutcome = ValueTable([
        "ok": "success", "exception": "failure", "exceededcpu": "failure", "exceededmemory": "failure",
        "exceededwalltime": "failure", "scriptnotfound": "failure", "canceled": "failure",
        "responsestreamdisconnected": "failure", "unknown": "unknown",
    ])

    /// Worker invocation `Outcome` values that are script errors → `event.type`.
    static let workerOutcomeType = ValueTable([
        "exception": ["info", "error"], "exceededcpu": ["info", "error"], "exceededmemory": ["info", "error"],
        "exceededwalltime": ["info", "error"], "scriptnotfound": ["info", "error"],
    ])
}
