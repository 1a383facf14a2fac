public import DetectCore

extension JSONWriter {
    /// Writes an event as one nested JSON object.
    ///
    /// Flat entries are sorted by the table's rank, so all fields of one object are contiguous, then
    /// written with objects opened and closed as the paths change: `source.ip` and `source.port` become
    /// `"source":{"ip":…,"port":…}`. A ``FieldID/root`` entry (an ECS input document) contributes its
    /// members at the top level, first and in document order. Output is deterministic for a given event.
    ///
    /// Entries are merged into object values they overlap, so no key is written twice: with a root
    /// document `{"event":{"id":"1"}}` and an entry `event.kind`, the output is
    /// `{"event":{"id":"1","kind":…}}`. An entry replaces a member with the same path; an object entry
    /// (`cloudflare`) takes the entries below it (`cloudflare.x`) as extra members; a scalar entry or member
    /// with entries below it gives way to an object of those entries. Only members whose keys have no
    /// escapes are matched. A flat dotted member (`"event.kind"`, from a flat ECS document) is left out when
    /// an entry sets its path or an ancestor of it; entries only below such a member are not merged into it.
    ///
    /// - Parameter table: A snapshot that knows every field id used by `event`.
    public mutating func writeEvent(_ event: Event, table: FieldTable, scratch: inout EventWriterScratch) {
        scratch.order.removeAll(keepingCapacity: true)
        var root: Int?
        for entry in event.entries where entry.node >= 0 {
            if entry.field == .root {
                root = Int(entry.node)
            } else {
                scratch.order.append(entry)
            }
        }
        scratch.sortByRank(table)
        let order = scratch.order
        let base = root.flatMap { event.tape.nodes[$0].kind == .object ? $0 : nil }
        // Written into the scratch memory with bounds-checked stores, then appended in one copy; an event
        // that does not fit is written again into twice the memory.
        while true {
            let written: Int? = scratch.text.withUnsafeMutableBytes { memory in
                var cursor = ByteCursor(memory)
                Self.writeObject(
                    base: base, parent: .root, entries: order[...], tape: event.tape, table: table,
                    keys: &scratch.keyTexts, to: &cursor)
                return cursor.overflowed ? nil : cursor.count
            }
            if let written {
                scratch.text.withUnsafeBytes { self.output.appendBytes(UnsafeRawBufferPointer(rebasing: $0[0..<written])) }
                return
            }
            scratch.growText()
        }
    }

    /// Writes `{…}`: the members of the object `base` (if any) in document order, merged with `entries`,
    /// which are strict descendants of `parent` sorted by rank; entries no member matches follow.
    private static func writeObject<Output: JSONOutput>(
        base: Int?, parent: FieldID, entries: ArraySlice<Event.Entry>, tape: ValueTape, table: FieldTable,
        keys: inout KeyTextCache, to output: inout Output
    ) {
        output.writeByte(UInt8(ascii: "{"))
        let depth = table.depths[parent.index] + 1
        var needsComma = false
        if let base {
            tape.forEachMember(of: base) { key, value in
                if Self.isOverridden(flatKey: key, by: entries, depth: depth, tape: tape, table: table) { return }
                if needsComma { output.writeByte(UInt8(ascii: ",")) }
                needsComma = true
                if let group = Self.group(named: key, in: entries, depth: depth, tape: tape, table: table) {
                    Self.writeMerged(
                        group.top, member: value, entries: group.entries, tape: tape, table: table, keys: &keys,
                        to: &output)
                } else {
                    output.writeValue(tape, at: key)
                    output.writeByte(UInt8(ascii: ":"))
                    output.writeValue(tape, at: value)
                }
            }
        }
        var start = entries.startIndex
        while start < entries.endIndex {
            let (top, end) = Self.group(at: start, in: entries, depth: depth, table: table)
            if base.map({ !Self.hasMember($0, named: table.segments[top.index], tape: tape) }) ?? true {
                if needsComma { output.writeByte(UInt8(ascii: ",")) }
                needsComma = true
                Self.writeMerged(
                    top, member: nil, entries: entries[start..<end], tape: tape, table: table, keys: &keys,
                    to: &output)
            }
            start = end
        }
        output.writeByte(UInt8(ascii: "}"))
    }

    /// Writes `"segment":value` for `top`, whose own entry (if any) comes first in `entries`, followed by
    /// the entries below it; `member` is the document's value at the same path, if any.
    private static func writeMerged<Output: JSONOutput>(
        _ top: FieldID, member: Int?, entries: ArraySlice<Event.Entry>, tape: ValueTape, table: FieldTable,
        keys: inout KeyTextCache, to output: inout Output
    ) {
        keys.writeKey(of: top, table: table, to: &output)
        var below = entries
        var own: Int?
        if let first = below.first, first.field == top {
            own = Int(first.node)
            below = below.dropFirst()
        }
        if below.isEmpty, let own {
            output.writeValue(tape, at: own)
            return
        }
        let value = own ?? member
        let base = value.flatMap { tape.nodes[$0].kind == .object ? $0 : nil }
        Self.writeObject(base: base, parent: top, entries: below, tape: tape, table: table, keys: &keys, to: &output)
    }

    /// The ancestor of `field` (or `field` itself) at `depth`.
    private static func ancestor(of field: FieldID, atDepth depth: Int, table: FieldTable) -> FieldID {
        var current = field
        while table.depths[current.index] > depth { current = table.parents[current.index] }
        return current
    }

    /// The group of entries starting at `start` that share one ancestor at `depth`, and where it ends.
    private static func group(
        at start: Int, in entries: ArraySlice<Event.Entry>, depth: Int, table: FieldTable
    ) -> (top: FieldID, end: Int) {
        let top = Self.ancestor(of: entries[start].field, atDepth: depth, table: table)
        var end = start + 1
        while end < entries.endIndex, Self.ancestor(of: entries[end].field, atDepth: depth, table: table) == top {
            end += 1
        }
        return (top, end)
    }

    /// The group of entries whose ancestor at `depth` is named like the member key at `key`.
    private static func group(
        named key: Int, in entries: ArraySlice<Event.Entry>, depth: Int, tape: ValueTape, table: FieldTable
    ) -> (top: FieldID, entries: ArraySlice<Event.Entry>)? {
        guard !tape.nodes[key].isEscaped else { return nil }
        var start = entries.startIndex
        while start < entries.endIndex {
            let (top, end) = Self.group(at: start, in: entries, depth: depth, table: table)
            if Self.keyEquals(key, table.segments[top.index], tape: tape) { return (top, entries[start..<end]) }
            start = end
        }
        return nil
    }

    /// Whether the member key at `key` is a flat dotted key (`"event.kind"`) whose path, or an ancestor
    /// of it below the current object, has an entry of its own, which then replaces the member.
    private static func isOverridden(
        flatKey key: Int, by entries: ArraySlice<Event.Entry>, depth: Int, tape: ValueTape, table: FieldTable
    ) -> Bool {
        let node = tape.nodes[key]
        guard !node.isEscaped else { return false }
        return tape.withText(of: key) { text in
            guard text.contains(UInt8(ascii: ".")) else { return false }
            return entries.contains { entry in
                // Does `text` spell the entry's path below the object, alone or followed by more segments?
                let fieldDepth = table.depths[entry.field.index]
                var position = 0
                for level in depth...fieldDepth {
                    if level > depth {
                        guard position < text.count, text[position] == UInt8(ascii: ".") else { return false }
                        position += 1
                    }
                    let segment = table.segments[Self.ancestor(of: entry.field, atDepth: level, table: table).index]
                    guard text.count - position >= segment.count,
                        text[position..<position + segment.count].elementsEqual(segment)
                    else { return false }
                    position += segment.count
                }
                return position == text.count || text[position] == UInt8(ascii: ".")
            }
        }
    }

    /// Whether the object at `object` has a member whose (unescaped) key is `segment`.
    private static func hasMember(_ object: Int, named segment: [UInt8], tape: ValueTape) -> Bool {
        var found = false
        tape.forEachMember(of: object) { key, _ in
            if !found, !tape.nodes[key].isEscaped, Self.keyEquals(key, segment, tape: tape) { found = true }
        }
        return found
    }

    private static func keyEquals(_ key: Int, _ segment: [UInt8], tape: ValueTape) -> Bool {
        tape.withText(of: key) { text in text.elementsEqual(segment) }
    }
}
