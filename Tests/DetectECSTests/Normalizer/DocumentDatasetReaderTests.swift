import DetectCore
import DetectECS
import DetectJSON
import Testing

/// Reading the dataset an ECS input document names: nested or flat `event.dataset`, the first in document
/// order, sigflare's and Elastic's names with or without an integration prefix; the cached answer never
/// outlives its name.
struct DocumentDatasetReaderTests {
    /// The dataset `reader` reads from the document `json` (set as the event's root).
    static func dataset(_ json: String, reader: inout DocumentDatasetReader) throws -> CloudflareDataset? {
        var event = Event()
        let root = try Array(json.utf8).withUnsafeBytes { try JSONParser().parseObject($0, into: &event.tape) }
        event.set(.root, node: root)
        return reader.dataset(of: event)
    }

    @Test("nested and flat event.dataset, any accepted spelling, the first in document order")
    func spellings() throws {
        var reader = DocumentDatasetReader()
        let cases: [(String, CloudflareDataset?)] = [
            (#"{"a":1,"event":{"kind":"event","dataset":"http_requests"}}"#, .httpRequests),
            (#"{"event.dataset":"cloudflare.firewall_event"}"#, .firewallEvents),
            (#"{"event":{"dataset":"cloudflare_logpush.dns_logs"},"event.dataset":"http_requests"}"#, .dnsLogs),
            (#"{"event.dataset":"gateway_dns","event":{"dataset":"http_requests"}}"#, .gatewayDNS),
            (#"{"event":{"dataset":7},"event.dataset":"audit_logs"}"#, .auditLogs),
            (#"{"event":{"dataset":"nginx.access"}}"#, nil),
            (#"{"event":{"kind":"event"}}"#, nil),
            (#"{"ev\u0065nt.dataset":"http_requests"}"#, nil),
            (#"{"event":{"dataset":"http_requests"}}"#, .httpRequests),
        ]
        for (json, expected) in cases {
            #expect(try Self.dataset(json, reader: &reader) == expected, "\(json)")
        }
    }
}
