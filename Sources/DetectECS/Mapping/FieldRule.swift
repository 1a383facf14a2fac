/// One row of a mapping table: a raw Cloudflare field, an ECS field, and how the value converts.
struct FieldRule: Sendable {
    /// The raw field; a dotted name reads inside object fields (`Event.RayID`).
    let raw: String
    /// The ECS field written.
    let target: String
    let conversion: Conversion
    /// When true, the rule writes only if an earlier rule has not already set the target.
    let isFallback: Bool

    init(_ raw: String, _ target: String, _ conversion: Conversion = .copy, fallback: Bool = false) {
        self.raw = raw
        self.target = target
        self.conversion = conversion
        self.isFallback = fallback
    }
}

/// Shorthands that keep mapping tables readable: `map("ClientIP", "source.ip", .ip)`.
func map(_ raw: String, _ target: String, _ conversion: Conversion = .copy) -> FieldRule {
    FieldRule(raw, target, conversion)
}

/// A rule that writes only when no earlier rule set the target (`A | B` in ECS-MAPPING.md).
func fallback(_ raw: String, _ target: String, _ conversion: Conversion = .copy) -> FieldRule {
    FieldRule(raw, target, conversion, fallback: true)
}
