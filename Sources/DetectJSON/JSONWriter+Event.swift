public import DetectCore

extension JSONWriter {
    /// Writes an event as one nested JSON object.
    ///
    /// Flat entries are sorted by the table's rank, so all fields of one object are contiguous, then
    /// written with objects opened and closed as the paths change: `source.ip` and `source.port` become
    /// `"source":{"ip":…,"port":…}`. A ``FieldID/root`` entry (an ECS input document) contributes its
    /// members at the top level. Output is deterministic for a given event.
    ///
    /// - Parameter table: A snapshot that knows every field id used by `event`.
    public mutating func writeEvent(_ event: Event, table: FieldTable, scratch: inout EventWriterScratch) {
        scratch.order.removeAll(keepingCapacity: true)
        for entry in event.entries where entry.node >= 0 {
            scratch.order.append(entry)
        }
        let ranks = table.ranks
        scratch.order.sort { ranks[$0.field.index] < ranks[$1.field.index] }

        self.output.append(UInt8(ascii: "{"))
        scratch.open.removeAll(keepingCapacity: true)
        var needsComma = false
        for entry in scratch.order {
            if entry.field == .root {
                let root = Int(entry.node)
                event.tape.forEachMember(of: root) { key, value in
                    if needsComma { self.output.append(UInt8(ascii: ",")) }
                    needsComma = true
                    self.writeValue(event.tape, at: key)
                    self.output.append(UInt8(ascii: ":"))
                    self.writeValue(event.tape, at: value)
                }
                continue
            }
            // The chain of ancestors of this field, top first.
            scratch.chain.removeAll(keepingCapacity: true)
            var current = table.parents[entry.field.index]
            while current != .root {
                scratch.chain.append(current)
                current = table.parents[current.index]
            }
            scratch.chain.reverse()
            var common = 0
            while common < scratch.open.count, common < scratch.chain.count,
                scratch.open[common] == scratch.chain[common]
            {
                common += 1
            }
            while scratch.open.count > common {
                scratch.open.removeLast()
                self.output.append(UInt8(ascii: "}"))
                needsComma = true
            }
            for ancestor in scratch.chain[common...] {
                if needsComma { self.output.append(UInt8(ascii: ",")) }
                self.writeKey(table.segments[ancestor.index])
                self.output.append(UInt8(ascii: "{"))
                scratch.open.append(ancestor)
                needsComma = false
            }
            if needsComma { self.output.append(UInt8(ascii: ",")) }
            self.writeKey(table.segments[entry.field.index])
            self.writeValue(event.tape, at: Int(entry.node))
            needsComma = true
        }
        for _ in scratch.open { self.output.append(UInt8(ascii: "}")) }
        self.output.append(UInt8(ascii: "}"))
    }

    private mutating func writeKey(_ segment: [UInt8]) {
        segment.withUnsafeBytes { self.writeString($0) }
        self.output.append(UInt8(ascii: ":"))
    }
}

/// Buffers ``JSONWriter/writeEvent(_:table:scratch:)`` reuses from event to event.
public struct EventWriterScratch: Sendable {
    var order: [Event.Entry] = []
    var open: [FieldID] = []
    var chain: [FieldID] = []

    public init() {}
}
