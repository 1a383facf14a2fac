/// A Cloudflare Logpush dataset, named as Cloudflare names it (the value of `event.dataset`).
public enum CloudflareDataset: String, CaseIterable, Sendable, Hashable {
    case httpRequests = "http_requests"
    case firewallEvents = "firewall_events"
    case dnsLogs = "dns_logs"
    case gatewayDNS = "gateway_dns"
    case gatewayHTTP = "gateway_http"
    case gatewayNetwork = "gateway_network"
    case accessRequests = "access_requests"
    case auditLogs = "audit_logs"
    case casbFindings = "casb_findings"
    case devicePostureResults = "device_posture_results"
    case dnsFirewallLogs = "dns_firewall_logs"
    case magicIDSDetections = "magic_ids_detections"
    case nelReports = "nel_reports"
    case networkAnalyticsLogs = "network_analytics_logs"
    case zeroTrustNetworkSessions = "zero_trust_network_sessions"
    case pageShieldEvents = "page_shield_events"
    case sinkholeHTTPLogs = "sinkhole_http_logs"
    case spectrumEvents = "spectrum_events"
    case workersTraceEvents = "workers_trace_events"
    case dexApplicationTests = "dex_application_tests"
    case dexDeviceStateEvents = "dex_device_state_events"
    case dlpForensicCopies = "dlp_forensic_copies"
    case emailSecurityAlerts = "email_security_alerts"
    case warpConfigChanges = "warp_config_changes"
    case warpToggleChanges = "warp_toggle_changes"

    /// The `event.dataset` of a record that no table recognises.
    public static let unknownName = "cloudflare.unknown"

    /// The dataset named `name` (`http_requests`), also accepting Elastic's data-stream names
    /// (`http_request`, `firewall_event`, `dns`, …).
    public init?(name: String) {
        if let dataset = CloudflareDataset(rawValue: name) {
            self = dataset
            return
        }
        guard let dataset = Self.elasticNames[name] else { return nil }
        self = dataset
    }

    /// Elastic `cloudflare_logpush` data-stream names.
    static let elasticNames: [String: CloudflareDataset] = [
        "http_request": .httpRequests, "firewall_event": .firewallEvents, "dns": .dnsLogs,
        "access_request": .accessRequests, "audit": .auditLogs, "casb": .casbFindings,
        "device_posture": .devicePostureResults, "dns_firewall": .dnsFirewallLogs, "magic_ids": .magicIDSDetections,
        "nel_report": .nelReports, "network_analytics": .networkAnalyticsLogs,
        "network_session": .zeroTrustNetworkSessions, "sinkhole_http": .sinkholeHTTPLogs,
        "spectrum_event": .spectrumEvents, "workers_trace": .workersTraceEvents,
    ]
}
