extension DatasetMapping {
    /// `gateway_http` (account): one record per HTTP request inspected by Cloudflare One (Gateway), the
    /// secure web gateway in front of WARP devices, locations and proxy endpoints.
    ///
    /// Decisions where Sekoia and Elastic differ:
    /// - `Action` is `event.action` and decides `event.type` (Elastic: `block` → `[info, denied]`, `allow` →
    ///   `[info, allowed]`; Sekoia only knows `deny` and leaves blocks `[info]`) and `event.outcome`.
    /// - `HTTPVersion` `HTTP/2` is ECS `http.version` `2` (both references copy `HTTP/2`).
    /// - `BlockedFileType` (`exe`, `bin`) is `file.extension` (Elastic): ECS `file.type` is file/dir/symlink
    ///   (Sekoia). `BlockedFileHash` is `file.hash.sha256` only when it is 64 hex digits (Sekoia), but always
    ///   goes to `related.hash` (Elastic). `BlockedFileReason` is `event.reason`.
    /// - `UserAgent` is `user_agent.original` (Elastic; Sekoia misses it). `URL` is `url.original`, split
    ///   into `url.*` (both); `HTTPHost` is `destination.domain` (Sekoia).
    /// - The device's LAN address `SourceInternalIP` is `host.ip` (Elastic puts it in `related.ip` only).
    /// - The device is `device.id` and `host.id` (Elastic) and `host.hostname`/`host.name` (Sekoia);
    ///   the device id also goes to `related.hosts` as a host identifier (Elastic).
    /// - `RequestID` is `event.id`, the policy `rule.*`, `AccountID` `cloud.account.id` (Sekoia).
    /// - `HTTPStatusCode` `0` means no response was sent: no `http.response.status_code` then.
    static let gatewayHTTP = DatasetMapping(
        name: "gateway_http",
        fields: [
            "AccountID", "Action", "AddedHeaders", "AppControlInfo", "ApplicationIDs", "ApplicationNames",
            "ApplicationStatuses", "BlockedFileHash", "BlockedFileName", "BlockedFileReason", "BlockedFileSize",
            "BlockedFileType", "CategoryIDs", "CategoryNames", "Datetime", "DeletedHeaders", "DestinationIP",
            "DestinationIPContinentCode", "DestinationIPCountryCode", "DestinationPort", "DeviceID", "DeviceName",
            "DownloadMatchedDlpProfileEntries", "DownloadMatchedDlpProfiles", "DownloadedFileNames", "Email",
            "FileInfo", "ForensicCopyStatus", "HTTPHost", "HTTPMethod", "HTTPStatusCode", "HTTPVersion",
            "IsIsolated", "PolicyID", "PolicyName", "PrivateAppAUD", "ProxyEndpoint", "Quarantined",
            "RedirectTargetURI", "Referer", "RegistrationID", "RequestID", "SessionID", "SetHeaders", "SourceIP",
            "SourceIPContinentCode", "SourceIPCountryCode", "SourceInternalIP", "SourcePort", "TenantID", "URL",
            "UntrustedCertificateAction", "UploadMatchedDlpProfileEntries", "UploadMatchedDlpProfiles",
            "UploadedFileNames", "UserAgent", "UserID", "VirtualNetworkID", "VirtualNetworkName", "Warnings",
        ],
        markers: [
            "AddedHeaders", "AppControlInfo", "ApplicationStatuses", "BlockedFileHash", "BlockedFileName",
            "BlockedFileReason", "BlockedFileSize", "BlockedFileType", "DeletedHeaders",
            "DownloadMatchedDlpProfileEntries", "DownloadMatchedDlpProfiles", "DownloadedFileNames", "FileInfo",
            "ForensicCopyStatus", "HTTPHost", "HTTPVersion", "IsIsolated", "PrivateAppAUD", "Quarantined", "Referer",
            "RequestID", "SetHeaders", "UntrustedCertificateAction", "UploadMatchedDlpProfileEntries",
            "UploadMatchedDlpProfiles", "UploadedFileNames", "Warnings",
        ],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
            ("network.protocol", "http"),
            ("observer.type", "proxy"),
        ],
        rules: [
            map("RequestID", "event.id", .keyword),
            map("Action", "event.action", .keyword),
            map("Action", "event.type", .lookup(.gatewayHTTPDecision)),
            map("Action", "event.outcome", .lookup(.gatewayHTTPOutcome)),
            map("BlockedFileReason", "event.reason", .keyword),
            map("AccountID", "cloud.account.id", .keyword),
            map("URL", "url.original", .keyword),
            map("HTTPMethod", "http.request.method", .keyword),
            map("Referer", "http.request.referrer", .keyword),
            map("HTTPStatusCode", "http.response.status_code", .positiveLong),
            map("HTTPVersion", "http.version", .httpVersion),
            map("UserAgent", "user_agent.original", .keyword),
            map("SourceIP", "source.ip", .ip),
            map("SourcePort", "source.port", .long),
            map("SourceIPCountryCode", "source.geo.country_iso_code", .keyword),
            map("SourceIPContinentCode", "source.geo.continent_code", .keyword),
            map("HTTPHost", "destination.domain", .domain),
            map("DestinationIP", "destination.ip", .ip),
            map("DestinationPort", "destination.port", .long),
            map("DestinationIPCountryCode", "destination.geo.country_iso_code", .keyword),
            map("DestinationIPContinentCode", "destination.geo.continent_code", .keyword),
            map("BlockedFileName", "file.name", .keyword),
            map("BlockedFileSize", "file.size", .long),
            map("BlockedFileType", "file.extension", .keyword),
            map("BlockedFileHash", "file.hash.sha256", .hexDigest(length: 64)),
            map("SourceInternalIP", "host.ip", .ip),
        ] + DatasetMapping.gatewayIdentityRules,
        related: RelatedSources(hosts: ["DeviceID"], hash: ["BlockedFileHash"])
    )
}

extension ValueTable {
    /// Gateway HTTP policy `Action` → `event.type`: isolated, not-inspected and not-scanned requests went
    /// through; blocked and quarantined ones did not.
    static let gatewayHTTPDecision = ValueTable([
        "allow": ["info", "allowed"], "isolate": ["info", "allowed"], "noisolate": ["info", "allowed"],
        "off": ["info", "allowed"], "noscan": ["info", "allowed"], "scan": ["info", "allowed"],
        "block": ["info", "denied"], "deny": ["info", "denied"], "quarantine": ["info", "denied"],
    ])

    /// Gateway HTTP policy `Action` → `event.outcome`.
    static let gatewayHTTPOutcome = ValueTable([
        "allow": "success", "isolate": "success", "noisolate": "success", "off": "success", "noscan": "success",
        "scan": "success", "block": "failure", "deny": "failure", "quarantine": "failure",
    ])
}
