import Dispatch

/// A value computed on another thread while the caller goes on with other start-up work (the Public Suffix
/// List is read while the rules load); ``result()`` waits for it, and the caller reports a failure on its own
/// thread, so messages keep their order.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    // Written once on the background thread before `done` is signalled, read only after waiting for it.
    private var outcome: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    /// Starts computing `body` on a global queue.
    init(_ body: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.outcome = Result { try body() }
            self.done.signal()
        }
    }

    /// The value or what `body` threw, waiting for it.
    func result() -> Result<Value, any Error> {
        self.done.wait()
        self.done.signal()
        return self.outcome.unsafelyUnwrapped
    }
}
