import DocModel
import Normalization
import TableCore

/// Pipe tables whose cells went one per line: what web-to-Markdown tools write for a portal's
/// table when each cell holds a paragraph (`<td><p>…</p></td>`). A row opens with "|" alone on
/// its line; each cell follows on its own line, closed by " |"; cells a line closes with
/// nothing before them ("本年处理决定数量 | ||") are the empty cells of merged columns:
///
/// ```
/// |
/// 规章 |
/// 0 |
/// 0 |
/// |
/// |
/// 行政规范性文件 |
/// ```
///
/// Whether a lone "|" opens a row or is a blank cell is settled by where it stands (`opening`:
/// "0 |", "|", "|" before a label is 规章's blank last cell, then the next row). Every cell keeps
/// its own line and range as its origin.
enum PipeCellTable {
    /// Most pipes of one line taken as cells or columns (a real row has a few dozen columns at
    /// most): a hostile line of millions of pipes makes no more.
    static let mostPipes = 256

    /// Fewest cells for the lines to be taken for such a table (表四 without its headers is one row of 15).
    static let minimumCells = 3

    static func isLonePipe(_ line: Substring) -> Bool { hasPipe(line) && trimmed(line) == "|" }

    static func hasPipe(_ line: Substring) -> Bool { line.utf8.contains(0x7C) }

    /// A line of the shape: one cell's text closed by "|" (nothing but pipes after it: the
    /// empty cells of merged columns), or pipes alone (a row's opening, empty cells). A line with
    /// text between pipes is a pipe row ("规章 | 0 | 0 |"), not this shape.
    static func isPipeCellLine(_ line: Substring) -> Bool {
        // Most lines hold no pipe: a byte test first.
        guard hasPipe(line) else { return false }
        let t = trimmed(line)
        guard t.last == "|", let first = t.firstIndex(of: "|") else { return false }
        return t[first...].allSatisfy { $0 == "|" || $0 == " " || $0 == "\t" }
    }

    static func trimmed(_ line: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) }) else { return line[line.endIndex...] }
        return line[first...last]
    }

    /// The table starting at `start`, or nil when the lines there are not of this shape: fewer
    /// than `minimumCells` cells, or no row of two cells. It starts at a lone "|", or at a cell
    /// line when pipes alone follow in the run (some tools leave out the first row's opening).
    /// Blank lines and page-number lines inside the run (a page break) are skipped. A line of
    /// pipes alone counts as that many lone pipes ("||||": padding cells and the next row's
    /// opening on one line).
    /// `rejectedUntil`: where a run that proved not to be such a table ends, so that the lines
    /// inside it are not scanned again (each scan is linear, and the reader tries every line).
    static func read(
        _ lines: [Substring], _ kinds: [TextAdapter.LineKind], from start: Int, grid: GridBuilder, rejectedUntil: inout Int,
        cell: (String, Int, Int, Int) -> SourceCell
    ) throws(AdapterFailure) -> (rows: [SourceRow], next: Int)? {
        guard start >= rejectedUntil, isPipeCellLine(lines[start]) else { return nil }
        var tokens: [(line: Int, isPipe: Bool)] = []
        var end = start
        while end < lines.count {
            if isPipeCellLine(lines[end]) {
                let pipes = pipesOnly(lines[end])
                tokens += pipes > 0 ? Array(repeating: (end, true), count: min(pipes, mostPipes)) : [(end, false)]
                try grid.check(cells: tokens.count)
            } else if kinds[end] != .blank, kinds[end] != .pageNumber {
                break
            }
            end += 1
        }
        // Trailing blank lines belong to what follows.
        if let last = tokens.last { end = last.line + 1 }
        guard tokens.contains(where: \.isPipe), let rows = rows(tokens, lines, cell: cell) else {
            rejectedUntil = end
            return nil
        }
        return (rows, end)
    }

    /// The rows of a run's tokens (cell lines, and each pipe of a line of pipes alone), or nil
    /// when they are fewer than `minimumCells` cells or no row has two.
    static func rows(_ tokens: [(line: Int, isPipe: Bool)], _ lines: [Substring], cell: (String, Int, Int, Int) -> SourceCell) -> [SourceRow]? {
        var rows: [SourceRow] = []
        var shape = Shape()
        var current: OpenRow?
        func close() {
            guard let row = current else { return }
            let done = closed(row.cells)
            shape.add(done.cells, slots: row.slots)
            rows.append(done)
        }
        var m = 0
        while m < tokens.count {
            guard tokens[m].isPipe else {
                if current == nil { current = OpenRow() }
                for c in cells(lines[tokens[m].line], line: tokens[m].line, cell: cell) { current?.append(c) }
                m += 1
                continue
            }
            // A run of lone pipes: blank cells of the open row, one row opening, blank leading
            // cells of the new row (`opening`).
            var k = m
            while k < tokens.count, tokens[k].isPipe { k += 1 }
            let next = k < tokens.count ? lines[tokens[k].line] : nil
            let open = current.map { opening(run: k - m, next: next, row: $0, shape: shape) } ?? 0
            for (n, token) in tokens[m..<k].enumerated() {
                if n == open {
                    close()
                    current = OpenRow()
                } else {
                    current?.append(cell("", token.line, 0, 0))
                }
            }
            m = k
        }
        if let row = current, !row.cells.isEmpty { close() }
        guard shape.cells >= minimumCells, shape.mostCells >= 2 else { return nil }
        return rows
    }

    /// The row being read, with its width in columns and its value positions (`slots`: its
    /// columns from its first value on), kept as cells are added.
    struct OpenRow {
        var cells: [SourceCell] = []
        var width = 0
        var slots = 0

        mutating func append(_ c: SourceCell) {
            cells.append(c)
            width += c.columnSpan
            if slots > 0 || isValue(c.text) { slots += c.columnSpan }
        }
    }

    /// What the rows read so far are like: the widest (in columns), the fullest (in value
    /// positions), kept as rows are added.
    struct Shape {
        var widest = 0
        var fullest = 0
        var cells = 0
        var mostCells = 0

        mutating func add(_ row: [SourceCell], slots: Int) {
            widest = max(widest, row.reduce(0) { $0 + $1.columnSpan })
            fullest = max(fullest, slots)
            cells += row.count
            mostCells = max(mostCells, row.count)
        }
    }

    /// Fewest cell lines for a run closed by pipes, with no pipes alone among them, to be read
    /// as one cell a line.
    static let minimumStreamLines = 6

    /// Cells a line closed by pipes with nothing to mark the rows ("信息内容 |", "本年新 制作数量 |",
    /// …, "规章 |", "0 |": no "|" alone anywhere in the run), as some tools write a table: the
    /// pipes are cut off, so that the lines are one cell a line (`CellStreamTable` pairs them by
    /// the template). Each line keeps its start, so cell origins stay where they were.
    static func unpipeStreams(_ lines: inout [Substring]) {
        var i = 0
        while i < lines.count {
            guard isPipeCellLine(lines[i]), pipesOnly(lines[i]) == 0 else {
                i += 1
                continue
            }
            var j = i
            var cellLines: [Int] = []
            var hasPipesAlone = false
            while j < lines.count {
                if isPipeCellLine(lines[j]) {
                    if pipesOnly(lines[j]) > 0 { hasPipesAlone = true } else { cellLines.append(j) }
                } else if !trimmed(lines[j]).isEmpty {
                    break
                }
                j += 1
            }
            if !hasPipesAlone, cellLines.count >= minimumStreamLines {
                for k in cellLines {
                    let line = lines[k]
                    lines[k] = line[..<(line.firstIndex(of: "|") ?? line.endIndex)]
                }
            }
            i = j
        }
    }

    /// The number of pipes of a line of pipes alone (0 for a line with text).
    static func pipesOnly(_ line: Substring) -> Int {
        let t = trimmed(line)
        guard t.first == "|", t.allSatisfy({ $0 == "|" || $0 == " " || $0 == "\t" }) else { return 0 }
        return t.count(where: { $0 == "|" })
    }

    /// Which lone pipe of a run of `run` opens the next row (`run`: none, the run closes the
    /// open row). Rows open with their label; a row is as wide as the widest before it (merged
    /// columns are padded with pipes) but for the columns a row span from above holds; and a row
    /// of values has as many value positions (`slots`) as the fullest row before it. So:
    /// - before a value, in a row that holds values, the pipes fill the row's missing value
    ///   positions as blank cells ("0 |", "|", "3 |"); the pipe after those opens the next row
    ///   (one whose label went), the rest are its blank leading cells;
    /// - before a label, the last pipe opens the row, unless the open row is as wide as the
    ///   widest and more pipes follow (blank leading cells of the new row);
    /// - at the end of the table, they are the open row's last cells.
    static func opening(run: Int, next: Substring?, row: OpenRow, shape: Shape) -> Int {
        guard let next else { return run }
        let text = String(trimmed(next).dropLast()).trimmingSpaces
        if row.slots > 0, isValue(text) {
            let room = shape.fullest > 0 ? shape.fullest - row.slots : shape.widest - row.width
            return min(run, max(0, room))
        }
        guard shape.widest > 0 else { return run - 1 }
        return row.width >= shape.widest ? 0 : min(run - 1, shape.widest - row.width)
    }

    static func isValue(_ text: String) -> Bool { !ValueParser.isBlank(text) && ValueParser.isValueLike(text) }

    /// The cell a line closes: its text before the first pipe, spanning one column more for
    /// each further pipe (the columns a merged cell covers); a line of pipes alone is a blank
    /// cell as wide.
    static func cells(_ line: Substring, line index: Int, cell: (String, Int, Int, Int) -> SourceCell) -> [SourceCell] {
        let scalars = Array(line.unicodeScalars)
        guard let bar = scalars.firstIndex(of: "|") else { return [] }
        let lead = scalars[..<bar].prefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }.count
        let text = String(String.UnicodeScalarView(scalars[lead..<bar])).trimmingSpaces
        var c = cell(text, index, lead, lead + text.unicodeScalars.count)
        c.columnSpan = min(scalars[bar...].count(where: { $0 == "|" }), mostPipes)
        return [c]
    }

    /// A row as read, but for its last cell's extra pipes: those pad the row to the table's
    /// width (Markdown wants every row as wide), so they are empty cells, not a span.
    static func closed(_ row: [SourceCell]) -> SourceRow {
        guard var last = row.last, last.columnSpan > 1 else { return SourceRow(cells: row) }
        let padding = last.columnSpan - 1
        last.columnSpan = 1
        let empty = SourceCell("", origin: last.origin.map { CellOrigin(raw: "", location: $0.location) })
        return SourceRow(cells: row.dropLast() + [last] + Array(repeating: empty, count: padding))
    }
}
