import DocModel

/// One report as the review site receives it: the report, where each value came from, and
/// the source's text (for the lines around a cell of an HTML or text source).
public struct ReviewInput: Sendable {
    /// The input as the user named it (a path), shown on the index.
    public var id: String
    public var report: Report
    /// Value sources by dotted path (provenance); empty when unknown.
    public var sources: [String: CellSource]
    /// The decoded source, for HTML and text inputs; nil for others.
    public var sourceText: String?
    /// Rendered pages of a PDF source, by 1-based page number: the image's path relative to
    /// the site's root and the page's size in points (for crops around a cell).
    public var pageImages: [Int: PageImage]

    public init(
        id: String, report: Report, sources: [String: CellSource] = [:], sourceText: String? = nil,
        pageImages: [Int: PageImage] = [:]
    ) {
        self.id = id
        self.report = report
        self.sources = sources
        self.sourceText = sourceText
        self.pageImages = pageImages
    }
}

/// Where one value came from.
public struct CellSource: Sendable, Equatable {
    /// The cell text as the source wrote it; nil for an inferred value with no cell of its own.
    public var raw: String?
    public var location: SourceLocation?
    /// For an inferred value: the paths or locations it was inferred from (nil when read
    /// directly from one cell).
    public var inferredFrom: [String]?

    public init(raw: String?, location: SourceLocation?, inferredFrom: [String]? = nil) {
        self.raw = raw
        self.location = location
        self.inferredFrom = inferredFrom
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
    /// The location as a reader would say it (1-based numbers).
    var described: String {
        switch self {
        case .docx(let part, let table, let row, let cell):
            return "\(part)：第 \(table + 1) 个表格，第 \(row + 1) 行，第 \(cell + 1) 格"
        case .html(let table, let row, let cell, let line):
            return "第 \(table + 1) 个表格，第 \(row + 1) 行，第 \(cell + 1) 格（源代码第 \(line) 行）"
        case .text(let line, let from, let to):
            return "第 \(line) 行，第 \(from + 1)–\(to) 列"
        case .pdf(let page, let x0, let y0, let x1, let y1):
            return "第 \(page) 页，区域 [\(Self.points(x0)), \(Self.points(y0)), \(Self.points(x1)), \(Self.points(y1))]（点）"
        }
    }

    static func points(_ v: Double) -> String {
        let tenths = (v * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        return fraction == 0 ? String(whole) : "\(whole).\(fraction)"
    }

    /// The source line, for HTML and text locations.
    var line: Int? {
        switch self {
        case .html(_, _, _, let line), .text(let line, _, _): return line
        default: return nil
        }
    }
}
