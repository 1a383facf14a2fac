extension DatasetMapping {
    /// The mapping table of `dataset`.
    static func mapping(for dataset: CloudflareDataset) -> DatasetMapping {
        switch dataset {
        case .httpRequests: .httpRequests
        case .firewallEvents: .firewallEvents
        case .dnsLogs: .dnsLogs
        case .gatewayDNS: .gatewayDNS
        case .gatewayHTTP: .gatewayHTTP
        case .gatewayNetwork: .gatewayNetwork
        case .accessRequests: .accessRequests
        case .auditLogs: .auditLogs
        case .casbFindings: .casbFindings
        case .devicePostureResults: .devicePostureResults
        case .dnsFirewallLogs: .dnsFirewallLogs
        case .magicIDSDetections: .magicIDSDetections
        case .nelReports: .nelReports
        case .networkAnalyticsLogs: .networkAnalyticsLogs
        case .zeroTrustNetworkSessions: .zeroTrustNetworkSessions
        case .pageShieldEvents: .pageShieldEvents
        case .sinkholeHTTPLogs: .sinkholeHTTPLogs
        case .spectrumEvents: .spectrumEvents
        case .workersTraceEvents: .workersTraceEvents
        case .dexApplicationTests: .dexApplicationTests
        case .dexDeviceStateEvents: .dexDeviceStateEvents
        case .dlpForensicCopies: .dlpForensicCopies
        case .emailSecurityAlerts: .emailSecurityAlerts
        case .warpConfigChanges: .warpConfigChanges
        case .warpToggleChanges: .warpToggleChanges
        }
    }
}
