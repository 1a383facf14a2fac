extension DatasetMapping {
    /// `dex_application_tests` (account): results of Digital Experience tests (HTTP GET or traceroute)
    /// that the WARP client runs towards an application.
    ///
    /// The device is the client: test client IP and its Cloudflare-provided geo/AS → `source.*`, the
    /// tested server → `destination.*` (HTTP fields, else traceroute fields), the device → `host`/`device`
    /// (`host.os.type` from `ClientPlatform`, mac → macos), the WARP version → `user_agent.version`, all
    /// as Elastic. Added: test start/end/duration → `event.start`/`end`/`duration`, the outcome
    /// (traceroute status; an HTTP error message is a failure) and the error message, the response body,
    /// the data center as observer.
    static let dexApplicationTests = DatasetMapping(
        name: "dex_application_tests",
        fields: [
            "AccountID", "ClientPlatform", "ClientVersion", "ColoCode", "DeviceID", "DeviceRegistrationID",
            "ExecutionContext", "HTTPClientIPASN", "HTTPClientIPASO", "HTTPClientIPAddress", "HTTPClientIPCity",
            "HTTPClientIPCountryISO", "HTTPClientIPNetmask", "HTTPClientIPStateISO", "HTTPClientIPVersion",
            "HTTPClientIPZip", "HTTPConnectEndMs", "HTTPConnectStartMs", "HTTPDomainLookupEndMs",
            "HTTPDomainLookupStartMs", "HTTPErrorMessage", "HTTPMethod", "HTTPRedirectEndMs", "HTTPRedirectStartMs",
            "HTTPRequestStartMs", "HTTPResponseBody", "HTTPResponseBodyBytes", "HTTPResponseEndMs",
            "HTTPResponseHeaderBytes", "HTTPResponseHeaders", "HTTPResponseStartMs", "HTTPSecureConnectionStartMs",
            "HTTPServerIPASN", "HTTPServerIPASO", "HTTPServerIPAddress", "HTTPServerIPCity",
            "HTTPServerIPCountryISO", "HTTPServerIPNetmask", "HTTPServerIPStateISO", "HTTPServerIPVersion",
            "HTTPServerIPZip", "HTTPStatusCode", "HTTPURL", "TestID", "TestType", "Timestamp",
            "TracerouteDestinationHostname", "TracerouteDestinationIPASN", "TracerouteDestinationIPASO",
            "TracerouteDestinationIPAddress", "TracerouteDestinationIPCity", "TracerouteDestinationIPCountryISO",
            "TracerouteDestinationIPNetmask", "TracerouteDestinationIPStateISO", "TracerouteDestinationIPVersion",
            "TracerouteDestinationIPZip", "TracerouteDurationMs", "TracerouteHops", "TracerouteMaxTTL",
            "TracerouteProtocol", "TracerouteSize", "TracerouteSourceIPASN", "TracerouteSourceIPASO",
            "TracerouteSourceIPAddress", "TracerouteSourceIPCity", "TracerouteSourceIPCountryISO",
            "TracerouteSourceIPNetmask", "TracerouteSourceIPStateISO", "TracerouteSourceIPVersion",
            "TracerouteSourceIPZip", "TracerouteStatus", "TracerouteTimeEnd", "TracerouteVersion", "TunnelType",
            "UserEmail", "UserID",
        ],
        markers: [
            "TestID", "TestType", "ExecutionContext", "HTTPClientIPAddress", "HTTPServerIPAddress",
            "HTTPResponseStartMs", "TracerouteHops", "TracerouteSourceIPAddress", "TracerouteDestinationIPAddress",
            "TracerouteStatus",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("Timestamp", "event.start", .timestamp),
            map("TracerouteTimeEnd", "event.end", .timestamp),
            map("TracerouteDurationMs", "event.duration", .scaled(1_000_000)),
            map("TracerouteStatus", "event.outcome", .lookup(.tracerouteOutcome)),
            map("HTTPErrorMessage", "event.outcome", .constant("failure")),
            map("HTTPErrorMessage", "error.message", .keyword),
            map("AccountID", "cloud.account.id", .keyword),
            map("ColoCode", "observer.geo.name", .keyword),
            map("DeviceID", "device.id", .keyword),
            map("DeviceID", "host.id", .keyword),
            map("ClientPlatform", "host.os.name", .keyword),
            map("ClientPlatform", "host.os.type", .lookup(.warpClientOSType)),
            map("ClientVersion", "user_agent.version", .keyword),
            map("UserEmail", "user.email", .keyword),
            map("UserID", "user.id", .keyword),
            map("HTTPClientIPAddress", "source.ip", .ip),
            fallback("TracerouteSourceIPAddress", "source.ip", .ip),
            map("HTTPClientIPASN", "source.as.number", .long),
            fallback("TracerouteSourceIPASN", "source.as.number", .long),
            map("HTTPClientIPASO", "source.as.organization.name", .keyword),
            fallback("TracerouteSourceIPASO", "source.as.organization.name", .keyword),
            map("HTTPClientIPCity", "source.geo.city_name", .keyword),
            fallback("TracerouteSourceIPCity", "source.geo.city_name", .keyword),
            map("HTTPClientIPCountryISO", "source.geo.country_iso_code", .keyword),
            fallback("TracerouteSourceIPCountryISO", "source.geo.country_iso_code", .keyword),
            map("HTTPClientIPStateISO", "source.geo.region_iso_code", .keyword),
            fallback("TracerouteSourceIPStateISO", "source.geo.region_iso_code", .keyword),
            map("HTTPClientIPZip", "source.geo.postal_code", .keyword),
            fallback("TracerouteSourceIPZip", "source.geo.postal_code", .keyword),
            map("HTTPClientIPVersion", "network.type", .lookup(.ipVersion)),
            fallback("TracerouteSourceIPVersion", "network.type", .lookup(.ipVersion)),
            map("HTTPServerIPAddress", "destination.ip", .ip),
            fallback("TracerouteDestinationIPAddress", "destination.ip", .ip),
            map("TracerouteDestinationHostname", "destination.domain", .domain),
            map("HTTPServerIPASN", "destination.as.number", .long),
            fallback("TracerouteDestinationIPASN", "destination.as.number", .long),
            map("HTTPServerIPASO", "destination.as.organization.name", .keyword),
            fallback("TracerouteDestinationIPASO", "destination.as.organization.name", .keyword),
            map("HTTPServerIPCity", "destination.geo.city_name", .keyword),
            fallback("TracerouteDestinationIPCity", "destination.geo.city_name", .keyword),
            map("HTTPServerIPCountryISO", "destination.geo.country_iso_code", .keyword),
            fallback("TracerouteDestinationIPCountryISO", "destination.geo.country_iso_code", .keyword),
            map("HTTPServerIPStateISO", "destination.geo.region_iso_code", .keyword),
            fallback("TracerouteDestinationIPStateISO", "destination.geo.region_iso_code", .keyword),
            map("HTTPServerIPZip", "destination.geo.postal_code", .keyword),
            fallback("TracerouteDestinationIPZip", "destination.geo.postal_code", .keyword),
            map("HTTPURL", "url.original", .keyword),
            map("HTTPMethod", "http.request.method", .keyword),
            map("HTTPStatusCode", "http.response.status_code", .positiveLong),
            map("HTTPResponseBodyBytes", "http.response.body.bytes", .long),
            map("HTTPResponseBody", "http.response.body.content", .keyword),
            map("TracerouteProtocol", "network.transport", .lookup(.transportProtocol)),
        ],
        related: RelatedSources(hosts: ["DeviceID"])
    )
}

extension ValueTable {
    /// WARP `ClientPlatform` → ECS `host.os.type` (`linux`, `macos`, `unix`, `windows`, `ios`, `android`).
    static let warpClientOSType = ValueTable([
        "mac": "macos", "macos": "macos", "windows": "windows", "linux": "linux", "chromeos": "linux",
        "ios": "ios", "ipados": "ios", "android": "android",
    ])

    /// `IPv4`/`IPv6` (or `v4`/`v6`) → ECS `network.type`.
    static let ipVersion = ValueTable(["ipv4": "ipv4", "ipv6": "ipv6", "v4": "ipv4", "v6": "ipv6"])

    /// DEX `TracerouteStatus` → `event.outcome`.
    static let tracerouteOutcome = ValueTable([
        "destinationReached": "success", "lastHopFailed": "failure", "maxHopsExhausted": "failure",
    ])
}
