import DocModel
import FormatText
import Normalization

/// Turns the body reader's items into canonical blocks: text normalised, empty paragraphs
/// dropped, headings from outline levels (else from the text, as the text adapter does),
/// tables as grids.
///
/// Nested tables: a one-cell table is a layout frame and its content is read as blocks in
/// its place; any other table inside a cell follows its outer table as a table of its own
/// (the cell keeps its other text).
struct BlockConverter {
    var findings: [Finding] = []
    var tableCount = 0

    mutating func blocks(_ items: [Item]) throws(DOCXError) -> [Block] {
        var out: [Block] = []
        for item in items { try append(item, to: &out) }
        return out
    }

    mutating func append(_ item: Item, to out: inout [Block]) throws(DOCXError) {
        switch item {
        case .paragraph(let text, let outlineLevel):
            let cleaned = Normalizer.clean(text)
            guard !cleaned.isEmpty else { return }
            if let outlineLevel {
                out.append(.heading(level: outlineLevel + 1, text: cleaned))
            } else {
                out.append(HeadingDetector.block(for: cleaned))
            }
        case .table(let raw):
            if raw.rows.count == 1, raw.rows[0].cells.count == 1, raw.rows[0].cells[0].span == 1 {
                let before = out.count
                for inner in raw.rows[0].cells[0].items { try append(inner, to: &out) }
                if out.count > before {
                    findings.append(.layoutFrameUnwrapped(blocks: out.count - before))
                }
                return
            }
            if raw.rows.isEmpty { return }
            var nested: [RawTable] = []
            tableCount += 1
            var grid = TableGrid(ordinal: tableCount)
            let table = try grid.build(raw) { cell in
                var lines: [String] = []
                for item in cell.items {
                    switch item {
                    case .paragraph(let text, _): lines.append(text)
                    case .table(let t): nested.append(t)
                    }
                }
                return Normalizer.clean(lines.joined(separator: "\n"))
            }
            findings += grid.findings
            out.append(.table(table))
            let outer = tableCount
            for t in nested {
                findings.append(.nestedTableMoved(table: outer))
                try append(.table(t), to: &out)
            }
        }
    }
}
