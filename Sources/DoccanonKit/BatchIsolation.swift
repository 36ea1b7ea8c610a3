import DocModel
import SystemThreads

/// Conversions in worker processes (`doccanon batch-worker`), so that a crash (a trap or a
/// signal) or a hang inside a C library (poppler, libxml2, libzip) costs one record, not the
/// run: that record gets an `internal.crashed` or `input.timeout` error line, the worker is
/// started again, and every other record gets the very bytes an in-process conversion gives
/// (the worker runs the same `BatchConverter`).
public struct WorkerIsolation: Sendable, Equatable {
    /// The doccanon executable and the arguments that make it a worker.
    public var executable: String
    public var arguments: [String]
    /// Longest a record may take, in seconds (0: no limit).
    public var timeoutSeconds: Int

    public init(executable: String, arguments: [String], timeoutSeconds: Int) {
        self.executable = executable
        self.arguments = arguments
        self.timeoutSeconds = timeoutSeconds
    }
}

/// The frames between `batch` and its workers: a record line as an 8-byte little-endian
/// length and its bytes; an output line as its length, one byte (1 for an error record) and
/// its bytes.
public enum WorkerFrame {
    public static func header(_ count: Int) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: UInt64(count) >> (8 * UInt64($0))) }
    }

    public static func length(_ header: [UInt8]) -> Int {
        Int(truncatingIfNeeded: header.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
    }

    /// Serves records until its input ends: reads a record frame with `read` (exactly n bytes,
    /// nil at the end), converts it, writes the output frame. `before` sees each record line
    /// first (the test harness's planted crash and hang, see BatchWorkerCommand).
    public static func serve(
        options: BatchOptions, read: (Int) -> [UInt8]?, write: ([UInt8]) -> Bool, before: ([UInt8]) -> Void = { _ in }
    ) {
        while let head = read(8) {
            let count = length(head)
            guard count >= 0, count <= options.maxLineBytes, let line = count == 0 ? [] : read(count) else { return }
            before(line)
            let result = BatchConverter.convertWithStatus(line: line[...], options: options)
            guard write(header(result.bytes.count) + [result.isError ? 1 : 0] + result.bytes) else { return }
        }
    }
}

/// One batch thread's worker process, started on first use and again after a crash or timeout.
final class IsolatedConverter {
    let isolation: WorkerIsolation
    let options: BatchOptions
    private var child: ChildProcess?

    init(isolation: WorkerIsolation, options: BatchOptions) {
        self.isolation = isolation
        self.options = options
    }

    func output(for line: LineSplitter.Line) -> (bytes: [UInt8], isError: Bool) {
        guard case .record(let record) = line else { return BatchConverter.output(for: line, options: options) }
        // Swift's crash backtracer would hold a crashed worker up to 30 s, writing to /dev/null.
        if child == nil { child = ChildProcess.spawn(isolation.executable, isolation.arguments, environment: ["SWIFT_BACKTRACE=enable=no"]) }
        // No worker process could start: convert here, unisolated, rather than not at all.
        guard let worker = child else { return BatchConverter.output(for: line, options: options) }
        let deadline = isolation.timeoutSeconds > 0 ? ChildProcess.now() + UInt64(isolation.timeoutSeconds) * 1_000_000_000 : nil
        var timedOut = false
        if worker.send(WorkerFrame.header(record.count) + record) {
            switch worker.receive(9, deadline: deadline) {
            case .data(let head):
                switch worker.receive(WorkerFrame.length(Array(head[0..<8])), deadline: deadline) {
                case .data(let bytes): return (bytes, head[8] == 1)
                case .timedOut: timedOut = true
                case .closed: break
                }
            case .timedOut: timedOut = true
            case .closed: break
            }
        }
        return failed(record, worker: worker, timedOut: timedOut)
    }

    /// Ends the worker process, after the last record (or killed, when the batch was cancelled
    /// and it may still be converting): it is reaped before the batch returns.
    func finish(kill: Bool = false) {
        if kill { child?.stop() } else { child?.finish() }
        child = nil
    }

    /// The error line of a record whose worker crashed or ran out of time; the worker is gone.
    private func failed(_ record: [UInt8], worker: ChildProcess, timedOut: Bool) -> (bytes: [UInt8], isError: Bool) {
        child = nil
        let exit = timedOut ? worker.stop() : worker.reap()
        let (id, name) = Self.describe(record, mode: options.input)
        let failure: BatchFailure
        if timedOut {
            failure = BatchFailure(
                id: id, .timeout, "\(name): conversion stopped after \(isolation.timeoutSeconds) s (limit --timeout)")
        } else {
            let how: String
            switch exit {
            case .signalled(let signal): how = "was killed by signal \(signal)"
            case .exited(let status): how = "exited with status \(status)"
            }
            failure = BatchFailure(id: id, .crashed, "\(name): the conversion crashed (worker process \(how)); record skipped")
        }
        return (BatchConverter.render(failure), true)
    }

    /// The id and name of a record line, for its error line.
    static func describe(_ line: [UInt8], mode: BatchOptions.InputMode) -> (CanonicalValue, String) {
        switch BatchRecord.parse(line[...], mode: mode) {
        case .failure(let failure): return (failure.id, "record")
        case .success(let record):
            switch record.content {
            case .path(let path, _): return (record.id, path)
            case .bytes(let name, _): return (record.id, name)
            }
        }
    }
}
