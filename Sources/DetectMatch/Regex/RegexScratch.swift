internal import CPCRE2

/// Per-thread working memory for ``PCRE2Regex`` matching: match data, a match context that carries the
/// ``RegexLimits``, and a JIT stack.
///
/// A compiled ``PCRE2Regex`` is shared by every thread; a scratch is not. Give each worker thread (or
/// each evaluator that never runs on two threads at once) its own scratch, and pass it to
/// ``PCRE2Regex/evaluate(_:scratch:)``. One scratch serves every regex. Creating one costs a few
/// allocations, so create it once per thread, not per value.
///
/// ```swift
/// let scratch = try RegexScratch(limits: RegexLimits(matchLimit: 50_000))
/// let outcome = regex.evaluate(bytes, scratch: scratch)
/// ```
public final class RegexScratch {
    /// The limits every match through this scratch runs under.
    public let limits: RegexLimits
    let matchData: OpaquePointer
    let matchContext: OpaquePointer
    private let jitStack: OpaquePointer?

    /// Allocates match data (one offset pair: matchers only need "does it match"), a match context with
    /// `limits`, and a JIT stack growing from 32 KiB up to `limits.jitStackSize`.
    ///
    /// - Throws: ``PCRE2Error`` (`PCRE2_ERROR_NOMEMORY`) when PCRE2 cannot allocate. A JIT stack that
    ///   cannot be allocated is not an error: JIT matches then use PCRE2's 32 KiB machine-stack default.
    public init(limits: RegexLimits = .default) throws {
        guard let matchData = pcre2_match_data_create_8(1, nil) else {
            throw PCRE2Error(code: PCRE2_ERROR_NOMEMORY, pattern: nil, offset: nil)
        }
        guard let matchContext = pcre2_match_context_create_8(nil) else {
            pcre2_match_data_free_8(matchData)
            throw PCRE2Error(code: PCRE2_ERROR_NOMEMORY, pattern: nil, offset: nil)
        }
        pcre2_set_match_limit_8(matchContext, limits.matchLimit)
        pcre2_set_depth_limit_8(matchContext, limits.depthLimit)
        pcre2_set_heap_limit_8(matchContext, limits.heapLimitKiB)
        let maxStack = max(limits.jitStackSize, 32 * 1024)
        let jitStack = pcre2_jit_stack_create_8(min(32 * 1024, maxStack), maxStack, nil)
        if let jitStack {
            pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(jitStack))
        }
        self.limits = limits
        self.matchData = matchData
        self.matchContext = matchContext
        self.jitStack = jitStack
    }

    deinit {
        pcre2_match_data_free_8(self.matchData)
        pcre2_match_context_free_8(self.matchContext)
        if let jitStack = self.jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}

/// A scratch holds mutable PCRE2 state and a JIT stack that only one thread may use at a time.
@available(*, unavailable)
extension RegexScratch: Sendable {}
