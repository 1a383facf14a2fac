/// A compiled search identifier: its name and predicate.
struct CompiledSelection: Sendable {
    let name: String
    let predicate: Predicate
}
