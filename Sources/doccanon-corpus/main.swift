import ArgumentParser
import CorpusKit
import DocModel
import DoccanonKit
import Foundation

/// The damaged-report corpus generator and accuracy benchmark (issue 6).
@main
struct DoccanonCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doccanon-corpus",
        abstract: "Generate damaged annual reports and measure how well doccanon reads them.",
        subcommands: [Generate.self, Measure.self, Real.self])
}

struct Options: ParsableArguments {
    @Option(help: "How many reports.") var count = 1000
    @Option(help: "Corpus seed (the same seed gives the same corpus everywhere).") var seed: UInt64 = 1
    @Option(help: "Index of the first report (to look at one report of a corpus again).") var start = 0
    @Option(help: "Only reports carrying this damage operator (repeatable).") var damage: [String] = []

    func reports() throws -> [GeneratedReport] {
        let ops = try damage.map { name -> DamageOperator in
            guard let op = DamageOperator(rawValue: name) else {
                throw ValidationError("unknown damage operator \(name); one of: \(DamageOperator.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return op
        }
        return (start..<(start + count)).map { Corpus.report(index: $0, seed: seed, operators: ops.isEmpty ? nil : ops) }
    }
}

extension CorpusFormat: ExpressibleByArgument {}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the reports (every format) and their truth to a directory.")
    @OptionGroup var options: Options
    @Option(help: "Output directory.") var out: String
    @Option(help: "Formats to write.") var format: [CorpusFormat] = CorpusFormat.allCases

    func run() throws {
        let dir = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let reports = try options.reports()
        let pdfs = format.contains(.pdf) ? try PDFRendering.render(reports) : [:]
        for report in reports {
            for f in format {
                guard let bytes = f == .pdf ? pdfs[report.name] : try f.render(report) else { continue }
                try Data(bytes).write(to: dir.appendingPathComponent("\(report.name).\(f.fileExtension)"))
            }
            try Data(TruthWriter.json(report).utf8).write(to: dir.appendingPathComponent("\(report.name).truth.json"))
        }
    }
}

struct Measure: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Convert the reports in-process and print accuracy figures.")
    @OptionGroup var options: Options
    @Option(help: "Formats to measure (pdf: the DOCX renderings laid out by LibreOffice; skipped without it).")
    var format: [CorpusFormat] = CorpusFormat.everyFormat
    @Option(help: "Print the wrong values of the first N documents.") var details = 0
    @Flag(help: "Exit with status 1 when a target of issue 6 is missed.") var check = false

    func run() throws {
        var result = BenchmarkResult()
        let start = Date()
        let reports = try options.reports()
        let pdfs = format.contains(.pdf) ? try PDFRendering.render(reports) : [:]
        for report in reports {
            for f in format {
                result.measure(report, format: f, rendered: f == .pdf ? pdfs[report.name] : nil, convert: Self.convert)
            }
        }
        print(result.summary(details: details))
        print(String(format: "time %.1f s", Date().timeIntervalSince(start)))
        let missed = result.targetsMissed()
        print(missed.isEmpty ? "targets: met" : "targets missed: " + missed.joined(separator: "; "))
        if check, !missed.isEmpty { throw ExitCode(1) }
    }

    static func convert(_ bytes: [UInt8], _ name: String, _ format: SourceInfo.Format) -> ConversionOutcome {
        do {
            return .report(try Pipeline.report(bytes: bytes, name: name, format: format))
        } catch {
            return error.code == .unsupported ? .unsupported : .failed("\(error.code.rawValue): \(error.message)")
        }
    }
}

struct Real: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the real-document regression set (Tests/Fixtures/real) against its hand-typed truths.")
    @Argument(help: "Folder of *.truth files and their documents.") var directory = "Tests/Fixtures/real"
    @Flag(help: "Print every wrong cell and metadata field.") var details = false

    func run() throws {
        let result = try RealSet.run(directory: directory, convert: Self.convert)
        print(result.summary(details: details))
    }

    @Sendable static func convert(_ bytes: [UInt8], _ name: String, _ format: SourceInfo.Format?) -> Result<Report, any Error> {
        Result { try Pipeline.report(bytes: bytes, name: name, format: format) }
    }
}

/// The corpus's PDF column: each report's DOCX rendering laid out by LibreOffice (headless, one
/// process for the whole corpus, in batches). Without `soffice` on the PATH the column is
/// skipped, as for a format without an adapter.
enum PDFRendering {
    static func render(_ reports: [GeneratedReport], batch: Int = 100) throws -> [String: [UInt8]] {
        guard let soffice = executable("soffice") else {
            FileHandle.standardError.write(Data("pdf: soffice not found (libreoffice-writer-nogui): PDF column skipped\n".utf8))
            return [:]
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-corpus-pdf-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var out: [String: [UInt8]] = [:]
        for first in stride(from: 0, to: reports.count, by: batch) {
            let slice = reports[first..<min(reports.count, first + batch)]
            var inputs: [String] = []
            for report in slice {
                let path = work.appendingPathComponent("\(report.name).docx")
                try Data(CorpusFormat.docx.render(report)).write(to: path)
                inputs.append(path.path)
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: soffice)
            process.arguments = ["-env:UserInstallation=file://\(work.path)/profile", "--headless", "--convert-to", "pdf", "--outdir", work.path] + inputs
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            for report in slice {
                let pdf = work.appendingPathComponent("\(report.name).pdf")
                if let data = try? Data(contentsOf: pdf) { out[report.name] = [UInt8](data) }
                try? FileManager.default.removeItem(at: pdf)
                try? FileManager.default.removeItem(at: work.appendingPathComponent("\(report.name).docx"))
            }
        }
        return out
    }

    static func executable(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
