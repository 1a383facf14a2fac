/// A runtime failure of the I/O around the pipeline (an output that cannot be opened or written).
public struct IntakeError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        private enum Base: Hashable, Sendable { case cannotOpen, writeFailed, configuration }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        public static let cannotOpen = Code(.cannotOpen)
        public static let writeFailed = Code(.writeFailed)
        public static let configuration = Code(.configuration)
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
