import DetectECS
import Testing

@Suite("workers_trace_events")
struct WorkersTraceEventsTests {
    @Test("a fetch that threw maps the request, response, Worker as service, exception and a failure")
    func fetchException() throws {
        let output = try NormalizedOutput("""
            {"CPUTimeMs":3,"DispatchNamespace":"","Entrypoint":"default",\
            "Event":{"RayID":"9120ab34cd56ef78","Request":{"URL":"https://api.example.com/v1/orders?limit=5",\
            "Method":"POST"},"Response":{"Status":500}},"EventTimestampMs":1744388405123,"EventType":"fetch",\
            "Exceptions":[{"Name":"TypeError","Message":"orders is not iterable","TimestampMs":1744388405125}],\
            "Logs":[{"Level":"log","Message":["loading orders"],"TimestampMs":1744388405124}],"Outcome":"exception",\
            "ScriptName":"orders-api","ScriptTags":["prod"],\
            "ScriptVersion":{"Id":"4f7a9c2e-1b3d-4e5f-8a6b-7c8d9e0f1a2b","Tag":"v42","Message":"hotfix"},\
            "WallTimeMs":18}
            """)
        #expect(output.record == .cloudflare(.workersTraceEvents))
        #expect(output.string("event.dataset") == "workers_trace_events")
        #expect(output.string("@timestamp")?.hasPrefix("2025-04-11T16:20:05.123") == true)
        #expect(output.strings("event.category") == ["web"])
        #expect(output.strings("event.type") == ["error", "info"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("event.action") == "fetch")
        #expect(output.string("event.id") == "9120ab34cd56ef78")
        #expect(output.string("url.original") == "https://api.example.com/v1/orders?limit=5")
        #expect(output.string("url.domain") == "api.example.com")
        #expect(output.string("url.path") == "/v1/orders")
        #expect(output.string("url.query") == "limit=5")
        #expect(output.string("http.request.method") == "POST")
        #expect(output.integer("http.response.status_code") == 500)
        #expect(output.string("service.name") == "orders-api")
        #expect(output.string("service.version") == "4f7a9c2e-1b3d-4e5f-8a6b-7c8d9e0f1a2b")
        #expect(output.strings("error.type") == ["TypeError"])
        #expect(output.strings("error.message") == ["orders is not iterable"])
    }

    @Test("a cron invocation that succeeded has no request fields")
    func scheduledOK() throws {
        let output = try NormalizedOutput("""
            {"CPUTimeMs":12,"Event":{"Cron":"*/5 * * * *","ScheduledTimeMs":1744388400000},\
            "EventTimestampMs":1744388400002,"EventType":"scheduled","Exceptions":[],"Logs":[],"Outcome":"ok",\
            "ScriptName":"cleanup-job","WallTimeMs":40}
            """)
        #expect(output.record == .cloudflare(.workersTraceEvents))
        #expect(output.string("event.action") == "scheduled")
        #expect(output.string("event.outcome") == "success")
        #expect(output.strings("event.type") == ["info"])
        #expect(!output.has("url"))
        #expect(!output.has("http"))
        #expect(!output.has("error"))
        #expect(!output.has("event.id"))
    }

    @Test("empty strings write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"CPUTimeMs":0,"DispatchNamespace":"","Entrypoint":"",\
            "Event":{"RayID":"","Request":{"URL":"","Method":""},"Response":{}},"EventTimestampMs":null,\
            "EventType":"","Exceptions":[],"Logs":[],"Outcome":"","ScriptName":"","ScriptTags":[],\
            "ScriptVersion":{"Id":""},"WallTimeMs":0}
            """)
        #expect(output.record == .cloudflare(.workersTraceEvents))
        #expect(!output.has("@timestamp"))
        #expect(!output.has("event.action"))
        #expect(!output.has("event.outcome"))
        #expect(!output.has("event.id"))
        #expect(!output.has("url"))
        #expect(!output.has("http"))
        #expect(!output.has("service"))
        #expect(!output.has("error"))
    }
}
