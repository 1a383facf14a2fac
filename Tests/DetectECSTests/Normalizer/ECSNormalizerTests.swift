import DetectCore
import DetectECS
import DetectJSON
import Foundation
import Testing

/// What every line gets from the normalizer, whatever its dataset: line forms, detection, raw fields,
/// time formats, empty and invalid values.
struct ECSNormalizerTests {
    /// Normalizes one line; returns the record kind and the output as a JSON object.
    private func normalize(_ line: String, dataset: CloudflareDataset? = nil) throws -> (NormalizedRecord, [String: Any]) {
        var normalizer = ECSNormalizer(publicSuffixList: try PublicSuffixList())
        var event = Event()
        var bytes = Array(line.utf8)
        let record = try bytes.withUnsafeMutableBytes { raw in
            try normalizer.normalize(UnsafeRawBufferPointer(raw), dataset: dataset, into: &event)
        }
        var writer = JSONWriter()
        var scratch = EventWriterScratch()
        writer.writeEvent(event, table: FieldRegistry.shared.table(), scratch: &scratch)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(writer.output)) as? [String: Any])
        return (record, object)
    }

    private func value(_ object: [String: Any], _ path: String) -> Any? {
        var current: Any? = object
        for segment in path.split(separator: ".") { current = (current as? [String: Any])?[String(segment)] }
        return current
    }

    private let httpRecord = #"{"ClientIP":"::ffff:198.51.100.7","ClientRequestHost":"shop.example.co.uk","ClientRequestMethod":"GET","ClientRequestURI":"/cart/view.php?id=3","ClientRequestScheme":"https","EdgeResponseStatus":200,"EdgeStartTimestamp":1700000000123456789,"RayID":"8a1b2c3d4e5f6a7b","ClientRequestReferer":"","OriginIP":"not-an-ip"}"#

    @Test("a raw record keeps every raw field, with its JSON type, under cloudflare")
    func rawFieldsKept() throws {
        let (record, output) = try self.normalize(self.httpRecord)
        #expect(record == .cloudflare(.httpRequests))
        #expect(self.value(output, "cloudflare.EdgeResponseStatus") as? Int == 200)
        #expect(self.value(output, "cloudflare.EdgeStartTimestamp") as? Int == 1_700_000_000_123_456_789)
        #expect(self.value(output, "cloudflare.ClientRequestReferer") as? String == "")
        #expect(self.value(output, "event.dataset") as? String == "http_requests")
        #expect(self.value(output, "event.kind") as? String == "event")
        #expect(self.value(output, "observer.vendor") as? String == "Cloudflare")
    }

    @Test("ECS fields are derived: time with microseconds, URL parts, domain split, unwrapped IP")
    func derivedFields() throws {
        let (_, output) = try self.normalize(self.httpRecord)
        #expect(self.value(output, "@timestamp") as? String == "2023-11-14T22:13:20.123456Z")
        #expect(self.value(output, "source.ip") as? String == "198.51.100.7")
        #expect(self.value(output, "url.original") as? String == "https://shop.example.co.uk/cart/view.php?id=3")
        #expect(self.value(output, "url.path") as? String == "/cart/view.php")
        #expect(self.value(output, "url.query") as? String == "id=3")
        #expect(self.value(output, "url.extension") as? String == "php")
        #expect(self.value(output, "url.port") as? Int == 443)
        #expect(self.value(output, "url.registered_domain") as? String == "example.co.uk")
        #expect(self.value(output, "url.top_level_domain") as? String == "co.uk")
        #expect(self.value(output, "url.subdomain") as? String == "shop")
        #expect(self.value(output, "related.ip") as? [String] == ["198.51.100.7"])
    }

    @Test("empty strings and invalid IPs produce no ECS field")
    func emptyAndInvalidValuesWriteNothing() throws {
        let (_, output) = try self.normalize(self.httpRecord)
        #expect(self.value(output, "http.request.referrer") == nil)
        #expect(self.value(output, "destination.ip") == nil)
    }

    @Test("timestamps in every Cloudflare format give the same @timestamp", arguments: [
        #""2023-11-14T22:13:20Z""#, #""2023-11-14T23:13:20+01:00""#, "1700000000", #""1700000000""#,
        "1700000000000", "1700000000000000000", #""1700000000000000000""#, #""2023-11-14T22:13:20.000Z""#,
    ])
    func timestampFormats(_ time: String) throws {
        let line = #"{"ClientIP":"192.0.2.1","ClientRequestHost":"a.example.com","ClientRequestURI":"/","EdgeResponseStatus":200,"EdgeStartTimestamp":\#(time)}"#
        let (_, output) = try self.normalize(line)
        #expect(self.value(output, "@timestamp") as? String == "2023-11-14T22:13:20.000000Z")
    }

    @Test("a {\"message\": …} wrapper is unwrapped and normalized like the raw record")
    func wrapperIsUnwrapped() throws {
        let wrapped = try JSONSerialization.data(withJSONObject: ["message": self.httpRecord + "\n"])
        let (record, output) = try self.normalize(String(decoding: wrapped, as: UTF8.self))
        #expect(record == .cloudflare(.httpRequests))
        #expect(self.value(output, "source.ip") as? String == "198.51.100.7")
    }

    @Test("an ECS document passes through unchanged")
    func ecsDocumentPassesThrough() throws {
        let line = #"{"@timestamp":"2023-11-14T22:13:20Z","event":{"dataset":"http_requests"},"source":{"ip":"192.0.2.9"}}"#
        let (record, output) = try self.normalize(line)
        #expect(record == .ecs)
        #expect(self.value(output, "source.ip") as? String == "192.0.2.9")
        #expect(self.value(output, "event.dataset") as? String == "http_requests")
        #expect(self.value(output, "cloudflare") == nil)
    }

    @Test("a record no table recognises keeps its fields as cloudflare.unknown")
    func unknownRecordIsKept() throws {
        let (record, output) = try self.normalize(#"{"Colour":"blue","Size":3}"#)
        #expect(record == .unknown)
        #expect(self.value(output, "event.dataset") as? String == "cloudflare.unknown")
        #expect(self.value(output, "cloudflare.Colour") as? String == "blue")
    }

    @Test("a given dataset overrides detection")
    func givenDatasetWins() throws {
        let (record, output) = try self.normalize(#"{"Datetime":"2023-11-14T22:13:20Z","SNI":"a.example.com"}"#, dataset: .gatewayNetwork)
        #expect(record == .cloudflare(.gatewayNetwork))
        #expect(self.value(output, "event.dataset") as? String == "gateway_network")
        #expect(self.value(output, "@timestamp") as? String == "2023-11-14T22:13:20.000000Z")
    }

    @Test("malformed lines throw a located JSON error", arguments: [
        (#"{"ClientIP":"1.2.3.4""#, "json.unexpected_end"), ("[1,2]", "json.not_an_object"),
        (#"{"a":1} x"#, "json.trailing_content"), ("{\"a\":\"\u{01}\"}", "json.invalid_string"),
    ])
    func malformedLines(_ line: String, _ reason: String) throws {
        var normalizer = ECSNormalizer(publicSuffixList: try PublicSuffixList())
        var event = Event()
        var bytes = Array(line.utf8)
        #expect {
            try bytes.withUnsafeMutableBytes { raw in
                _ = try normalizer.normalize(UnsafeRawBufferPointer(raw), into: &event)
            }
        } throws: { error in
            (error as? JSONError)?.code.reason == reason
        }
    }

    @Test("invalid UTF-8 inside a string is rejected")
    func invalidUTF8() throws {
        var normalizer = ECSNormalizer(publicSuffixList: try PublicSuffixList())
        var event = Event()
        var bytes = Array(#"{"ClientIP":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect(throws: JSONError.self) {
            try bytes.withUnsafeMutableBytes { raw in
                _ = try normalizer.normalize(UnsafeRawBufferPointer(raw), into: &event)
            }
        }
    }
}
