import DocModel

/// The rows of the three official tables as the real-document truths list them: the truth's
/// key ("applications.results.granted"), the report's table and row path, and the columns in
/// the printed order. Stated here, apart from the reader's templates, as OfficialRows is.
struct RealRow {
    var key: String
    var table: String
    var path: String
    var fields: [String]
}

enum RealRows {
    static let reviewOutcomes = ["upheld", "corrected", "other", "pending", "total"]
    /// The three groups of table 四, in printed order.
    static let reviewGroups = ["administrativeReview", "litigationDirect", "litigationAfterReview"]

    static func rows(_ template: Template) -> [RealRow] {
        activeDisclosure(template) + applications(template) + RealRows.reviewGroups.map { group in
            RealRow(key: "reviewsAndLitigation.\(group)", table: "reviewsAndLitigation", path: group, fields: reviewOutcomes)
        }
    }

    static func activeDisclosure(_ template: Template) -> [RealRow] {
        func row(_ path: String, _ fields: [String]) -> RealRow {
            RealRow(key: "activeDisclosure.\(path)", table: "activeDisclosure", path: path, fields: fields)
        }
        switch template {
        case .y2021:
            let documents = ["issued", "repealed", "inForce"]
            return [row("regulations", documents), row("normativeDocuments", documents), row("licensing", ["decisions"]),
                    row("penalties", ["decisions"]), row("coercion", ["decisions"]), row("fees", ["amount"])]
        case .y2019:
            let documents = ["newlyMade", "newlyPublished", "totalPublished"]
            let items = ["previousYearItems", "change", "decisions"]
            return [row("regulations", documents), row("normativeDocuments", documents), row("licensing", items),
                    row("otherServices", items), row("penalties", items), row("coercion", items),
                    row("fees", ["previousYearItems", "change"]), row("procurement", ["projects", "amount", "unit"])]
        }
    }

    static func applications(_ template: Template) -> [RealRow] {
        var paths = ["newlyReceived", "carriedOver", "results.granted", "results.partiallyGranted"]
        paths += OfficialRows.applicationGroups(template).flatMap { $0.rows.map(\.path) }
        if template == .y2019 { paths.append("results.otherHandling.other") }
        paths += ["results.total", "carriedForward"]
        return paths.map {
            RealRow(key: "applications.\($0)", table: "applications", path: $0, fields: OfficialRows.applicantFields)
        }
    }
}

/// The tables' own arithmetic (spec §2) over a truth, to catch typing slips.
enum RealArithmetic {
    static func violations(_ truth: RealTruth) -> [String] {
        var value: [String: Int] = [:]
        for cell in truth.cells { if case .integer(let v)? = cell.value { value[cell.path] = v } }
        var out: [String] = []
        func sum(_ paths: [String]) -> Int? {
            var total = 0
            for p in paths { guard let v = value[p] else { return nil }; total += v }
            return total
        }
        let fields = OfficialRows.applicantFields
        let rows = RealRows.applications(truth.template)
        for row in rows {
            let base = "applications.\(row.path)"
            if let parts = sum(fields.dropLast().map { "\(base).\($0)" }), let total = value["\(base).total"], parts != total {
                out.append("\(base) row total \(total) ≠ \(parts)")
            }
        }
        let resultRows = rows.map(\.path).filter { $0.hasPrefix("results.") && $0 != "results.total" }
        for f in fields {
            let p = { (row: String) in "applications.\(row).\(f)" }
            if let a = sum([p("newlyReceived"), p("carriedOver")]), let b = sum([p("results.total"), p("carriedForward")]), a != b {
                out.append("applications.\(f) balance \(a) ≠ \(b)")
            }
            if let parts = sum(resultRows.map(p)), let total = value[p("results.total")], parts != total {
                out.append("applications.results.total.\(f) \(total) ≠ \(parts)")
            }
        }
        for group in RealRows.reviewGroups {
            let p = { (o: String) in "reviewsAndLitigation.\(group).\(o)" }
            if let parts = sum(["upheld", "corrected", "other", "pending"].map(p)), let total = value[p("total")], parts != total {
                out.append("reviewsAndLitigation.\(group) total \(total) ≠ \(parts)")
            }
        }
        return out
    }
}
