internal import CPCRE2

/// A compiled PCRE2 regular expression (Sigma's `re` modifier): compiled and JIT-compiled once, then
/// matched from any number of threads.
///
/// - Every pattern is compiled in UTF mode with `PCRE2_MATCH_INVALID_UTF`, so values that are not valid
///   UTF-8 are searched rather than rejected (invalid sequences never match a character). `\C` is
///   refused (`PCRE2_NEVER_BACKSLASH_C`). Without ``Options/caseless`` matching is case-sensitive, as
///   Sigma requires. `\d`, `\w` and `\s` are ASCII classes (no `PCRE2_UCP`).
/// - Matching is an unanchored search, like Python's `re.search`: `[^/]{100,}$` finds a long last path
///   segment anywhere in the value. Anchor with `^`/`$` in the pattern.
/// - Every match runs under ``RegexLimits`` (default: match limit 100,000, depth limit 10,000, heap
///   16 MiB, JIT stack 1 MiB). A match that hits one returns ``RegexOutcome/limitExceeded``, which
///   callers treat as no match and count.
/// - The pattern is JIT-compiled (`PCRE2_JIT_COMPLETE`) when PCRE2 supports it; otherwise the
///   interpreter runs it (``isJITCompiled`` tells which).
///
/// ```swift
/// let regex = try PCRE2Regex(#"[^/]{100,}$"#)
/// let scratch = try RegexScratch()          // one per thread
/// if regex.evaluate(value, scratch: scratch) == .limitExceeded { limitHits += 1 }
/// ```
///
/// `@unchecked Sendable`: the compiled code is never modified after `init`, and PCRE2 documents compiled
/// patterns (JIT code included) as safe to match from several threads at once. All mutable match state
/// lives in a ``RegexScratch``.
public final class PCRE2Regex: @unchecked Sendable {
    /// The pattern as written.
    public let pattern: String
    /// The flags it was compiled with.
    public let options: Options
    /// Whether the JIT compiled the pattern; `false` means matches run in the (slower) interpreter.
    public let isJITCompiled: Bool
    private let code: OpaquePointer

    /// Compiles `pattern` with `options`, then JIT-compiles it.
    ///
    /// - Parameters:
    ///   - pattern: A PCRE2 pattern.
    ///   - options: ``Options/caseless``, ``Options/multiline``, ``Options/dotAll``.
    /// - Throws: ``PCRE2Error`` with PCRE2's message and the byte offset in `pattern` where compilation
    ///   failed.
    public init(_ pattern: String, options: Options = []) throws {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let code: OpaquePointer? = pattern.utf8.withContiguousStorageIfAvailable { utf8 in
            Self.compile(utf8, options: options, errorCode: &errorCode, errorOffset: &errorOffset)
        } ?? Array(pattern.utf8).withUnsafeBufferPointer { utf8 in
            Self.compile(utf8, options: options, errorCode: &errorCode, errorOffset: &errorOffset)
        }
        guard let code else {
            throw PCRE2Error(code: errorCode, pattern: pattern, offset: errorOffset)
        }
        self.code = code
        self.pattern = pattern
        self.options = options
        self.isJITCompiled = pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0
    }

    deinit {
        pcre2_code_free_8(self.code)
    }

    private static func compile(
        _ utf8: UnsafeBufferPointer<UInt8>, options: Options, errorCode: inout Int32, errorOffset: inout Int
    ) -> OpaquePointer? {
        // PCRE2 wants a non-null pointer even for an empty pattern.
        var empty: UInt8 = 0
        return withUnsafePointer(to: &empty) { emptyPointer in
            pcre2_compile_8(
                utf8.baseAddress ?? emptyPointer, utf8.count, options.pcre2Options, &errorCode, &errorOffset, nil)
        }
    }

    /// Searches `bytes` using the caller's per-thread `scratch` (its limits apply). The fast path.
    ///
    /// - Parameters:
    ///   - bytes: The value, UTF-8 (invalid sequences are tolerated).
    ///   - scratch: Working memory owned by the calling thread.
    /// - Returns: ``RegexOutcome/match``, ``RegexOutcome/noMatch`` or ``RegexOutcome/limitExceeded``.
    public func evaluate(_ bytes: UnsafeRawBufferPointer, scratch: RegexScratch) -> RegexOutcome {
        let status: Int32
        if let base = bytes.baseAddress {
            status = self.match(base.assumingMemoryBound(to: UInt8.self), count: bytes.count, scratch: scratch)
        } else {
            // PCRE2 wants a non-null subject even when it is empty.
            var empty: UInt8 = 0
            status = withUnsafePointer(to: &empty) { self.match($0, count: 0, scratch: scratch) }
        }
        if status >= 0 { return .match }  // 0: matched, offset vector too small for the captures.
        if status == PCRE2_ERROR_NOMATCH { return .noMatch }
        return .limitExceeded
    }

    @inline(__always)
    private func match(_ subject: UnsafePointer<UInt8>, count: Int, scratch: RegexScratch) -> Int32 {
        if self.isJITCompiled {
            return pcre2_jit_match_8(self.code, subject, count, 0, 0, scratch.matchData, scratch.matchContext)
        }
        return pcre2_match_8(self.code, subject, count, 0, 0, scratch.matchData, scratch.matchContext)
    }

    /// Searches `bytes` with the calling thread's own scratch (``RegexLimits/default``), created on the
    /// thread's first use. Slightly slower than passing a scratch; limits cannot be changed.
    public func evaluate(_ bytes: UnsafeRawBufferPointer) -> RegexOutcome {
        guard let scratch = RegexScratch.current else { return .limitExceeded }
        return self.evaluate(bytes, scratch: scratch)
    }

    /// Whether the pattern occurs in `bytes`; a limit hit counts as no match. Use ``evaluate(_:scratch:)``
    /// where limit hits must be counted.
    public func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        self.evaluate(bytes) == .match
    }

    /// Whether the pattern occurs in `string`; a limit hit counts as no match.
    public func matches(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { self.matches(UnsafeRawBufferPointer($0)) }
    }
}
