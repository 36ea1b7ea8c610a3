import DocModel

/// One cell as a source format states it, before grid placement.
public struct SourceCell: Sendable, Equatable {
    public var text: String
    public var rowSpan: Int
    public var columnSpan: Int

    public init(_ text: String, rowSpan: Int = 1, columnSpan: Int = 1) {
        self.text = text
        self.rowSpan = max(1, rowSpan)
        self.columnSpan = max(1, columnSpan)
    }
}

/// One source row: optional empty positions before its first cell (DOCX `w:gridBefore`),
/// then its cells left to right.
public struct SourceRow: Sendable, Equatable {
    public var skipBefore: Int
    public var cells: [SourceCell]

    public init(skipBefore: Int = 0, cells: [SourceCell]) {
        self.skipBefore = skipBefore
        self.cells = cells
    }
}

/// Places source rows into a logical grid the way HTML and Word do: each cell takes the next
/// position its row has free (positions held by a row span from above are skipped), spans
/// are clipped at the table's last row, and holes left by ragged rows are filled with
/// padding cells so that every position is covered exactly once.
///
/// Limits guard against hostile spans: a span never exceeds `maxSpan`, and the grid never
/// exceeds `maxCells` positions (`GridError.tooLarge`).
public struct GridBuilder: Sendable {
    public var maxSpan: Int
    public var maxCells: Int

    public init(maxSpan: Int = 1000, maxCells: Int = 200_000) {
        self.maxSpan = maxSpan
        self.maxCells = maxCells
    }

    public struct GridError: Error, Sendable, Equatable, CustomStringConvertible {
        public var rows: Int
        public var columns: Int
        public var description: String { "table of \(rows)×\(columns) positions exceeds the limit" }
    }

    public func build(_ source: [SourceRow]) throws(GridError) -> Table {
        let rowCount = source.count
        // Columns still occupied by a row span from above, per column: rows remaining.
        var carried: [Int] = []
        var placed: [Cell] = []
        var columnCount = 0
        for (r, row) in source.enumerated() {
            var column = 0
            var skip = min(max(row.skipBefore, 0), maxSpan)
            func advanceToFree() {
                while column < carried.count, carried[column] > 0 { column += 1 }
            }
            advanceToFree()
            while skip > 0 {
                column += 1
                skip -= 1
                advanceToFree()
            }
            for cell in row.cells {
                advanceToFree()
                let colSpan = min(cell.columnSpan, maxSpan)
                let rowSpan = min(cell.rowSpan, maxSpan, rowCount - r)
                // A span runs into an occupied position: shorten it there (browsers do the same).
                var span = 1
                while span < colSpan, column + span >= carried.count || carried[column + span] == 0 { span += 1 }
                placed.append(Cell(row: r, column: column, rowSpan: rowSpan, columnSpan: span, text: cell.text))
                if carried.count < column + span { carried += Array(repeating: 0, count: column + span - carried.count) }
                for c in column..<(column + span) { carried[c] = max(carried[c], rowSpan) }
                column += span
                columnCount = max(columnCount, column)
                if columnCount * max(rowCount, 1) > maxCells { throw GridError(rows: rowCount, columns: columnCount) }
            }
            columnCount = max(columnCount, carried.count)
            for c in carried.indices where carried[c] > 0 { carried[c] -= 1 }
        }
        // Fill holes with padding cells.
        var covered = Array(repeating: false, count: rowCount * columnCount)
        for cell in placed {
            for rr in cell.row..<(cell.row + cell.rowSpan) {
                for cc in cell.column..<(cell.column + cell.columnSpan) where cc < columnCount {
                    covered[rr * columnCount + cc] = true
                }
            }
        }
        var cells = placed
        for r in 0..<rowCount {
            for c in 0..<columnCount where !covered[r * columnCount + c] {
                cells.append(Cell(row: r, column: c, text: "", isPadding: true))
            }
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return Table(rowCount: rowCount, columnCount: columnCount, cells: cells)
    }
}
