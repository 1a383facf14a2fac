/// Why a line is not a well-formed JSON text, and where.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong; `reason` is the stable dotted name used in counters and dead letters.
    public struct Code: Hashable, Sendable {
        private enum Base: Hashable, Sendable {
            case unexpectedEnd, unexpectedByte, invalidString, invalidEscape, invalidUTF8
            case invalidNumber, tooDeep, trailingContent, notAnObject
        }

        private let base: Base

        public static let unexpectedEnd = Code(base: .unexpectedEnd)
        public static let unexpectedByte = Code(base: .unexpectedByte)
        public static let invalidString = Code(base: .invalidString)
        public static let invalidEscape = Code(base: .invalidEscape)
        public static let invalidUTF8 = Code(base: .invalidUTF8)
        public static let invalidNumber = Code(base: .invalidNumber)
        public static let tooDeep = Code(base: .tooDeep)
        public static let trailingContent = Code(base: .trailingContent)
        public static let notAnObject = Code(base: .notAnObject)

        /// The stable name of the code, for counters and dead-letter records.
        public var reason: String {
            switch self.base {
            case .unexpectedEnd: "json.unexpected_end"
            case .unexpectedByte: "json.unexpected_byte"
            case .invalidString: "json.invalid_string"
            case .invalidEscape: "json.invalid_escape"
            case .invalidUTF8: "json.invalid_utf8"
            case .invalidNumber: "json.invalid_number"
            case .tooDeep: "json.too_deep"
            case .trailingContent: "json.trailing_content"
            case .notAnObject: "json.not_an_object"
            }
        }
    }

    public var code: Code
    public var message: String
    /// Byte offset in the line (0-based).
    public var offset: Int

    public init(_ code: Code, _ message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(self.message) at byte \(self.offset + 1)" }
}
