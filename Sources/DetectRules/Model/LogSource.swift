public import DetectCore

/// The `logsource` of a rule or filter: an abstract selector that processing pipelines map to datasets.
public struct LogSource: Hashable, Sendable, CustomStringConvertible {
    /// `category`, such as `proxy` or `dns`.
    public var category: String?
    /// `product`, such as `windows` or `zeek`.
    public var product: String?
    /// `service`, such as `dns` or `http`.
    public var service: String?
    /// Free-text description of the required data (not used for matching).
    public var definition: String?
    /// Other keys the rule set, as strings (custom keys are allowed by the specification).
    public var custom: [String: String]
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(
        category: String? = nil, product: String? = nil, service: String? = nil, definition: String? = nil,
        custom: [String: String] = [:], location: SourceLocation
    ) {
        self.category = category
        self.product = product
        self.service = service
        self.definition = definition
        self.custom = custom
        self.location = location
    }

    /// `category/product/service`, with `-` for a missing part.
    public var description: String {
        [self.category, self.product, self.service].map { $0 ?? "-" }.joined(separator: "/")
    }
}
