import Glibc

/// The hand-over of batches between the reader and the workers, under one lock.
///
/// A fixed pool of batches bounds the memory in flight: the reader waits for a free batch, fills it and
/// queues it; a worker takes the oldest queued batch and completes it. The completed batches are applied to
/// the ordered stage strictly in the order they were queued, by the workers themselves, one at a time: the
/// worker that completes the next batch to apply becomes the applier, applies it and every completed batch
/// after it, giving each back to the pool, then goes back to work. No batch thus waits for a thread of its
/// own to be scheduled (a woken thread can wait milliseconds for a busy core). ``cancel()`` wakes and stops
/// everyone.
final class BatchExchange: @unchecked Sendable {
    // Every stored property below is read and written under `mutex` only.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// One condition per kind of waiter, so that a change wakes only the threads that wait for it.
    private let freed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let queuedOrDone = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var free: [LineBatch]
    private var queued: [LineBatch] = []
    private var queuedHead = 0
    /// Completed batches by sequence number modulo the pool size.
    private var completed: [LineBatch?]
    private var submitted = 0
    private var applied = 0
    /// Whether a worker is applying batches.
    private var applying = false
    private var readingDone = false
    private var cancelled = false

    /// An exchange with `count` batches of `capacity` bytes of text each.
    init(batches count: Int, capacity: Int) {
        precondition(count > 0)
        self.free = (0..<count).map { _ in LineBatch(capacity: capacity) }
        self.completed = Array(repeating: nil, count: count)
        pthread_mutex_init(self.mutex, nil)
        for condition in [self.freed, self.queuedOrDone] { pthread_cond_init(condition, nil) }
    }

    deinit {
        for condition in [self.freed, self.queuedOrDone] {
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

    /// Worker: `batch` has been processed. Returns the batch the caller must apply next, when the caller
    /// becomes the applier (no worker is applying and the next batch in input order is completed); the
    /// caller then applies it and calls ``applied(_:)``.
    func complete(_ batch: LineBatch) -> LineBatch? {
        self.locked {
            self.completed[batch.sequence % self.completed.count] = batch
            guard !self.applying else { return nil }
            self.applying = true
            return self.takeNextToApply()
        }
    }

    /// Applier: `batch` has been applied; it goes back to the pool, emptied. Returns the next batch to apply,
    /// if it is completed already; otherwise the caller stops being the applier.
    func applied(_ batch: LineBatch) -> LineBatch? {
        batch.reset()
        return self.locked {
            self.free.append(batch)
            pthread_cond_signal(self.freed)
            self.applied += 1
            return self.takeNextToApply()
        }
    }

    /// The next batch in input order if it is completed (and not cancelled); ends the applier's turn if not.
    /// Called under the lock by the applier.
    private func takeNextToApply() -> LineBatch? {
        let slot = self.applied % self.completed.count
        guard !self.cancelled, let batch = self.completed[slot] else {
            self.applying = false
            return nil
        }
        self.completed[slot] = nil
        return batch
    }

    /// Stops everyone: waits end and the calls above return `nil` or `false`.
    func cancel() {
        self.locked {
            self.cancelled = true
            for condition in [self.freed, self.queuedOrDone] { pthread_cond_broadcast(condition) }
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(self.mutex)
        defer { pthread_mutex_unlock(self.mutex) }
        return body()
    }
}
