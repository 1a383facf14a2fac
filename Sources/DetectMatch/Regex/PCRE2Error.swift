internal import CPCRE2

/// A PCRE2 failure: a pattern that does not compile, or working memory that could not be allocated.
///
/// For a compile error ``offset`` says where in the pattern PCRE2 stopped, so that a rule diagnostic can
/// point at the column.
public struct PCRE2Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// PCRE2's error number (positive for compile errors, negative for match-time errors).
    public let code: Int32
    /// PCRE2's own message for ``code``, such as `missing closing parenthesis`.
    public let message: String
    /// The pattern that failed to compile, when the error is a compile error.
    public let pattern: String?
    /// The UTF-8 byte offset in ``pattern`` at which compilation failed, when the error is a compile error.
    public let offset: Int?

    init(code: Int32, pattern: String?, offset: Int?) {
        self.code = code
        self.message = Self.message(for: code)
        self.pattern = pattern
        self.offset = offset
    }

    /// ``offset`` counted in Unicode scalars instead of bytes (what an editor column counts), or `nil`.
    public var characterOffset: Int? {
        guard let offset = self.offset, let pattern = self.pattern else { return nil }
        let utf8 = pattern.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        return pattern.unicodeScalars[..<end].count
    }

    /// `invalid regular expression at offset 3: missing closing parenthesis`, or the bare message.
    public var description: String {
        if let offset = self.offset {
            return "invalid regular expression at offset \(offset): \(self.message)"
        }
        return "PCRE2 error \(self.code): \(self.message)"
    }

    /// PCRE2's text for an error number (`pcre2_get_error_message`).
    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { buffer in
            pcre2_get_error_message_8(code, buffer.baseAddress, buffer.count)
        }
        guard length > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[..<Int(length)], as: UTF8.self)
    }
}
