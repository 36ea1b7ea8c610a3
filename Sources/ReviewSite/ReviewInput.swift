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
    /// Rendered pages of a PDF source, by 1-based page number: the image's path relative to
    /// the site's root and the page's size in points (for crops around a cell).
    public var pageImages: [Int: PageImage]
    /// The report's prose mismatches (`ProseChecker`), whose sentences the page marks.
    public var proseMismatches: [ProseMismatch]

    public init(
        id: String, report: Report, sources: [String: Provenance] = [:], sourceText: String? = nil,
        pageImages: [Int: PageImage] = [:], publisher: String? = nil, proseMismatches: [ProseMismatch] = []
    ) {
        self.publisher = publisher
        self.proseMismatches = proseMismatches
        self.id = id
        self.report = report
        self.sources = sources
        self.sourceText = sourceText
        self.pageImages = pageImages
    }
}

public struct PageImage: Sendable, Equatable {
    public var path: String
    public var width: Double
    public var height: Double
    public init(path: String, width: Double, height: Double) {
        self.path = path
        self.width = width
        self.height = height
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
