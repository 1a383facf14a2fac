import DetectECS
import Testing

@Suite("nel_reports")
struct NELReportsTests {
    @Test("an error report is a failure with its error type and the client's AS and country")
    func timeoutReport() throws {
        let output = try NormalizedOutput("""
            {"ClientIPASN":64500,"ClientIPASNDescription":"EXAMPLE-TRANSIT-AS","ClientIPCountry":"NL",\
            "LastKnownGoodColoCode":"AMS","Phase":"connection","Timestamp":"2025-06-01T00:00:00Z",\
            "Type":"tcp.timed_out"}
            """)
        #expect(output.record == .cloudflare(.nelReports))
        #expect(output.string("event.dataset") == "nel_reports")
        #expect(output.string("@timestamp")?.hasPrefix("2025-06-01T00:00:00") == true)
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("error.type") == "tcp.timed_out")
        #expect(output.integer("source.as.number") == 64500)
        #expect(output.string("source.as.organization.name") == "EXAMPLE-TRANSIT-AS")
        #expect(output.string("source.geo.country_iso_code") == "NL")
    }

    @Test("an ok report is a success; an ASN as a digit string and a unixnano string time are read")
    func okReport() throws {
        let output = try NormalizedOutput("""
            {"ClientIPASN":"64501","ClientIPASNDescription":"EXAMPLE-ISP","ClientIPCountry":"CA",\
            "LastKnownGoodColoCode":"YYZ","Phase":"application","Timestamp":"1748736000000000000","Type":"ok"}
            """)
        #expect(output.record == .cloudflare(.nelReports))
        #expect(output.string("@timestamp")?.hasPrefix("2025-06-01T00:00:00") == true)
        #expect(output.string("event.outcome") == "success")
        #expect(output.integer("source.as.number") == 64501)
    }

    @Test("empty strings and non-numeric ASNs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"ClientIPASN":"AS?","ClientIPASNDescription":"","ClientIPCountry":"","LastKnownGoodColoCode":"",\
            "Phase":"","Timestamp":"","Type":""}
            """)
        #expect(output.record == .cloudflare(.nelReports))
        #expect(!output.has("@timestamp"))
        #expect(!output.has("event.outcome"))
        #expect(!output.has("error"))
        #expect(!output.has("source"))
    }
}
