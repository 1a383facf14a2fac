public import DetectCore

/// Memory that ``JSONParser`` reuses from document to document: the worst-case node buffer and the
/// container stack. A document's nodes are written there, then moved to the tape in one copy; without
/// it, each document of more than a few dozen bytes allocates and frees both.
///
/// Documents whose node buffer would exceed ``retainedNodeLimit`` nodes use temporary memory instead,
/// so one huge line does not keep megabytes alive. Use one scratch per thread.
public struct JSONParseScratch: Sendable {
    /// The largest node buffer kept between documents (24 bytes a node: 1.5 MiB).
    public static let retainedNodeLimit = 1 << 16

    var nodes: [ValueNode] = []
    var stack: [ContainerStack.Entry] = []

    public init() {}
}
