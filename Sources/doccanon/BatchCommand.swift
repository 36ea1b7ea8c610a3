import ArgumentParser
import DoccanonKit
import SystemThreads

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BatchOptions.Kind: ExpressibleByArgument {}
extension BatchOptions.InputMode: ExpressibleByArgument {}

/// `doccanon batch` (spec §6): records on standard input, one JSON line per record on standard
/// output in input order, flushed line by line. Errors are records; the exit status is 0 when
/// every record got its line, 64 on bad flags, 74 when the output (or the input) fails.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert a collection: one JSON line per input record, in input order.",
        discussion: """
            Records, one a line on standard input: a path (--input paths), or a JSON object \
            {"id": …, "path": …} or {"id": …, "name": …, "contentBase64": …} (--input ndjson). \
            Each gets one line {"id", "status": "ok"|"error", "exitCode", "report"|"document"|"error"}. \
            The output is the same whatever --jobs is and whatever other records share the batch.
            """)

    @Option(help: "Convert each record to a report or to the generic document.") var kind: BatchOptions.Kind = .report
    @Option(help: "How standard input gives the records.") var input: BatchOptions.InputMode = .paths
    @Option(help: "Conversions run at once (0: one per core).") var jobs: Int = 0
    @Flag(help: "A report with an error finding gets exitCode 1 (the run still exits 0).") var strict = false
    @Option(help: "Seconds a record may take before its conversion is stopped (input.timeout; 0: no limit).")
    var timeout: Int = 120
    @Flag(help: "Reports carry `sources`: where each value was read and what the source wrote there.") var provenance = false

    func validate() throws {
        if timeout < 0 { throw ValidationError("--timeout must be 0 (no limit) or more seconds") }
        if jobs < 0 { throw ValidationError("--jobs must be 0 (one per core) or more") }
        if jobs > 1024 { throw ValidationError("--jobs must be at most 1024") }
    }

    func run() throws {
        // A closed pipe is an output error (status 74), not a silent death.
        signal(SIGPIPE, SIG_IGN)
        let options = BatchOptions(kind: kind, input: input, strict: strict, provenance: provenance)
        // Each job converts in a worker process (a copy of this executable), so that a crash
        // or hang inside a C library costs one record.
        let isolation = ChildProcess.currentExecutable.map {
            WorkerIsolation(
                executable: $0,
                arguments: ["batch-worker", "--kind", kind.rawValue, "--input", input.rawValue]
                    + (strict ? ["--strict"] : []) + (provenance ? ["--provenance"] : []),
                timeoutSeconds: timeout)
        }
        let engine = BatchEngine(options: options, jobs: jobs, isolation: isolation)
        let meter = FileOutput.isTerminal(FileOutput.standardError) ? ProgressMeter.forStandardInput() : nil
        let outcome = engine.run(
            read: { buffer in Self.readStandardInput(buffer) },
            write: { line in Self.writeStandardOutput(line) },
            progress: meter.map { meter in { meter.update($0) } })
        meter?.finish()
        switch outcome {
        case .completed:
            return
        case .outputFailed(let written):
            CLIOutput.fail("cannot write output after \(written) record\(written == 1 ? "" : "s"): \(FileInput.message(Self.writeError))")
            throw ExitCode(74)
        case .inputFailed(let records):
            CLIOutput.fail("cannot read standard input after \(records) record\(records == 1 ? "" : "s")")
            throw ExitCode(74)
        }
    }

    static func readStandardInput(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            let n = read(STDIN_FILENO, base, buffer.count)
            if n < 0, errno == EINTR { continue }
            return n
        }
    }

    /// The reason the last write to standard output failed.
    nonisolated(unsafe) static var writeError: Int32 = 0

    /// Writes the whole line with `write(2)`: nothing is buffered, so each line is out when
    /// this returns.
    static func writeStandardOutput(_ line: [UInt8]) -> Bool {
        if FileOutput.write(line, to: FileOutput.standardOutput) { return true }
        writeError = errno
        return false
    }
}

/// The worker process of `batch` (not for users): record frames on standard input, output
/// frames on standard output (`WorkerFrame`).
///
/// For the crash-isolation tests only, two environment variables plant a failure: a record line
/// containing the text of `DOCCANON_TEST_CRASH_RECORD` crashes the worker (SIGSEGV), one
/// containing `DOCCANON_TEST_HANG_RECORD` hangs it. No input can do this without them.
struct BatchWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch-worker", shouldDisplay: false)

    @Option var kind: BatchOptions.Kind = .report
    @Option var input: BatchOptions.InputMode = .paths
    @Flag var strict = false
    @Flag var provenance = false

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let crash = getenv("DOCCANON_TEST_CRASH_RECORD").map { Array(String(cString: $0).utf8) }
        let hang = getenv("DOCCANON_TEST_HANG_RECORD").map { Array(String(cString: $0).utf8) }
        WorkerFrame.serve(
            options: BatchOptions(kind: kind, input: input, strict: strict, provenance: provenance),
            read: Self.readExactly,
            write: { FileOutput.write($0, to: FileOutput.standardOutput) },
            before: { line in
                if let crash, !crash.isEmpty, Self.contains(line, crash) {
                    signal(SIGSEGV, SIG_DFL)
                    raise(SIGSEGV)
                }
                if let hang, !hang.isEmpty, Self.contains(line, hang) { while true { pause() } }
            })
    }

    static func readExactly(_ count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let n = out.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress! + offset, count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            offset += n
        }
        return out
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
