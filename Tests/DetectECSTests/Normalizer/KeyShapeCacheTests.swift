import DetectCore
import DetectECS
import DetectJSON
import Testing

/// One normalizer reuses the previous record's key order (and the parser's "same keys as the previous
/// document" verdict) from line to line; its output must be what a fresh normalizer gives for each line.
struct KeyShapeCacheTests {
    /// The ECS JSON of `line` normalized by `normalizer`, or the error's reason.
    private static func output(_ line: String, _ normalizer: inout ECSNormalizer, dataset: CloudflareDataset? = nil)
        -> String
    {
        var event = Event()
        let bytes = Array(line.utf8)
        let result: Result<NormalizedRecord, JSONError> = bytes.withUnsafeBytes { raw in
            Result { () throws(JSONError) in try normalizer.normalize(raw, dataset: dataset, into: &event) }
        }
        guard case .success(let record) = result else {
            if case .failure(let error) = result { return "error \(error)" }
            return ""
        }
        var writer = JSONWriter()
        var scratch = EventWriterScratch()
        writer.writeEvent(event, table: FieldRegistry.shared.table(), scratch: &scratch)
        return "\(record) " + String(decoding: writer.output, as: UTF8.self)
    }

    static let http = #"{"ClientIP":"198.51.100.7","ClientRequestHost":"a.example.com","ClientRequestURI":"/x?y=1","EdgeResponseStatus":200,"EdgeStartTimestamp":1700000000123456789,"RayID":"8a1b"}"#
    static let httpOtherValues = #"{"ClientIP":"2001:DB8::1","ClientRequestHost":"b.example.org","ClientRequestURI":"/","EdgeResponseStatus":404,"EdgeStartTimestamp":"2023-11-14T22:13:20Z","RayID":"ffff"}"#
    static let httpReordered = #"{"RayID":"8a1b","ClientIP":"198.51.100.7","ClientRequestHost":"a.example.com","ClientRequestURI":"/x?y=1","EdgeResponseStatus":200,"EdgeStartTimestamp":1700000000123456789}"#
    static let httpNested = #"{"ClientIP":{"ClientRequestHost":"a.example.com"},"ClientRequestURI":"/x?y=1","EdgeResponseStatus":200,"EdgeStartTimestamp":1700000000123456789,"RayID":"8a1b"}"#
    static let httpFewer = #"{"ClientIP":"198.51.100.7","ClientRequestHost":"a.example.com","ClientRequestURI":"/x?y=1","EdgeResponseStatus":200}"#
    static let dns = #"{"QueryName":"example.com","QueryType":1,"ResponseCode":0,"ColoCode":"LIS","SourceIP":"192.0.2.1","Timestamp":"2023-11-14T22:13:20Z"}"#
    static let ecs = #"{"@timestamp":"2023-11-14T22:13:20Z","source":{"ip":"192.0.2.1"}}"#
    static let wrapper = #"{"message":"{\"ClientIP\":\"198.51.100.7\",\"ClientRequestHost\":\"a.example.com\",\"RayID\":\"8a1b\"}"}"#

    @Test("a stream of repeated, changed, nested, wrapped, ECS and malformed lines normalizes like fresh normalizers")
    func streamMatchesFreshNormalizers() throws {
        let lines = [
            Self.http, Self.http, Self.httpOtherValues, Self.httpReordered, Self.httpReordered, Self.http,
            Self.httpNested, Self.http, Self.httpFewer, Self.http, Self.dns, Self.dns, Self.http, Self.ecs, Self.http,
            Self.wrapper, Self.wrapper, Self.http, #"{"ClientIP":"1"#, Self.http, Self.http, "[1]", "{}", Self.http, "[2]", "{}",
        ]
        let suffixes = try PublicSuffixList()
        var reused = ECSNormalizer(publicSuffixList: suffixes)
        for (index, line) in lines.enumerated() {
            var fresh = ECSNormalizer(publicSuffixList: suffixes)
            #expect(Self.output(line, &reused) == Self.output(line, &fresh), "line \(index)")
        }
    }

    @Test("a line with the previous line's keys is recognised by its values when a key names a form")
    func repeatedKeysWithAnotherForm() throws {
        let lines = [
            Self.http, Self.http,
            #"{"message":"plain text","ClientIP":"198.51.100.7"}"#,
            #"{"message":"{\"ClientIP\":\"198.51.100.7\"}","ClientIP":"198.51.100.7"}"#,
            #"{"event":"x","ClientIP":"198.51.100.7"}"#,
            #"{"event":{},"ClientIP":"198.51.100.7"}"#,
            #"{"event":"x","ClientIP":"198.51.100.7"}"#,
        ]
        let suffixes = try PublicSuffixList()
        var reused = ECSNormalizer(publicSuffixList: suffixes)
        var outputs: [String] = []
        for (index, line) in lines.enumerated() {
            var fresh = ECSNormalizer(publicSuffixList: suffixes)
            outputs.append(Self.output(line, &reused))
            #expect(outputs[index] == Self.output(line, &fresh), "line \(index)")
        }
        #expect(outputs[2].contains(#""message""#) && !outputs[3].contains(#""message""#), "the wrapper is unwrapped")
        #expect(!outputs[4].hasPrefix("ecs") && outputs[5].hasPrefix("ecs") && !outputs[6].hasPrefix("ecs"))
    }

    @Test("a given dataset after detected ones, and back, maps like fresh normalizers")
    func givenDatasetBetweenDetected() throws {
        let suffixes = try PublicSuffixList()
        var reused = ECSNormalizer(publicSuffixList: suffixes)
        for (line, dataset) in [(Self.http, nil), (Self.http, .firewallEvents), (Self.http, nil), (Self.dns, .dnsLogs)]
            as [(String, CloudflareDataset?)]
        {
            var fresh = ECSNormalizer(publicSuffixList: suffixes)
            #expect(Self.output(line, &reused, dataset: dataset) == Self.output(line, &fresh, dataset: dataset))
        }
    }
}
