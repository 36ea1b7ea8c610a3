import DocModel
import TableCore
import Testing

/// The one grid placer: spans, merges by marks, skipped positions, limits, origins.
@Suite struct GridBuilderTests {
    @Test func rowAndColumnSpansCoverEachPositionOnce() throws {
        let table = try GridBuilder().build([
            SourceRow(cells: [SourceCell("表头", rowSpan: 2), SourceCell("甲乙", columnSpan: 2)]),
            SourceRow(cells: [SourceCell("甲"), SourceCell("乙")]),
            SourceRow(cells: [SourceCell("合计"), SourceCell("1")]),
        ])
        #expect(table.rowCount == 3 && table.columnCount == 3)
        var covered = Set<[Int]>()
        for c in table.cells {
            for r in c.row..<(c.row + c.rowSpan) { for k in c.column..<(c.column + c.columnSpan) { #expect(covered.insert([r, k]).inserted) } }
        }
        #expect(covered.count == 9)
        #expect(table.cells.first { $0.text == "甲" }?.column == 1)
        #expect(table.cells.filter(\.isPadding).count == 1)
    }

    @Test func spansAreClippedAndBounded() throws {
        let table = try GridBuilder().build([SourceRow(cells: [SourceCell("x", rowSpan: 50, columnSpan: 3)]), SourceRow(cells: [SourceCell("y")])])
        #expect(table.cells.first?.rowSpan == 2)
        #expect(table.cells.first { $0.text == "y" }?.column == 3)
        #expect(throws: GridBuilder.GridError.self) {
            try GridBuilder(maxSpan: 1000, maxCells: 100).build([SourceRow(cells: [SourceCell("x", columnSpan: 1000)])])
        }
    }

    @Test func gridBeforeSkipsPositions() throws {
        let table = try GridBuilder().build([SourceRow(cells: [SourceCell("a"), SourceCell("b")]), SourceRow(skipBefore: 1, cells: [SourceCell("c")])])
        #expect(table.cells.first { $0.text == "c" }?.column == 1)
    }

    /// Word's merges by marks: a vMerge continuation extends the cell above (same start and
    /// width), an hMerge continuation widens the cell before it, text joins on a new line;
    /// gridAfter and the declared grid widen the table.
    @Test func mergeMarksJoinTheirCells() throws {
        let placement = try GridBuilder().place(
            [
                SourceRow(cells: [SourceCell("申请人", columnSpan: 2), SourceCell("甲"), SourceCell("乙", merge: .continuesLeft)]),
                SourceRow(skipAfter: 3, cells: [SourceCell("情况", columnSpan: 2, merge: .continuesAbove), SourceCell("1")]),
                SourceRow(cells: [SourceCell("", merge: .continuesAbove), SourceCell("2")]),
            ], minimumColumns: 5)
        let table = placement.table
        #expect(table.columnCount == 6)
        #expect(table.cells.first == Cell(row: 0, column: 0, rowSpan: 2, columnSpan: 2, text: "申请人\n情况"))
        #expect(table.cells.first { $0.text == "甲\n乙" }.map { [$0.column, $0.columnSpan] } == [2, 2])
        // Row 2's continuation has nothing above it of its width at column 0: a cell of its own.
        #expect(placement.unmatchedContinuations == [GridPosition(row: 2, column: 0)])
        #expect(table.cells.filter { !$0.isPadding }.map(\.text) == ["申请人\n情况", "甲\n乙", "1", "", "2"])
        // 18 positions: 9 covered by the 5 cells, 9 padding.
        #expect(table.cells.count == 5 + 9 && table.cells.filter(\.isPadding).count == 9)
    }

    /// A cell's origin comes through placement with its grid position filled in (DOCX and
    /// HTML locate cells by grid row and column; text keeps its line and columns).
    @Test func originsCarryTheirGridPosition() throws {
        func html(_ raw: String) -> CellOrigin { CellOrigin(raw: raw, location: .html(table: 4, row: 0, cell: 0, line: 9)) }
        let text = CellOrigin(raw: " 1 ", location: .text(line: 3, from: 2, to: 5))
        let table = try GridBuilder().build([
            SourceRow(cells: [SourceCell("a", rowSpan: 2, origin: html("a")), SourceCell("b", origin: html("b"))]),
            SourceRow(cells: [SourceCell("c", origin: html(" c ")), SourceCell("1", origin: text)]),
        ])
        #expect(table.cells.filter { !$0.isPadding }.map(\.origin) == [
            html("a"), CellOrigin(raw: "b", location: .html(table: 4, row: 0, cell: 1, line: 9)),
            CellOrigin(raw: " c ", location: .html(table: 4, row: 1, cell: 1, line: 9)), text,
        ])
    }

    /// Rows of random spans and skipped positions (a seeded generator, so a failure repeats):
    /// every source cell is placed once, no two cells overlap, padding fills the rest, and the
    /// cells come in row-major order of their top-left positions.
    @Test(arguments: 1...40)
    func randomSpansAreEachPlacedOnceInGridOrder(seed: UInt64) throws {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var rows: [SourceRow] = []
        var sourceCells = 0
        for r in 0..<(1 + next(8)) {
            let cells = (0..<next(6)).map { k in SourceCell("\(r).\(k)", rowSpan: 1 + next(3), columnSpan: 1 + next(3)) }
            sourceCells += cells.count
            rows.append(SourceRow(skipBefore: next(2), skipAfter: next(2), cells: cells))
        }
        let table = try GridBuilder().build(rows)
        #expect(table.cells.filter { !$0.isPadding }.count == sourceCells)
        var covered = Set<[Int]>()
        for c in table.cells {
            for r in c.row..<(c.row + c.rowSpan) { for k in c.column..<(c.column + c.columnSpan) { #expect(covered.insert([r, k]).inserted) } }
        }
        #expect(covered.count == table.rowCount * table.columnCount)
        let starts = table.cells.map { [$0.row, $0.column] }
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    }
}
