#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The key of each thread's default scratch; `nil` if the system has no key left to give.
private let threadScratchKey: pthread_key_t? = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        guard let raw else { return }
        Unmanaged<RegexScratch>.fromOpaque(raw).release()
    }
    return status == 0 ? key : nil
}()

extension RegexScratch {
    /// The calling thread's scratch with ``RegexLimits/default``, created on first use and released
    /// when the thread exits; `nil` only if it cannot be allocated.
    ///
    /// Safe under Swift concurrency because it is only used inside one synchronous call: a task cannot
    /// move to another thread between fetching the scratch and finishing the match.
    static var current: RegexScratch? {
        guard let key = threadScratchKey else { return nil }
        if let raw = pthread_getspecific(key) {
            return Unmanaged<RegexScratch>.fromOpaque(raw).takeUnretainedValue()
        }
        guard let scratch = try? RegexScratch() else { return nil }
        let raw = Unmanaged.passRetained(scratch).toOpaque()
        if pthread_setspecific(key, raw) != 0 {
            Unmanaged<RegexScratch>.fromOpaque(raw).release()
        }
        return scratch
    }
}
