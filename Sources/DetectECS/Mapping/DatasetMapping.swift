/// The mapping of one Cloudflare dataset to ECS, as data.
///
/// Every dataset is one value of this type in `Datasets/`; the ``ECSNormalizer`` interprets them all the
/// same way: raw fields are kept under `cloudflare.*`, table rows write ECS fields, constants and
/// derivations (URL parts, domain split, `related.*`) are added, empty values are never written.
struct DatasetMapping: Sendable {
    /// The Logpush dataset name, written to `event.dataset`.
    let name: String
    /// Every field of the dataset (Cloudflare's field reference), used to recognise its records.
    let fields: [String]
    /// Fields that occur in this dataset only (or almost), weighted when recognising records.
    let markers: [String]
    /// Raw time fields for `@timestamp`, first present wins.
    let timestamp: [String]
    /// Fixed fields (`event.category`, `observer.type`, …).
    let constants: [(field: String, value: ECSValue)]
    /// Raw → ECS rows, applied in order.
    let rules: [FieldRule]
    /// How to build `url.*` from raw parts, when the dataset has them split.
    let url: URLSource?
    /// Raw fields, beyond the ECS ones, whose values belong in `related.*`.
    let related: RelatedSources

    init(
        name: String,
        fields: [String],
        markers: [String] = [],
        timestamp: [String],
        constants: [(field: String, value: ECSValue)],
        rules: [FieldRule],
        url: URLSource? = nil,
        related: RelatedSources = RelatedSources()
    ) {
        self.name = name
        self.fields = fields
        self.markers = markers
        self.timestamp = timestamp
        self.constants = constants
        self.rules = rules
        self.url = url
        self.related = related
    }
}

/// Raw fields that hold the parts of a request URL (http_requests, firewall_events).
struct URLSource: Sendable {
    var scheme: String?
    var host: String?
    /// Path with query (`ClientRequestURI`); preferred over `path` + `query` when present.
    var uri: String?
    var path: String?
    var query: String?
}

/// Raw fields whose values are added to `related.ip`, `related.hosts`, `related.user`, `related.hash`.
struct RelatedSources: Sendable {
    var ip: [String] = []
    var hosts: [String] = []
    var user: [String] = []
    var hash: [String] = []
}
