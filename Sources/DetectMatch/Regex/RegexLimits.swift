/// Resource limits for one regular-expression match, so that a catastrophic pattern cannot stall the
/// engine.
///
/// The defaults (``default``) are:
///
/// | limit | default | PCRE2 setting | applies to |
/// | --- | --- | --- | --- |
/// | ``matchLimit`` | 100,000 | `pcre2_set_match_limit` | JIT and interpreter |
/// | ``depthLimit`` | 10,000 | `pcre2_set_depth_limit` | interpreter only |
/// | ``heapLimitKiB`` | 16,384 (16 MiB) | `pcre2_set_heap_limit` | interpreter only |
/// | ``jitStackSize`` | 1 MiB | `pcre2_jit_stack_create` | JIT only (bounds its backtracking depth) |
///
/// The JIT counts its work differently from the interpreter, so the same pattern can hit the match limit
/// at a different point in each; both stop long before a pathological backtracking run takes noticeable
/// time (a limit hit costs well under a millisecond on a 150-byte value). A pattern may lower the match
/// and depth limits for itself with `(*LIMIT_MATCH=n)` / `(*LIMIT_DEPTH=n)`; it can never raise them.
///
/// Limits live in a ``RegexScratch`` (one per thread), not in the compiled ``PCRE2Regex``, because the
/// JIT stack that enforces them on the JIT path is per-thread state.
public struct RegexLimits: Hashable, Sendable {
    /// The most internal match-function calls one match may make (`pcre2_set_match_limit`).
    public var matchLimit: UInt32
    /// The deepest backtracking nesting the interpreter allows (`pcre2_set_depth_limit`). The JIT
    /// ignores it; ``jitStackSize`` plays its part there.
    public var depthLimit: UInt32
    /// The most heap, in KiB, the interpreter may use for backtracking (`pcre2_set_heap_limit`).
    public var heapLimitKiB: UInt32
    /// The largest JIT stack, in bytes, one thread's matches may grow to.
    public var jitStackSize: Int

    /// Creates limits; every parameter defaults to the documented default.
    public init(
        matchLimit: UInt32 = 100_000,
        depthLimit: UInt32 = 10_000,
        heapLimitKiB: UInt32 = 16_384,
        jitStackSize: Int = 1 << 20
    ) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackSize = jitStackSize
    }

    /// Match limit 100,000; depth limit 10,000; heap limit 16 MiB; JIT stack 1 MiB.
    public static let `default` = RegexLimits()
}
