#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemThreads

/// The progress line on a terminal's standard error: done/total, rate, errors; redrawn at most
/// five times a second and ended with a line break.
public final class ProgressMeter: @unchecked Sendable {
    private let monitor = Monitor()
    /// Set once by the counting thread, under `monitor`.
    private var expected: Int?
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private var last: BatchEngine.Progress?
    private var label = "doccanon batch"

    /// A meter whose total is the number of records on standard input when that is a regular
    /// file, counted on another thread (a large input takes a while): the total appears when
    /// it is known.
    public static func forStandardInput() -> ProgressMeter {
        let meter = ProgressMeter()
        SystemThreads.start { meter.expect(countStandardInput()) }
        return meter
    }

    /// The number of records when standard input is a regular file (read with `pread`, so the
    /// position is unchanged); nil for a pipe.
    static func countStandardInput() -> Int? {
        var info = stat()
        guard fstat(STDIN_FILENO, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let start = lseek(STDIN_FILENO, 0, SEEK_CUR)
        guard start >= 0 else { return nil }
        nonisolated(unsafe) var offset = start
        return LineSplitter.countRecords { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            let n = pread(STDIN_FILENO, base, buffer.count, offset)
            if n > 0 { offset += off_t(n) }
            return n
        }
    }

    init() {
        start = clock.now
        lastDraw = start
    }

    /// A meter for another command (`doccanon check`): "label: done, rate, errors".
    public convenience init(label: String) {
        self.init()
        self.label = label
    }

    public func update(done: Int, errors: Int) {
        update(BatchEngine.Progress(done: done, total: nil, errors: errors))
    }

    func expect(_ total: Int?) {
        monitor.lock()
        expected = total
        monitor.unlock()
    }

    public func update(_ progress: BatchEngine.Progress) {
        last = progress
        let now = clock.now
        if now - lastDraw >= .milliseconds(200) {
            lastDraw = now
            draw(progress, at: now)
        }
    }

    public func finish() {
        guard let last else { return }
        draw(last, at: clock.now)
        _ = FileOutput.write("\n", to: FileOutput.standardError)
    }

    private func draw(_ p: BatchEngine.Progress, at now: ContinuousClock.Instant) {
        let elapsed = now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = seconds > 0 ? Double(p.done) / seconds : 0
        monitor.lock()
        let known = p.total ?? expected
        monitor.unlock()
        let total = known.map { "/\($0)" } ?? ""
        let text = "\r\u{1B}[K\(label): \(p.done)\(total) done, \(Int(rate.rounded())) docs/s, \(p.errors) error\(p.errors == 1 ? "" : "s")"
        _ = FileOutput.write(text, to: FileOutput.standardError)
    }
}
