extension DatasetMapping {
    /// `nel_reports` (zone): one record per Network Error Logging report, sent by a browser that failed to
    /// reach the zone (DNS, connection or application phase).
    ///
    /// Decisions (Sekoia has no format for this dataset; Elastic's choices are kept where ECS agrees):
    /// - `event.category`/`event.type` `[network]`/`[info]`, `Type` → `error.type` (Elastic).
    /// - `event.outcome` is `failure` for an error report and `success` for an `ok` report: Cloudflare's
    ///   NEL policy samples failures, the NEL specification also allows `ok` reports.
    /// - The reporting client's ASN, AS name and country (Cloudflare's own data) are `source.as.*` and
    ///   `source.geo.country_iso_code`, as for `http_requests`; Elastic keeps them custom.
    static let nelReports = DatasetMapping(
        name: "nel_reports",
        fields: [
            "ClientIPASN", "ClientIPASNDescription", "ClientIPCountry", "LastKnownGoodColoCode", "Phase",
            "Timestamp", "Type",
        ],
        markers: ["ClientIPASN", "ClientIPASNDescription", "ClientIPCountry", "LastKnownGoodColoCode"],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("Type", "error.type", .keyword),
            map("Type", "event.outcome", .constant("failure")),
            map("Type", "event.outcome", .lookup(.nelOutcome)),
            map("ClientIPASN", "source.as.number", .long),
            map("ClientIPASNDescription", "source.as.organization.name", .keyword),
            map("ClientIPCountry", "source.geo.country_iso_code", .keyword),
        ]
    )
}

extension ValueTable {
    /// NEL report `Type` values that are not failures → `event.outcome`.
    static let nelOutcome = ValueTable(["ok": "success"])
}
