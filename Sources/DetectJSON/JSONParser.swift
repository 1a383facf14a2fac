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
    public func parse(_ input: UnsafeRawBufferPointer, into tape: inout ValueTape) throws(JSONError) -> Int {
        let base = tape.bytes.count
        tape.bytes.append(contentsOf: input)
        var nodes: [ValueNode] = []
        swap(&nodes, &tape.nodes)
        defer { swap(&nodes, &tape.nodes) }
        let maxDepth = self.maxDepth
        let result: Result<Int, JSONError> = tape.bytes.withUnsafeBufferPointer { all in
            var scanner = JSONScanner(
                bytes: all.baseAddress!, start: base, end: all.count, maxDepth: maxDepth
            )
            do throws(JSONError) {
                return .success(try scanner.parseDocument(into: &nodes))
            } catch {
                return .failure(JSONError(error.code, error.message, offset: error.offset - base))
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
