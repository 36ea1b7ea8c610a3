/// Where a layout table's cells fall on the grid, the way HTML and Word place them: each cell
/// takes the next free position of its row; positions held by a row span from above are skipped.
struct Placement {
    enum Item: Equatable {
        /// A cell of this row (index into the row's cells), at a grid column.
        case own(cell: Int, column: Int, span: Int)
        /// A position held by a cell from a row above; `span` columns wide.
        case covered(column: Int, span: Int)
    }

    /// Per row, its items in column order.
    var rows: [[Item]] = []
    var columns = 0

    init(_ table: LayoutTable) {
        var carried: [(rows: Int, start: Int, span: Int)] = []  // per column: remaining rows, owning span
        for (r, row) in table.rows.enumerated() {
            var items: [Item] = []
            var column = 0
            func skipCovered() {
                while column < carried.count, carried[column].rows > 0 {
                    let c = carried[column]
                    if c.start == column { items.append(.covered(column: column, span: c.span)) }
                    column += 1
                }
            }
            for (k, cell) in row.cells.enumerated() {
                skipCovered()
                let span = max(1, cell.columnSpan)
                let rowSpan = max(1, min(cell.rowSpan, table.rows.count - r))
                items.append(.own(cell: k, column: column, span: span))
                while carried.count < column + span { carried.append((0, 0, 0)) }
                for c in column..<(column + span) { carried[c] = (rowSpan, column, span) }
                column += span
            }
            skipCovered()
            columns = max(columns, column, carried.count)
            rows.append(items)
            for c in carried.indices where carried[c].rows > 0 { carried[c].rows -= 1 }
        }
    }
}
