/// The IOC lists available to a compilation, by name.
///
/// Built by ``IOCListLoader`` from IOC directories (a later directory's list replaces a same-named
/// earlier one), or directly from lists in code and tests. Immutable and `Sendable`.
///
/// ```swift
/// let (catalog, diagnostics) = IOCListLoader().load(directories: ["Rules/iocs", "/etc/sigflare/iocs"])
/// let compiler = RuleCompiler(pipelines: pipelines, iocs: catalog)
/// ```
public struct IOCCatalog: Hashable, Sendable {
    private var lists: [String: IOCList]

    /// A catalog of `lists`; when two lists share a name, the later one wins.
    public init(_ lists: [IOCList] = []) {
        var table: [String: IOCList] = [:]
        for list in lists { table[list.name] = list }
        self.lists = table
    }

    /// A catalog without lists: every `%placeholder%` not bound by a pipeline is then missing.
    public static let empty = IOCCatalog()

    /// The list named `name` (`tor_nodes` for `tor_nodes.txt`), if loaded.
    public subscript(name: String) -> IOCList? { self.lists[name] }

    /// The names of the loaded lists, sorted.
    public var names: [String] { self.lists.keys.sorted() }

    /// The number of lists.
    public var count: Int { self.lists.count }

    /// A catalog with `list` added, replacing any list of the same name.
    public func adding(_ list: IOCList) -> IOCCatalog {
        var copy = self
        copy.lists[list.name] = list
        return copy
    }
}
