import SystemThreads

/// Runs a batch over a bounded window of records: one reader thread splits the input into
/// lines, `jobs` worker threads convert them, and the calling thread writes the output lines in
/// input order as soon as each is ready. At most `window` records are in memory at once
/// (read, converting, or converted and waiting for an earlier one), so memory is bounded by
/// the number of jobs, not by the size of the collection.
public final class BatchEngine: @unchecked Sendable {
    public struct Progress: Sendable {
        public var done: Int
        /// Known once the whole input has been read (or given up front).
        public var total: Int?
        public var errors: Int
    }

    public enum Outcome: Sendable, Equatable {
        /// Every record got its line.
        case completed(records: Int, errors: Int)
        /// Writing failed: the records before `written` got their lines.
        case outputFailed(written: Int)
        /// Reading the input failed after `records` records; each of those got its line.
        case inputFailed(records: Int)
    }

    public let options: BatchOptions
    public let jobs: Int
    public let window: Int
    /// Worker processes to convert in (nil: convert on this process's threads).
    public let isolation: WorkerIsolation?

    // State shared by the threads, guarded by `condition`.
    private let condition = Monitor()
    private var pending: [(index: Int, line: LineSplitter.Line)] = []
    private var pendingHead = 0
    private var results: [Int: (bytes: [UInt8], isError: Bool)] = [:]
    private var readCount = 0
    private var written = 0
    private var readerDone = false
    private var readerFailed = false
    private var cancelled = false
    private var workersLeft = 0
    /// Set when records are converted on the writing thread (no worker could start).
    private var inline = false

    /// `jobs` 0 means one per core; with `isolation`, each job converts in its own worker process.
    public init(options: BatchOptions, jobs: Int, isolation: WorkerIsolation? = nil) {
        self.options = options
        self.isolation = isolation
        self.jobs = jobs > 0 ? jobs : SystemThreads.processorCount
        self.window = 4 * self.jobs
    }

    /// - Parameters:
    ///   - read: fills a buffer with input bytes (count, 0 at the end, -1 on error).
    ///   - write: writes one whole output line; false when it could not.
    ///   - progress: called after each line is written, on the calling thread.
    public func run(
        read: @escaping LineSplitter.Read, write: ([UInt8]) -> Bool, progress: ((Progress) -> Void)? = nil
    ) -> Outcome {
        let maxLine = options.maxLineBytes
        guard SystemThreads.start({ [self] in readLoop(read, maxLine: maxLine) }) else { return .inputFailed(records: 0) }
        // Workers the system refuses are done without; with none at all, the calling thread
        // converts (in order, so writing never waits on another thread).
        var started = 0
        condition.lock()
        workersLeft = jobs
        condition.unlock()
        for _ in 0..<jobs {
            if SystemThreads.start({ [self] in workLoop() }) {
                started += 1
            } else {
                condition.lock()
                workersLeft -= 1
                condition.unlock()
            }
        }
        if started == 0 { inline = true }

        var errors = 0
        condition.lock()
        while true {
            if inline { convertNextInline() }
            while results[written] == nil, !(readerDone && written == readCount) { condition.wait() }
            guard let result = results.removeValue(forKey: written) else { break }
            condition.unlock()
            guard write(result.bytes) else {
                condition.lock()
                cancelled = true
                condition.broadcast()
                let done = written
                condition.unlock()
                return .outputFailed(written: done)
            }
            if result.isError { errors += 1 }
            condition.lock()
            written += 1
            condition.broadcast()
            if let progress {
                let snapshot = Progress(done: written, total: readerDone ? readCount : nil, errors: errors)
                condition.unlock()
                progress(snapshot)
                condition.lock()
            }
        }
        // Let the workers leave before returning (they find nothing more to do), each after
        // ending its worker process.
        while workersLeft > 0 { condition.wait() }
        if inline {
            condition.unlock()
            inlineConverter?.finish()
            condition.lock()
        }
        let failed = readerFailed, count = readCount
        condition.unlock()
        return failed ? .inputFailed(records: count) : .completed(records: count, errors: errors)
    }

    private func readLoop(_ read: LineSplitter.Read, maxLine: Int) {
        var splitter = LineSplitter(maxLine: maxLine)
        while let line = splitter.next(read) {
            condition.lock()
            while readCount - written >= window, !cancelled { condition.wait() }
            if cancelled {
                condition.unlock()
                return
            }
            pending.append((readCount, line))
            readCount += 1
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        readerDone = true
        readerFailed = splitter.failed
        condition.broadcast()
        condition.unlock()
    }

    /// With the lock held: the next record to convert, its line released from the queue.
    private func takeNext() -> (index: Int, line: LineSplitter.Line)? {
        guard pendingHead < pending.count else { return nil }
        let next = pending[pendingHead]
        pending[pendingHead].line = .record([])
        pendingHead += 1
        if pendingHead > 64, pendingHead * 2 > pending.count {
            pending.removeFirst(pendingHead)
            pendingHead = 0
        }
        return next
    }

    /// With the lock held: waits for the next record and converts it, unlocked, on this thread.
    private lazy var inlineConverter = isolation.map { IsolatedConverter(isolation: $0, options: options) }

    private func convertNextInline() {
        while pendingHead == pending.count, !readerDone { condition.wait() }
        guard let (index, line) = takeNext() else { return }
        condition.unlock()
        let result = inlineConverter?.output(for: line) ?? BatchConverter.output(for: line, options: options)
        condition.lock()
        results[index] = result
    }

    private func workLoop() {
        let converter = isolation.map { IsolatedConverter(isolation: $0, options: options) }
        condition.lock()
        while true {
            while pendingHead == pending.count, !readerDone, !cancelled { condition.wait() }
            if cancelled { break }
            guard let (index, line) = takeNext() else { break }
            condition.unlock()
            let result = converter?.output(for: line) ?? BatchConverter.output(for: line, options: options)
            condition.lock()
            results[index] = result
            condition.broadcast()
        }
        let kill = cancelled
        condition.unlock()
        converter?.finish(kill: kill)
        condition.lock()
        workersLeft -= 1
        condition.broadcast()
        condition.unlock()
    }
}

extension BatchConverter {
    /// The output line of a split input line, and whether it is an error record.
    static func output(for line: LineSplitter.Line, options: BatchOptions) -> (bytes: [UInt8], isError: Bool) {
        switch line {
        case .oversized(let length):
            return (oversizedLine(length: length, options: options), true)
        case .record(let bytes):
            return convertWithStatus(line: bytes[...], options: options)
        }
    }
}
