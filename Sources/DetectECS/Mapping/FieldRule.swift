/// One row of a mapping table: a raw Cloudflare field, an ECS field, and how the value converts.
struct FieldRule: Sendable {
    /// The raw field; a dotted name reads inside object fields (`Event.RayID`).
    let raw: String
    /// The ECS field written.
    let target: String
    let conversion: Conversion
    /// When true, the rule writes only if an earlier rule has not already set the target.
    let isFallback: Bool
    /// When true, the target is an array and the converted value (or each of its elements) is added to
    /// what earlier rules put there, skipping duplicates: several raw fields feed one ECS list.
    let isAppend: Bool

    init(
        _ raw: String, _ target: String, _ conversion: Conversion = .copy, fallback: Bool = false,
        append: Bool = false
    ) {
        self.raw = raw
        self.target = target
        self.conversion = conversion
        self.isFallback = fallback
        self.isAppend = append
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

/// A rule that adds to the target array (`host.ip` from the IPv4 and the IPv6 address field).
func append(_ raw: String, _ target: String, _ conversion: Conversion = .copy) -> FieldRule {
    FieldRule(raw, target, conversion, append: true)
}
