import DocModel
import Normalization
import TableCore
import TextLayout

/// Turns the body reader's items into canonical blocks: text normalised, empty paragraphs
/// dropped, headings from outline levels (else from the text, as the text adapter does),
/// tables as logical grids (placed by the shared `GridBuilder`, each cell's origin the part,
/// table, grid row and column, and its text before normalisation).
///
/// Nested tables: a one-cell table is a layout frame and its content is read as blocks in
/// its place; any other table inside a cell follows its outer table as a table of its own
/// (the cell keeps its other text).
struct BlockConverter {
    var findings: [Finding] = []
    var tableCount = 0
    /// The part the items come from ("word/document.xml"), for cell origins.
    let part: String
    let grid: GridBuilder

    init(part: String, limits: ReadLimits) {
        self.part = part
        self.grid = GridBuilder(limits: limits)
    }

    mutating func blocks(_ items: [Item]) throws(AdapterFailure) -> [Block] {
        var out: [Block] = []
        for item in items { try append(item, to: &out) }
        return out
    }

    mutating func append(_ item: Item, to out: inout [Block]) throws(AdapterFailure) {
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
            let table = try place(raw, nested: &nested)
            out.append(.table(table))
            let outer = tableCount
            for t in nested {
                findings.append(.nestedTableMoved(table: outer))
                try append(.table(t), to: &out)
            }
        }
    }

    /// A Word table as a logical grid: rows start at `gridBefore`, `vMerge`/`hMerge`
    /// continuations join the cell they continue. Tables inside cells go to `nested`.
    mutating func place(_ raw: RawTable, nested: inout [RawTable]) throws(AdapterFailure) -> Table {
        var rows: [SourceRow] = []
        rows.reserveCapacity(raw.rows.count)
        for (r, row) in raw.rows.enumerated() {
            var cells: [SourceCell] = []
            cells.reserveCapacity(row.cells.count)
            for (c, cell) in row.cells.enumerated() {
                var lines: [String] = []
                for item in cell.items {
                    switch item {
                    case .paragraph(let text, _): lines.append(text)
                    case .table(let t): nested.append(t)
                    }
                }
                let raw = lines.count == 1 ? lines[0] : lines.joined(separator: "\n")
                var merge: CellMerge = []
                if cell.hMerge == .continue { merge.insert(.continuesLeft) }
                if cell.vMerge == .continue { merge.insert(.continuesAbove) }
                let origin = CellOrigin(raw: raw, location: .docx(part: part, table: tableCount - 1, row: r, cell: c))
                cells.append(SourceCell(Normalizer.clean(raw), columnSpan: cell.span, merge: merge, origin: origin))
            }
            rows.append(SourceRow(skipBefore: row.gridBefore, skipAfter: row.gridAfter, cells: cells))
        }
        let placement: GridBuilder.Placement
        do {
            placement = try grid.place(rows, minimumColumns: raw.gridColumns)
        } catch {
            throw AdapterFailure(.tooLarge, "table \(tableCount) of \(part): \(error.description)")
        }
        for p in placement.unmatchedContinuations {
            findings.append(Finding(.sourceRestructured, "第\(tableCount)个表格第\(p.row + 1)行第\(p.column + 1)列是纵向合并的延续，但上方没有可合并的单元格（表格可能在此处被拆分），按独立单元格读取"))
        }
        return placement.table
    }
}
