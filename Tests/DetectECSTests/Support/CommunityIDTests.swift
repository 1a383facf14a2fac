@testable import DetectECS
import Testing

@Suite("Community ID")
struct CommunityIDTests {
    static func id(_ source: String, _ destination: String, _ proto: UInt8, _ ports: (Int, Int)? = nil) -> String? {
        guard let source = IPAddress(source), let destination = IPAddress(destination) else { return nil }
        return CommunityID.compute(
            source: source, destination: destination, protocolNumber: proto, sourcePort: ports?.0,
            destinationPort: ports?.1
        ).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("the specification's TCP example, and the same ID for both directions of a flow")
    func tcpAndDirections() {
        #expect(Self.id("128.232.110.120", "66.35.250.204", 6, (34855, 80)) == "1:LQU9qZlK+B5F3KDmev6m5PMibrg=")
        #expect(Self.id("66.35.250.204", "128.232.110.120", 6, (80, 34855)) == "1:LQU9qZlK+B5F3KDmev6m5PMibrg=")
        #expect(Self.id("2001:db8::1", "2001:db8::2", 17, (53000, 53)) == "1:1WvFCRgrEZSy/S3b52Vsb5onNBc=")
        #expect(Self.id("2001:db8::2", "2001:db8::1", 17, (53, 53000)) == "1:1WvFCRgrEZSy/S3b52Vsb5onNBc=")
    }

    @Test("protocols without ports hash without them; ICMP, mixed families and missing ports give none")
    func edgeCases() {
        #expect(Self.id("192.0.2.1", "192.0.2.2", 47) == "1:OF71QrXQ3uLb1NPEC6e1InPqsIM=")
        #expect(Self.id("192.0.2.1", "192.0.2.2", 1) == nil)
        #expect(Self.id("192.0.2.1", "2001:db8::2", 6, (1, 2)) == nil)
        #expect(Self.id("192.0.2.1", "192.0.2.2", 6) == nil)
        #expect(Self.id("192.0.2.1", "192.0.2.2", 6, (70000, 2)) == nil)
    }

    @Test("protocol names and numbers")
    func protocolNumbers() {
        #expect(CommunityID.protocolNumber(Array("TCP".utf8)) == 6)
        #expect(CommunityID.protocolNumber(Array("udp".utf8)) == 17)
        #expect(CommunityID.protocolNumber(Array("47".utf8)) == 47)
        #expect(CommunityID.protocolNumber(Array("any".utf8)) == nil)
        #expect(CommunityID.protocolNumber(Array("256".utf8)) == nil)
    }
}
