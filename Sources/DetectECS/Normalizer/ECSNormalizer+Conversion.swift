import DetectCore
import DetectJSON

extension ECSNormalizer {
    /// Writes the raw value at `node`, converted, to `target`; writes nothing when it does not convert.
    mutating func convert(_ node: Int, with conversion: Conversion, to target: FieldID, in event: inout Event) {
        let value = event.tape.nodes[node]
        switch conversion {
        case .copy:
            event.set(target, node: node)
        case .keyword:
            if value.kind == .string {
                event.set(target, node: node)
            } else if self.loadText(node, event.tape) {
                self.setText(target, in: &event)
            }
        case .lowercase:
            guard self.loadText(node, event.tape) else { return }
            for index in self.scratch.text.indices where self.scratch.text[index] &- 65 < 26 {
                self.scratch.text[index] |= 0x20
            }
            self.setText(target, in: &event)
        case .long:
            if value.kind == .integer {
                event.set(target, node: node)
            } else if value.kind == .float, value.float.rounded(.towardZero) == value.float, abs(value.float) < 9e18 {
                event.setInteger(target, Int64(value.float))
            } else if value.kind == .string, self.loadText(node, event.tape), let number = self.textAsInteger() {
                event.setInteger(target, number)
            }
        case .positiveLong:
            if let number = self.integer(of: node, in: event.tape), number > 0 {
                event.setInteger(target, Int64(number))
            }
        case .scaled(let factor):
            if let number = self.integer(of: node, in: event.tape) {
                let (product, overflow) = Int64(number).multipliedReportingOverflow(by: factor)
                if !overflow { event.setInteger(target, product) }
            }
        case .number:
            if value.kind == .integer || value.kind == .float {
                event.set(target, node: node)
            } else if value.kind == .string, self.loadText(node, event.tape) {
                if let number = self.textAsInteger() {
                    event.setInteger(target, number)
                } else if let number = Double(String(decoding: self.scratch.text, as: UTF8.self)), number.isFinite {
                    event.setFloat(target, number)
                }
            }
        case .bool:
            if value.kind == .bool {
                event.set(target, node: node)
            } else if value.kind == .string, self.loadText(node, event.tape) {
                if self.scratch.text.elementsEqual("true".utf8) { event.setBool(target, true) }
                if self.scratch.text.elementsEqual("false".utf8) { event.setBool(target, false) }
            }
        case .ip:
            self.convertIP(node, to: target, in: &event)
        case .timestamp:
            guard let time = self.time(of: node, in: event.tape), time.microsecondsSinceEpoch != 0 else { return }
            time.withRFC3339 { event.setString(target, UnsafeRawBufferPointer($0)) }
            if self.scratch.formattedTime == nil, let text = event.node(target) {
                self.scratch.formattedTime = (raw: node, text: text)
            }
        case .dnsType:
            guard let code = self.integer(of: node, in: event.tape), let name = DNSNames.recordType(code) else { return }
            event.setString(target, name)
        case .dnsResponseCode:
            guard let code = self.integer(of: node, in: event.tape), let name = DNSNames.responseCode(code) else {
                return
            }
            event.setString(target, name)
        case .domain:
            guard let source = self.textSource(of: node, event.tape) else { return }
            let range = Self.withText(of: source, event.tape, scratch: self.scratch.text) { text in
                var end = text.count
                while end > 0, text[end - 1] == UInt8(ascii: ".") { end -= 1 }
                var start = 0
                while start < end, text[start] == UInt8(ascii: ".") { start += 1 }
                return start..<end
            }
            self.setPart(target, range, of: source, in: &event)
        case .httpVersion:
            guard let source = self.textSource(of: node, event.tape) else { return }
            let range = Self.withText(of: source, event.tape, scratch: self.scratch.text) { text in
                text.count > 5 && Self.hasPrefixIgnoringCase(text, "http/") ? 5..<text.count : 0..<text.count
            }
            self.setPart(target, range, of: source, in: &event)
        case .tlsVersion:
            guard let source = self.textSource(of: node, event.tape) else { return }
            let range = Self.withText(of: source, event.tape, scratch: self.scratch.text) { text in
                Self.tlsVersionSplit(text).map { $0..<text.count }
            }
            self.setPart(target, range, of: source, in: &event)
        case .tlsProtocol:
            guard self.loadText(node, event.tape),
                self.scratch.text.withUnsafeBufferPointer({ Self.tlsVersionSplit($0) }) != nil
            else { return }
            self.scratch.text.removeLast(self.scratch.text.count - 3)
            for index in self.scratch.text.indices { self.scratch.text[index] |= 0x20 }
            self.setText(target, in: &event)
        case .lookup(let table):
            guard self.loadText(node, event.tape) else { return }
            if let mapped = table.value(for: &self.scratch.text) { self.write(mapped, to: target, in: &event) }
        case .constant(let constant):
            self.write(constant, to: target, in: &event)
        case .prefixed(let prefix):
            guard self.loadText(node, event.tape) else { return }
            self.scratch.text.insert(contentsOf: prefix.utf8, at: 0)
            self.setText(target, in: &event)
        case .split(let separator):
            guard self.loadText(node, event.tape) else { return }
            let parts = String(decoding: self.scratch.text, as: UTF8.self)
                .split(separator: separator, omittingEmptySubsequences: true)
                .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            if !parts.isEmpty { event.setStrings(target, parts) }
        case .hexDigest(let length):
            guard value.kind == .string, self.loadText(node, event.tape), self.scratch.text.count == length,
                self.scratch.text.allSatisfy({ ($0 | 0x20) &- 97 < 6 || $0 &- 48 < 10 })
            else { return }
            event.set(target, node: node)
        case .bareURLHost:
            guard self.loadText(node, event.tape) else { return }
            self.setBareURLPart(path: false, to: target, in: &event)
        case .bareURLPath:
            guard self.loadText(node, event.tape) else { return }
            self.setBareURLPart(path: true, to: target, in: &event)
        case .component(let separator, let index):
            guard self.loadText(node, event.tape) else { return }
            let parts = String(decoding: self.scratch.text, as: UTF8.self)
                .split(separator: separator, omittingEmptySubsequences: false)
            if index < parts.count, case let part = parts[index].trimmingWhitespace(), !part.isEmpty {
                event.setString(target, part)
            }
        case .host:
            self.convertHost(node, to: target, in: &event)
        case .pluck(let key):
            self.convertPluck(node, key: key, to: target, in: &event)
        case .objects(let members):
            self.convertObjects(node, members: members, to: target, in: &event)
        case .communityID:
            self.convertCommunityID(node, to: target, in: &event)
        }
    }

    /// Writes a constant value.
    func write(_ value: ECSValue, to target: FieldID, in event: inout Event) {
        switch value {
        case .string(let text): event.setString(target, text)
        case .strings(let texts): event.setStrings(target, constants: texts)
        case .integer(let number): event.setInteger(target, number)
        case .bool(let flag): event.setBool(target, flag)
        }
    }

    // MARK: - Helpers

    /// Loads the text of a string, number or bool node into `scratch.text`; false for other kinds or
    /// an empty string.
    mutating func loadText(_ node: Int, _ tape: ValueTape) -> Bool {
        self.scratch.text.removeAll(keepingCapacity: true)
        return tape.appendText(of: node, to: &self.scratch.text) && !self.scratch.text.isEmpty
    }

    /// Sets `target` to `scratch.text` (skipping an empty text).
    func setText(_ target: FieldID, in event: inout Event) {
        guard !self.scratch.text.isEmpty else { return }
        self.scratch.text.withUnsafeBytes { event.setString(target, $0) }
    }

    /// `scratch.text` as an integer when it is an optional `-` and decimal digits only.
    func textAsInteger() -> Int64? {
        let text = self.scratch.text
        guard !text.isEmpty, text.count <= 19 else { return nil }
        var negative = false
        var value: Int64 = 0
        for (index, byte) in text.enumerated() {
            if index == 0, byte == UInt8(ascii: "-"), text.count > 1 {
                negative = true
                continue
            }
            guard byte &- 48 < 10 else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        return negative ? -value : value
    }

    /// An integer node, or a string of digits.
    mutating func integer(of node: Int, in tape: ValueTape) -> Int? {
        let value = tape.nodes[node]
        if value.kind == .integer { return Int(value.integer) }
        guard value.kind == .string, self.loadText(node, tape) else { return nil }
        return self.textAsInteger().map(Int.init)
    }

    /// The time of a number or string node.
    func time(of node: Int, in tape: ValueTape) -> EventTime? {
        let value = tape.nodes[node]
        switch value.kind {
        case .integer:
            // An integer node holds the exact value of its text (digits, no fraction or exponent), so this
            // is what parsing the text gives.
            return EventTime(unixTimestamp: value.integer)
        case .float:
            return tape.withText(of: node) { EventTime.parse(jsonNumber: $0.assumingMemoryBound(to: UInt8.self)) }
        case .string where !value.isEscaped:
            return tape.withText(of: node) { EventTime.parse($0.assumingMemoryBound(to: UInt8.self)) }
        case .string:
            var text: [UInt8] = []
            tape.appendText(of: node, to: &text)
            return text.withUnsafeBufferPointer { EventTime.parse($0) }
        default:
            return nil
        }
    }

    /// Sets `target` to the host (or the path) of `scratch.text`, a URL with or without its `scheme://`.
    private mutating func setBareURLPart(path wantsPath: Bool, to target: FieldID, in event: inout Event) {
        let text = self.scratch.text
        let hasScheme = text.indices.dropLast(2).contains {
            text[$0] == UInt8(ascii: ":") && text[$0 + 1] == UInt8(ascii: "/") && text[$0 + 2] == UInt8(ascii: "/")
        }
        if !hasScheme, text.first != UInt8(ascii: "/") { self.scratch.text.insert(contentsOf: "//".utf8, at: 0) }
        let range = self.scratch.text.withUnsafeBufferPointer { URLParts(parsing: $0) }
            .flatMap { wantsPath ? $0.path : $0.hostAddress }
        guard let range, !range.isEmpty else { return }
        self.scratch.text[range].withUnsafeBytes { event.setString(target, $0) }
    }

    /// Index of the first digit of `TLSv1.3` / `SSLv3` / `TLS 1.3` / `TLS1.3` in `text`, or nil for other
    /// text.
    private static func tlsVersionSplit(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.count > 3 else { return nil }
        guard Self.hasPrefixIgnoringCase(text, "tls") || Self.hasPrefixIgnoringCase(text, "ssl") else { return nil }
        var index = 3
        if text[index] | 0x20 == UInt8(ascii: "v") || text[index] == UInt8(ascii: " ") { index += 1 }
        guard index < text.count, text[index] &- 48 < 10 else { return nil }
        return index
    }

    /// Whether `text` starts with the lower-case ASCII letters (or `/`) of `prefix`, in either case.
    private static func hasPrefixIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard text.count >= count else { return false }
        for index in 0..<count where text[index] | 0x20 != prefix.utf8Start[index] { return false }
        return true
    }

    /// Writes a validated, canonical IP (or an array of them) to `target`.
    private mutating func convertIP(_ node: Int, to target: FieldID, in event: inout Event) {
        let value = event.tape.nodes[node]
        if value.kind == .array {
            var valid: [String] = []
            for element in event.tape.elements(of: node) {
                guard let source = self.textSource(of: element, event.tape), self.canonicalizeIP(source, event.tape)
                else { continue }
                valid.append(String(decoding: self.scratch.text2, as: UTF8.self))
            }
            if !valid.isEmpty { event.setStrings(target, valid) }
            return
        }
        guard value.kind == .string, let source = self.textSource(of: node, event.tape) else { return }
        if case .tape = source,
            event.tape.withText(of: node, { IPText.isIPv4($0.assumingMemoryBound(to: UInt8.self)) })
        {
            event.set(target, node: node)
            return
        }
        guard self.canonicalizeIP(source, event.tape) else { return }
        if case .tape = source,
            event.tape.withText(of: node, { text in self.scratch.text2.withUnsafeBytes { $0.elementsEqual(text) } })
        {
            event.set(target, node: node)
        } else {
            self.scratch.text2.withUnsafeBytes { event.setString(target, $0) }
        }
    }

    /// Replaces `scratch.text2` with the canonical text of the IP address that is the text of `source`;
    /// false when that text is not an IP address.
    mutating func canonicalizeIP(_ source: TextSource, _ tape: ValueTape) -> Bool {
        self.scratch.text2.removeAll(keepingCapacity: true)
        switch source {
        case .tape(let node):
            return tape.withText(of: node) {
                IPText.canonicalize($0.assumingMemoryBound(to: UInt8.self), into: &self.scratch.text2)
            }
        case .scratch:
            return self.scratch.text.withUnsafeBufferPointer { IPText.canonicalize($0, into: &self.scratch.text2) }
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        String(self.drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
