public import DetectCore

/// A logsource pattern: the `category`, `product` and `service` a rule's logsource must have. A part left out
/// matches anything. Comparison is exact (Sigma logsource values are lowercase by convention).
public struct LogSourceSelector: Hashable, Sendable, CustomStringConvertible {
    /// `category`, such as `proxy` or `dns`.
    public var category: String?
    /// `product`, such as `windows` or `zeek`.
    public var product: String?
    /// `service`, such as `dns` or `http`.
    public var service: String?
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(category: String? = nil, product: String? = nil, service: String? = nil, location: SourceLocation) {
        self.category = category
        self.product = product
        self.service = service
        self.location = location
    }

    /// `true` when every part the selector sets equals the logsource's.
    public func matches(_ logsource: LogSource) -> Bool {
        (self.category == nil || self.category == logsource.category)
            && (self.product == nil || self.product == logsource.product)
            && (self.service == nil || self.service == logsource.service)
    }

    /// A readable form, for messages and tests.
    public var description: String {
        [("category", self.category), ("product", self.product), ("service", self.service)]
            .compactMap { key, value in value.map { "\(key): \($0)" } }
            .joined(separator: ", ")
    }
}
