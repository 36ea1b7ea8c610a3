import DocModel

/// `collection.duplicate` and `collection.duplicateCopy`: one agency's year given by more than
/// one report.
enum Duplicates {
    /// One finding for a group of reports with the same agency key and year: a copy when every
    /// number is the same, else a duplicate listing each cell where they differ (with every
    /// report's value), read again through `reread`.
    static func finding(_ group: [ReportDigest], reread: (String) -> LoadedReport?) -> CollectionFinding {
        let first = group[0]
        let ids = group.map { "“\($0.id)”" }.joined(separator: "、")
        let year = first.year.map(String.init) ?? ""
        let identity = group.flatMap { d in
            [
                ComparedValue(report: d.id, path: "metadata.agency", value: d.agency.map(Value.text)),
                ComparedValue(report: d.id, path: "metadata.year", value: d.year.map(Value.integer)),
            ]
        }
        if group.allSatisfy({ $0.numbers == first.numbers }) {
            let message = "\(first.agency ?? "")\(year)年度报告出现\(group.count)次（\(ids)），各表数值完全相同"
            return CollectionFinding(.collectionDuplicateCopy, message, reports: group.map(\.reference), values: identity)
        }
        let reports = group.map { reread($0.id) }
        var values: [ComparedValue] = []
        var differing = 0
        if reports.allSatisfy({ $0 != nil }) {
            let cells = reports.map { cellMap($0!.report) }
            for path in unionOfPaths(reports.compactMap { $0?.report }) {
                let column = cells.map { $0[path] ?? nil }
                if column.allSatisfy({ $0 == column[0] }) { continue }
                differing += 1
                for (k, d) in group.enumerated() {
                    values.append(ComparedValue(report: d.id, path: path, value: column[k], source: reports[k]?.sources?[path]))
                }
            }
        }
        let message = "\(first.agency ?? "")\(year)年度报告出现\(group.count)次（\(ids)），数值不同"
            + (differing > 0 ? "：\(differing)个单元格不一致" : "")
        return CollectionFinding(.collectionDuplicate, message, reports: group.map(\.reference), values: identity + values)
    }

    /// Every table cell of a report by its dotted path (absent paths: the template lacks them).
    static func cellMap(_ report: Report) -> [String: Value?] {
        var out: [String: Value?] = [:]
        for (key, table) in report.tables {
            for row in table?.rows ?? [] {
                for field in row.fields { out["\(key).\(row.path).\(field.name)"] = .some(field.value) }
            }
        }
        return out
    }

    /// Paths of all the reports' cells, in the order the reports give them (first report first).
    static func unionOfPaths(_ reports: [Report]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for report in reports {
            for (key, table) in report.tables {
                for row in table?.rows ?? [] {
                    for field in row.fields {
                        let path = "\(key).\(row.path).\(field.name)"
                        if seen.insert(path).inserted { out.append(path) }
                    }
                }
            }
        }
        return out
    }
}
