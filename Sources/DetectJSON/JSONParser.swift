public import DetectCore
import Glibc

/// A strict, allocation-free JSON reader that fills a ``ValueTape``.
///
/// The input is copied into the tape's bytes once; strings and numbers become nodes that point into
/// it. Strings are checked (control characters, escapes, UTF-8) but not decoded: escaped strings keep
/// their escapes and are flagged, so writing them back is a copy. Nesting is capped at ``maxDepth``.
///
/// ```swift
/// var tape = ValueTape()
/// let root = try JSONParser().parse(line, into: &tape)
/// ```
public struct JSONParser: Sendable {
    /// The deepest nesting accepted; deeper input is rejected with ``JSONError/Code/tooDeep``.
    public var maxDepth: Int

    public init(maxDepth: Int = 64) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON text, appending its bytes and nodes to `tape`.
    ///
    /// - Returns: The index of the root node.
    /// - Throws: ``JSONError`` with the byte offset of the problem; the tape is left with partial nodes
    ///   and should be cleared by the caller.
    /// - Complexity: O(n) in the input; the node buffer and the container stack live in temporary memory
    ///   sized for the worst case (n + 1 nodes, min(n, ``maxDepth``) containers).
    public func parse(_ input: UnsafeRawBufferPointer, into tape: inout ValueTape) throws(JSONError) -> Int {
        let base = tape.bytes.count
        tape.bytes.appendBytes(input)
        let firstIndex = tape.nodes.count
        let maxDepth = self.maxDepth
        let capacity = NodeBuffer.capacity(forBytes: input.count)
        let result: Result<Int, JSONError> = withUnsafeTemporaryAllocation(of: ValueNode.self, capacity: capacity) {
            nodeMemory in
            // Nesting can go no deeper than the input has bytes.
            let depthCapacity = min(maxDepth, input.count) + 1
            return withUnsafeTemporaryAllocation(of: ContainerStack.Entry.self, capacity: depthCapacity) { stackMemory in
                var nodes = NodeBuffer(nodeMemory, firstIndex: firstIndex)
                var stack = ContainerStack(stackMemory)
                let parsed: Result<Int, JSONError> = tape.bytes.withUnsafeBufferPointer { all in
                    let scanner = JSONScanner(bytes: all.baseAddress!, start: base, end: all.count, maxDepth: maxDepth)
                    do throws(JSONError) {
                        var sawLineBreak = false
                        let root = try scanner.parseDocument(into: &nodes, stack: &stack, sawLineBreak: &sawLineBreak)
                        if sawLineBreak { nodes.dropSourceSpans() }
                        return .success(root)
                    } catch {
                        return .failure(JSONError(error.code, error.message, offset: error.offset - base))
                    }
                }
                tape.nodes.append(contentsOf: nodes.written)
                return parsed
            }
        }
        return try result.get()
    }

    /// Parses one JSON text that must be an object.
    public func parseObject(_ input: UnsafeRawBufferPointer, into tape: inout ValueTape) throws(JSONError) -> Int {
        let root = try self.parse(input, into: &tape)
        guard tape.nodes[root].kind == .object else {
            throw JSONError(.notAnObject, "expected a JSON object", offset: 0)
        }
        return root
    }
}
