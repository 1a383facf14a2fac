extension DatasetMapping {
    /// `dex_application_tests`: Cloudflare's field reference, mapped to ECS.
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
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
