import DocModel
import Normalization
import TableCore
import XMLSupport

/// Reads `<table>` elements: a data table becomes a logical grid (rowspan/colspan placed by
/// the shared `GridBuilder`, th and td alike); a layout table (one that wraps the report, or
/// holds tables in its cells) is read as flowing content, cell by cell; the portal's own
/// information table (索引号, 发布机构…) is metadata, not content, and is left out.
enum TableExtractor {
    static func extract(_ table: XMLElement, into extractor: inout BlockExtractor) throws(AdapterFailure) {
        // A caption ("表一 主动公开政府信息情况") is the line above the table.
        for case .element(let caption) in table.children where caption.name == "caption" {
            try extractor.element(caption)
        }
        let rows = rows(of: table)
        guard !rows.isEmpty else { return }
        if isLayout(rows) {
            for row in rows {
                for cell in row {
                    try extractor.element(cell)
                    extractor.flush()
                }
            }
            return
        }
        if PageInfo.isInformationTable(rows) || isNavigation(rows) { return }
        var sourceRows: [SourceRow] = []
        var anyText = false
        let index = extractor.tableCount
        for (r, row) in rows.enumerated() {
            var cells: [SourceCell] = []
            cells.reserveCapacity(row.count)
            for (c, cell) in row.enumerated() {
                let raw = rawText(cell)
                let text = Normalizer.clean(raw)
                if !text.isEmpty { anyText = true }
                let origin = CellOrigin(raw: raw, location: .html(table: index, row: r, cell: c, line: textLine(cell)))
                cells.append(
                    SourceCell(text, rowSpan: HTMLText.span(cell, "rowspan"), columnSpan: HTMLText.span(cell, "colspan"), origin: origin))
            }
            sourceRows.append(SourceRow(cells: cells))
        }
        guard anyText else { return }
        extractor.tableCount += 1
        let grid: Table
        do {
            grid = try extractor.grid.build(sourceRows)
        } catch {
            throw AdapterFailure(.tooLarge, "table at line \(table.line) too large: \(error.description)")
        }
        try extractor.append(grid)
    }

    /// The table's rows and their cells, through thead/tbody/tfoot and any stray wrapper
    /// (`<form>`, `<font>`) a broken page puts between them; td directly under a table is
    /// a row of its own.
    static func rows(of table: XMLElement) -> [[XMLElement]] {
        var rows: [[XMLElement]] = []
        var loose: [XMLElement] = []
        func visit(_ e: XMLElement, depth: Int) {
            for case .element(let c) in e.children {
                switch c.name {
                case "tr":
                    if !loose.isEmpty { rows.append(loose); loose = [] }
                    rows.append(cells(of: c, depth: 0))
                case "td", "th":
                    loose.append(c)
                case "table", "caption", "colgroup", "col":
                    continue
                default:
                    if depth < 4 { visit(c, depth: depth + 1) }
                }
            }
        }
        visit(table, depth: 0)
        if !loose.isEmpty { rows.append(loose) }
        return rows.filter { !$0.isEmpty }
    }

    static func cells(of row: XMLElement, depth: Int) -> [XMLElement] {
        var out: [XMLElement] = []
        for case .element(let c) in row.children {
            if c.name == "td" || c.name == "th" {
                out.append(c)
            } else if c.name != "table", depth < 4 {
                out += cells(of: c, depth: depth + 1)
            }
        }
        return out
    }

    /// A table used for page layout: its cells hold tables, or it has one or two cells whose
    /// content is paragraphs of running text.
    static func isLayout(_ rows: [[XMLElement]]) -> Bool {
        let cells = rows.flatMap { $0 }
        if cells.contains(where: { HTMLText.contains($0, "table") }) { return true }
        guard cells.count <= 2 else { return false }
        return cells.contains { cell in
            var blocks = 0
            for case .element(let c) in cell.children where c.name == "p" || c.name == "div" || HTMLText.headingLevels[c.name] != nil {
                blocks += 1
            }
            return blocks >= 2 || HTMLText.textLength(cell, limit: 400) >= 400
        }
    }

    /// A menu laid out as a table: every cell that has text is one link.
    static func isNavigation(_ rows: [[XMLElement]]) -> Bool {
        var links = 0
        for cell in rows.joined() {
            let total = HTMLText.textLength(cell, limit: 200)
            let plain = HTMLText.textLength(cell, skipLinks: true, limit: 200)
            if total == 0 { continue }
            guard plain * 10 <= total, HTMLText.contains(cell, "a") else { return false }
            links += 1
        }
        return links > 0
    }

    /// A cell's text before normalisation: paragraphs and `<br>` become line breaks (which
    /// `Normalizer.clean` joins next to Chinese text as the text adapter does), white space
    /// collapsed within each line.
    /// The source line of a cell's text: the line where the start tag of the element that
    /// holds its first non-blank text ends (the text follows it). A Word-exported cell's `<td>`
    /// start tag ends lines above its `<p><span>0</span></p>`; the cell's own line if it has no text.
    static func textLine(_ cell: XMLElement) -> Int {
        func first(_ e: XMLElement) -> Int? {
            for child in e.children {
                switch child {
                case .text(let t) where t.unicodeScalars.contains(where: { !$0.properties.isWhitespace }): return e.line
                case .element(let c) where !HTMLText.skipped.contains(c.name): if let line = first(c) { return line }
                default: continue
                }
            }
            return nil
        }
        return first(cell) ?? cell.line
    }

    static func rawText(_ cell: XMLElement) -> String {
        var lines: [String] = []
        var current = ""
        func walk(_ e: XMLElement) {
            for child in e.children {
                switch child {
                case .text(let t): current += t
                case .element(let c):
                    if HTMLText.skipped.contains(c.name) { continue }
                    if c.name == "br" {
                        lines.append(current)
                        current = ""
                    } else if HTMLText.blockElements.contains(c.name) {
                        lines.append(current)
                        current = ""
                        walk(c)
                        lines.append(current)
                        current = ""
                    } else {
                        walk(c)
                    }
                }
            }
        }
        walk(cell)
        lines.append(current)
        let kept = lines.map { HTMLText.collapse($0) }.filter { !$0.allSatisfy { $0 == " " } }
        return kept.joined(separator: "\n")
    }
}
