import DocModel
import Testing
@testable import ReportProfile

/// The aligner scores candidate readings of 表三 with `TableArithmetic.violations`; it must
/// count exactly what the validator's findings count, on consistent and broken tables alike.
@Suite struct ApplicationArithmeticTests {
    @Test func countsWhatTheFindingsCount() {
        let paths = OfficialTemplates.tables(.y2021)[1].rows.map(\.path)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var disagreements = 0
        var broken = 0
        for _ in 0..<2000 {
            // Consistent values, then damage: blanks, wrong numbers, negatives, decimals.
            var rows: [RowValues] = []
            for path in paths {
                var parts = (0..<6).map { _ in next(4) }
                var total = parts.reduce(0, +)
                if next(10) == 0 { parts[next(6)] += 1 + next(3) }
                if next(20) == 0 { total = -1 }
                var fields = zip(ReportValidator.applicantColumns, parts).map { FieldValue(name: $0.0, value: .integer($0.1)) }
                fields.append(FieldValue(name: "total", value: .integer(total)))
                for _ in 0..<next(3) { fields[next(7)].value = nil }
                if next(40) == 0 { fields[next(7)].value = .decimal("1.5") }
                rows.append(RowValues(path: path, fields: fields))
            }
            if next(15) == 0 { rows.remove(at: next(rows.count)) }
            let table = TableValues(rows: rows)
            let fast = ReportValidator.violations(tableKey: "applications", values: table)
            let reference = Self.countByFindings(table)
            if fast != reference { disagreements += 1 }
            if reference > 0 { broken += 1 }
        }
        #expect(disagreements == 0)
        #expect(broken > 500)  // the damage above does break tables: the check is not vacuous
    }

    /// 表三's violations counted through the findings the validator writes: lone blanks of a
    /// row filled from its total first (a negative fill counts), then every arithmetic and
    /// `value.negative` finding, then each balance whose one unknown would have to be negative.
    static func countByFindings(_ values: TableValues) -> Int {
        var n = 0
        var filled = values
        let names = ReportValidator.allColumns
        for r in filled.rows.indices {
            let row = filled.rows[r]
            guard names.allSatisfy({ n in row.fields.contains { $0.name == n } }) else { continue }
            let holes = names.filter { row[$0]?.integer == nil }
            guard holes.count == 1, let hole = holes.first else { continue }
            let parts = names.dropLast().compactMap { row[$0]?.integer }.reduce(0, +)
            let value = hole == "total" ? parts : (row["total"]?.integer ?? 0) - parts
            if value < 0 { n += 1; continue }
            if let f = row.fields.firstIndex(where: { $0.name == hole }) { filled.rows[r].fields[f].value = .integer(value) }
        }
        n += ReportValidator.arithmeticFindings("applications", filled).count
        n += values.rows.flatMap(\.fields).filter { ($0.value?.integer ?? 0) < 0 }.count
        func v(_ row: String, _ column: String) -> Int? { filled.value(row, column)?.integer }
        for column in ReportValidator.allColumns {
            let a = v("newlyReceived", column), b = v("carriedOver", column), c = v("results.total", column), d = v("carriedForward", column)
            let known = [a, b, c, d].compactMap { $0 }
            if known.count == 3 {
                if a == nil, (c ?? 0) + (d ?? 0) - (b ?? 0) < 0 { n += 1 }
                if b == nil, (c ?? 0) + (d ?? 0) - (a ?? 0) < 0 { n += 1 }
                if c == nil, (a ?? 0) + (b ?? 0) - (d ?? 0) < 0 { n += 1 }
                if d == nil, (a ?? 0) + (b ?? 0) - (c ?? 0) < 0 { n += 1 }
            }
        }
        return n
    }
}
