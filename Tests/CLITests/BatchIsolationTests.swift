import SystemThreads
import DoccanonKit
import Foundation
import TestSupport
import Testing

/// `batch` converts in worker processes: a record that crashes its worker (a trap or signal
/// inside a C library) or hangs costs that record only. The failure is planted through the
/// worker's test-only environment variables (BatchWorkerCommand), which no input can reach.
@Suite struct BatchIsolationTests {
    static let records = [
        "Samples/pdf/seed001_numbered.pdf", "Samples/text/001_7097c5c10f7e9ea9.txt", "Samples/pdf/seed004_wordlike.pdf",
        "Samples/docx/seed001_numbered.docx", "Samples/pdf/011_word_export_gbk.pdf", "Samples/html/010_trs_portal_utf8.html",
    ]
    static var input: Data { Data((records.joined(separator: "\n") + "\n").utf8) }

    static func run(_ extra: [String], environment: [String: String]) throws -> [String] {
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        let result = try Binary.run(["batch"] + extra, environment: env, stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        return BatchTests.lines(result.stdout)
    }

    @Test(arguments: [1, 3])
    func aCrashingRecordCostsOnlyItsLine(jobs: Int) throws {
        let clean = try Self.run(["--jobs", "\(jobs)"], environment: [:])
        let crashed = try Self.run(["--jobs", "\(jobs)"], environment: ["DOCCANON_TEST_CRASH_RECORD": "seed004_wordlike.pdf"])
        #expect(clean.count == Self.records.count && crashed.count == Self.records.count)
        for (i, (a, b)) in zip(clean, crashed).enumerated() where i != 2 {
            #expect(a == b, "record \(i) changed when another record crashed")
        }
        #expect(clean[2].contains("\"status\":\"ok\""))
        #expect(crashed[2].contains("\"code\":\"internal.crashed\""))
        #expect(crashed[2].contains("\"id\":\"Samples/pdf/seed004_wordlike.pdf\""))
        #expect(crashed[2].contains("signal 11"))
    }

    @Test func aHangingRecordTimesOut() throws {
        let start = Date()
        let lines = try Self.run(["--jobs", "2", "--timeout", "2"], environment: ["DOCCANON_TEST_HANG_RECORD": "011_word_export_gbk.pdf"])
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(lines.count == Self.records.count)
        #expect(lines[4].contains("\"code\":\"input.timeout\""))
        #expect(lines.enumerated().filter { $0.offset != 4 }.allSatisfy { $0.element.contains("\"status\":\"ok\"") })
    }

    /// Without the planted failure the worker processes give exactly the in-process bytes.
    @Test func workersGiveTheInProcessBytes() throws {
        let lines = try Self.run(["--jobs", "2"], environment: [:])
        let inProcess = Self.records.map { path in
            String(decoding: BatchConverter.convert(line: Array(path.utf8)[...], options: BatchOptions()).dropLast(), as: UTF8.self)
        }
        #expect(lines == inProcess)
    }
}

/// A worker process ends when its input closes, and `finish` waits for it: the batch leaves no
/// worker behind, and their CPU time is counted in the batch's own.
@Suite struct WorkerFinishTests {
    @Test func aWorkerExitsCleanlyWhenItsInputCloses() throws {
        let worker = try #require(ChildProcess.spawn(Binary.url.path, ["batch-worker", "--kind", "report", "--input", "paths"]))
        let record = Array(TestPaths.root.appendingPathComponent("Samples/text/001_7097c5c10f7e9ea9.txt").path.utf8)
        #expect(worker.send(WorkerFrame.header(record.count) + record))
        guard case .data(let head) = worker.receive(9, deadline: nil) else {
            Issue.record("no output frame")
            return
        }
        guard case .data(let line) = worker.receive(WorkerFrame.length(Array(head[0..<8])), deadline: nil) else {
            Issue.record("no output line")
            return
        }
        #expect(String(decoding: line, as: UTF8.self).contains("\"status\":\"ok\""))
        #expect(worker.finish() == .exited(0))
        #expect(kill(worker.pid, 0) == -1 && errno == ESRCH)  // reaped: the pid is gone
    }
}
