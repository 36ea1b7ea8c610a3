import DocModel

/// A report as an abstract page, before it is rendered to a format: the damage operators work
/// on this, so that one operator damages every format the same way.
public struct Layout: Sendable, Equatable {
    public var blocks: [LayoutBlock]
}

public enum LayoutBlock: Sendable, Equatable {
    case title(String)
    case heading(String)
    case paragraph(String)
    case table(LayoutTable)
    /// A line of the closing signature (agency or date).
    case signature(String)

    public var table: LayoutTable? {
        if case .table(let t) = self { return t }
        return nil
    }
}

public struct LayoutTable: Sendable, Equatable {
    /// The report key of the table ("applications").
    public var key: String
    /// How many grid columns the table has (what its spans add up to).
    public var columns: Int
    public var rows: [LayoutRow]
}

public struct LayoutRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Column headers and notes.
        case header
        /// A block or group title without values (第二十条第（一）项).
        case group
        /// A template row with values.
        case data
        /// A row that is not in the template.
        case extra
        /// A page number or page break line caught inside the table ("— 3 —").
        case pageNumber
    }
    public var kind: Kind
    public var cells: [LayoutCell]
    /// The template row ("applications.results.granted") of a data row.
    public var rowPath: String?
}

public struct LayoutCell: Sendable, Equatable {
    public enum Role: Sendable, Equatable { case label, value, header }
    public var text: String
    public var rowSpan: Int
    public var columnSpan: Int
    public var role: Role
    /// For a value cell, its index in `Truth.cells`.
    public var truth: Int?

    public init(_ text: String, role: Role, rowSpan: Int = 1, columnSpan: Int = 1, truth: Int? = nil) {
        self.text = text
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.role = role
        self.truth = truth
    }
}

/// One generated report: its page, what it should read as, and the damage it carries.
public struct GeneratedReport: Sendable {
    public var index: Int
    public var name: String
    public var layout: Layout
    public var truth: Truth
    public var damage: [DamageOperator]
    /// How the text rendering lays out tables (one of the seeds' shapes).
    public var textShape: TextShape
    /// How merged cells appear in text: every position, Word's continuation cells, or none.
    public var spanStyle: SpanStyle

    public var isClean: Bool { damage.isEmpty && !truth.inconsistent }
}

public enum TextShape: String, Sendable, CaseIterable {
    /// The seeds' shapes: Tika's one cell per line, tab rows, pipe rows.
    case cellPerLine, tabRows, pipeRows
    /// Columns set by spaces, as a PDF text extractor gives them (`SpaceAlignedRenderer`).
    case spaceAligned
    /// Markdown as OCR and LLM tools write it (`MarkdownOCRRenderer`).
    case markdownOCR
    /// Cells run together, as a page's `textContent` gives a table (`RunTogetherRenderer`).
    case runTogether
    /// A pipe table written a cell a line, as web-to-Markdown tools write a portal's table whose
    /// cells hold paragraphs (`PipeCellRenderer`).
    case pipeCellLines
    /// One cell a line, values away from their labels, as `pdftotext` without `-layout` writes a
    /// PDF's tables (`PlainExtractRenderer`). Measured on its own (`--text-shape plainExtract`).
    case plainExtract

    /// The shapes a report's text is drawn from by default (plain pdftotext is measured on its
    /// own, `--text-shape plainExtract`).
    public static let mixed: [TextShape] = [.cellPerLine, .tabRows, .pipeRows, .spaceAligned, .markdownOCR, .runTogether, .pipeCellLines]
    /// The shapes a series of reports (`Series`) is written in: every value the layout states can
    /// be read back (a run-together split may be undecidable), since a series measures the
    /// collection checks, not reading.
    public static let seriesShapes: [TextShape] = [.cellPerLine, .tabRows, .pipeRows, .spaceAligned, .markdownOCR]

    /// The shape a report with `damage` is drawn in: run-together text only comes from damage
    /// an HTML table can carry whose values stay digits (no units, letters, text columns or
    /// page furniture inside the table), and no cell lost, repeated or blank (invisible once the
    /// digits run together: "行政处罚015" is [0, 1, 5] or a blank and [0, 15], and no reader
    /// can flag it); other reports take Tika's shape instead.
    static func drawn(_ shape: TextShape, damage: [DamageOperator]) -> TextShape {
        if shape == .plainExtract {
            // A lost, repeated, blank or extra cell leaves a one-cell-a-line stream nothing to pair by.
            let lost: Set<DamageOperator> = [.droppedCells, .duplicatedCells, .lostLeadingCells, .blankCells, .extraColumn, .subtotalColumn, .extraRows, .ocrDigits]
            return damage.contains(where: lost.contains) ? .cellPerLine : shape
        }
        guard shape == .runTogether else { return shape }
        let incompatible: Set<DamageOperator> = [
            .units, .ocrDigits, .placeholders, .extraColumn, .pageNumberLines, .rowBrokenAcrossPages, .droppedCells, .duplicatedCells, .blankCells,
        ]
        return damage.contains(where: incompatible.contains) ? .cellPerLine : shape
    }
}

public enum SpanStyle: String, Sendable, CaseIterable {
    /// Every grid position is a cell (covered positions empty): spreadsheet-like dumps.
    case everyPosition
    /// Word's way: a cell per `w:tc`; a row-merged position repeats as one empty cell.
    case continuation
    /// HTML's way: covered positions are absent.
    case absent
}
