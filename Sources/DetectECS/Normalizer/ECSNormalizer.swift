public import DetectCore
public import DetectJSON

/// Turns one input line into an ECS ``Event``.
///
/// A line is a raw Cloudflare record, an ECS document, or a `{"message": "<raw JSON>"}` wrapper, told
/// apart per line. Raw records are recognised by their fields (or given a dataset), mapped with the
/// dataset's table, and keep every raw field under `cloudflare.*` with its JSON type.
///
/// The tables are compiled once and shared; each normalizer owns scratch buffers, so use one per thread.
public struct ECSNormalizer: Sendable {
    let catalog: MappingCatalog
    let suffixes: PublicSuffixList
    let parser: JSONParser
    var scratch = NormalizerScratch()

    /// - Parameters:
    ///   - publicSuffixList: Splits domains into registered domain, top-level domain and subdomain.
    ///   - maxDepth: The deepest JSON nesting accepted in a record.
    public init(publicSuffixList: PublicSuffixList, maxDepth: Int = 64) {
        self.catalog = MappingCatalog()
        self.suffixes = publicSuffixList
        self.parser = JSONParser(maxDepth: maxDepth)
    }

    /// Normalizes one line into `event` (which is emptied first).
    ///
    /// - Parameters:
    ///   - line: One JSON object, without its newline.
    ///   - dataset: The dataset of raw records when known (`--dataset`, the intake URL); nil detects it
    ///     per record from its fields.
    /// - Throws: ``JSONError`` when the line is not a well-formed JSON object (or a wrapper whose message
    ///   is not).
    public mutating func normalize(
        _ line: UnsafeRawBufferPointer, dataset: CloudflareDataset? = nil, into event: inout Event
    ) throws(JSONError) -> NormalizedRecord {
        event.removeAll()
        var root = try self.parser.parseObject(line, into: &event.tape, scratch: &self.scratch.parse)
        switch self.form(of: root, in: event.tape) {
        case .ecs:
            event.set(.root, node: root)
            return .ecs
        case .wrapper(let message):
            self.scratch.text.removeAll(keepingCapacity: true)
            event.tape.appendText(of: message, to: &self.scratch.text)
            event.removeAll()
            let parser = self.parser
            // Moved out for the call: the message text is read from the same scratch.
            var parseScratch = JSONParseScratch()
            swap(&parseScratch, &self.scratch.parse)
            let inner: Result<Int, JSONError> = self.scratch.text.withUnsafeBytes { inner in
                Result { () throws(JSONError) in try parser.parseObject(inner, into: &event.tape, scratch: &parseScratch) }
            }
            swap(&parseScratch, &self.scratch.parse)
            root = try inner.get()
            if case .ecs = self.form(of: root, in: event.tape) {
                event.set(.root, node: root)
                return .ecs
            }
        case .raw:
            break
        }
        return self.normalizeRaw(root: root, dataset: dataset, into: &event)
    }

    // MARK: - Recognising the form of a line

    private enum Form {
        case raw
        case ecs
        case wrapper(message: Int)
    }

    /// ECS documents have `@timestamp`, `ecs` or an `event` object; a wrapper has a `message` string
    /// holding a JSON object and no ECS keys; anything else is a raw Cloudflare record.
    ///
    /// A document without any of those key names is raw whatever its values, and so is the next document
    /// when the parser reports that it repeats this one's keys: its keys are not looked at again.
    private mutating func form(of root: Int, in tape: ValueTape) -> Form {
        let document = self.scratch.parse.documentCount
        if self.scratch.parse.repeatsPreviousKeys, self.scratch.keylessRawDocument == document - 1 {
            self.scratch.keylessRawDocument = document
            return .raw
        }
        var message: Int?
        var isECS = false
        var hasFormKey = false
        tape.forEachMember(of: root) { key, value in
            // Only keys of 3, 5, 7 or 10 bytes can be one of the names, so most keys are skipped by length.
            let length = tape.nodes[key].length
            guard length == 3 || length == 5 || length == 7 || length == 10 else { return }
            tape.withText(of: key) { name in
                if Self.equals(name, "@timestamp") || Self.equals(name, "ecs") {
                    isECS = true
                    hasFormKey = true
                } else if Self.equals(name, "event") {
                    if tape.nodes[value].kind == .object { isECS = true }
                    hasFormKey = true
                } else if Self.equals(name, "message") {
                    if tape.nodes[value].kind == .string { message = value }
                    hasFormKey = true
                }
            }
        }
        if !hasFormKey { self.scratch.keylessRawDocument = document }
        if isECS { return .ecs }
        if let message, Self.startsWithObject(tape, message) { return .wrapper(message: message) }
        return .raw
    }

    private static func startsWithObject(_ tape: ValueTape, _ node: Int) -> Bool {
        tape.withText(of: node) { text in
            var index = 0
            while index < text.count {
                switch text[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    index += 1
                case UInt8(ascii: "\\") where index + 1 < text.count && [110, 114, 116].contains(text[index + 1]):
                    index += 2  // an escaped leading \n, \r or \t
                case let byte:
                    return byte == UInt8(ascii: "{")
                }
            }
            return false
        }
    }

    static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        for index in 0..<bytes.count where bytes[index] != literal.utf8Start[index] { return false }
        return true
    }
}

/// Buffers reused from record to record.
struct NormalizerScratch: Sendable {
    var parse = JSONParseScratch()
    var text: [UInt8] = []
    var text2: [UInt8] = []
    var shape = KeyShapeCache()
    var slots: [Int32] = []
    var related = DistinctByteStrings()
    var domainSplit = DomainSplitMemo()
    /// The raw time node the first `.timestamp` rule of this record formatted, and the node of its text.
    var formattedTime: (raw: Int, text: Int)?
    /// The parser's number (``JSONParseScratch/documentCount``) of the last document found raw by its
    /// keys alone: none of them is a name that makes a line ECS or a wrapper.
    var keylessRawDocument = -1
}
