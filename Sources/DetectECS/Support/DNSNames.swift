/// IANA DNS parameter names for ECS `dns.question.type` and `dns.response_code`, as static tables.
///
/// The names are the IANA registry's mnemonics, spelled as Sekoia's Cloudflare parsers spell them
/// (`dns_logs` and `gateway_dns` `parser.yml`, ECS-MAPPING.md §4.3), because the conformance tests compare
/// against Sekoia's output:
/// - RR type 255 is `*` (the registry's mnemonic), not `ANY`;
/// - RCODE 16 is `BADVERS OR BADSIG` (the registry lists both meanings under 16; Sekoia joins them);
/// - RCODE case follows the registry (`NoError`, `NXDomain`, `BADCOOKIE`).
///
/// Unknown, unassigned, reserved and private-use codes give nil: no field is written (the Sekoia fixture
/// `dns_type_65535` sends 65353 and expects no `dns.question.type`).
///
/// ```swift
/// DNSNames.recordType(28)     // "AAAA"
/// DNSNames.responseCode(3)    // "NXDomain"
/// ```
///
/// Every returned `String` is a literal (small-string or immortal), so looking one up allocates nothing.
public enum DNSNames {
    /// Which RR type table to use.
    public enum Dialect: Sendable, Hashable, CaseIterable {
        /// The whole IANA "Resource Record (RR) TYPEs" registry as of 2025, including the types Sekoia's
        /// table lacks: 66 DSYNC, 67 HHIT, 68 BRID, 128 NXNAME, 261 RESINFO, 262 WALLET, 263 CLA, 264 IPN.
        case iana
        /// Exactly Sekoia's translate table: the IANA names for 1–65 (54 is unassigned), 99–109, 249–260,
        /// 32768 and 32769; nil for the newer types above.
        case sekoia
    }

    /// The mnemonic of an RR type code (`1` → `A`, `65` → `HTTPS`, `255` → `*`), or nil when the code is
    /// not assigned (or, in the `.sekoia` dialect, not in Sekoia's table).
    ///
    /// - Parameters:
    ///   - code: the numeric type, e.g. Cloudflare's `QueryType`.
    ///   - dialect: `.iana` (default) or `.sekoia`.
    public static func recordType(_ code: Int, dialect: Dialect = .iana) -> String? {
        switch code {
        case 66...68, 128, 261...264:
            guard dialect == .iana else { return nil }
        default:
            break
        }
        switch code {
        case 1: return "A"
        case 2: return "NS"
        case 3: return "MD"
        case 4: return "MF"
        case 5: return "CNAME"
        case 6: return "SOA"
        case 7: return "MB"
        case 8: return "MG"
        case 9: return "MR"
        case 10: return "NULL"
        case 11: return "WKS"
        case 12: return "PTR"
        case 13: return "HINFO"
        case 14: return "MINFO"
        case 15: return "MX"
        case 16: return "TXT"
        case 17: return "RP"
        case 18: return "AFSDB"
        case 19: return "X25"
        case 20: return "ISDN"
        case 21: return "RT"
        case 22: return "NSAP"
        case 23: return "NSAP-PTR"
        case 24: return "SIG"
        case 25: return "KEY"
        case 26: return "PX"
        case 27: return "GPOS"
        case 28: return "AAAA"
        case 29: return "LOC"
        case 30: return "NXT"
        case 31: return "EID"
        case 32: return "NIMLOC"
        case 33: return "SRV"
        case 34: return "ATMA"
        case 35: return "NAPTR"
        case 36: return "KX"
        case 37: return "CERT"
        case 38: return "A6"
        case 39: return "DNAME"
        case 40: return "SINK"
        case 41: return "OPT"
        case 42: return "APL"
        case 43: return "DS"
        case 44: return "SSHFP"
        case 45: return "IPSECKEY"
        case 46: return "RRSIG"
        case 47: return "NSEC"
        case 48: return "DNSKEY"
        case 49: return "DHCID"
        case 50: return "NSEC3"
        case 51: return "NSEC3PARAM"
        case 52: return "TLSA"
        case 53: return "SMIMEA"
        // 54 is unassigned.
        case 55: return "HIP"
        case 56: return "NINFO"
        case 57: return "RKEY"
        case 58: return "TALINK"
        case 59: return "CDS"
        case 60: return "CDNSKEY"
        case 61: return "OPENPGPKEY"
        case 62: return "CSYNC"
        case 63: return "ZONEMD"
        case 64: return "SVCB"
        case 65: return "HTTPS"
        case 66: return "DSYNC"
        case 67: return "HHIT"
        case 68: return "BRID"
        // 69–98 are unassigned.
        case 99: return "SPF"
        case 100: return "UINFO"
        case 101: return "UID"
        case 102: return "GID"
        case 103: return "UNSPEC"
        case 104: return "NID"
        case 105: return "L32"
        case 106: return "L64"
        case 107: return "LP"
        case 108: return "EUI48"
        case 109: return "EUI64"
        // 110–127 are unassigned.
        case 128: return "NXNAME"
        // 129–248 are unassigned.
        case 249: return "TKEY"
        case 250: return "TSIG"
        case 251: return "IXFR"
        case 252: return "AXFR"
        case 253: return "MAILB"
        case 254: return "MAILA"
        case 255: return "*"
        case 256: return "URI"
        case 257: return "CAA"
        case 258: return "AVC"
        case 259: return "DOA"
        case 260: return "AMTRELAY"
        case 261: return "RESINFO"
        case 262: return "WALLET"
        case 263: return "CLA"
        case 264: return "IPN"
        // 265–32767 are unassigned.
        case 32768: return "TA"
        case 32769: return "DLV"
        // 32770–65279 unassigned, 65280–65534 private use, 0 and 65535 reserved.
        default: return nil
        }
    }

    /// The IANA name of a DNS RCODE (`0` → `NoError`, `3` → `NXDomain`, `16` → `BADVERS OR BADSIG`), or
    /// nil for an unassigned code (12–15, 24–3840) or a reserved / private-use one.
    ///
    /// Codes above 15 only exist as EDNS extended RCODEs or in TSIG/TKEY records; the table is the same
    /// for both dialects.
    ///
    /// - Parameter code: the numeric RCODE, e.g. Cloudflare's `ResponseCode` or `RCode`.
    public static func responseCode(_ code: Int) -> String? {
        switch code {
        case 0: return "NoError"
        case 1: return "FormErr"
        case 2: return "ServFail"
        case 3: return "NXDomain"
        case 4: return "NotImp"
        case 5: return "Refused"
        case 6: return "YXDomain"
        case 7: return "YXRRSet"
        case 8: return "NXRRSet"
        case 9: return "NotAuth"
        case 10: return "NotZone"
        case 11: return "DSOTYPENI"
        // 12–15 are unassigned.
        case 16: return "BADVERS OR BADSIG"
        case 17: return "BADKEY"
        case 18: return "BADTIME"
        case 19: return "BADMODE"
        case 20: return "BADNAME"
        case 21: return "BADALG"
        case 22: return "BADTRUNC"
        case 23: return "BADCOOKIE"
        default: return nil
        }
    }
}
