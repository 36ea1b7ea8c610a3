import DocModel
import Normalization
import TableCore
import TextLayout

/// Tables whose cells were run together (`RunTogether`): a row a line
/// ("规章000", "一、本年新收政府信息公开申请数量21710000218"), or a whole table on one line.
///
/// A table is a run of lines holding at least one run-together row, with header lines (label
/// text alone: no digit, no sentence punctuation, not a heading), lines of digits alone (表四's
/// unlabelled row) and blank lines or page numbers between them. Each line is one source row:
/// its label pieces and value runs as cells, where they stand on the line. The table is marked
/// `runTogether`: the aligner cuts glued labels apart and splits the value runs.
enum RunTogetherTable {
    enum Kind: Equatable { case row, values, header, skip, other }

    /// Longest header line, in scalars (表四's header run together is about 80).
    static let headerLength = 200

    /// `loose`: the line was cut from a page run together, where a space between a label and its
    /// digits is markup whitespace, not a column gap.
    static func classify(_ line: Substring, _ kind: TextAdapter.LineKind, loose: Bool = false) -> (Kind, [RunTogether.Piece]) {
        switch kind {
        case .blank, .pageNumber: return (.skip, [])
        case .text: break
        default: return (.other, [])
        }
        // Cheap tests first: most lines are prose (sentence punctuation, no run of digits glued to a label).
        let hasDigit = line.unicodeScalars.contains(where: RunTogether.isDigit)
        if hasDigit, let pieces = RunTogether.pieces(line, spacesGlue: loose) { return (.row, pieces) }
        guard line.unicodeScalars.count <= headerLength || hasDigit, !hasSentencePunctuation(line) else { return (.other, []) }
        let scalars = line.unicodeScalars
        let from = scalars.prefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }.count
        let raw = String(String.UnicodeScalarView(scalars.dropFirst(from))).trimmingSpaces
        let whole = RunTogether.Piece(text: raw, from: from, to: from + raw.unicodeScalars.count, isValues: !hasDigit ? false : true)
        // Digits alone, with no space between them (spaced digits are columns set by spaces).
        if hasDigit {
            let spaced = raw.unicodeScalars.contains { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
            return !spaced && RunTogether.isValueRun(raw[...]) ? (.values, [whole]) : (.other, [])
        }
        return isHeader(Normalizer.clean(raw)) ? (.header, [whole]) : (.other, [])
    }

    /// Sentence punctuation outside brackets: prose, never a header or a row.
    static func hasSentencePunctuation(_ line: Substring) -> Bool {
        var depth = 0
        for s in line.unicodeScalars {
            if s == "（" || s == "(" { depth += 1 } else if s == "）" || s == ")" { depth = max(0, depth - 1) }
            if depth == 0, s == "，" || s == "。" || s == "；" || s == "！" || s == "？" || s == "：" || s == ":" { return true }
        }
        return false
    }

    static func isHeader(_ text: String) -> Bool {
        guard !text.isEmpty, text.unicodeScalars.count <= headerLength, HeadingDetector.level(of: text) == nil else { return false }
        var depth = 0
        for s in text.unicodeScalars {
            if s.properties.numericType != nil, s.value < 0x3000 { return false }
            if "（(".unicodeScalars.contains(s) { depth += 1 } else if "）)".unicodeScalars.contains(s) { depth = max(0, depth - 1) }
            if depth == 0, "，。；！？：:".unicodeScalars.contains(s) { return false }
        }
        return true
    }

    /// Fewest digits of a line of digits alone that opens a table under header lines.
    static let minimumRowDigits = 6
    /// Fewest digits of a line of digits alone that is a table by itself: 表四's fifteen cells
    /// with its header lost (a phone number or a postal code is shorter).
    static let headerlessRowDigits = 15
    /// Lines looked at after a header line for the run-together row that makes it a table's.
    static let lookahead = 6

    /// The table starting at `start`, if one does, and the line after it.
    static func read(
        _ lines: [Substring], _ kinds: [TextAdapter.LineKind], from start: Int, grid: GridBuilder, pageLines: Set<Int> = []
    ) throws(AdapterFailure) -> (Table, Int)? {
        var rows: [SourceRow] = []
        var readCells = 0
        var kept = 0
        var i = start
        var end = start
        var sawRow = false
        loop: while i < lines.count {
            var (kind, pieces) = classify(lines[i], kinds[i], loose: pageLines.contains(i))
            // A row's label alone, its values on the next line: a row of the table.
            if kind == .other, let label = labelAboveValues(lines, kinds, i, pageLines, digits: sawRow ? 1 : rows.isEmpty ? minimumRowDigits : 2) {
                (kind, pieces) = (.row, [label])
            }
            switch kind {
            case .other: break loop
            case .skip:
                i += 1
                continue
            case .header:
                // Header lines open a table only when a run-together row follows them.
                // (The first one looks ahead for the row past the others.)
                if !sawRow, rows.isEmpty, !rowFollows(lines, kinds, after: i, pageLines) { return nil }
            case .values:
                // A line of digits alone is a row under a header (表四's unlabelled row).
                let digits = pieces[0].text.unicodeScalars.filter(RunTogether.isDigit).count
                if !sawRow, !rows.isEmpty, digits >= minimumRowDigits {
                    sawRow = true
                } else if !sawRow, rows.count >= 2, i > start, classify(lines[i - 1], kinds[i - 1]).0 == .header {
                    // Under a header, a label line and its values on the next line ("规章" | "0021").
                    sawRow = true
                } else if !sawRow, rows.isEmpty, digits >= headerlessRowDigits {
                    // A row that needs no header: 表四's values with its header lost.
                    sawRow = true
                } else if !sawRow, !rowFollows(lines, kinds, after: i, pageLines) {
                    return nil
                }
            case .row:
                sawRow = true
            }
            let cells = pieces.map { p in
                SourceCell(Normalizer.clean(p.text), origin: CellOrigin(raw: p.text, location: .text(line: i + 1, from: p.from, to: p.to)))
            }
            rows.append(SourceRow(cells: cells))
            readCells += cells.count
            try grid.check(cells: readCells)
            i += 1
            // Header lines after the last row belong to the text that follows.
            if kind != .header {
                end = i
                kept = rows.count
            }
        }
        guard sawRow else { return nil }
        var table = try grid.table(Array(rows.prefix(kept)))
        table.runTogether = true
        return (table, end)
    }

    /// Longest label alone on its line above its values.
    static let labelLength = 60

    /// The line as one label cell, when it is a row's label whose values went to the next line:
    /// text with no sentence punctuation and no run of values ("2.重复申请", a group label and the
    /// first row's "（五）不予处理1.信访举报投诉类申请"), then a line of at least `digits` digits
    /// alone: to open a table with no header above, a whole row's, not a number under a heading.
    static func labelAboveValues(_ lines: [Substring], _ kinds: [TextAdapter.LineKind], _ i: Int, _ pageLines: Set<Int>, digits: Int) -> RunTogether.Piece? {
        guard kinds[i] == .text, lines[i].unicodeScalars.count <= labelLength, !hasSentencePunctuation(lines[i]), i + 1 < lines.count else { return nil }
        let (next, values) = classify(lines[i + 1], kinds[i + 1], loose: pageLines.contains(i + 1))
        guard next == .values, values[0].text.unicodeScalars.filter(RunTogether.isDigit).count >= digits else { return nil }
        let scalars = lines[i].unicodeScalars
        let from = scalars.prefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }.count
        let raw = String(String.UnicodeScalarView(scalars.dropFirst(from))).trimmingSpaces
        guard !raw.isEmpty, !RunTogether.isValueRun(raw[...]), RunTogether.pieces(raw[...]) == nil else { return nil }
        return RunTogether.Piece(text: raw, from: from, to: from + raw.unicodeScalars.count, isValues: false)
    }

    static func rowFollows(_ lines: [Substring], _ kinds: [TextAdapter.LineKind], after i: Int, _ pageLines: Set<Int>) -> Bool {
        var j = i + 1
        while j < min(lines.count, i + 1 + lookahead) {
            switch classify(lines[j], kinds[j], loose: pageLines.contains(j)).0 {
            case .row: return true
            case .values:
                // Digits alone under a header open a table only when they are a whole row's
                // (表四's fifteen cells), not a stray number ("1") under text.
                // Or a label line's values, the label under a header line.
                let digits = lines[j].unicodeScalars.filter(RunTogether.isDigit).count
                if digits >= 2, j > i + 1, classify(lines[i], kinds[i]).0 == .header, classify(lines[j - 1], kinds[j - 1]).0 == .header { return true }
                return digits >= minimumRowDigits && (j > i + 1 || classify(lines[i], kinds[i]).0 == .header)
            case .skip, .header: j += 1
            case .other: return classify(lines[i], kinds[i]).0 == .header && labelAboveValues(lines, kinds, j, pageLines, digits: 2) != nil
            }
        }
        return false
    }
}

extension String {
    var trimmingSpaces: String {
        let s = unicodeScalars
        let a = s.firstIndex { !($0 == " " || $0 == "\t" || $0 == "\u{3000}") } ?? s.endIndex
        let b = s.lastIndex { !($0 == " " || $0 == "\t" || $0 == "\u{3000}") }.map { s.index(after: $0) } ?? a
        return String(s[a..<b])
    }
}
