/// A position in a user-written file (rule, pipeline, IOC list, input): path, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form every diagnostic starts with.
    public var description: String { "\(self.file):\(self.line):\(self.column)" }
}
