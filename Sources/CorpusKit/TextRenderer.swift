/// Renders a report as extracted text in the seeds' shapes: Tika's one cell per line, tab rows,
/// or pipe rows, and in the shapes of PDF text extraction and OCR Markdown; merged cells as every position, Word's continuation cells, or absent.
public enum TextRenderer {
    public static func render(_ report: GeneratedReport) -> String {
        var rng = SplitMix64.forDocument(seed: 0x7E47, index: report.index)
        var lines: [String] = ["", ""]
        let blankBetween = rng.chance(0.6)
        // Pipes leading the cells in every table of half the documents written a cell a line.
        let pipeLeading = report.textShape == .pipeCellLines && report.index % 2 == 0
            && report.layout.blocks.allSatisfy { if case .table(let t) = $0 { PipeCellRenderer.canLead(t) } else { true } }
        for block in report.layout.blocks {
            switch block {
            case .title(let t):
                lines.append(t)
            case .heading(let h):
                lines.append((rng.chance(0.2) ? "　　" : "") + h)
            case .paragraph(let p):
                lines.append((rng.chance(0.3) ? "    " : "") + p)
            case .signature(let s):
                lines.append(String(repeating: " ", count: rng.int(0...16)) + s)
            case .table(let t):
                if lines.last != "" { lines.append("") }
                lines += report.textShape == .plainExtract ? PlainExtractRenderer.table(t, report)
                    : table(t, shape: report.textShape, spans: report.spanStyle, pipeLeading: pipeLeading, rng: &rng)
                lines.append("")
                continue
            }
            if blankBetween { lines.append("") }
        }
        lines.append(" ")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The cell texts of each row, merged cells laid out in the given style.
    static func flatten(_ t: LayoutTable, _ style: SpanStyle) -> [(kind: LayoutRow.Kind, cells: [String])] {
        let placement = Placement(t)
        var out: [(LayoutRow.Kind, [String])] = []
        for (r, row) in t.rows.enumerated() {
            if row.kind == .pageNumber {
                out.append((.pageNumber, row.cells.map(\.text)))
                continue
            }
            var cells: [String] = []
            for item in placement.rows[r] {
                switch item {
                case .own(let k, _, let span):
                    cells.append(row.cells[k].text)
                    if style == .everyPosition { cells += Array(repeating: "", count: span - 1) }
                case .covered(_, let span):
                    switch style {
                    case .everyPosition: cells += Array(repeating: "", count: span)
                    case .continuation: cells.append("")
                    case .absent: break
                    }
                }
            }
            out.append((row.kind, cells))
        }
        return out
    }

    static func table(_ t: LayoutTable, shape: TextShape, spans: SpanStyle, pipeLeading: Bool = false, rng: inout SplitMix64) -> [String] {
        var lines: [String] = []
        switch shape {
        case .spaceAligned: return SpaceAlignedRenderer.table(t, rng: &rng)
        case .markdownOCR: return MarkdownOCRRenderer.table(t, spans: spans, rng: &rng)
        case .runTogether: return RunTogetherRenderer.table(t, rng: &rng)
        case .pipeCellLines: return PipeCellRenderer.table(t, leading: pipeLeading, rng: &rng)
        default: break
        }
        let rows = flatten(t, spans)
        switch shape {
        case .cellPerLine:
            var first = true
            for (kind, cells) in rows {
                if kind == .pageNumber {
                    // Between blank lines, as a PDF-to-text page break leaves it.
                    if lines.last != "" { lines.append("") }
                    lines.append(cells.joined())
                    lines.append("")
                    first = true
                    continue
                }
                for cell in cells {
                    // Tika starts a table with a space before the tab.
                    lines.append((first ? " \t" : "\t") + cell)
                    first = false
                }
                lines.append("")
            }
        case .tabRows:
            for (kind, cells) in rows {
                if kind == .pageNumber {
                    lines.append(cells.joined())
                    continue
                }
                let flat = cells.map(oneLine)
                lines.append(flat.joined(separator: "\t") + (flat.count == 1 ? "\t" : ""))
            }
        case .pipeRows:
            let separator = rng.chance(0.5)
            for (n, (kind, cells)) in rows.enumerated() {
                if kind == .pageNumber {
                    lines.append(cells.joined())
                    continue
                }
                lines.append("| " + cells.map(oneLine).joined(separator: " | ") + " |")
                if n == 0, separator { lines.append("|" + Array(repeating: "---|", count: cells.count).joined()) }
            }
        case .spaceAligned, .markdownOCR, .runTogether, .plainExtract, .pipeCellLines:
            break
        }
        return lines
    }

    static func oneLine(_ s: String) -> String { s.replacingOccurrences("\n", " ") }
}
