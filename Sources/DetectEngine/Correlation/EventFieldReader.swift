internal import DetectCore
internal import DetectECS
internal import DetectJSON

/// Reads what correlations need from an event: its time, group-by values and aggregated values.
struct EventFieldReader {
    let table: FieldTable
    let timestamp: FieldID
    private var text: [UInt8] = []

    init(table: FieldTable, timestamp: FieldID) {
        self.table = table
        self.timestamp = timestamp
    }

    /// The event's `@timestamp` in microseconds (an RFC 3339 or epoch string, or an epoch number), or `nil`.
    mutating func time(of event: Event) -> Int64? {
        guard let node = event.resolve(self.timestamp, in: self.table) else { return nil }
        let kind = event.tape.nodes[node].kind
        switch kind {
        case .string:
            self.text.removeAll(keepingCapacity: true)
            event.tape.appendText(of: node, to: &self.text)
            return self.text.withUnsafeBufferPointer { EventTime.parse($0) }?.microsecondsSinceEpoch
        case .integer:
            return EventTime(unixTimestamp: event.tape.nodes[node].integer)?.microsecondsSinceEpoch
        case .float:
            return EventTime(fractionalUnixTimestamp: event.tape.nodes[node].float)?.microsecondsSinceEpoch
        default:
            return nil
        }
    }

    /// The node of the first of `fields` with a string, number or boolean value.
    func scalar(_ fields: [FieldID], in event: Event) -> Int? {
        for field in fields {
            guard let node = event.resolve(field, in: self.table) else { continue }
            switch event.tape.nodes[node].kind {
            case .string, .integer, .float, .bool: return node
            case .null, .array, .object: continue
            }
        }
        return nil
    }

    /// Appends the group-key encoding of the first of `fields` with a scalar value (missing otherwise).
    func appendGroupValue(_ fields: [FieldID], of event: Event, to key: inout [UInt8]) {
        guard let node = self.scalar(fields, in: event) else {
            GroupKey.appendMissing(to: &key)
            return
        }
        key.append(1)
        let lengthAt = key.count
        key.append(contentsOf: [0, 0, 0, 0])
        event.tape.appendText(of: node, to: &key)
        let count = UInt32(truncatingIfNeeded: key.count - lengthAt - 4)
        for offset in 0..<4 { key[lengthAt + offset] = UInt8(truncatingIfNeeded: count >> UInt32(8 * offset)) }
    }

    /// The number of the first of `fields` with a number or a numeric string.
    mutating func number(_ fields: [FieldID], of event: Event) -> Double? {
        guard let node = self.scalar(fields, in: event) else { return nil }
        if let number = event.tape.nodes[node].number { return number }
        guard event.tape.nodes[node].kind == .string else { return nil }
        self.text.removeAll(keepingCapacity: true)
        event.tape.appendText(of: node, to: &self.text)
        return Double(String(decoding: self.text, as: UTF8.self)).flatMap { $0.isFinite ? $0 : nil }
    }

    /// Appends the text of the first of `fields` with a scalar value; `false` when none has one.
    func appendText(_ fields: [FieldID], of event: Event, to bytes: inout [UInt8]) -> Bool {
        guard let node = self.scalar(fields, in: event) else { return false }
        return event.tape.appendText(of: node, to: &bytes)
    }
}
