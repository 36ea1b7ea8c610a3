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

    /// Where a table's rows and fields go in the grid. It depends on the rows' paths and field
    /// names only, so the aligner's many candidate tables of one table (the same rows, other
    /// values) share one (`fits`).
    struct Layout {
        let paths: [String]
        let names: [[String]]
        /// Per row and field: its grid column, or -1 (not a column, or the column's second field).
        var fieldColumns: [[Int]] = []
        /// Per row: every column is a field of the row.
        var complete: [Bool] = []
        /// The rows the column checks name (the first with each path; nil when absent): the
        /// balance's sides, the column sum's total and the rows it sums.
        var lhs: [Int?] = [], rhs: [Int?] = []
        var sumTotal: Int?
        var summed: [Int] = []

        init(_ t: TableValues, _ arithmetic: TableArithmetic) {
            paths = t.rows.map(\.path)
            names = t.rows.map { $0.fields.map(\.name) }
            let columns = arithmetic.columns, w = columns.count
            lhs = Array(repeating: nil, count: arithmetic.balance?.lhs.count ?? 0)
            rhs = Array(repeating: nil, count: arithmetic.balance?.rhs.count ?? 0)
            for (r, row) in names.enumerated() {
                locate(paths[r], r, arithmetic)
                var seen = 0
                fieldColumns.append(row.enumerated().map { i, name in
                    // Fields come in template order: try the field's own position first.
                    guard let c = i < w && columns[i] == name ? i : columns.firstIndex(of: name), seen & (1 << c) == 0 else { return -1 }
                    seen |= 1 << c
                    return c
                })
                complete.append(seen == (1 << w) - 1)
            }
        }

        /// Notes row `r` if a column check names its path.
        private mutating func locate(_ path: String, _ r: Int, _ arithmetic: TableArithmetic) {
            if let balance = arithmetic.balance {
                for (k, name) in balance.lhs.enumerated() where lhs[k] == nil && path == name { lhs[k] = r }
                for (k, name) in balance.rhs.enumerated() where rhs[k] == nil && path == name { rhs[k] = r }
            }
            if let columnSum = arithmetic.columnSum {
                if path == columnSum.total {
                    if sumTotal == nil { sumTotal = r }
                } else if path.hasPrefix(columnSum.prefix) {
                    summed.append(r)
                }
            }
        }

        /// The table has the rows and fields this layout was made for (strings of a shared
        /// template compare by identity first: cheap).
        func fits(_ t: TableValues) -> Bool {
            guard t.rows.count == paths.count else { return false }
            // Elements read in place (a row taken by value retained its strings).
            return t.rows.withUnsafeBufferPointer { rows in
                for r in 0..<rows.count {
                    guard rows[r].path == paths[r], rows[r].fields.count == names[r].count else { return false }
                    for i in 0..<names[r].count where rows[r].fields[i].name != names[r][i] { return false }
                }
                return true
            }
        }
    }

    /// A table's integers as a matrix (row after row, per column), laid out by `layout`.
    struct Grid {
        let layout: Layout
        var cells: [Int?]
        let width: Int

        var paths: [String] { layout.paths }

        subscript(r: Int, c: Int) -> Int? {
            get { cells[r * width + c] }
            set { cells[r * width + c] = newValue }
        }

        /// The values of `rows` (nil for a row that is absent) in column `c`.
        func column(_ c: Int, _ rows: [Int?]) -> [Int?] { rows.map { $0.flatMap { self[$0, c] } } }
    }

    /// The grid of `t`, with `layout` when it fits `t` (else a new one, left in `layout`).
    func grid(_ t: TableValues, layout: inout Layout?) -> Grid {
        if layout?.fits(t) != true { layout = Layout(t, self) }
        let layout = layout!
        let w = columns.count
        var cells = [Int?](repeating: nil, count: t.rows.count * w)
        // Judged for every candidate table: elements read in place, no row or field copied.
        cells.withUnsafeMutableBufferPointer { cells in
            t.rows.withUnsafeBufferPointer { rows in
                for r in 0..<rows.count {
                    for i in 0..<rows[r].fields.count {
                        let c = layout.fieldColumns[r][i]
                        if c >= 0, case .integer(let v)? = rows[r].fields[i].value { cells[r * w + c] = v }
                    }
                }
            }
        }
        return Grid(layout: layout, cells: cells, width: w)
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
        var layout: Layout?
        let g = grid(t, layout: &layout)
        var out: [Failure] = []
        for r in g.paths.indices {
            guard let stated = g[r, total], let sum = sum(parts.map { g[r, $0] }) else { continue }
            if sum != stated { out.append(.rowSum(row: g.paths[r], stated: stated, parts: sum)) }
        }
        for (c, column) in columns.enumerated() {
            if balance != nil, let lhs = all(g.column(c, g.layout.lhs)), let rhs = all(g.column(c, g.layout.rhs)), lhs.reduce(0, +) != rhs.reduce(0, +) {
                out.append(.balance(column: column, lhs: lhs, rhs: rhs))
            }
            if let t = g.layout.sumTotal, !g.layout.summed.isEmpty, let stated = g[t, c], let sum = sum(g.layout.summed.map { g[$0, c] }), sum != stated {
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
    /// `cache` carries the grid from one candidate table to the next.
    func violations(_ t: TableValues, cache: inout GridCache) -> Int {
        // Judged for many candidate tables: plain loops, no array built per check.
        var g = cache.grid(t, self)
        var n = 0
        for v in g.cells { if let v, v < 0 { n += 1 } }
        for r in g.paths.indices where g.layout.complete[r] {
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
        if let t = g.layout.sumTotal, !g.layout.summed.isEmpty {
            for c in columns.indices {
                guard let stated = g[t, c] else { continue }
                var sum = 0, complete = true
                for r in g.layout.summed {
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
        let lhs = g.layout.lhs, rhs = g.layout.rhs
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
