import DetectECS
import Testing

struct DNSNamesTests {
    /// Sekoia's `dns_logs` / `gateway_dns` translate table, copied as data (ECS-MAPPING.md §4.3).
    static let sekoiaRecordTypes: [Int: String] = [
        1: "A", 2: "NS", 3: "MD", 4: "MF", 5: "CNAME", 6: "SOA", 7: "MB", 8: "MG", 9: "MR", 10: "NULL",
        11: "WKS", 12: "PTR", 13: "HINFO", 14: "MINFO", 15: "MX", 16: "TXT", 17: "RP", 18: "AFSDB", 19: "X25",
        20: "ISDN", 21: "RT", 22: "NSAP", 23: "NSAP-PTR", 24: "SIG", 25: "KEY", 26: "PX", 27: "GPOS",
        28: "AAAA", 29: "LOC", 30: "NXT", 31: "EID", 32: "NIMLOC", 33: "SRV", 34: "ATMA", 35: "NAPTR",
        36: "KX", 37: "CERT", 38: "A6", 39: "DNAME", 40: "SINK", 41: "OPT", 42: "APL", 43: "DS", 44: "SSHFP",
        45: "IPSECKEY", 46: "RRSIG", 47: "NSEC", 48: "DNSKEY", 49: "DHCID", 50: "NSEC3", 51: "NSEC3PARAM",
        52: "TLSA", 53: "SMIMEA", 55: "HIP", 56: "NINFO", 57: "RKEY", 58: "TALINK", 59: "CDS", 60: "CDNSKEY",
        61: "OPENPGPKEY", 62: "CSYNC", 63: "ZONEMD", 64: "SVCB", 65: "HTTPS", 99: "SPF", 100: "UINFO",
        101: "UID", 102: "GID", 103: "UNSPEC", 104: "NID", 105: "L32", 106: "L64", 107: "LP", 108: "EUI48",
        109: "EUI64", 249: "TKEY", 250: "TSIG", 251: "IXFR", 252: "AXFR", 253: "MAILB", 254: "MAILA",
        255: "*", 256: "URI", 257: "CAA", 258: "AVC", 259: "DOA", 260: "AMTRELAY", 32768: "TA", 32769: "DLV",
    ]

    /// The IANA types Sekoia's table lacks.
    static let newerRecordTypes: [Int: String] = [
        66: "DSYNC", 67: "HHIT", 68: "BRID", 128: "NXNAME", 261: "RESINFO", 262: "WALLET", 263: "CLA", 264: "IPN",
    ]

    @Test("the Sekoia dialect is exactly Sekoia's table, over every 16-bit code")
    func sekoiaDialect() {
        for code in -1...65_536 {
            #expect(DNSNames.recordType(code, dialect: .sekoia) == Self.sekoiaRecordTypes[code], "code \(code)")
        }
    }

    @Test("the IANA dialect is Sekoia's table plus the newer registrations, over every 16-bit code")
    func ianaDialect() {
        for code in -1...65_536 {
            let expected = Self.sekoiaRecordTypes[code] ?? Self.newerRecordTypes[code]
            #expect(DNSNames.recordType(code) == expected, "code \(code)")
        }
    }

    static let fixtureTypes: [(Int, String?)] = [
        (1, "A"), (2, "NS"), (28, "AAAA"), (65, "HTTPS"), (65_353, nil), (0, nil), (54, nil), (65_535, nil),
        (65_280, nil), (255, "*"), (257, "CAA"), (32_768, "TA"), (32_769, "DLV"), (33, "SRV"), (64, "SVCB"),
        (5, "CNAME"), (6, "SOA"), (12, "PTR"), (15, "MX"), (16, "TXT"),
    ]

    @Test("record types used by the fixtures and ECS-MAPPING.md", arguments: fixtureTypes)
    func fixtureRecordTypes(code: Int, name: String?) {
        #expect(DNSNames.recordType(code) == name)
        #expect(DNSNames.recordType(code, dialect: .sekoia) == name)
    }

    static let responseCodes: [(Int, String?)] = [
        (0, "NoError"), (1, "FormErr"), (2, "ServFail"), (3, "NXDomain"), (4, "NotImp"), (5, "Refused"),
        (6, "YXDomain"), (7, "YXRRSet"), (8, "NXRRSet"), (9, "NotAuth"), (10, "NotZone"), (11, "DSOTYPENI"),
        (12, nil), (13, nil), (14, nil), (15, nil), (16, "BADVERS OR BADSIG"), (17, "BADKEY"), (18, "BADTIME"),
        (19, "BADMODE"), (20, "BADNAME"), (21, "BADALG"), (22, "BADTRUNC"), (23, "BADCOOKIE"), (24, nil),
        (-1, nil), (3_841, nil), (65_535, nil),
    ]

    @Test("response codes follow Sekoia's IANA names", arguments: responseCodes)
    func responseCodeNames(code: Int, name: String?) {
        #expect(DNSNames.responseCode(code) == name)
    }
}
