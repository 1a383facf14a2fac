/// The input line an event came from.
public struct SourceLine {
    /// The input's name (`-` for standard input).
    public var input: String
    /// The 1-based line number in the input.
    public var number: Int
    /// The line's bytes, without its newline; valid only during the callback that receives them.
    public var bytes: UnsafeRawBufferPointer
}
