import Dispatch

/// A value computed on another thread while the caller goes on with other start-up work (the Public Suffix
/// List is read while the rules load); ``get()`` waits for it and rethrows its error on the caller's thread,
/// so messages keep their order.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    // Written once on the background thread before `done` is signalled, read only after waiting for it.
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    /// Starts computing `body` on a global queue.
    init(_ body: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result { try body() }
            self.done.signal()
        }
    }

    /// The value, waiting for it; throws what `body` threw.
    func get() throws -> Value {
        self.done.wait()
        self.done.signal()
        return try self.result.unsafelyUnwrapped.get()
    }
}
