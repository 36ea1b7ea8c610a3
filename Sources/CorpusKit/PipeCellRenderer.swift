/// Renders a table as web-to-Markdown tools write a portal's table whose cells hold paragraphs:
/// "|" alone opens each row, every cell follows on its own line closed by " |", the columns a
/// cell spans past its first add a "|" each on its line ("第二十条第（一）项 | |||"), a blank cell
/// is a "|" alone, and positions under a row span from above are absent (HTML has no cell there).
enum PipeCellRenderer {
    static func table(_ t: LayoutTable, rng: inout SplitMix64) -> [String] {
        let placement = Placement(t)
        let spaced = rng.chance(0.5)  // " |||" or "|||" after a spanning cell
        var lines: [String] = []
        for (r, row) in t.rows.enumerated() {
            if row.kind == .pageNumber {
                lines.append(row.cells.map(\.text).joined())
                continue
            }
            lines.append("|")
            for item in placement.rows[r] {
                guard case .own(let k, _, let span) = item else { continue }
                let text = TextRenderer.oneLine(row.cells[k].text)
                let extra = String(repeating: "|", count: span - 1)
                if text.isEmpty {
                    lines.append("|" + extra)
                } else {
                    lines.append(text + " |" + (extra.isEmpty ? "" : (spaced ? " " : "") + extra))
                }
            }
        }
        return lines
    }
}
