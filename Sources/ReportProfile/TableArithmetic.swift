import DocModel

/// The tables' own arithmetic (spec §2: applications.balance, applications.rowTotal,
/// applications.resultsTotal, reviews.total), described once as data and evaluated two ways:
/// `findings` for the validator, and `violations` for the aligner's scorer of candidate
/// readings (a count, without building messages: it judges many candidate tables).
struct TableArithmetic: Sendable {
    /// The table's columns, in template order; `parts` sum to `total` on every row.
    let columns: [String]
    let parts: [Int]
    let total: Int
    /// Per column: rows `lhs` sum to rows `rhs` (表三: newlyReceived + carriedOver =
    /// results.total + carriedForward).
    let balance: (lhs: [String], rhs: [String])?
    /// Per column: row `total` is the sum of the rows under `prefix` (表三: （七）总计 = every
    /// result row).
    let columnSum: (total: String, prefix: String)?

    static let applicationColumns = ["naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganization", "legalServiceAgency", "otherOrganization", "total"]
    static let reviewColumns = ["upheld", "corrected", "other", "pending", "total"]

    static let applications = TableArithmetic(
        columns: applicationColumns, parts: Array(0..<6), total: 6,
        balance: (["newlyReceived", "carriedOver"], ["results.total", "carriedForward"]), columnSum: ("results.total", "results."))
    static let reviews = TableArithmetic(columns: reviewColumns, parts: Array(0..<4), total: 4, balance: nil, columnSum: nil)

    static func of(_ tableKey: String) -> TableArithmetic? {
        switch tableKey {
        case "applications": return applications
        case "reviewsAndLitigation": return reviews
        default: return nil
        }
    }

    /// A table's integers as a matrix (row after row, per column), with the rows' paths.
    struct Grid {
        var paths: [String]
        var cells: [Int?]
        /// Per row: every column is a field of the row.
        var complete: [Bool]
        let width: Int
        /// The rows the column checks name (the first with each path; nil when absent): the
        /// balance's sides, the column sum's total and the rows it sums.
        var lhs: [Int?] = [], rhs: [Int?] = []
        var sumTotal: Int?
        var summed: [Int] = []

        subscript(r: Int, c: Int) -> Int? {
            get { cells[r * width + c] }
            set { cells[r * width + c] = newValue }
        }

        /// The values of `rows` (nil for a row that is absent) in column `c`.
        func column(_ c: Int, _ rows: [Int?]) -> [Int?] { rows.map { $0.flatMap { self[$0, c] } } }
    }

    func grid(_ t: TableValues) -> Grid {
        let w = columns.count
        var grid = Grid(paths: [], cells: [Int?](repeating: nil, count: t.rows.count * w), complete: [], width: w)
        grid.paths.reserveCapacity(t.rows.count)
        grid.lhs = Array(repeating: nil, count: balance?.lhs.count ?? 0)
        grid.rhs = Array(repeating: nil, count: balance?.rhs.count ?? 0)
        for (r, row) in t.rows.enumerated() {
            locate(row.path, r, in: &grid)
            var seen = 0
            for (i, field) in row.fields.enumerated() {
                // Fields come in template order: try the field's own position first.
                guard let c = i < w && columns[i] == field.name ? i : columns.firstIndex(of: field.name), seen & (1 << c) == 0 else { continue }
                seen |= 1 << c
                grid[r, c] = field.value?.integer
            }
            grid.paths.append(row.path)
            grid.complete.append(seen == (1 << w) - 1)
        }
        return grid
    }

    /// Notes row `r` in the grid's layout if a column check names its path.
    private func locate(_ path: String, _ r: Int, in grid: inout Grid) {
        if let balance {
            for (k, name) in balance.lhs.enumerated() where grid.lhs[k] == nil && path == name { grid.lhs[k] = r }
            for (k, name) in balance.rhs.enumerated() where grid.rhs[k] == nil && path == name { grid.rhs[k] = r }
        }
        if let columnSum {
            if path == columnSum.total {
                if grid.sumTotal == nil { grid.sumTotal = r }
            } else if path.hasPrefix(columnSum.prefix) {
                grid.summed.append(r)
            }
        }
    }

    /// One failed check: which, where, and the figures it compared.
    enum Failure {
        case rowSum(row: String, stated: Int, parts: Int)
        case balance(column: String, lhs: [Int], rhs: [Int])
        case columnSum(column: String, stated: Int, parts: Int)
    }

    /// Every check that fails on the table as it stands (a check with a null input is skipped):
    /// per row first, then per column.
    func failures(_ t: TableValues) -> [Failure] {
        let g = grid(t)
        var out: [Failure] = []
        for r in g.paths.indices {
            guard let stated = g[r, total], let sum = sum(parts.map { g[r, $0] }) else { continue }
            if sum != stated { out.append(.rowSum(row: g.paths[r], stated: stated, parts: sum)) }
        }
        for (c, column) in columns.enumerated() {
            if balance != nil, let lhs = all(g.column(c, g.lhs)), let rhs = all(g.column(c, g.rhs)), lhs.reduce(0, +) != rhs.reduce(0, +) {
                out.append(.balance(column: column, lhs: lhs, rhs: rhs))
            }
            if let t = g.sumTotal, !g.summed.isEmpty, let stated = g[t, c], let sum = sum(g.summed.map { g[$0, c] }), sum != stated {
                out.append(.columnSum(column: column, stated: stated, parts: sum))
            }
        }
        return out
    }

    /// How badly candidate values break the table: failed checks, negative values, and
    /// inferences that would need a negative. A row with exactly one blank among its parts and
    /// total, the others known, first takes the value the others imply (a negative one counts
    /// as a failure instead), so that the column checks can still judge where a row's cells
    /// belong (a row that lost a cell reads differently depending on where the gap is put).
    func violations(_ t: TableValues) -> Int {
        // Judged for many candidate tables: plain loops, no array built per check.
        var g = grid(t)
        var n = 0
        for v in g.cells { if let v, v < 0 { n += 1 } }
        for r in g.paths.indices where g.complete[r] {
            var holes = 0, hole = total, known = 0
            for c in parts {
                if let v = g[r, c] { known += v } else { holes += 1; hole = c }
            }
            if g[r, total] == nil { holes += 1; hole = total }
            guard holes == 1 else { continue }
            let value = hole == total ? known : (g[r, total] ?? 0) - known
            if value < 0 { n += 1 } else { g[r, hole] = value }
        }
        for r in g.paths.indices {
            guard let stated = g[r, total] else { continue }
            var sum = 0, complete = true
            for c in parts {
                guard let v = g[r, c] else { complete = false; break }
                sum += v
            }
            if complete, sum != stated { n += 1 }
        }
        if balance != nil { n += balanceViolations(g) }
        // A column sum with none of the rows it sums judges nothing (a row judged alone).
        if let t = g.sumTotal, !g.summed.isEmpty {
            for c in columns.indices {
                guard let stated = g[t, c] else { continue }
                var sum = 0, complete = true
                for r in g.summed {
                    guard let v = g[r, c] else { complete = false; break }
                    sum += v
                }
                if complete, sum != stated { n += 1 }
            }
        }
        return n
    }

    /// Per column: the balance fails, or its one unknown would have to be negative.
    private func balanceViolations(_ g: Grid) -> Int {
        let lhs = g.lhs, rhs = g.rhs
        var n = 0
        for c in columns.indices {
            var l = 0, r = 0, unknown = 0, unknownOnLeft = false
            for row in lhs {
                if let v = row.flatMap({ g[$0, c] }) { l += v } else { unknown += 1; unknownOnLeft = true }
            }
            for row in rhs {
                if let v = row.flatMap({ g[$0, c] }) { r += v } else { unknown += 1 }
            }
            if unknown == 0, l != r { n += 1 }
            if unknown == 1, unknownOnLeft ? r - l < 0 : l - r < 0 { n += 1 }
        }
        return n
    }

    private func all(_ values: [Int?]) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for v in values {
            guard let v else { return nil }
            out.append(v)
        }
        return out
    }

    private func sum(_ values: [Int?]) -> Int? {
        var s = 0
        for v in values {
            guard let v else { return nil }
            s += v
        }
        return s
    }
}
