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
        let rootField = FieldID.root
        for entry in event.entries where entry.node >= 0 {
            if entry.field == rootField {
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
            let written: Int? = order.withUnsafeBufferPointer { order in
                scratch.text.withUnsafeMutableBytes { memory in
                    var cursor = ByteCursor(memory)
                    Self.writeObject(
                        base: base, parent: .root, entries: order[...], tape: event.tape, table: table,
                        keys: &scratch.keyTexts, to: &cursor)
                    return cursor.overflowed ? nil : cursor.count
                }
            }
            if let written {
                scratch.text.withUnsafeBytes { self.output.appendBytes(UnsafeRawBufferPointer(rebasing: $0[0..<written])) }
                return
            }
            scratch.growText()
        }
    }

    /// Entries sorted by rank, read in place from the scratch (slicing them retains nothing).
    private typealias Entries = Slice<UnsafeBufferPointer<Event.Entry>>

    /// Writes `{…}`: the members of the object `base` (if any) in document order, merged with `entries`,
    /// which are strict descendants of `parent` sorted by rank; entries no member matches follow.
    private static func writeObject<Output: JSONOutput>(
        base: Int?, parent: FieldID, entries: Entries, tape: ValueTape, table: FieldTable,
        keys: inout KeyTextCache, to output: inout Output
    ) {
        output.writeByte(UInt8(ascii: "{"))
        let depth = table.depths[parent.index] + 1
        // The entries grouped by their ancestor one level below `parent`, found once; a group is written
        // with the member that names it, or after the members when none does.
        withUnsafeTemporaryAllocation(of: EntryGroup.self, capacity: entries.count) { groups in
            var groupCount = 0
            var start = entries.startIndex
            while start < entries.endIndex {
                let (top, end) = Self.group(at: start, in: entries, depth: depth, table: table)
                groups.initializeElement(at: groupCount, to: EntryGroup(top: top, start: start, end: end))
                groupCount += 1
                start = end
            }
            var needsComma = false
            if let base {
                // Members written unchanged whose text can be copied go into `run`, written before anything else.
                var run = SourceRun()
                tape.forEachMember(of: base) { key, value in
                    if Self.isOverridden(flatKey: key, by: entries, depth: depth, tape: tape, table: table) { return }
                    let index = Self.group(named: key, in: groups, count: groupCount, tape: tape, table: table)
                    let text = index == nil ? SourceRun.memberText(key: key, value: value, in: tape) : nil
                    if let text, run.extend(with: text, in: tape) { return }
                    run.flush(tape, to: &output)
                    if needsComma { output.writeByte(UInt8(ascii: ",")) }
                    needsComma = true
                    if let index {
                        groups[index].named = true
                        Self.writeMerged(
                            groups[index].top, member: value, entries: entries[groups[index].start..<groups[index].end],
                            tape: tape, table: table, keys: &keys, to: &output)
                    } else if let text {
                        run.start(text)
                    } else {
                        output.writeValue(tape, at: key)
                        output.writeByte(UInt8(ascii: ":"))
                        output.writeValue(tape, at: value)
                    }
                }
                run.flush(tape, to: &output)
            }
            for group in UnsafeMutableBufferPointer(rebasing: groups[..<groupCount]) where !group.named {
                if needsComma { output.writeByte(UInt8(ascii: ",")) }
                needsComma = true
                Self.writeMerged(
                    group.top, member: nil, entries: entries[group.start..<group.end], tape: tape, table: table,
                    keys: &keys, to: &output)
            }
            _ = groups.deinitialize()
        }
        output.writeByte(UInt8(ascii: "}"))
    }

    /// The entries of one object level that share an ancestor (`top`) at that level: `start ..< end` of the
    /// level's entries; `named` once a member of the object's document value has the same key.
    private struct EntryGroup {
        let top: FieldID
        let start: Int
        let end: Int
        var named = false
    }

    /// Writes `"segment":value` for `top`, whose own entry (if any) comes first in `entries`, followed by
    /// the entries below it; `member` is the document's value at the same path, if any.
    private static func writeMerged<Output: JSONOutput>(
        _ top: FieldID, member: Int?, entries: Entries, tape: ValueTape, table: FieldTable,
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
        at start: Int, in entries: Entries, depth: Int, table: FieldTable
    ) -> (top: FieldID, end: Int) {
        let top = Self.ancestor(of: entries[start].field, atDepth: depth, table: table)
        var end = start + 1
        while end < entries.endIndex, Self.ancestor(of: entries[end].field, atDepth: depth, table: table) == top {
            end += 1
        }
        return (top, end)
    }

    /// The index among the first `count` of `groups` of the group whose top field is named like the member
    /// key at `key`.
    private static func group(
        named key: Int, in groups: UnsafeMutableBufferPointer<EntryGroup>, count groupCount: Int, tape: ValueTape,
        table: FieldTable
    ) -> Int? {
        let node = tape.nodes[key]
        guard !node.isEscaped, groupCount > 0 else { return nil }
        let count = Int(node.length)
        return tape.bytes.withUnsafeBytes { bytes in
            let text = bytes.baseAddress! + Int(node.offset)
            for index in 0..<groupCount {
                let matches = table.segments[groups[index].top.index].withUnsafeBytes { segment in
                    segment.count == count && (count == 0 || ByteEquality.equal(segment.baseAddress!, text, count: count))
                }
                if matches { return index }
            }
            return nil
        }
    }

    /// Whether the member key at `key` is a flat dotted key (`"event.kind"`) whose path, or an ancestor
    /// of it below the current object, has an entry of its own, which then replaces the member.
    private static func isOverridden(
        flatKey key: Int, by entries: Entries, depth: Int, tape: ValueTape, table: FieldTable
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
}
