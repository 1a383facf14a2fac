import Glibc

/// The hand-over of batches between the reader and the workers, under one lock.
///
/// A fixed pool of batches bounds the memory in flight. The reader fills free batches with the lines of a
/// stream and queues them; a plain file it queues whole, as its chunks, and the workers claim the chunks
/// themselves, each into a free batch it reads the chunk into (``LineBatch/chunk``). Either way a worker takes
/// the oldest queued work, numbers the batch in input order and completes it. The completed batches are
/// applied to the ordered stage strictly in that order, by the workers themselves, one at a time: the worker
/// that completes the next batch to apply becomes the applier, applies it and every completed batch after it,
/// giving each back to the pool, then goes back to work. On a plain file no batch thus waits for another
/// thread to be scheduled (a woken thread can wait milliseconds for a busy core). ``cancel()`` wakes and
/// stops everyone.
final class BatchExchange: @unchecked Sendable {
    /// Queued work: a filled batch, or the chunks of a file not yet claimed (from `next` on).
    private enum Work {
        case batch(LineBatch)
        case chunks(ChunkedFile, next: Int)
    }

    // Every stored property below is read and written under `mutex` only.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// One condition per kind of waiter, so that a change wakes only the threads that wait for it: the reader
    /// waits for a free batch, the workers for work (a queued batch, or a free batch for a queued chunk).
    private let freed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let workOrDone = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var free: [LineBatch]
    private var queued: [Work] = []
    private var queuedHead = 0
    /// Completed batches by sequence number modulo the pool size.
    private var completed: [LineBatch?]
    /// Batches numbered so far (taken by a worker).
    private var taken = 0
    private var applied = 0
    /// Files whose chunks are queued, not all claimed yet.
    private var queuedChunkFiles = 0
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
        for condition in [self.freed, self.workOrDone] { pthread_cond_init(condition, nil) }
    }

    deinit {
        for condition in [self.freed, self.workOrDone] {
            pthread_cond_destroy(condition)
            condition.deallocate()
        }
        pthread_mutex_destroy(self.mutex)
        self.mutex.deallocate()
    }

    /// Reader: an empty batch, waiting for one; `nil` once cancelled. It waits too while a file's chunks are
    /// queued: batches filled behind them would wait in the queue, holding batches the workers need to read
    /// the chunks.
    func takeFree() -> LineBatch? {
        self.locked {
            while (self.free.isEmpty || self.queuedChunkFiles > 0) && !self.cancelled {
                pthread_cond_wait(self.freed, self.mutex)
            }
            return self.cancelled ? nil : self.free.removeLast()
        }
    }

    /// Reader: queues a filled batch for the workers; `false` once cancelled.
    func submit(_ batch: LineBatch) -> Bool {
        self.locked { self.enqueue(.batch(batch)) }
    }

    /// Reader: queues the chunks of `file` for the workers to claim; `false` once cancelled.
    func submit(chunksOf file: ChunkedFile) -> Bool {
        self.locked {
            guard self.enqueue(.chunks(file, next: 0)) else { return false }
            self.queuedChunkFiles += 1
            return true
        }
    }

    /// Reader: no more work will come.
    func finishReading() {
        self.locked {
            self.readingDone = true
            pthread_cond_broadcast(self.workOrDone)
        }
    }

    /// Worker: the batch of the oldest queued work, numbered in input order, waiting for work; `nil` when
    /// reading is done and the queue is empty, or once cancelled. A chunk's batch comes empty, with its
    /// ``LineBatch/chunk`` to read.
    func takeQueued() -> LineBatch? {
        self.locked {
            while !self.cancelled {
                guard self.queuedHead < self.queued.count else {
                    if self.readingDone { return nil }
                    pthread_cond_wait(self.workOrDone, self.mutex)
                    continue
                }
                let batch: LineBatch
                switch self.queued[self.queuedHead] {
                case .batch(let filled):
                    batch = filled
                    self.dequeue()
                case .chunks(let file, let next):
                    guard let empty = self.free.popLast() else {
                        pthread_cond_wait(self.workOrDone, self.mutex)
                        continue
                    }
                    batch = empty
                    batch.assign(chunk: next, of: file)
                    if batch.endsInput {
                        self.dequeue()
                        self.queuedChunkFiles -= 1
                        // The reader may go on (``takeFree()``).
                        pthread_cond_signal(self.freed)
                    } else {
                        self.queued[self.queuedHead] = .chunks(file, next: next + 1)
                    }
                }
                batch.sequence = self.taken
                self.taken += 1
                return batch
            }
            return nil
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
            // A worker may be waiting for it to read a chunk into; otherwise the reader.
            pthread_cond_signal(self.queuedChunkFiles > 0 ? self.workOrDone : self.freed)
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
            for condition in [self.freed, self.workOrDone] { pthread_cond_broadcast(condition) }
        }
    }

    /// Queues `work` and wakes the workers; `false` once cancelled. Called under the lock.
    private func enqueue(_ work: Work) -> Bool {
        guard !self.cancelled else { return false }
        self.queued.append(work)
        // A file's chunks are work for every worker.
        if case .chunks = work { pthread_cond_broadcast(self.workOrDone) } else { pthread_cond_signal(self.workOrDone) }
        return true
    }

    /// Removes the oldest queued work. Called under the lock.
    private func dequeue() {
        self.queuedHead += 1
        if self.queuedHead == self.queued.count {
            self.queued.removeAll(keepingCapacity: true)
            self.queuedHead = 0
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(self.mutex)
        defer { pthread_mutex_unlock(self.mutex) }
        return body()
    }
}
