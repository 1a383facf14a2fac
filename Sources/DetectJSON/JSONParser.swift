public import DetectCore
import Glibc

/// A strict JSON reader that fills a ``ValueTape``, allocation-free once its scratch memory is warm.
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
    /// - Complexity: O(n) in the input; the node buffer and the container stack are sized for the worst
    ///   case (n + 1 nodes, min(n, ``maxDepth``) containers) in `scratch`.
    public func parse(
        _ input: UnsafeRawBufferPointer, into tape: inout ValueTape, scratch: inout JSONParseScratch
    ) throws(JSONError) -> Int {
        let nodeCapacity = NodeBuffer.capacity(forBytes: input.count)
        // Nesting can go no deeper than the input has bytes.
        let depthCapacity = min(self.maxDepth, input.count) + 1
        guard nodeCapacity <= JSONParseScratch.retainedNodeLimit else {
            scratch.finishDocument(root: nil, keysRepeated: false, in: tape)
            var temporary = JSONParseScratch()
            return try self.parse(input, into: &tape, memory: &temporary, nodeCapacity: nodeCapacity, depthCapacity: depthCapacity)
        }
        return try self.parse(input, into: &tape, memory: &scratch, nodeCapacity: nodeCapacity, depthCapacity: depthCapacity)
    }

    /// ``parse(_:into:scratch:)`` with `scratch` grown to the capacities given.
    private func parse(
        _ input: UnsafeRawBufferPointer, into tape: inout ValueTape, memory scratch: inout JSONParseScratch,
        nodeCapacity: Int, depthCapacity: Int
    ) throws(JSONError) -> Int {
        if scratch.nodes.count < nodeCapacity {
            scratch.nodes = Array(repeating: ValueNode(kind: .null, length: 0, offset: 0, payload: 0), count: nodeCapacity)
        }
        if scratch.stack.count < depthCapacity {
            scratch.stack = Array(repeating: ContainerStack.Entry(node: 0, enclosingCount: 0, isObject: false), count: depthCapacity)
        }
        let base = tape.bytes.count
        tape.bytes.appendBytes(input)
        let firstIndex = tape.nodes.count
        let maxDepth = self.maxDepth
        var keysRepeated = false
        let result: Result<Int, JSONError> = scratch.nodes.withUnsafeMutableBufferPointer { nodeMemory in
            scratch.stack.withUnsafeMutableBufferPointer { stackMemory in
                // Mutable accesses, though nothing is written: a read of an array held in an `inout` value
                // retains and releases its buffer, a modify does not.
                scratch.keyText.withUnsafeMutableBufferPointer { keyText in
                    scratch.keys.withUnsafeMutableBufferPointer { keys in
                        var nodes = NodeBuffer(nodeMemory, firstIndex: firstIndex)
                        var stack = ContainerStack(UnsafeMutableBufferPointer(rebasing: stackMemory[..<depthCapacity]))
                        var prediction = KeyPrediction(
                            text: keyText.baseAddress!, keys: keys.baseAddress!, count: keys.count - 1)
                        let parsed: Result<Int, JSONError> = tape.bytes.withUnsafeMutableBufferPointer { all in
                            let scanner = JSONScanner(
                                bytes: all.baseAddress!, start: base, end: all.count, maxDepth: maxDepth)
                            do throws(JSONError) {
                                var sawLineBreak = false
                                let root = try scanner.parseDocument(
                                    into: &nodes, stack: &stack, sawLineBreak: &sawLineBreak, keys: &prediction)
                                if sawLineBreak { nodes.dropSourceSpans() }
                                return .success(root)
                            } catch {
                                return .failure(JSONError(error.code, error.message, offset: error.offset - base))
                            }
                        }
                        keysRepeated = prediction.isRepeat
                        tape.nodes.append(contentsOf: nodes.written)
                        return parsed
                    }
                }
            }
        }
        scratch.finishDocument(root: try? result.get(), keysRepeated: keysRepeated, in: tape)
        return try result.get()
    }

    /// Parses one JSON text with memory of its own (see ``parse(_:into:scratch:)``).
    public func parse(_ input: UnsafeRawBufferPointer, into tape: inout ValueTape) throws(JSONError) -> Int {
        var scratch = JSONParseScratch()
        return try self.parse(input, into: &tape, scratch: &scratch)
    }

    /// Parses one JSON text that must be an object.
    public func parseObject(
        _ input: UnsafeRawBufferPointer, into tape: inout ValueTape, scratch: inout JSONParseScratch
    ) throws(JSONError) -> Int {
        let root = try self.parse(input, into: &tape, scratch: &scratch)
        guard tape.nodes[root].kind == .object else {
            throw JSONError(.notAnObject, "expected a JSON object", offset: 0)
        }
        return root
    }

    /// Parses one JSON text that must be an object, with memory of its own.
    public func parseObject(_ input: UnsafeRawBufferPointer, into tape: inout ValueTape) throws(JSONError) -> Int {
        var scratch = JSONParseScratch()
        return try self.parseObject(input, into: &tape, scratch: &scratch)
    }
}
