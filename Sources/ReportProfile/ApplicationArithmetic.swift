import DocModel

/// The arithmetic of 表三 as a matrix of integers, for scoring candidate readings: the aligner
/// asks for the number of broken checks of many candidate tables, and building findings (with
/// their messages) to count them costs more than the reading itself. Same count as
/// `ReportValidator.violations(tableKey: "applications", …)` computed through findings.
struct ApplicationArithmetic {
    static let columns = ReportValidator.allColumns
    static let totalColumn = columns.count - 1

    var paths: [String] = []
    /// Per row, per column (six applicant columns, then total): the integer, or nil.
    var cells: [[Int?]] = []
    /// Per row: every column is a field of the row.
    var complete: [Bool] = []
    /// Per row: a value below zero in any field (before lone blanks are filled).
    var negative: [Bool] = []

    init(_ t: TableValues) {
        for row in t.rows {
            var values = [Int?](repeating: nil, count: Self.columns.count)
            var seen = 0
            var isNegative = false
            for (i, field) in row.fields.enumerated() {
                let v = field.value?.integer
                if field.name != "total", (v ?? 0) < 0 { isNegative = true }
                // Fields come in template order: try the field's own position first.
                let c = i < Self.columns.count && Self.columns[i] == field.name ? i : Self.columns.firstIndex(of: field.name)
                if let c, seen & (1 << c) == 0 {
                    seen |= 1 << c
                    values[c] = v
                }
            }
            if (row["total"]?.integer ?? 0) < 0 { isNegative = true }
            paths.append(row.path)
            cells.append(values)
            complete.append(seen == (1 << Self.columns.count) - 1)
            negative.append(isNegative)
        }
    }

    /// Broken checks after filling lone blanks (a negative fill is a broken check itself).
    mutating func violations() -> Int {
        var n = 0
        // A row with exactly one blank among its columns: the blank is what the others imply.
        for r in cells.indices where complete[r] {
            let blanks = cells[r].indices.filter { cells[r][$0] == nil }
            guard blanks.count == 1, let hole = blanks.first else { continue }
            let known = cells[r].compactMap { $0 }
            let value = hole == Self.totalColumn ? known.reduce(0, +) : (cells[r][Self.totalColumn] ?? 0) - known.dropLast().reduce(0, +)
            if value < 0 {
                n += 1
            } else {
                cells[r][hole] = value
            }
        }
        // Per row: total = sum of the six applicant columns.
        for row in cells {
            guard let total = row[Self.totalColumn] else { continue }
            var sum = 0
            var all = true
            for c in 0..<Self.totalColumn {
                guard let v = row[c] else { all = false; break }
                sum += v
            }
            if all, sum != total { n += 1 }
        }
        let newly = paths.firstIndex(of: "newlyReceived"), carried = paths.firstIndex(of: "carriedOver")
        let resultsTotal = paths.firstIndex(of: "results.total"), forward = paths.firstIndex(of: "carriedForward")
        let resultRows = paths.indices.filter { paths[$0].utf8.starts(with: "results.".utf8) && paths[$0] != "results.total" }
        func v(_ r: Int?, _ c: Int) -> Int? { r.flatMap { cells[$0][c] } }
        for c in Self.columns.indices {
            let a = v(newly, c), b = v(carried, c), t = v(resultsTotal, c), d = v(forward, c)
            if let a, let b, let t, let d, a + b != t + d { n += 1 }
            if let t {
                var sum = 0
                var all = true
                for r in resultRows {
                    guard let x = cells[r][c] else { all = false; break }
                    sum += x
                }
                if all, sum != t { n += 1 }
            }
            // A balance with one unknown that would have to be negative.
            let known = [a, b, t, d].compactMap { $0 }
            if known.count == 3 {
                if a == nil, (t ?? 0) + (d ?? 0) - (b ?? 0) < 0 { n += 1 }
                if b == nil, (t ?? 0) + (d ?? 0) - (a ?? 0) < 0 { n += 1 }
                if t == nil, (a ?? 0) + (b ?? 0) - (d ?? 0) < 0 { n += 1 }
                if d == nil, (a ?? 0) + (b ?? 0) - (t ?? 0) < 0 { n += 1 }
            }
        }
        return n + negative.filter { $0 }.count
    }
}
