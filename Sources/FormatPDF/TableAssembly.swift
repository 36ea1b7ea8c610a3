import DocModel
import Normalization
import TableCore

/// A table as read from one or more pages: regions with their page, in grid coordinates.
struct SpanningTable: Sendable {
    struct Region: Sendable {
        var page: Int
        var region: PageTable.Region
    }

    var rowCount: Int
    var columnCount: Int
    var regions: [Region]
    var lastPage: Int
    var columnEdges: [Double]
    /// Pages joined onto the first (for the finding).
    var joinedPages: [Int] = []
    var ruledColumns: Bool

    init(_ table: PageTable) {
        rowCount = table.rowCount
        columnCount = table.columnCount
        regions = table.regions.map { Region(page: table.page, region: $0) }
        lastPage = table.page
        columnEdges = table.columnEdges
        ruledColumns = table.ruledColumns
    }

    /// The texts of one row's cells (for recognising a repeated header).
    func rowTexts(_ row: Int) -> [String] {
        regions.filter { $0.region.row == row }.map { TextFlow.cellText(of: $0.region.lines).clean }
    }

    /// Whether `next` may continue this table: on the following page, with the same outer
    /// edges and, when both draw their column rules, every inner edge one of this table's;
    /// when columns come from the words, at least as many of this table's inner edges as
    /// edges of its own.
    func continues(_ next: PageTable) -> Bool {
        guard next.page == lastPage + 1, let first = next.columnEdges.first, let last = next.columnEdges.last,
            abs(first - columnEdges[0]) <= 4, abs(last - columnEdges[columnEdges.count - 1]) <= 4 else { return false }
        let inner = next.columnEdges.dropFirst().dropLast()
        let shared = inner.filter { e in columnEdges.contains { abs($0 - e) <= 4 } }.count
        return ruledColumns && next.ruledColumns ? shared == inner.count : shared >= inner.count - shared
    }

    /// Adds the inner edges of a continued part that this table lacks (a column the first page
    /// had no row to show: a rule or gutter only the rows below have); a cell across a new
    /// edge spans one more column.
    mutating func refine(_ edges: [Double]) {
        for e in edges where e > columnEdges[0] + 4 && e < columnEdges[columnEdges.count - 1] - 4 {
            guard !columnEdges.contains(where: { abs($0 - e) <= 4 }), let k = columnEdges.firstIndex(where: { $0 > e }) else { continue }
            columnEdges.insert(e, at: k)
            columnCount += 1
            // The new edge is between grid columns k-1 and k (old numbering: a cell over old column k-1 is cut).
            for i in regions.indices {
                let r = regions[i].region
                if r.column >= k { regions[i].region.column += 1 }
                else if r.column + r.columnSpan > k - 1 { regions[i].region.columnSpan += 1 }
            }
        }
    }

    /// The column of this table at each of `next`'s column edges, when `next` (on the
    /// following page) has this table's columns: the same outer edges, each inner edge on one
    /// of this table's (a continued part may lack some inner rules). Nil otherwise.
    func columnMap(for next: PageTable) -> [Int]? {
        guard next.page == lastPage + 1 else { return nil }
        var map: [Int] = []
        for edge in next.columnEdges {
            guard let i = columnEdges.firstIndex(where: { abs($0 - edge) <= 4 }) else { return nil }
            map.append(i)
        }
        guard map.first == 0, map.last == columnEdges.count - 1 else { return nil }
        return map
    }

    /// Appends the rows of `next` (columns mapped by `columnMap`): without the header rows it
    /// repeats from this table's top; a first row that only continues this table's last row
    /// (a row broken by the page) merges into it, as do empty cells under a cell that spans
    /// rows down to the break (a vertical merge across the page).
    mutating func append(_ next: PageTable, columns map: [Int]) {
        var part = SpanningTable(next)
        for i in part.regions.indices {
            let r = part.regions[i].region
            part.regions[i].region.column = map[r.column]
            part.regions[i].region.columnSpan = map[r.column + r.columnSpan] - map[r.column]
        }
        let skip = repeatedHeaderRows(part)
        part.regions.removeAll { $0.region.row < skip }
        for i in part.regions.indices { part.regions[i].region.row -= skip }
        part.rowCount -= skip
        let continuation = isContinuation(part)
        let offset = rowCount - (continuation ? 1 : 0)
        for r in part.regions {
            if r.region.row == 0, let above = regionEnding(atColumn: r.region.column, span: r.region.columnSpan),
                continuation || (r.region.lines.isEmpty && (r.region.rowSpan > 1 || regions[above].region.rowSpan > 1)) {
                regions[above].region.rowSpan += r.region.rowSpan - (continuation ? 1 : 0)
                regions[above].region.lines += r.region.lines
                continue
            }
            var moved = r
            moved.region.row += offset
            regions.append(moved)
        }
        rowCount = offset + part.rowCount
        lastPage = next.page
        joinedPages.append(next.page)
    }

    /// The number of rows at the top of `part` that repeat this table's top rows: a band of
    /// rows no cell crosses, the same texts in both.
    func repeatedHeaderRows(_ part: SpanningTable) -> Int {
        var best = 0
        for h in 1..<min(part.rowCount, rowCount, 6) {
            guard (0..<h).allSatisfy({ part.rowTexts($0) == rowTexts($0) }) else { break }
            if closedBand(h), part.closedBand(h) { best = h }
        }
        return best
    }

    func closedBand(_ h: Int) -> Bool {
        regions.allSatisfy { $0.region.row >= h || $0.region.row + $0.region.rowSpan <= h }
    }

    /// A first row that holds no number while this table's last row does, with some cell
    /// empty: the rest of a row the page broke.
    func isContinuation(_ part: SpanningTable) -> Bool {
        let first = part.regions.filter { $0.region.row == 0 }
        let last = regions.filter { $0.region.row + $0.region.rowSpan == rowCount && $0.region.row == rowCount - 1 }
        func numeric(_ r: Region) -> Bool {
            let t = TextFlow.cellText(of: r.region.lines).clean
            return !t.isEmpty && t.allSatisfy { $0.isASCIIDigit || $0 == "." || $0 == "," }
        }
        return !first.isEmpty && !first.contains(where: numeric) && first.contains { $0.region.lines.isEmpty }
            && last.contains(where: numeric)
    }

    /// The region that covers this table's last row at exactly these columns.
    func regionEnding(atColumn column: Int, span: Int) -> Int? {
        regions.firstIndex {
            $0.region.column == column && $0.region.columnSpan == span && $0.region.row + $0.region.rowSpan == rowCount
        }
    }

    /// The logical grid, placed by the shared grid builder; each cell keeps its box and raw text.
    func table(limits: ReadLimits) throws(AdapterFailure) -> Table {
        let sorted = regions.sorted { ($0.region.row, $0.region.column) < ($1.region.row, $1.region.column) }
        var rows = Array(repeating: SourceRow(cells: []), count: rowCount)
        var origins: [[Int]: CellOrigin] = [:]
        for r in sorted {
            let text = TextFlow.cellText(of: r.region.lines)
            rows[r.region.row].cells.append(SourceCell(text.clean, rowSpan: r.region.rowSpan, columnSpan: r.region.columnSpan))
            let b = r.region.box
            origins[[r.region.row, r.region.column]] = CellOrigin(
                raw: text.raw, location: .pdf(page: r.page, x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1))
        }
        var table: Table
        do {
            table = try GridBuilder(maxSpan: limits.maxSpan, maxCells: limits.maxTableCells).build(rows)
        } catch {
            throw AdapterFailure(.tooLarge, error.description)
        }
        for i in table.cells.indices { table.cells[i].origin = origins[[table.cells[i].row, table.cells[i].column]] }
        return table
    }
}
