/// What a report's PDF rendering is laid out from (the benchmark's PDF column): a document a
/// layout engine outside the process (LibreOffice) prints. Reports are printed three ways, as
/// agencies publish them: a Word file with every cell border drawn (most reports), a Word file
/// with only the rules between rows, and the portal page printed from the browser.
public struct PaperSource: Sendable {
    public enum Style: String, Sendable, CaseIterable {
        /// The DOCX rendering with every cell border, changes accepted, widths by content.
        case grid
        /// The DOCX rendering with rules above, between and below the rows only (no column rules).
        case rules
        /// The HTML rendering (a portal page, tables with `border="1"`).
        case portal
    }

    public var style: Style
    /// "docx" or "html": what the layout engine is given.
    public var fileExtension: String
    public var bytes: [UInt8]
}

public enum PaperRenderer {
    /// The style a report is printed in: drawn from its index (60% grid, 20% rules, 20% portal).
    public static func style(_ report: GeneratedReport) -> PaperSource.Style {
        var rng = SplitMix64.forDocument(seed: 0x5044_46, index: report.index)
        let draw = rng.int(0...9)
        return draw < 6 ? .grid : draw < 8 ? .rules : .portal
    }

    /// Whether the report's damage can be printed: a wrong row or column span is a fault of
    /// markup that a layout engine draws as a broken grid no one would publish, so those
    /// reports have no PDF rendering (the column counts them as skipped).
    public static func prints(_ report: GeneratedReport) -> Bool {
        !report.damage.contains(.wrongSpans)
    }

    public static func source(_ report: GeneratedReport) throws -> PaperSource {
        switch style(report) {
        case .grid: return PaperSource(style: .grid, fileExtension: "docx", bytes: try DOCXRenderer.render(report, paper: .grid))
        case .rules: return PaperSource(style: .rules, fileExtension: "docx", bytes: try DOCXRenderer.render(report, paper: .rules))
        case .portal: return PaperSource(style: .portal, fileExtension: "html", bytes: Array(HTMLRenderer.render(report).utf8))
        }
    }
}

extension DOCXRenderer {
    static func tableProperties(_ paper: Paper?) -> String {
        let edge = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        switch paper {
        case nil:
            return "<w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders><w:insideH w:val=\"single\" w:sz=\"4\"/></w:tblBorders>"
        case .rules:
            let rows = ["top", "bottom", "insideH"].map { "<w:\($0) \(edge)/>" }.joined()
            return "<w:tblW w:w=\"9000\" w:type=\"dxa\"/><w:tblBorders>\(rows)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        case .grid:
            let all = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(edge)/>" }.joined()
            return "<w:tblW w:w=\"9000\" w:type=\"dxa\"/><w:tblBorders>\(all)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        }
    }

    /// Column widths (twips, 9,000 in all) in proportion to the longest line of the cells
    /// that sit in one column only (digits count half; at most twelve), none narrower than three digits: wide label columns, narrow values.
    static func contentWidths(_ t: LayoutTable, _ placement: Placement) -> [Int] {
        let columns = max(1, placement.columns)
        var weight = Array(repeating: 3.0, count: columns)
        for (r, row) in t.rows.enumerated() {
            for case .own(let k, let column, 1) in placement.rows[r] {
                let longest = row.cells[k].text.split(separator: "\n").map { line in
                    line.reduce(0.0) { $0 + ($1.isASCII ? 0.5 : 1) }
                }.max() ?? 0
                weight[column] = max(weight[column], min(longest, 12))
            }
        }
        // No column under 600 twips (three digits and the cell margins); the rest in proportion.
        let floor = min(600.0, 9000 / Double(columns))
        let total = weight.reduce(0, +)
        let narrow = weight.filter { 9000 * $0 / total < floor }
        let wide = total - narrow.reduce(0, +)
        let share = 9000 - floor * Double(narrow.count)
        return weight.map { 9000 * $0 / total < floor ? Int(floor) : Int(share * $0 / wide) }
    }
}
