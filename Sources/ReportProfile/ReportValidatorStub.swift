import DocModel

// TEMPORARY (issue 5): a stand-in for the lead's ReportValidator so `doccanon validate` and the
// serialization tests can run before it lands on main. Delete this file when merging the real
// Sources/ReportProfile/ReportValidator.swift (same name and signature).

/// Re-derives the validator rules (`Rule.isValidatorRule`) from a report.
public enum ReportValidator {
    static let applicantColumns = [
        "naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganization",
        "legalServiceAgency", "otherOrganization",
    ]

    public static func findings(for report: Report) -> [Finding] {
        var out: [Finding] = []
        for (key, values) in report.tables where values == nil {
            out.append(Finding(.tableMissing, "table \(key) not found", path: key))
        }
        let present = Set(report.sections.map(\.id))
        for id in SectionID.allCases where !present.contains(id) {
            out.append(Finding(.sectionMissing, "section \(id.rawValue) not found", path: "sections"))
        }
        if report.metadata.template == .y2019, let year = report.metadata.year, year >= 2021 {
            out.append(Finding(.templateOutdated, "2019 template used for \(year)", path: "metadata.template"))
        }
        if let t = report.applications {
            let resultRows = t.rows.filter { $0.path.hasPrefix("results.") && $0.path != "results.total" }
            for column in applicantColumns + ["total"] {
                func v(_ row: String) -> Int? { t.value(row, column)?.integer }
                if let a = v("newlyReceived"), let b = v("carriedOver"), let c = v("results.total"), let d = v("carriedForward"),
                    a + b != c + d
                {
                    out.append(Finding(.applicationsBalance, "\(column): \(a) + \(b) ≠ \(c) + \(d)", path: "applications.newlyReceived.\(column)"))
                }
                let parts = resultRows.map { $0[column]?.integer }
                if let total = v("results.total"), !parts.contains(where: { $0 == nil }) {
                    let sum = parts.compactMap { $0 }.reduce(0, +)
                    if sum != total {
                        out.append(Finding(.applicationsResultsTotal, "\(column): results sum to \(sum), total is \(total)", path: "applications.results.total.\(column)"))
                    }
                }
            }
            for row in t.rows {
                let parts = applicantColumns.map { row[$0]?.integer }
                guard let total = row["total"]?.integer, !parts.contains(where: { $0 == nil }) else { continue }
                let sum = parts.compactMap { $0 }.reduce(0, +)
                if sum != total {
                    out.append(Finding(.applicationsRowTotal, "\(row.path): columns sum to \(sum), total is \(total)", path: "applications.\(row.path).total"))
                }
            }
        }
        if let t = report.reviewsAndLitigation {
            for row in t.rows {
                let parts = ["upheld", "corrected", "other", "pending"].map { row[$0]?.integer }
                guard let total = row["total"]?.integer, !parts.contains(where: { $0 == nil }) else { continue }
                let sum = parts.compactMap { $0 }.reduce(0, +)
                if sum != total {
                    out.append(Finding(.reviewsTotal, "\(row.path): outcomes sum to \(sum), total is \(total)", path: "reviewsAndLitigation.\(row.path).total"))
                }
            }
        }
        for (key, values) in report.tables {
            guard let values else { continue }
            for row in values.rows {
                for field in row.fields {
                    let path = "\(key).\(row.path).\(field.name)"
                    guard let value = field.value else {
                        if field.name != "unit" { out.append(Finding(.valueBlank, "blank cell", path: path)) }
                        continue
                    }
                    if field.name != "change", let i = value.integer, i < 0 {
                        out.append(Finding(.valueNegative, "negative count \(i)", path: path))
                    }
                }
            }
        }
        return out
    }
}
