/// The generic canonical document (spec §1): what every format adapter produces.
///
/// Text in blocks is normalised (spec §4) but otherwise faithful to the source; nothing is
/// invented. Tables are logical grids: every position is covered by exactly one cell.
public struct Document: Sendable, Equatable {
    public var source: SourceInfo
    public var blocks: [Block]
    /// Facts the source states about itself outside the body, such as a portal page's
    /// information table: "publishedOn" (ISO date), "publisher", "title", "indexNumber".
    public var properties: [String: String]
    /// Repairs and oddities the adapter saw while reading (never errors: those are thrown).
    public var findings: [Finding]

    public init(source: SourceInfo, blocks: [Block], properties: [String: String] = [:], findings: [Finding] = []) {
        self.source = source
        self.blocks = blocks
        self.properties = properties
        self.findings = findings
    }
}

/// Where a document came from. `name` is the file name without directories, so output
/// never depends on where the input lay.
public struct SourceInfo: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable { case docx, html, text, pdf }
    public var format: Format
    public var name: String
    public var sha256: String
    public var bytes: Int

    public init(format: Format, name: String, sha256: String, bytes: Int) {
        self.format = format
        self.name = name
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// One block of a document, in reading order.
public enum Block: Sendable, Equatable {
    /// A heading; `level` 1 is the outermost.
    case heading(level: Int, text: String)
    case paragraph(String)
    case table(Table)

    /// The text of a heading or paragraph; nil for a table.
    public var text: String? {
        switch self {
        case .heading(_, let text), .paragraph(let text): return text
        case .table: return nil
        }
    }
}

/// A table as a logical grid. Merged cells appear once, at their top-left position, with
/// their spans; the positions they cover hold no other cell.
public struct Table: Sendable, Equatable {
    public var rowCount: Int
    public var columnCount: Int
    /// Cells in reading order (row, then column).
    public var cells: [Cell]
    /// True when the source ran the table's cells together ("规章000行政规范性文件6233440", what
    /// a page's `textContent` gives): each row holds label text and value runs, a label cell may
    /// hold several labels and a value cell the digits of several values (`TableCore.RunTogether`).
    /// Not serialised.
    public var runTogether = false
    /// True when the source wrote the table one cell a line with nothing to say which cell is in
    /// which row (`pdftotext` without `-layout`): each row is one line, a label or a value, in the
    /// order written; the aligner pairs them (`TableCore` CellStream). Not serialised.
    public var cellStream = false
    /// A Markdown sub-heading right above the table ("### 行政复议"), which may name its column
    /// group: a heading of the document, and the first row the aligner reads. Not serialised.
    public var caption: String?

    public init(rowCount: Int, columnCount: Int, cells: [Cell]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.cells = cells
    }

    /// The cells whose top-left corner is on each row, in column order.
    public var rows: [[Cell]] {
        var rows = Array(repeating: [Cell](), count: rowCount)
        for cell in cells where cell.row < rowCount { rows[cell.row].append(cell) }
        return rows
    }
}

public struct Cell: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    public var text: String
    /// True for an empty cell the grid builder added to fill a ragged row: the source had no
    /// cell here at all. Not serialised (it is an ordinary empty cell in the output), but the
    /// report profile does not read it as a blank value.
    public var isPadding: Bool
    /// Where the cell was read and what the source wrote there before normalisation
    /// (provenance, spec §9). Not serialised in the document; carried into a report's
    /// `sources` with `--provenance`. Nil where an adapter cannot say.
    public var origin: CellOrigin?

    public init(
        row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, text: String, isPadding: Bool = false,
        origin: CellOrigin? = nil
    ) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.text = text
        self.isPadding = isPadding
        self.origin = origin
    }
}

/// A cell's provenance: the text as the source wrote it (before normalisation: "１，８７８件",
/// "l0", "—") and where it stands in the source.
public struct CellOrigin: Sendable, Equatable, Hashable {
    public var raw: String
    public var location: SourceLocation

    public init(raw: String, location: SourceLocation) {
        self.raw = raw
        self.location = location
    }
}

/// A place in a source document, per format (spec §9). Indices are 0-based except line
/// numbers, which are 1-based as editors show them; PDF boxes are in points from the page's
/// top left, `[x0, y0, x1, y1]`.
public enum SourceLocation: Sendable, Equatable, Hashable {
    /// DOCX: the part ("word/document.xml"), table index in the part, row and cell index in
    /// the logical grid.
    case docx(part: String, table: Int, row: Int, cell: Int)
    /// HTML: table index in the page, row and cell index in the logical grid, source line.
    case html(table: Int, row: Int, cell: Int, line: Int)
    /// Text: line and the column range (in Unicode scalars, end exclusive) on that line.
    case text(line: Int, from: Int, to: Int)
    /// PDF: page (1-based) and box.
    case pdf(page: Int, x0: Double, y0: Double, x1: Double, y1: Double)
}

extension SourceLocation {
    /// The location with its logical-grid position set, for the formats that locate a cell by
    /// grid row and column (DOCX, HTML); text and PDF locations are unchanged. The grid placer
    /// calls this once it knows where a cell landed.
    public func placed(row: Int, column: Int) -> SourceLocation {
        switch self {
        case .docx(let part, let table, _, _): return .docx(part: part, table: table, row: row, cell: column)
        case .html(let table, _, _, let line): return .html(table: table, row: row, cell: column, line: line)
        case .text, .pdf: return self
        }
    }
}
