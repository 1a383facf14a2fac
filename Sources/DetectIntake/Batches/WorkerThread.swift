import Glibc

/// A POSIX thread running one closure, joined explicitly.
///
/// The closure's captures are handed over to the new thread: the starting thread must not touch them until
/// ``join()`` has returned.
final class WorkerThread {
    private var thread = pthread_t()

    /// Starts a thread running `body`.
    init(_ body: @escaping () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let result = pthread_create(&self.thread, nil, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            body.run()
            return nil
        }, context)
        precondition(result == 0, "pthread_create failed: \(result)")
    }

    /// Waits for the thread to end.
    func join() {
        pthread_join(self.thread, nil)
    }

    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
}
