import DocModel

/// How a source cell joins a neighbour in formats that merge by marks rather than spans. A
/// cell marked both ways widens the cell before it when there is one in its row, else extends
/// the one above.
public struct CellMerge: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Word's `w:vMerge` continue: the cell extends the one above that starts at the same
    /// column with the same width.
    public static let continuesAbove = CellMerge(rawValue: 1)
    /// Word's legacy `w:hMerge` continue: the cell widens the one before it in its row.
    public static let continuesLeft = CellMerge(rawValue: 2)
}

/// One cell as a source format states it, before grid placement.
public struct SourceCell: Sendable, Equatable {
    public var text: String
    public var rowSpan: Int
    public var columnSpan: Int
    public var merge: CellMerge
    /// Provenance, carried into the placed `Cell.origin` (its grid position filled in).
    public var origin: CellOrigin?

    public init(_ text: String, rowSpan: Int = 1, columnSpan: Int = 1, merge: CellMerge = [], origin: CellOrigin? = nil) {
        self.text = text
        self.rowSpan = max(1, rowSpan)
        self.columnSpan = max(1, columnSpan)
        self.merge = merge
        self.origin = origin
    }
}

/// One source row: empty positions before its first cell and after its last (DOCX
/// `w:gridBefore`, `w:gridAfter`), then its cells left to right.
public struct SourceRow: Sendable, Equatable {
    public var skipBefore: Int
    public var skipAfter: Int
    public var cells: [SourceCell]

    public init(skipBefore: Int = 0, skipAfter: Int = 0, cells: [SourceCell]) {
        self.skipBefore = skipBefore
        self.skipAfter = skipAfter
        self.cells = cells
    }
}

/// A grid position (0-based row and column).
public struct GridPosition: Sendable, Equatable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// The one grid placer every adapter feeds (text, DOCX, HTML, PDF). It places source rows into
/// a logical grid the way HTML and Word do:
/// - each cell takes the next position its row has free (positions held by a row span from
///   above are skipped), after the row's `skipBefore` positions;
/// - a column span that runs into an occupied position is shortened there (as browsers do);
///   row spans are clipped at the table's last row;
/// - a `continuesAbove` cell extends the cell above it (same start column and width) by one
///   row, a `continuesLeft` cell widens the cell before it; their text joins the merged
///   cell's on a new line. A continuation with nothing to continue is placed as a cell of its
///   own and reported in `Placement.unmatchedContinuations`;
/// - cells beyond the declared width widen the table (at least `minimumColumns` wide, and as
///   wide as every row's `skipAfter` reaches); holes are filled with padding cells so that
///   every position is covered exactly once.
///
/// Limits guard against hostile input: a span never exceeds `maxSpan`, and the grid never
/// exceeds `maxCells` positions (`GridError`).
public struct GridBuilder: Sendable {
    public var maxSpan: Int
    public var maxCells: Int

    public init(maxSpan: Int = 1000, maxCells: Int = 200_000) {
        self.maxSpan = maxSpan
        self.maxCells = maxCells
    }

    /// The grid bounds of an adapter's `ReadLimits`.
    public init(limits: ReadLimits) {
        self.init(maxSpan: limits.maxSpan, maxCells: limits.maxTableCells)
    }

    public struct GridError: Error, Sendable, Equatable, CustomStringConvertible {
        public var rows: Int
        public var columns: Int
        public var limit: Int
        /// Cells read when a reader gave up before placing them (`admit`); nil once placed.
        public var cellsRead: Int? = nil
        public var description: String {
            if let cellsRead { return "table of \(cellsRead) cells or more exceeds the limit of \(limit) positions" }
            return "table of \(rows)×\(columns) positions exceeds the limit of \(limit)"
        }
    }

    /// Throws once a reader has read more cells than a grid may hold positions (every cell
    /// takes one at least): it stops there, instead of reading a hostile million rows that
    /// `build` refuses anyway.
    public func admit(cells: Int) throws(GridError) {
        if cells > maxCells { throw GridError(rows: 0, columns: 0, limit: maxCells, cellsRead: cells) }
    }

    public struct Placement: Sendable, Equatable {
        public var table: Table
        /// Continuation cells that had no cell to continue (a table split where a merge ran).
        public var unmatchedContinuations: [GridPosition]
    }

    public func build(_ source: [SourceRow], minimumColumns: Int = 0) throws(GridError) -> Table {
        try place(source, minimumColumns: minimumColumns).table
    }

    public func place(_ source: [SourceRow], minimumColumns: Int = 0) throws(GridError) -> Placement {
        var state = PlacementState(builder: self, rowCount: source.count, columnCount: max(0, minimumColumns))
        for (r, row) in source.enumerated() {
            try state.place(row, at: r)
        }
        try state.checkSize()
        return Placement(table: state.finish(), unmatchedContinuations: state.unmatched)
    }
}

/// The placer's working state while rows are placed one by one.
private struct PlacementState {
    struct Placed {
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var text: String
        var origin: CellOrigin?
    }

    let builder: GridBuilder
    let rowCount: Int
    var columnCount: Int
    var placed: [Placed] = []
    var unmatched: [GridPosition] = []
    /// Rows still occupied by a row span from above, per column (the current row included).
    var carried: [Int] = []
    /// Index into `placed` of the cell whose bottom edge is the previous row, by start column
    /// (-1: none; columns past the end have none).
    var above: [Int] = []
    var current: [Int] = []

    init(builder: GridBuilder, rowCount: Int, columnCount: Int) {
        self.builder = builder
        self.rowCount = rowCount
        self.columnCount = columnCount
    }

    func checkSize() throws(GridBuilder.GridError) {
        if columnCount * max(rowCount, 1) > builder.maxCells {
            throw GridBuilder.GridError(rows: rowCount, columns: columnCount, limit: builder.maxCells)
        }
    }

    func isFree(_ column: Int) -> Bool { column >= carried.count || carried[column] == 0 }

    mutating func place(_ row: SourceRow, at r: Int) throws(GridBuilder.GridError) {
        var column = 0
        func advanceToFree() {
            while !isFree(column) { column += 1 }
        }
        advanceToFree()
        for _ in 0..<min(max(row.skipBefore, 0), builder.maxSpan) {
            column += 1
            advanceToFree()
        }
        var lastInRow: Int?
        for c in current.indices { current[c] = -1 }
        for cell in row.cells {
            advanceToFree()
            let width = min(cell.columnSpan, builder.maxSpan)
            if cell.merge.contains(.continuesLeft), let last = lastInRow, placed[last].row == r {
                placed[last].columnSpan += width
                join(cell.text, into: last)
                occupy(column, width, rows: placed[last].rowSpan)
                column += width
                columnCount = max(columnCount, column)
                try checkSize()
                continue
            }
            if cell.merge.contains(.continuesAbove) {
                let index = column < above.count ? above[column] : -1
                if index >= 0, placed[index].columnSpan == width, placed[index].row + placed[index].rowSpan == r {
                    placed[index].rowSpan += 1
                    join(cell.text, into: index)
                    setCurrent(column, index)
                    lastInRow = index
                    column += width
                    continue
                }
                unmatched.append(GridPosition(row: r, column: column))
            }
            // A span runs into an occupied position: shorten it there.
            var span = 1
            while span < width, isFree(column + span) { span += 1 }
            let rowSpan = min(cell.rowSpan, builder.maxSpan, rowCount - r)
            placed.append(Placed(row: r, column: column, rowSpan: rowSpan, columnSpan: span, text: cell.text, origin: cell.origin))
            setCurrent(column, placed.count - 1)
            lastInRow = placed.count - 1
            occupy(column, span, rows: rowSpan)
            column += span
            columnCount = max(columnCount, column)
            try checkSize()
        }
        columnCount = max(columnCount, carried.count, column + min(max(row.skipAfter, 0), builder.maxSpan))
        for c in carried.indices where carried[c] > 0 { carried[c] -= 1 }
        swap(&above, &current)
    }

    mutating func setCurrent(_ column: Int, _ index: Int) {
        if current.count <= column { current += Array(repeating: -1, count: column + 1 - current.count) }
        current[column] = index
    }

    mutating func occupy(_ column: Int, _ span: Int, rows: Int) {
        if carried.count < column + span { carried += Array(repeating: 0, count: column + span - carried.count) }
        for c in column..<(column + span) { carried[c] = max(carried[c], rows) }
    }

    mutating func join(_ text: String, into index: Int) {
        guard !text.isEmpty else { return }
        placed[index].text += placed[index].text.isEmpty ? text : "\n" + text
    }

    /// The table: placed cells with their origins at their grid positions, holes padded, in
    /// row-major order of their top-left positions (each position starts at most one cell).
    func finish() -> Table {
        /// Per grid position: the placed cell starting there, -2 if covered by another, -1 if a hole.
        var at = [Int](repeating: -1, count: rowCount * columnCount)
        for p in placed {
            for rr in p.row..<(p.row + p.rowSpan) {
                for cc in p.column..<min(p.column + p.columnSpan, columnCount) { at[rr * columnCount + cc] = -2 }
            }
        }
        for (i, p) in placed.enumerated() { at[p.row * columnCount + p.column] = i }
        var cells: [Cell] = []
        cells.reserveCapacity(at.count)
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                let i = at[r * columnCount + c]
                if i == -1 {
                    cells.append(Cell(row: r, column: c, text: "", isPadding: true))
                } else if i >= 0 {
                    let p = placed[i]
                    let origin = p.origin.map { CellOrigin(raw: $0.raw, location: $0.location.placed(row: p.row, column: p.column)) }
                    cells.append(Cell(row: p.row, column: p.column, rowSpan: p.rowSpan, columnSpan: p.columnSpan, text: p.text, origin: origin))
                }
            }
        }
        return Table(rowCount: rowCount, columnCount: columnCount, cells: cells)
    }
}
