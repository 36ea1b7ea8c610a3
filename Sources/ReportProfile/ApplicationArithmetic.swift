import DocModel

/// The arithmetic of 表三 as a matrix of integers, for scoring candidate readings: the aligner
/// asks for the number of broken checks of many candidate tables, and building findings (with
/// their messages) to count them costs more than the reading itself. Same count as
/// the validator's findings would give (tested against that count on random tables).
struct ApplicationArithmetic {
    static let columns = ReportValidator.allColumns
    static let width = columns.count
    static let totalColumn = width - 1

    var paths: [String] = []
    /// Row after row, per column (six applicant columns, then total): the integer, or nil.
    var cells: [Int?] = []
    /// Per row: every column is a field of the row.
    var complete: [Bool] = []
    /// Rows with a value below zero in any field (before lone blanks are filled).
    var negativeRows = 0

    init(_ t: TableValues) {
        paths.reserveCapacity(t.rows.count)
        cells = [Int?](repeating: nil, count: t.rows.count * Self.width)
        complete.reserveCapacity(t.rows.count)
        for (r, row) in t.rows.enumerated() {
            var seen = 0
            var isNegative = false
            for (i, field) in row.fields.enumerated() {
                let v = field.value?.integer
                // Fields come in template order: try the field's own position first.
                let c = i < Self.width && Self.columns[i] == field.name ? i : Self.columns.firstIndex(of: field.name)
                if c != Self.totalColumn, (v ?? 0) < 0, field.name != "total" { isNegative = true }
                if let c, seen & (1 << c) == 0 {
                    seen |= 1 << c
                    cells[r * Self.width + c] = v
                    if c == Self.totalColumn, (v ?? 0) < 0 { isNegative = true }
                }
            }
            paths.append(row.path)
            complete.append(seen == (1 << Self.width) - 1)
            if isNegative { negativeRows += 1 }
        }
    }

    func value(_ row: Int?, _ column: Int) -> Int? {
        guard let row else { return nil }
        return cells[row * Self.width + column]
    }

    /// Broken checks after filling lone blanks (a negative fill is a broken check itself).
    mutating func violations() -> Int {
        var n = negativeRows
        let w = Self.width, total = Self.totalColumn
        // A row with exactly one blank among its columns: the blank is what the others imply.
        for r in complete.indices where complete[r] {
            var blanks = 0, hole = 0, parts = 0
            for c in 0..<w {
                if let v = cells[r * w + c] { if c != total { parts += v } } else { blanks += 1; hole = c }
            }
            guard blanks == 1 else { continue }
            let value = hole == total ? parts : (cells[r * w + total] ?? 0) - parts
            if value < 0 { n += 1 } else { cells[r * w + hole] = value }
        }
        // Per row: total = sum of the six applicant columns.
        for r in complete.indices {
            guard let rowTotal = cells[r * w + total] else { continue }
            var sum = 0, all = true
            for c in 0..<total {
                guard let v = cells[r * w + c] else { all = false; break }
                sum += v
            }
            if all, sum != rowTotal { n += 1 }
        }
        var newly: Int?, carried: Int?, resultsTotal: Int?, forward: Int?
        var resultRows: [Int] = []
        for (r, path) in paths.enumerated() {
            switch path {
            case "newlyReceived": if newly == nil { newly = r }
            case "carriedOver": if carried == nil { carried = r }
            case "results.total": if resultsTotal == nil { resultsTotal = r }
            case "carriedForward": if forward == nil { forward = r }
            default: if path.hasPrefix("results.") { resultRows.append(r) }
            }
        }
        for c in 0..<w {
            let a = value(newly, c), b = value(carried, c), t = value(resultsTotal, c), d = value(forward, c)
            if let a, let b, let t, let d, a + b != t + d { n += 1 }
            if let t {
                var sum = 0, all = true
                for r in resultRows {
                    guard let x = cells[r * w + c] else { all = false; break }
                    sum += x
                }
                if all, sum != t { n += 1 }
            }
            // A balance with one unknown that would have to be negative.
            let known = (a == nil ? 0 : 1) + (b == nil ? 0 : 1) + (t == nil ? 0 : 1) + (d == nil ? 0 : 1)
            if known == 3 {
                if a == nil, (t ?? 0) + (d ?? 0) - (b ?? 0) < 0 { n += 1 }
                if b == nil, (t ?? 0) + (d ?? 0) - (a ?? 0) < 0 { n += 1 }
                if t == nil, (a ?? 0) + (b ?? 0) - (d ?? 0) < 0 { n += 1 }
                if d == nil, (a ?? 0) + (b ?? 0) - (t ?? 0) < 0 { n += 1 }
            }
        }
        return n
    }
}
