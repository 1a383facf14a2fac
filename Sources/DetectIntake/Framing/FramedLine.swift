/// One item produced by framing: a line of input, or a problem found while framing.
///
/// The bytes of a `.line` point into the caller's chunk or into the framer's own buffer and are valid
/// only during the callback that receives them; copy them to keep them.
public enum FramedLine {
    /// A non-blank line, without its `\n` and without a trailing `\r`.
    ///
    /// - Parameters:
    ///   - number: The 1-based line number in the input, counting blank and skipped lines.
    ///   - bytes: The line's bytes, valid only during the callback.
    case line(number: Int, bytes: UnsafeRawBufferPointer)
    /// A problem; see ``FramingError/canContinue`` for whether more items of the same input follow.
    case error(FramingError)
}
