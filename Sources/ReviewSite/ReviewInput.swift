import DocModel
import ReportProfile

/// One report as the review site receives it: the report, where each value came from, and
/// the source's text (for the lines around a cell of an HTML or text source).
public struct ReviewInput: Sendable {
    /// The input as the user named it (a path), shown on the index.
    public var id: String
    public var report: Report
    /// Value sources by dotted path (provenance, spec §9); empty when unknown.
    public var sources: [String: Provenance]
    /// The decoded source, for HTML and text inputs; nil for others.
    public var sourceText: String?
    /// The source's own 发布机构 property, which names the agency first (agency identity).
    public var publisher: String?
    /// Images around flagged cells of a PDF source, by cell path (`PageCrops`).
    var crops: [String: PageCrops.Crop] = [:]
    /// The report's prose mismatches (`ProseChecker`), whose sentences the page marks.
    public var proseMismatches: [ProseMismatch]

    public init(
        id: String, report: Report, sources: [String: Provenance] = [:], sourceText: String? = nil,
        publisher: String? = nil, proseMismatches: [ProseMismatch] = []
    ) {
        self.publisher = publisher
        self.proseMismatches = proseMismatches
        self.id = id
        self.report = report
        self.sources = sources
        self.sourceText = sourceText
    }
}

extension SourceLocation {
    /// The source line, for HTML and text locations.
    var line: Int? {
        switch self {
        case .html(_, _, _, let line), .text(let line, _, _): return line
        default: return nil
        }
    }
}
