import DocModel

/// The formats a generated report is rendered to.
public enum CorpusFormat: String, Sendable, CaseIterable {
    /// `pdf` is the DOCX rendering laid out by LibreOffice, outside this library
    /// (`doccanon-corpus` runs it in one batch); `render` cannot make it alone.
    case text, html, docx, pdf

    /// Thrown by `render` for a format a layout engine outside the process must make.
    public struct NeedsLayoutEngine: Error {}

    /// The formats `render` makes by itself (what tests iterate over).
    public static var allCases: [CorpusFormat] { [.text, .html, .docx] }
    /// Every format the benchmark reports, including those laid out outside the process.
    public static let everyFormat: [CorpusFormat] = [.text, .html, .docx, .pdf]

    public var sourceFormat: SourceInfo.Format {
        switch self {
        case .text: return .text
        case .html: return .html
        case .docx: return .docx
        case .pdf: return .pdf
        }
    }

    public var fileExtension: String { self == .text ? "txt" : rawValue }

    public func render(_ report: GeneratedReport) throws -> [UInt8] {
        switch self {
        case .text: return Array(TextRenderer.render(report).utf8)
        case .html: return Array(HTMLRenderer.render(report).utf8)
        case .docx: return try DOCXRenderer.render(report)
        case .pdf: throw NeedsLayoutEngine()
        }
    }
}

/// Why a conversion gave no report: the adapter does not read the format yet (skipped), or
/// any other error (a failure of the reader on a generated report).
public enum ConversionOutcome: Sendable {
    case report(Report)
    case unsupported
    case failed(String)
}

/// Accumulated figures of a benchmark run.
public struct BenchmarkResult: Sendable {
    public var documents = 0
    public var cells = CellTally()
    public var cellsByOperator: [DamageOperator: CellTally] = [:]
    public var cellsByFormat: [CorpusFormat: CellTally] = [:]
    /// Per renderer: "html", "docx", and "text/<shape>" for each text shape.
    public var cellsByRenderer: [String: CellTally] = [:]
    public var cellsByTemplate: [Template: CellTally] = [:]
    public var metadataFields = 0
    public var metadataRight = 0
    public var metadataByOperator: [DamageOperator: (fields: Int, right: Int)] = [:]
    public var metadataByFormat: [CorpusFormat: (fields: Int, right: Int)] = [:]
    public var findings = FindingTally()
    public var findingsByOperator: [DamageOperator: FindingTally] = [:]
    public var findingsByFormat: [CorpusFormat: FindingTally] = [:]
    /// Reports that could not be converted at all (name and message).
    public var failures: [String] = []
    public var skipped: [CorpusFormat: Int] = [:]
    public var converted: [CorpusFormat: Int] = [:]
    public var cleanReports = 0
    /// Clean reports that got an error finding, with the findings.
    public var cleanWithErrors: [String] = []
    /// Worst documents: (name, wrong cells and metadata).
    public var problems: [(name: String, details: [String])] = []
    /// Findings given that the truth neither requires nor allows, and required ones not given, per rule.
    public var unexpectedByRule: [Rule: Int] = [:]
    public var missingByRule: [Rule: Int] = [:]

    public init() {}

    public mutating func add(
        _ score: DocumentScore, _ generated: GeneratedReport, format: CorpusFormat, report: Report, renderer named: String? = nil
    ) {
        documents += 1
        converted[format, default: 0] += 1
        cells = cells + score.cells
        cellsByFormat[format, default: CellTally()] = cellsByFormat[format, default: CellTally()] + score.cells
        let renderer = named ?? (format == .text ? "text/\(generated.textShape.rawValue)" : format.rawValue)
        cellsByRenderer[renderer, default: CellTally()] = cellsByRenderer[renderer, default: CellTally()] + score.cells
        cellsByTemplate[generated.truth.template, default: CellTally()] = cellsByTemplate[generated.truth.template, default: CellTally()] + score.cells
        for (op, t) in score.cellsByOperator { cellsByOperator[op, default: CellTally()] = cellsByOperator[op, default: CellTally()] + t }
        metadataFields += score.metadataFields
        metadataRight += score.metadataRight
        let m = metadataByFormat[format] ?? (0, 0)
        metadataByFormat[format] = (m.fields + score.metadataFields, m.right + score.metadataRight)
        for op in generated.damage {
            let m = metadataByOperator[op] ?? (0, 0)
            metadataByOperator[op] = (m.fields + score.metadataFields, m.right + score.metadataRight)
        }
        findings = findings + score.findings
        for f in score.unexpectedFindings { unexpectedByRule[f.rule, default: 0] += 1 }
        for f in score.missingFindings { missingByRule[f.rule, default: 0] += 1 }
        findingsByFormat[format, default: FindingTally()] = findingsByFormat[format, default: FindingTally()] + score.findings
        for (op, t) in score.findingsByOperator { findingsByOperator[op, default: FindingTally()] = findingsByOperator[op, default: FindingTally()] + t }
        if generated.isClean {
            cleanReports += 1
            let errors = report.findings.filter { $0.severity == .error }
            if !errors.isEmpty {
                cleanWithErrors.append("\(generated.name).\(format.fileExtension): " + errors.map { "\($0.rule.rawValue) \($0.path ?? "")" }.joined(separator: "; "))
            }
        }
        let details = score.wrongCells + score.metadataWrong.map { "metadata \($0)" }
            + score.unexpectedFindings.map { "unexpected \($0.rule.rawValue) at \($0.path ?? "-"): \($0.message)" }
            + score.missingFindings.map { "missing \($0.rule.rawValue) at \($0.path ?? "-")" }
        if !details.isEmpty {
            let shape = format == .text ? "\(generated.textShape.rawValue)/\(generated.spanStyle.rawValue)" : renderer
            problems.append(("\(generated.name).\(format.fileExtension) [\(generated.damage.map(\.rawValue).joined(separator: ","))] \(shape)", details))
        }
    }

    /// Converts and scores one generated report in one format (`renderer` names how it was
    /// rendered when the format has several ways, as "pdf/grid").
    public mutating func measure(
        _ generated: GeneratedReport, format: CorpusFormat, rendered: [UInt8]? = nil, renderer: String? = nil,
        convert: (_ bytes: [UInt8], _ name: String, _ format: SourceInfo.Format) -> ConversionOutcome
    ) {
        let bytes: [UInt8]
        do {
            bytes = try rendered ?? format.render(generated)
        } catch is CorpusFormat.NeedsLayoutEngine {
            skipped[format, default: 0] += 1
            return
        } catch {
            failures.append("\(generated.name).\(format.fileExtension): cannot render: \(error)")
            return
        }
        switch convert(bytes, "\(generated.name).\(format.fileExtension)", format.sourceFormat) {
        case .unsupported:
            skipped[format, default: 0] += 1
        case .failed(let message):
            failures.append("\(generated.name).\(format.fileExtension) [\(generated.damage.map(\.rawValue).joined(separator: ","))]: \(message)")
        case .report(let report):
            // Run-together text determines fewer cells than the layout states.
            let judged = format != .text ? generated
                : generated.textShape == .runTogether ? RunTogetherTruth.settled(generated)
                : generated.textShape == .plainExtract ? PlainExtractTruth.settled(generated) : generated
            add(Scorer.score(report, judged), judged, format: format, report: report, renderer: renderer)
        }
    }
}
