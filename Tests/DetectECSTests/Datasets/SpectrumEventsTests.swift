import DetectECS
import Testing

@Suite("spectrum_events")
struct SpectrumEventsTests {
    static let disconnect = """
        {"Application":"3f9c2b7d1e8a4c6b9d0e2f4a6b8c0d1e","ClientAsn":64496,"ClientBytes":18234,"ClientCountry":"fr",\
        "ClientIP":"198.51.100.23","ClientMatchedIpFirewall":"ALLOW","ClientPort":52814,"ClientProto":"tcp",\
        "ClientTcpRtt":21000000,"ClientTlsCipher":"TLS_AES_128_GCM_SHA256",\
        "ClientTlsClientHelloServerName":"ssh.example.net","ClientTlsProtocol":"TLSv1.3","ClientTlsStatus":"OK",\
        "ColoCode":"CDG","ConnectTimestamp":"2025-04-02T10:11:12Z","DisconnectTimestamp":"2025-04-02T10:41:30Z",\
        "Event":"disconnect","IpFirewall":true,"OriginBytes":922337,"OriginIP":"192.0.2.15","OriginPort":22,\
        "OriginProto":"tcp","OriginTcpRtt":2000000,"OriginTlsCipher":"UNK",\
        "OriginTlsFingerprint":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",\
        "OriginTlsMode":"strict","OriginTlsProtocol":"TLSv1.2","OriginTlsStatus":"OK","ProxyProtocol":"v2",\
        "Status":200,"Timestamp":"2025-04-02T10:41:30Z"}
        """

    @Test("a disconnect maps client and origin on both ECS sides, TLS, bytes and timing")
    func disconnect() throws {
        let output = try NormalizedOutput(Self.disconnect)
        #expect(output.record == .cloudflare(.spectrumEvents))
        #expect(output.string("event.dataset") == "spectrum_events")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-04-02T10:41:30Z")?.microsecondsSinceEpoch)
        #expect(output.string("event.action") == "disconnect")
        #expect(output.strings("event.type") == ["connection", "end"])
        #expect(output.string("event.outcome") == "success")
        #expect(output.string("event.code") == "200")
        #expect(output.instant("event.start") == EventTime.parse("2025-04-02T10:11:12Z")?.microsecondsSinceEpoch)
        #expect(output.instant("event.end") == EventTime.parse("2025-04-02T10:41:30Z")?.microsecondsSinceEpoch)
        #expect(!output.has("event.id"))
        #expect(!output.has("http"))
        #expect(output.string("source.ip") == "198.51.100.23")
        #expect(output.string("client.ip") == "198.51.100.23")
        #expect(output.integer("source.port") == 52814)
        #expect(output.integer("source.bytes") == 18234)
        #expect(output.integer("source.as.number") == 64496)
        #expect(output.string("source.geo.country_iso_code") == "fr")
        #expect(output.string("destination.ip") == "192.0.2.15")
        #expect(output.string("server.ip") == "192.0.2.15")
        #expect(output.integer("destination.port") == 22)
        #expect(output.integer("server.bytes") == 922337)
        #expect(output.string("network.transport") == "tcp")
        #expect(output.string("network.community_id") == "1:I0jjYIMK3M+vi1TjnI+j/8HzhGg=")
        #expect(output.string("tls.version") == "1.3")
        #expect(output.string("tls.version_protocol") == "tls")
        #expect(output.string("tls.cipher") == "TLS_AES_128_GCM_SHA256")
        #expect(output.string("tls.client.server_name") == "ssh.example.net")
        let fingerprint = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        #expect(output.string("tls.server.hash.sha256") == fingerprint)
        #expect(output.string("observer.type") == "proxy")
        #expect(output.string("observer.geo.name") == "CDG")
        #expect(output.strings("related.ip") == ["192.0.2.15", "198.51.100.23"])
        #expect(output.strings("related.hosts") == ["ssh.example.net"])
    }

    @Test("a connection blocked by the IP firewall is denied; a zero disconnect time is no end")
    func clientFiltered() throws {
        let output = try NormalizedOutput("""
            {"Application":"3f9c2b7d1e8a4c6b9d0e2f4a6b8c0d1e","ClientAsn":64511,"ClientBytes":0,"ClientCountry":"cn",\
            "ClientIP":"203.0.113.9","ClientMatchedIpFirewall":"BLOCK_COUNTRY","ClientPort":40001,"ClientProto":"udp",\
            "ColoCode":"HKG","ConnectTimestamp":0,"DisconnectTimestamp":0,"Event":"clientFiltered","IpFirewall":true,\
            "OriginBytes":0,"OriginIP":"192.0.2.15","OriginPort":27015,"OriginProto":"udp","Status":403,\
            "ClientTlsProtocol":"none","OriginTlsFingerprint":"","Timestamp":1743588690000000000}
            """)
        #expect(output.record == .cloudflare(.spectrumEvents))
        #expect(output.strings("event.type") == ["connection", "denied"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("event.code") == "403")
        #expect(!output.has("event.start"))
        #expect(!output.has("event.end"))
        #expect(!output.has("tls"))
        #expect(output.string("network.transport") == "udp")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-04-02T10:11:30Z")?.microsecondsSinceEpoch)
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"Application":"","ClientAsn":0,"ClientIP":"","ClientPort":0,"ClientProto":"","ClientTlsCipher":"",\
            "ClientTlsClientHelloServerName":"","ClientTlsProtocol":"","ColoCode":"","ConnectTimestamp":"",\
            "DisconnectTimestamp":"","Event":"","OriginIP":"999.0.0.1","OriginPort":0,"OriginTlsFingerprint":"",\
            "OriginTlsMode":"off","ProxyProtocol":"off","Timestamp":"2025-04-02T10:41:30Z"}
            """)
        #expect(output.record == .cloudflare(.spectrumEvents))
        for field in [
            "event.action", "event.outcome", "event.start", "event.end", "source.ip", "client.ip", "destination.ip",
            "server.ip", "network.transport", "network.community_id", "tls", "observer.geo", "related",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.strings("event.type") == ["info"])
    }
}
