import DocModel

/// Places a Word table's cells into a logical grid. Word positions are absolute: a row starts
/// at grid column `gridBefore`, each cell takes `gridSpan` columns, and a `vMerge` continue
/// cell extends the cell above that starts at the same column with the same span. Positions
/// no cell covers (gridBefore/gridAfter, short rows) become padding cells; cells beyond the
/// declared grid are kept and widen the table.
struct TableGrid {
    static let maxPositions = 200_000

    struct Placed {
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var text: String
    }

    var findings: [Finding] = []
    /// 1-based position of the table in the document, for messages.
    var ordinal = 1

    /// `cellText` turns a cell's items into its text (and collects what it does not keep).
    mutating func build(_ raw: RawTable, cellText: (RawCell) -> String) throws(DOCXError) -> Table {
        var placed: [Placed] = []
        /// Index into `placed` of the cell whose bottom edge is the previous row, by start column.
        var above: [Int: Int] = [:]
        var columnCount = raw.gridColumns
        for (r, row) in raw.rows.enumerated() {
            var column = row.gridBefore
            var current: [Int: Int] = [:]
            var lastInRow: Int?
            for cell in row.cells {
                let text = cellText(cell)
                if cell.hMerge == .continue, let last = lastInRow, placed[last].row == r {
                    // Legacy horizontal merge: this cell widens the one before it.
                    placed[last].columnSpan += cell.span
                    if !text.isEmpty { placed[last].text += placed[last].text.isEmpty ? text : "\n" + text }
                    column += cell.span
                    columnCount = max(columnCount, column)
                    continue
                }
                if cell.vMerge == .continue {
                    if let index = above[column], placed[index].columnSpan == cell.span {
                        placed[index].rowSpan += 1
                        if !text.isEmpty { placed[index].text += placed[index].text.isEmpty ? text : "\n" + text }
                        current[column] = index
                        lastInRow = index
                        column += cell.span
                        continue
                    }
                    findings.append(Finding(.sourceRestructured, "第\(ordinal)个表格第\(r + 1)行第\(column + 1)列是纵向合并的延续，但上方没有可合并的单元格（表格可能在此处被拆分），按独立单元格读取"))
                }
                placed.append(Placed(row: r, column: column, rowSpan: 1, columnSpan: cell.span, text: text))
                current[column] = placed.count - 1
                lastInRow = placed.count - 1
                column += cell.span
                columnCount = max(columnCount, column)
                if columnCount > TableGrid.maxPositions / max(raw.rows.count, 1) {
                    throw DOCXError(code: .tooLarge, message: "table of \(raw.rows.count) rows × \(columnCount) columns exceeds the limit")
                }
            }
            columnCount = max(columnCount, column + row.gridAfter)
            above = current
        }
        let rowCount = raw.rows.count
        if rowCount * columnCount > TableGrid.maxPositions {
            throw DOCXError(code: .tooLarge, message: "table of \(rowCount) rows × \(columnCount) columns exceeds the limit")
        }
        var covered = [Bool](repeating: false, count: rowCount * columnCount)
        var cells: [Cell] = []
        cells.reserveCapacity(placed.count)
        for p in placed {
            for rr in p.row..<(p.row + p.rowSpan) {
                for cc in p.column..<min(p.column + p.columnSpan, columnCount) { covered[rr * columnCount + cc] = true }
            }
            cells.append(Cell(row: p.row, column: p.column, rowSpan: p.rowSpan, columnSpan: p.columnSpan, text: p.text))
        }
        for r in 0..<rowCount {
            for c in 0..<columnCount where !covered[r * columnCount + c] {
                cells.append(Cell(row: r, column: c, text: "", isPadding: true))
            }
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return Table(rowCount: rowCount, columnCount: columnCount, cells: cells)
    }
}
