import DocModel
import Normalization
import TableCore
import TextLayout

/// Tables whose columns are set by spaces (see `AlignedColumns` for the cutting of a line).
///
/// A table is a run of lines holding at least two rows of values ("anchors": a label and
/// values, or values alone), with header lines (several fields, no value), short label
/// fragments, blank lines and page numbers between them. Prose (one long field) ends it.
///
/// When the run has column geometry (gaps of two columns or more), a label wrapped over
/// several lines, or stacked a character or two a line down the left, is joined back: a
/// fragment that begins with a numbering marker starts the label of the next row of values
/// (values centred beside a wrapped label), any other fragment continues the row above
/// (values on a label's first line); fragments stand in label columns by their start. Values
/// take the columns of the run's fullest rows by their position, so a blank cell (which
/// prints nothing) stays blank in its own column.
///
/// A line holding one value and nothing else (`valueLine`) is the rest of a row whose values
/// were cut off, at a page break or onto the next line: a row of values, never a label piece.
/// The aligner joins it to the row above when that row lacks exactly these values.
enum AlignedTable {
    enum Kind: Equatable { case anchor, header, fragment, valueLine, skip, other }

    struct Line {
        var index: Int
        var kind: Kind
        var fields: [AlignedField]
    }

    /// Longest label fragment, in display columns; a longer single-field line is prose.
    static let fragmentWidth = 32
    /// Longest label on a row of values; a longer one is a sentence that ends in a number.
    static let labelWidth = 100

    static func classify(_ line: Substring, _ kind: TextAdapter.LineKind) -> (Kind, [AlignedField]) {
        switch kind {
        case .blank, .pageNumber: return (.skip, [])
        case .text: break
        default: return (.other, [])
        }
        let fields = AlignedColumns.fields(line)
        let values = fields.filter(\.isValue).count
        let labels = fields.filter { !$0.isValue }.map(\.width).max() ?? 0
        if values > 0, fields.count >= 2, labels <= labelWidth(values) { return (.anchor, fields) }
        if fields.count >= 2, fields.allSatisfy({ $0.width <= 40 }) { return (.header, fields) }
        if fields.count == 1, fields[0].isValue { return (.valueLine, fields) }
        if fields.count == 1, fields[0].width <= fragmentWidth { return (.fragment, fields) }
        return (.other, fields)
    }

    static func nextIsRow(_ lines: [Substring], _ kinds: [TextAdapter.LineKind], after i: Int) -> Bool {
        guard let kind = next(lines, kinds, after: i)?.0 else { return false }
        return kind == .anchor || kind == .fragment || kind == .valueLine
    }

    /// The next line that is not blank or a page number, classified.
    static func next(_ lines: [Substring], _ kinds: [TextAdapter.LineKind], after i: Int) -> (Kind, [AlignedField])? {
        var j = i + 1
        while j < lines.count {
            let line = classify(lines[j], kinds[j])
            if line.0 != .skip { return line }
            j += 1
        }
        return nil
    }

    /// A numbered line above a row that has more values than any row of the table so far: the
    /// heading of the next table, printed without its header (表四's one row under its section
    /// heading, 表三's first row under its own), not a label wrapped above its values.
    /// `most`: the most values of a row of the table so far.
    static func headsAnotherTable(most: Int, _ lines: [Substring], _ kinds: [TextAdapter.LineKind], after i: Int) -> Bool {
        guard let (kind, fields) = next(lines, kinds, after: i), kind == .anchor else { return false }
        return most > 0 && fields.filter(\.isValue).count > most
    }

    static func labelWidth(_ values: Int) -> Int { values >= 2 ? labelWidth : 40 }

    /// The lines from `start` that may belong to one table, classified; where they stop; the
    /// lines dropped as a page's running header among them.
    static func scan(
        _ lines: [Substring], _ kinds: [TextAdapter.LineKind], from start: Int, grid: GridBuilder
    ) throws(AdapterFailure) -> (run: [Line], end: Int, dropped: [Int]) {
        var run: [Line] = []
        var cells = 0
        var i = start
        var dropped: [Int] = []
        // What the run holds so far, kept as lines are added (the tests below ask each line).
        var hasAnchor = false, hasHeader = false, onlyFragments = true, mostValues = 0
        while i < lines.count {
            var (kind, fields) = classify(lines[i], kinds[i])
            // A page's first line (pdftotext starts a page with a form feed) that is one long
            // field, inside a table: the page's running header, not content.
            if kind == .other, fields.count == 1, lines[i].unicodeScalars.first == "\u{0C}", hasAnchor {
                kind = .skip
                dropped.append(i)
            }
            // A long numbered label line just above its row's values (a wrapped label).
            if kind == .other, fields.count == 1, fields[0].width <= 2 * fragmentWidth, AlignedColumns.isMarker(fields[0].text.unicodeScalars),
                hasAnchor || hasHeader, nextIsRow(lines, kinds, after: i),
                !headsAnotherTable(most: mostValues, lines, kinds, after: i)
            {
                kind = .fragment
            }
            if kind == .other { break }
            // A heading-like line inside the table is a label's numbered first line only when
            // rows or label lines follow it; before a header or prose it opens the next section.
            if kind == .fragment, hasAnchor,
                HeadingDetector.level(of: Normalizer.clean(String(lines[i]))) != nil, !nextIsRow(lines, kinds, after: i)
            {
                break
            }
            // Headings open the next part of the document, not a table.
            if kind == .fragment, onlyFragments, HeadingDetector.level(of: Normalizer.clean(String(lines[i]))) != nil { break }
            run.append(Line(index: i, kind: kind, fields: fields))
            cells += max(1, fields.count)
            try grid.check(cells: cells)
            hasAnchor = hasAnchor || kind == .anchor
            hasHeader = hasHeader || kind == .header
            onlyFragments = onlyFragments && (kind == .skip || kind == .fragment)
            if kind == .anchor { mostValues = max(mostValues, fields.filter(\.isValue).count) }
            i += 1
        }
        return (run, i, dropped)
    }

    /// The table starting at `start`, if one does: its rows and the line after it.
    /// `runningHeaders` counts the lines dropped as a page's running header inside the table.
    /// `rejectedUntil`: no table starts before this line (a scan that found none says where the
    /// lines it looked at stop being able to start one), so that no line is scanned again and
    /// again: the reader tries every line, and a scan is linear.
    static func read(
        _ lines: [Substring], _ kinds: [TextAdapter.LineKind], from start: Int, grid: GridBuilder, runningHeaders: inout [Int],
        rejectedUntil: inout Int
    ) throws(AdapterFailure) -> (Table, Int)? {
        guard start >= rejectedUntil else { return nil }
        let (run, i, dropped) = try scan(lines, kinds, from: start, grid: grid)
        // A table begins at its first header or anchor and ends after its last anchor and the
        // fragments that continue it.
        guard let first = run.firstIndex(where: { $0.kind == .anchor || $0.kind == .header }),
            let lastAnchor = run.lastIndex(where: { $0.kind == .anchor })
        else {
            // A later start inside the run sees no more anchors than this one.
            rejectedUntil = max(i, start + 1)
            return nil
        }
        var last = lastAnchor
        let valueStart = run[lastAnchor].fields.first(where: \.isValue)?.start ?? 0
        while last + 1 < run.count, run[last + 1].kind == .fragment || run[last + 1].kind == .header,
            run[last + 1].fields.allSatisfy({ $0.start < valueStart - 1 }),
            HeadingDetector.level(of: run[last + 1].fields[0].text) == nil
        { last += 1 }
        // The cut-off values of the last row, after a page break.
        if let v = run[(last + 1)...].firstIndex(where: { $0.kind != .skip }), run[v].kind == .valueLine { last = v }
        let body = Array(run[first...last])
        let anchors = body.filter { $0.kind == .anchor }
        // One row alone is a table when it is short ("行政许可 5") or has many values.
        guard anchors.count >= 2 || anchors.contains(where: { a in
            a.fields.filter(\.isValue).count >= 3 || (a.fields.last?.end ?? 0) <= 30
        }) else {
            rejectedUntil = max(i, start + 1)
            return nil
        }
        // Headers and fragments before the first header or anchor belong to the text around: a
        // start after the last of them may begin the table.
        guard first == 0 || run[..<first].allSatisfy({ $0.kind == .skip }) else {
            rejectedUntil = (run[..<first].last(where: { $0.kind != .skip })?.index ?? start) + 1
            return nil
        }
        let rows = AlignedRows.build(body, lines: lines)
        let table = try grid.table(AlignedRows.sourceRows(rows))
        let end = body[body.count - 1].index + 1
        runningHeaders += dropped.filter { $0 < end }
        return (table, end)
    }
}
