import DocModel
import Normalization
import TableCore
import XMLSupport

/// Reads `<table>` elements: a data table becomes a logical grid (rowspan/colspan placed by
/// the shared `GridBuilder`, th and td alike); a layout table (one that wraps the report, or
/// holds tables in its cells) is read as flowing content, cell by cell; the portal's own
/// information table (索引号, 发布机构…) is metadata, not content, and is left out.
enum TableExtractor {
    static func extract(_ table: Int, into extractor: inout BlockExtractor) throws(AdapterFailure) {
        let tree = extractor.tree
        // A caption ("表一 主动公开政府信息情况") is the line above the table.
        for caption in tree.children(table) where tree.name(caption) == .caption {
            try extractor.element(caption)
        }
        let rows = rows(of: table, tree)
        guard !rows.isEmpty else { return }
        if isLayout(rows, tree) {
            for row in rows {
                for cell in row {
                    try extractor.element(cell)
                    extractor.flush()
                }
            }
            return
        }
        if PageInfo.isInformationTable(rows, tree) || isNavigation(rows, tree) { return }
        var sourceRows: [SourceRow] = []
        var anyText = false
        let index = extractor.tableCount
        for (r, row) in rows.enumerated() {
            var cells: [SourceCell] = []
            cells.reserveCapacity(row.count)
            for (c, cell) in row.enumerated() {
                let raw = rawText(cell, tree)
                let text = Normalizer.clean(raw)
                if !text.isEmpty { anyText = true }
                let origin = CellOrigin(raw: raw, location: .html(table: index, row: r, cell: c, line: textLine(cell, tree)))
                cells.append(
                    SourceCell(text, rowSpan: HTMLText.span(tree, cell, .rowspan), columnSpan: HTMLText.span(tree, cell, .colspan), origin: origin))
            }
            sourceRows.append(SourceRow(cells: cells))
        }
        guard anyText else { return }
        extractor.tableCount += 1
        let grid: Table
        do {
            grid = try extractor.grid.build(sourceRows)
        } catch {
            throw AdapterFailure(.tooLarge, "table at line \(tree.line(table)) too large: \(error.description)")
        }
        try extractor.append(grid)
    }

    /// The table's rows and their cells, through thead/tbody/tfoot and any stray wrapper
    /// (`<form>`, `<font>`) a broken page puts between them; td directly under a table is
    /// a row of its own.
    static func rows(of table: Int, _ tree: HTMLTree) -> [[Int]] {
        var rows: [[Int]] = []
        var loose: [Int] = []
        func visit(_ e: Int, depth: Int) {
            for c in tree.children(e) where !tree.isText(c) {
                switch tree.name(c) {
                case .tr:
                    if !loose.isEmpty { rows.append(loose); loose = [] }
                    rows.append(cells(of: c, tree, depth: 0))
                case .td, .th:
                    loose.append(c)
                case .table, .caption, .colgroup, .col:
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

    static func cells(of row: Int, _ tree: HTMLTree, depth: Int) -> [Int] {
        var out: [Int] = []
        for c in tree.children(row) where !tree.isText(c) {
            let name = tree.name(c)
            if name == .td || name == .th {
                out.append(c)
            } else if name != .table, depth < 4 {
                out += cells(of: c, tree, depth: depth + 1)
            }
        }
        return out
    }

    /// A table used for page layout: its cells hold tables, or it has one or two cells whose
    /// content is paragraphs of running text.
    static func isLayout(_ rows: [[Int]], _ tree: HTMLTree) -> Bool {
        let cells = rows.flatMap { $0 }
        if cells.contains(where: { tree.contains($0, .table) }) { return true }
        guard cells.count <= 2 else { return false }
        return cells.contains { cell in
            var blocks = 0
            for c in tree.children(cell) where tree.name(c) == .p || tree.name(c) == .div || HTMLText.headingLevel(tree.name(c)) != nil {
                blocks += 1
            }
            return blocks >= 2 || tree.textLength(cell, limit: 400) >= 400
        }
    }

    /// A menu laid out as a table: every cell that has text is one link.
    static func isNavigation(_ rows: [[Int]], _ tree: HTMLTree) -> Bool {
        var links = 0
        for cell in rows.joined() {
            let total = tree.textLength(cell, limit: 200)
            let plain = tree.textLength(cell, skipLinks: true, limit: 200)
            if total == 0 { continue }
            guard plain * 10 <= total, tree.contains(cell, .a) else { return false }
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
    static func textLine(_ cell: Int, _ tree: HTMLTree) -> Int {
        func first(_ e: Int) -> Int? {
            for c in tree.children(e) {
                if tree.isText(c) {
                    if !HTMLText.isBlank(tree.text(c)) { return tree.line(e) }
                } else if !HTMLText.skipped.contains(tree.name(c)), let line = first(c) {
                    return line
                }
            }
            return nil
        }
        return first(cell) ?? tree.line(cell)
    }

    static func rawText(_ cell: Int, _ tree: HTMLTree) -> String {
        var lines: [String] = []
        var current = ""
        func walk(_ e: Int) {
            for c in tree.children(e) {
                let name = tree.name(c)
                switch name {
                case .text: current += tree.text(c)
                default:
                    if HTMLText.skipped.contains(name) { continue }
                    if name == .br {
                        lines.append(current)
                        current = ""
                    } else if HTMLText.blockElements.contains(name) {
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
        // A line of white space alone collapses to nothing or spaces: left out.
        let kept = lines.filter { !HTMLText.isCollapsedAway($0) }
        if kept.count == 1 { return HTMLText.collapse(kept[0]) }
        return kept.map { HTMLText.collapse($0) }.joined(separator: "\n")
    }
}
