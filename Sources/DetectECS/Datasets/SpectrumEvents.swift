extension DatasetMapping {
    /// `spectrum_events` (zone): the lifecycle of each TCP/UDP connection proxied by Spectrum (a connect
    /// event, then a disconnect or an error event).
    ///
    /// The client is `source` and `client`, the origin `destination` and `server` (ECS asks for both on
    /// connection-level events; Elastic writes source/destination only). `Event` gives `event.action` (as
    /// Elastic) and `event.type`/`event.outcome` (connect → connection start, disconnect → end,
    /// clientFiltered → denied, the error events → error; Elastic: `info`). `Status` is Spectrum's own
    /// closure code (0 opened, 200 normal close, 4xx/5xx errors), so it is `event.code`, not Elastic's
    /// `http.response.status_code`, and `Application` (the app, shared by all its connections) is not
    /// Elastic's `event.id`. A zero `DisconnectTimestamp` means "still open" and writes no `event.end`.
    static let spectrumEvents = DatasetMapping(
        name: "spectrum_events",
        fields: [
            "Application", "ClientAsn", "ClientBytes", "ClientCountry", "ClientIP", "ClientMatchedIpFirewall",
            "ClientPort", "ClientProto", "ClientTcpRtt", "ClientTlsCipher", "ClientTlsClientHelloServerName",
            "ClientTlsProtocol", "ClientTlsStatus", "ColoCode", "ConnectTimestamp", "DisconnectTimestamp", "Event",
            "IpFirewall", "OriginBytes", "OriginIP", "OriginPort", "OriginProto", "OriginTcpRtt", "OriginTlsCipher",
            "OriginTlsFingerprint", "OriginTlsMode", "OriginTlsProtocol", "OriginTlsStatus", "ProxyProtocol",
            "Status", "Timestamp",
        ],
        markers: [
            "Application", "ClientAsn", "ClientMatchedIpFirewall", "ClientProto", "ClientTcpRtt", "ClientTlsStatus",
            "ConnectTimestamp", "DisconnectTimestamp", "IpFirewall", "OriginProto", "OriginTlsMode", "ProxyProtocol",
        ],
        timestamp: ["Timestamp", "ConnectTimestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
            ("observer.type", "proxy"),
        ],
        rules: [
            map("Event", "event.action", .keyword),
            map("Event", "event.type", .lookup(.spectrumEvent)),
            map("Event", "event.outcome", .lookup(.spectrumOutcome)),
            map("Status", "event.code", .keyword),
            map("ConnectTimestamp", "event.start", .timestamp),
            map("DisconnectTimestamp", "event.end", .timestamp),
            map("ClientIP", "source.ip", .ip),
            map("ClientPort", "source.port", .positiveLong),
            map("ClientBytes", "source.bytes", .long),
            map("ClientAsn", "source.as.number", .long),
            map("ClientCountry", "source.geo.country_iso_code", .keyword),
            map("ClientIP", "client.ip", .ip),
            map("ClientPort", "client.port", .positiveLong),
            map("ClientBytes", "client.bytes", .long),
            map("OriginIP", "destination.ip", .ip),
            map("OriginPort", "destination.port", .positiveLong),
            map("OriginBytes", "destination.bytes", .long),
            map("OriginIP", "server.ip", .ip),
            map("OriginPort", "server.port", .positiveLong),
            map("OriginBytes", "server.bytes", .long),
            map("ClientProto", "network.transport", .lookup(.transportProtocol)),
            map("ClientTlsProtocol", "tls.version", .tlsVersion),
            map("ClientTlsProtocol", "tls.version_protocol", .tlsProtocol),
            map("ClientTlsCipher", "tls.cipher", .keyword),
            map("ClientTlsClientHelloServerName", "tls.client.server_name", .keyword),
            map("OriginTlsFingerprint", "tls.server.hash.sha256", .hexDigest(length: 64)),
            map("ColoCode", "observer.geo.name", .keyword),
            map("ClientProto", "network.community_id", .communityID),
        ],
        related: RelatedSources(hosts: ["ClientTlsClientHelloServerName"])
    )
}

extension ValueTable {
    /// Spectrum `Event` → `event.type`.
    static let spectrumEvent = ValueTable([
        "connect": ["connection", "start"], "disconnect": ["connection", "end"],
        "clientFiltered": ["connection", "denied"], "tlsError": ["connection", "error"],
        "resolveOrigin": ["connection", "error"], "originError": ["connection", "error"],
    ])

    /// Spectrum `Event` → `event.outcome`: connections opened or closed normally succeed, the error
    /// events fail.
    static let spectrumOutcome = ValueTable([
        "connect": "success", "disconnect": "success", "clientFiltered": "failure", "tlsError": "failure",
        "resolveOrigin": "failure", "originError": "failure",
    ])
}
