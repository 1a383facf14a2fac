extension DatasetMapping {
    /// `workers_trace_events`: Cloudflare's field reference, mapped to ECS.
    static let workersTraceEvents = DatasetMapping(
        name: "workers_trace_events",
        fields: [
            "CPUTimeMs", "DispatchNamespace", "Entrypoint", "Event", "EventTimestampMs", "EventType", "Exceptions",
            "Logs", "Outcome", "ScriptName", "ScriptTags", "ScriptVersion", "WallTimeMs",
        ],
        timestamp: ["EventTimestampMs"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
