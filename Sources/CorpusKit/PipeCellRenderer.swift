/// Renders a table as web-to-Markdown tools write a portal's table whose cells hold paragraphs,
/// a cell a line, in one of two ways:
/// - pipes closing the cells: "|" alone opens each row, every cell follows on its own line
///   closed by " |", the columns a cell spans past its first add a "|" each on its line
///   ("第二十条第（一）项 | |||"), a blank cell is a "|" alone;
/// - pipes leading the cells: a row's first cell alone on its line, every further cell as
///   "| text" (a blank one, and each column a cell spans past its first, as "|" alone), and a
///   "|" alone ending the row (only for documents whose table rows all start with a cell that
///   has text: `canLead`).
/// Positions under a row span from above are absent (HTML has no cell there).
enum PipeCellRenderer {
    /// Whether every row of the table starts with a cell that has text (else pipes lead nowhere).
    static func canLead(_ t: LayoutTable) -> Bool {
        let placement = Placement(t)
        return t.rows.indices.allSatisfy { r in
            guard t.rows[r].kind != .pageNumber else { return true }
            for case .own(let k, _, _) in placement.rows[r] { return !t.rows[r].cells[k].text.isEmpty }
            return false
        }
    }

    /// `leading`: pipes lead the cells (one way for a whole document, as one tool writes it).
    static func table(_ t: LayoutTable, leading: Bool, rng: inout SplitMix64) -> [String] {
        let placement = Placement(t)
        let spaced = rng.chance(0.5)  // " |||" or "|||" after a spanning cell
        var lines: [String] = []
        for (r, row) in t.rows.enumerated() {
            if row.kind == .pageNumber {
                lines.append(row.cells.map(\.text).joined())
                continue
            }
            if !leading { lines.append("|") }
            var first = true
            for item in placement.rows[r] {
                guard case .own(let k, _, let span) = item else { continue }
                let text = TextRenderer.oneLine(row.cells[k].text)
                if leading {
                    lines.append(first ? text : text.isEmpty ? "|" : "| " + text)
                    lines += Array(repeating: "|", count: span - 1)
                } else {
                    let extra = String(repeating: "|", count: span - 1)
                    lines.append(text.isEmpty ? "|" + extra : text + " |" + (extra.isEmpty ? "" : (spaced ? " " : "") + extra))
                }
                first = false
            }
            if leading { lines.append("|") }
        }
        return lines
    }
}
