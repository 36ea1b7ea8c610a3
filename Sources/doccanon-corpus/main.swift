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
        subcommands: [Generate.self, Measure.self, Real.self, SeriesCommand.self, ScoreCheck.self])
}

struct Options: ParsableArguments {
    @Option(help: "How many reports.") var count = 1000
    @Option(help: "Corpus seed (the same seed gives the same corpus everywhere).") var seed: UInt64 = 1
    @Option(help: "Index of the first report (to look at one report of a corpus again).") var start = 0
    @Option(help: "Only reports carrying this damage operator (repeatable).") var damage: [String] = []
    @Option(help: "Render text in this shape (default: drawn per report from the mix).") var textShape: TextShape?

    func reports() throws -> [GeneratedReport] {
        let ops = try damage.map { name -> DamageOperator in
            guard let op = DamageOperator(rawValue: name) else {
                throw ValidationError("unknown damage operator \(name); one of: \(DamageOperator.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return op
        }
        return (start..<(start + count)).map { Corpus.report(index: $0, seed: seed, operators: ops.isEmpty ? nil : ops, textShape: textShape) }
    }
}

extension CorpusFormat: ExpressibleByArgument {}
extension TextShape: ExpressibleByArgument {}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the reports (every format) and their truth to a directory.")
    @OptionGroup var options: Options
    @Option(help: "Output directory.") var out: String
    @Option(help: "Formats to write.") var format: [CorpusFormat] = CorpusFormat.allCases
    @Option(help: "Folder of PDF renderings kept by content hash.") var pdfCache = "bench-out/pdf-cache"

    func run() throws {
        let dir = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let reports = try options.reports()
        let pdfs = format.contains(.pdf) ? try PDFRendering(cache: pdfCache).render(reports) : [:]
        for report in reports {
            for f in format {
                guard let bytes = f == .pdf ? pdfs[report.name]?.bytes : try f.render(report) else { continue }
                try Data(bytes).write(to: dir.appendingPathComponent("\(report.name).\(f.fileExtension)"))
            }
            try Data(TruthWriter.json(report).utf8).write(to: dir.appendingPathComponent("\(report.name).truth.json"))
        }
    }
}

struct Measure: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Convert the reports in-process and print accuracy figures.")
    @OptionGroup var options: Options
    @Option(help: "Formats to measure (pdf: DOCX and HTML renderings laid out by LibreOffice; skipped without it).")
    var format: [CorpusFormat] = CorpusFormat.everyFormat
    @Option(help: "Folder of PDF renderings kept by content hash.") var pdfCache = "bench-out/pdf-cache"
    @Option(help: "Print the wrong values of the first N documents.") var details = 0
    @Flag(help: "Exit with status 1 when a target of issue 6 is missed.") var check = false

    func run() throws {
        var result = BenchmarkResult()
        let start = Date()
        let reports = try options.reports()
        let pdfs = format.contains(.pdf) ? try PDFRendering(cache: pdfCache).render(reports) : [:]
        for report in reports {
            for f in format {
                let pdf = f == .pdf ? pdfs[report.name] : nil
                result.measure(report, format: f, rendered: pdf?.bytes, renderer: pdf.map { "pdf/\($0.style.rawValue)" }, convert: Self.convert)
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

/// `doccanon-corpus series`: agencies' reports for consecutive years (issue 15), with planted
/// carry-over breaks and prose mismatches, and the truth of what was planted.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series", abstract: "Write agencies' reports for consecutive years and the truth of what was planted.")

    @Option(help: "How many agencies.") var agencies = 20
    @Option(help: "First year.") var from = 2019
    @Option(help: "Last year.") var to = 2023
    @Option(help: "Seed.") var seed: UInt64 = 1
    @Option(help: "Chance that a year breaks the carry-over.") var breakChance = 0.15
    @Option(help: "Chance that a report's prose states a wrong number.") var proseChance = 0.3
    @Flag(help: "Plant nothing (a clean collection).") var clean = false
    @Option(help: "Formats, used in turn.") var format: [CorpusFormat] = [.text]
    @Option(help: "Folder for the reports.") var out: String
    @Option(help: "File for the truth (JSON).") var truth: String

    func validate() throws {
        if from > to { throw ValidationError("--from must not be after --to") }
        if agencies < 1 { throw ValidationError("--agencies must be at least 1") }
    }

    func run() throws {
        let options = SeriesOptions(
            agencies: agencies, years: from...to, seed: seed, planted: !clean, breakChance: breakChance, proseChance: proseChance,
            formats: format)
        let dir = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var all = SeriesTruth()
        for a in 0..<agencies {
            let (reports, t) = Series.agency(a, options: options)
            all.append(t)
            for r in reports { try Data(r.format.render(r.generated)).write(to: dir.appendingPathComponent(r.fileName)) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(all).write(to: URL(fileURLWithPath: truth))
    }
}

/// `doccanon-corpus score-check`: precision and recall per rule of a `doccanon check` output
/// against a series' truth.
struct ScoreCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score-check", abstract: "Score `doccanon check` output against a series' truth (precision and recall per rule).")

    @Option(help: "The series' truth (from `series --truth`).") var truth: String
    @Option(help: "The output of `doccanon check` (JSON).") var result: String
    @Flag(help: "Exit 1 when an acceptance target of issue 15 is missed.") var check = false

    func run() throws {
        let t = try JSONDecoder().decode(SeriesTruth.self, from: Data(contentsOf: URL(fileURLWithPath: truth)))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: result))) as? [String: Any] ?? [:]
        let findings = (object["findings"] as? [[String: Any]] ?? []).map(Self.finding)
        let scores = SeriesScoring.score(findings, truth: t)
        print("rule                          TP    FP    FN   precision  recall")
        for s in scores {
            let line = s.rule.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: "%6d%6d%6d   %7.2f%%  %6.2f%%", s.truePositives, s.falsePositives, s.falseNegatives, 100 * s.precision, 100 * s.recall)
            print(line)
        }
        let reports = (object["reports"] as? [Any])?.count ?? 0
        print("\(reports) reports; planted: \(t.carryOverBreaks.count) carry-over breaks, \(t.proseMismatches.count) prose mismatches among \(t.proseStatements) prose statements")
        guard check else { return }
        let byRule = Dictionary(uniqueKeysWithValues: scores.map { ($0.rule, $0) })
        let carry = byRule["crossYear.carryOver"], prose = byRule["prose.mismatch"]
        let ok = carry?.precision == 1 && carry?.recall == 1 && (prose?.precision ?? 0) >= 0.98 && (prose?.recall ?? 0) >= 0.9
        if !ok { throw ExitCode(1) }
    }

    static func finding(_ f: [String: Any]) -> CheckedFinding {
        func base(_ s: String) -> String { s.split(separator: "/").last.map(String.init) ?? s }
        let reports = (f["reports"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.map(base)
        let values = (f["values"] as? [[String: Any]] ?? []).map { v in
            CheckedFinding.Compared(
                report: base(v["report"] as? String ?? ""), path: v["path"] as? String ?? "", value: (v["value"] as? NSNumber)?.intValue)
        }
        return CheckedFinding(rule: f["rule"] as? String ?? "", severity: f["severity"] as? String ?? "", reports: reports, values: values)
    }
}
