import DocModel
import Normalization
import TableCore

/// Pipe tables whose cells went one per line with the pipe in front: what web-to-text tools
/// write when they break the line before each "|" of a Markdown row. A row's first cell stands
/// alone on its line, every further cell follows as "| text" (a blank one as "|" alone), and a
/// "|" alone ends the row; a line without a pipe inside a cell continues it ("| 计量", "单位"):
///
/// ```
/// 规章
/// | 0
/// | 0
/// |
/// |
/// 行政规范性文件
/// ```
///
/// (规章: 0, 0, a blank cell, then the row's end.) The mirror of `PipeCellTable`.
enum PipeLeadTable {
    /// Fewest cells for the lines to be taken for such a table: as for its mirror.
    static let minimumCells = PipeCellTable.minimumCells

    /// "| text" with no other pipe, or "|" alone.
    static func isLeadCell(_ line: Substring) -> Bool {
        // On bytes: the first byte after spaces is the line's only pipe.
        var seenPipe = false
        for b in line.utf8 {
            if b == 0x7C {
                if seenPipe { return false }
                seenPipe = true
            } else if !seenPipe, b != 0x20, b != 0x09 {
                return false
            }
        }
        return seenPipe
    }

    static func isLonePipe(_ line: Substring) -> Bool { PipeCellTable.isLonePipe(line) }

    /// The table starting at `start` (a line without pipes followed by a lead cell), or nil.
    /// `rejectedUntil`: where a run that proved not to be such a table ends (its lines are not
    /// scanned again).
    static func read(
        _ lines: [Substring], _ kinds: [TextAdapter.LineKind], from start: Int, grid: GridBuilder, rejectedUntil: inout Int,
        cell: (String, Int, Int, Int) -> SourceCell
    ) throws(AdapterFailure) -> (rows: [SourceRow], next: Int)? {
        guard start >= rejectedUntil else { return nil }
        func nextNonBlank(_ i: Int) -> Int? {
            var j = i + 1
            while j < lines.count, kinds[j] == .blank || kinds[j] == .pageNumber { j += 1 }
            return j < lines.count ? j : nil
        }
        // Cheap test first: the start is text followed by a lead cell.
        guard kinds[start] == .text, let second = nextNonBlank(start), isLeadCell(lines[second]), !PipeCellTable.hasPipe(lines[start]) else { return nil }
        // The members: lead cells, and text lines that a lead cell follows (a row's first cell or
        // a cell's next line); blank and page-number lines between them are skipped.
        var members: [Int] = []
        var i = start
        while i < lines.count {
            let isMember = isLeadCell(lines[i]) || (kinds[i] == .text && !PipeCellTable.hasPipe(lines[i]) && nextNonBlank(i).map { isLeadCell(lines[$0]) } == true)
            guard isMember else { break }
            members.append(i)
            try grid.check(cells: members.count)
            guard let j = nextNonBlank(i) else { break }
            i = j
        }
        guard let first = members.first, !isLeadCell(lines[first]) else { return nil }
        var rows: [SourceRow] = []
        var current: [SourceCell] = []
        var lastWasCell = false  // the member before was a cell's text (a line may continue it)
        for (m, i) in members.enumerated() {
            let line = lines[i]
            if !isLeadCell(line) {
                let text = PipeCellTable.trimmed(line)
                let from = line.unicodeScalars.distance(from: line.startIndex, to: text.startIndex)
                if lastWasCell, var previous = current.popLast() {
                    // A cell's next line: one cell, its origin the first line's.
                    previous.text = Normalizer.clean(previous.text + String(text))
                    current.append(previous)
                } else {
                    if !current.isEmpty { rows.append(spanned(current)) }
                    current = [cell(String(text), i, from, from + text.unicodeScalars.count)]
                }
                lastWasCell = true
                continue
            }
            if isLonePipe(line) {
                // The last lone pipe before a row's first cell (or the table's end) ends the row.
                let next = m + 1 < members.count ? members[m + 1] : nil
                if next.map({ !isLeadCell(lines[$0]) }) ?? true {
                    rows.append(spanned(current))
                    current = []
                } else {
                    current.append(cell("", i, 0, 0))
                }
                lastWasCell = false
                continue
            }
            let body = line.drop { $0 != "|" }.dropFirst()
            let text = PipeCellTable.trimmed(body)
            let from = line.unicodeScalars.distance(from: line.startIndex, to: text.startIndex)
            current.append(cell(String(text), i, from, from + text.unicodeScalars.count))
            lastWasCell = true
        }
        if !current.isEmpty { rows.append(spanned(current)) }
        guard rows.reduce(0, { $0 + $1.cells.count }) >= minimumCells, rows.contains(where: { $0.cells.count >= 2 }) else {
            rejectedUntil = (members.last ?? start) + 1
            return nil
        }
        return (rows, (members.last ?? start) + 1)
    }

    /// A row as read, but for blank cells between a label and the row's first value: those are
    /// the columns the label spans ("一、本年新收政府信息公开申请数量" over three), not blank cells;
    /// blank cells among or after the values stay blank.
    static func spanned(_ row: [SourceCell]) -> SourceRow {
        guard let firstValue = row.firstIndex(where: { PipeCellTable.isValue($0.text) }) else { return SourceRow(cells: row) }
        var cells: [SourceCell] = []
        for (k, c) in row.enumerated() {
            if k < firstValue, c.text.isEmpty, let last = cells.last, !last.text.isEmpty {
                cells[cells.count - 1].columnSpan += 1
            } else {
                cells.append(c)
            }
        }
        return SourceRow(cells: cells)
    }
}
