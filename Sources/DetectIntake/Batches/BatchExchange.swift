import Glibc

/// The hand-over of batches between the reader, the workers and the ordered stage, under one lock.
///
/// A fixed pool of batches bounds the memory in flight: the reader waits for a free batch, fills it and
/// queues it; a worker takes the oldest queued batch and completes it; the ordered stage takes the completed
/// batches strictly in the order they were queued and gives each back to the pool. ``cancel()`` wakes and
/// stops everyone.
final class BatchExchange: @unchecked Sendable {
    // Every stored property below is read and written under `mutex` only.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// One condition per kind of waiter, so that a change wakes only the threads that wait for it.
    private let freed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let queuedOrDone = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let completedOrDone = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var free: [LineBatch]
    private var queued: [LineBatch] = []
    private var queuedHead = 0
    /// Completed batches by sequence number modulo the pool size.
    private var completed: [LineBatch?]
    private var submitted = 0
    private var applied = 0
    private var readingDone = false
    private var cancelled = false

    /// An exchange with `count` batches of `capacity` bytes of text each.
    init(batches count: Int, capacity: Int) {
        precondition(count > 0)
        self.free = (0..<count).map { _ in LineBatch(capacity: capacity) }
        self.completed = Array(repeating: nil, count: count)
        pthread_mutex_init(self.mutex, nil)
        for condition in [self.freed, self.queuedOrDone, self.completedOrDone] { pthread_cond_init(condition, nil) }
    }

    deinit {
        for condition in [self.freed, self.queuedOrDone, self.completedOrDone] {
            pthread_cond_destroy(condition)
            condition.deallocate()
        }
        pthread_mutex_destroy(self.mutex)
        self.mutex.deallocate()
    }

    /// Reader: an empty batch, waiting for one; `nil` once cancelled.
    func takeFree() -> LineBatch? {
        self.locked {
            while self.free.isEmpty && !self.cancelled { pthread_cond_wait(self.freed, self.mutex) }
            return self.cancelled ? nil : self.free.removeLast()
        }
    }

    /// Reader: queues a filled batch for the workers; `false` once cancelled.
    func submit(_ batch: LineBatch) -> Bool {
        self.locked {
            guard !self.cancelled else { return false }
            batch.sequence = self.submitted
            self.submitted += 1
            self.queued.append(batch)
            pthread_cond_signal(self.queuedOrDone)
            return true
        }
    }

    /// Reader: no more batches will come.
    func finishReading() {
        self.locked {
            self.readingDone = true
            pthread_cond_broadcast(self.queuedOrDone)
            pthread_cond_broadcast(self.completedOrDone)
        }
    }

    /// Worker: the oldest queued batch, waiting for one; `nil` when reading is done and the queue is empty, or
    /// once cancelled.
    func takeQueued() -> LineBatch? {
        self.locked {
            while self.queuedHead == self.queued.count && !self.readingDone && !self.cancelled {
                pthread_cond_wait(self.queuedOrDone, self.mutex)
            }
            guard !self.cancelled, self.queuedHead < self.queued.count else { return nil }
            let batch = self.queued[self.queuedHead]
            self.queuedHead += 1
            if self.queuedHead == self.queued.count {
                self.queued.removeAll(keepingCapacity: true)
                self.queuedHead = 0
            }
            return batch
        }
    }

    /// Worker: `batch` has been processed.
    func complete(_ batch: LineBatch) {
        self.locked {
            self.completed[batch.sequence % self.completed.count] = batch
            pthread_cond_signal(self.completedOrDone)
        }
    }

    /// Ordered stage: the next completed batch in input order, waiting for it; `nil` when every batch has
    /// been applied and reading is done, or once cancelled.
    func takeNextCompleted() -> LineBatch? {
        self.locked {
            let slot = self.applied % self.completed.count
            while !self.cancelled && self.completed[slot] == nil && !(self.readingDone && self.applied == self.submitted) {
                pthread_cond_wait(self.completedOrDone, self.mutex)
            }
            guard !self.cancelled, let batch = self.completed[slot] else { return nil }
            self.completed[slot] = nil
            self.applied += 1
            return batch
        }
    }

    /// Ordered stage: `batch` has been applied; it goes back to the pool, emptied.
    func recycle(_ batch: LineBatch) {
        batch.reset()
        self.locked {
            self.free.append(batch)
            pthread_cond_signal(self.freed)
        }
    }

    /// Stops everyone: waits end and the calls above return `nil` or `false`.
    func cancel() {
        self.locked {
            self.cancelled = true
            for condition in [self.freed, self.queuedOrDone, self.completedOrDone] { pthread_cond_broadcast(condition) }
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(self.mutex)
        defer { pthread_mutex_unlock(self.mutex) }
        return body()
    }
}
