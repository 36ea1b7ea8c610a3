import DocModel

/// The report model's checks (spec §2, Findings), written from the spec for the generator: they
/// say which findings a report's values call for, and which readings of a damaged row the
/// tables' arithmetic still allows.
enum SpecRules {
    typealias Lookup = (_ row: String, _ field: String) -> Value?

    static let applicants = Array(OfficialRows.applicantFields.dropLast())

    /// Failed equalities of tables 三 and 四, with the paths the validator reports them at.
    static func arithmetic(_ template: Template, _ value: Lookup) -> [ExpectedFinding] {
        var out: [ExpectedFinding] = []
        func int(_ row: String, _ field: String) -> Int? { value(row, field)?.integer }
        let rows = ["newlyReceived", "carriedOver"] + OfficialRows.resultLeaves(template) + ["results.total", "carriedForward"]
        for row in rows {
            guard let total = int(row, "total") else { continue }
            let parts = applicants.map { int(row, $0) }
            if parts.allSatisfy({ $0 != nil }), parts.reduce(0, { $0 + $1! }) != total {
                out.append(ExpectedFinding(.applicationsRowTotal, "applications.\(row).total"))
            }
        }
        let leaves = OfficialRows.resultLeaves(template)
        for column in OfficialRows.applicantFields {
            if let a = int("newlyReceived", column), let b = int("carriedOver", column), let c = int("results.total", column),
                let d = int("carriedForward", column), a + b != c + d
            {
                out.append(ExpectedFinding(.applicationsBalance, "applications.results.total.\(column)"))
            }
            if let total = int("results.total", column) {
                let parts = leaves.map { int($0, column) }
                if parts.allSatisfy({ $0 != nil }), parts.reduce(0, { $0 + $1! }) != total {
                    out.append(ExpectedFinding(.applicationsResultsTotal, "applications.results.total.\(column)"))
                }
            }
        }
        for group in OfficialRows.reviewGroups {
            guard let total = value("reviews:" + group, "total")?.integer else { continue }
            let parts = OfficialRows.reviewFields.dropLast().map { value("reviews:" + group, $0)?.integer }
            if parts.allSatisfy({ $0 != nil }), parts.reduce(0, { $0 + $1! }) != total {
                out.append(ExpectedFinding(.reviewsTotal, "reviewsAndLitigation.\(group).total"))
            }
        }
        return out
    }

    /// Every finding the cells' values call for: arithmetic, negatives and blanks.
    static func findings(_ template: Template, _ cells: [ExpectedCell], treatUndeterminableAsNull: Bool) -> [ExpectedFinding] {
        func lookup(_ row: String, _ field: String) -> Value? {
            let table = row.hasPrefix("reviews:") ? "reviewsAndLitigation" : "applications"
            let r = row.hasPrefix("reviews:") ? String(row.dropFirst(8)) : row
            guard let c = cells.first(where: { $0.table == table && $0.row == r && $0.field == field }) else { return nil }
            return treatUndeterminableAsNull && !c.determinable ? nil : c.value
        }
        var out = arithmetic(template, lookup)
        for c in cells where c.field != "unit" {
            guard !(treatUndeterminableAsNull && !c.determinable) else { continue }
            guard let v = c.value else {
                out.append(ExpectedFinding(.valueBlank, c.path))
                continue
            }
            if c.field != "change", isNegative(v) { out.append(ExpectedFinding(.valueNegative, c.path)) }
        }
        return out
    }

    static func isNegative(_ v: Value) -> Bool {
        switch v {
        case .integer(let i): return i < 0
        case .decimal(let s): return s.hasPrefix("-")
        case .text: return false
        }
    }

    /// How many of the arithmetic rules the values break (for comparing readings of a row).
    static func violations(_ template: Template, _ cells: [ExpectedCell], overriding: [Int: Value?]) -> Int {
        var index: [String: Int] = [:]
        for (i, c) in cells.enumerated() { index["\(c.table)|\(c.row)|\(c.field)"] = i }
        func lookup(_ row: String, _ field: String) -> Value? {
            let table = row.hasPrefix("reviews:") ? "reviewsAndLitigation" : "applications"
            let r = row.hasPrefix("reviews:") ? String(row.dropFirst(8)) : row
            guard let i = index["\(table)|\(r)|\(field)"] else { return nil }
            if let o = overriding[i] { return o }
            return cells[i].value
        }
        var n = arithmetic(template, lookup).count
        for (i, v) in overriding where cells[i].field != "change" { if let v, isNegative(v) { n += 1 } }
        return n
    }
}
