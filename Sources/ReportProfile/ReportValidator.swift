import DocModel

/// The validator: every rule that can be derived from a report itself (spec §2, Findings).
/// `doccanon validate` runs it on reports read back from JSON or XML; the aligner uses the
/// same arithmetic (`violations`) to choose between readings of a damaged table.
public enum ReportValidator {
    static let applicantColumns = Array(TableArithmetic.applicationColumns.prefix(6))
    static let allColumns = TableArithmetic.applicationColumns

    /// Validator findings of a report, in a fixed order: tables, sections, template, then values.
    /// `conversionFindings` (those already in the report) suppress `value.blank` on cells that
    /// were unreadable or whose row was missing, since those are not blank in the source.
    public static func findings(for report: Report) -> [Finding] {
        var out: [Finding] = []
        for (key, values) in report.tables where values == nil {
            out.append(.tableMissing(key, name: tableName(key)))
        }
        let present = Set(report.sections.map(\.id))
        for id in SectionID.allCases where !present.contains(id) {
            out.append(.sectionMissing(id.rawValue, name: sectionName(id)))
        }
        if report.metadata.template == .y2019, let year = report.metadata.year, year >= 2021 {
            out.append(.templateOutdated(year: year))
        }
        for (key, values) in report.tables {
            if let values { out += arithmeticFindings(key, values) }
        }
        // Cells already null with a reason (unreadable, a row missing, a run of digits the text does
        // not decide) are not blank in the source: no `value.blank` for them.
        let covered = Set(report.findings.filter { $0.rule == .valueUnreadable || $0.rule == .tableRowMissing || $0.rule == .valueUndecidable }.compactMap(\.path))
        for (key, values) in report.tables {
            guard let values else { continue }
            for row in values.rows {
                // Paths are made only for the few fields that need a finding.
                let rowPath = "\(key).\(row.path)"
                for field in row.fields {
                    guard let value = field.value else {
                        let path = "\(rowPath).\(field.name)"
                        if field.name != "unit", !covered.contains(path), !covered.contains(rowPath), !covered.contains(key) {
                            out.append(.blank(path: path))
                        }
                        continue
                    }
                    if field.name != "change", isNegative(value) {
                        out.append(.negative(value, path: "\(rowPath).\(field.name)"))
                    }
                }
            }
        }
        return out + ProseChecker.findings(for: report)
    }

    /// The failed checks of a table's arithmetic, as findings.
    static func arithmeticFindings(_ key: String, _ values: TableValues) -> [Finding] {
        guard let arithmetic = TableArithmetic.of(key) else { return [] }
        return arithmetic.failures(values).map { failure in
            switch failure {
            case .rowSum(let row, let stated, let parts):
                return key == "applications"
                    ? .rowTotal(row: row, total: stated, parts: parts)
                    : .reviewsTotal(group: row, name: groupName(row), total: stated, parts: parts)
            case .balance(let column, let lhs, let rhs):
                return .balance(column: column, name: columnName(column), newlyReceived: lhs[0], carriedOver: lhs[1], resultsTotal: rhs[0], carriedForward: rhs[1])
            case .columnSum(let column, let stated, let parts):
                return .resultsTotal(column: column, name: columnName(column), total: stated, parts: parts)
            }
        }
    }

    static func isNegative(_ v: Value) -> Bool {
        switch v {
        case .integer(let i): return i < 0
        case .decimal(let s): return s.hasPrefix("-")
        case .text: return false
        }
    }

    /// How badly candidate values break the table's arithmetic (for the aligner's choice
    /// between readings): see `TableArithmetic.violations`. A table without arithmetic counts
    /// its negative values (a signed change excepted).
    public static func violations(tableKey: String, values: TableValues) -> Int {
        scorer(tableKey: tableKey)(values)
    }

    /// `violations` for the candidate tables of one table (its rows, other values), which
    /// share the work that depends on the rows only.
    public static func scorer(tableKey: String) -> (TableValues) -> Int {
        if let arithmetic = TableArithmetic.of(tableKey) {
            var cache = TableArithmetic.GridCache()
            return { arithmetic.violations($0, cache: &cache) }
        }
        return { values in
            var n = 0
            for row in values.rows {
                for f in row.fields where f.name != "change" { if let value = f.value, isNegative(value) { n += 1 } }
            }
            return n
        }
    }

    // MARK: - Names for messages

    static func tableName(_ key: String) -> String {
        switch key {
        case "activeDisclosure": return "表二“主动公开政府信息情况”"
        case "applications": return "表三“收到和处理政府信息公开申请情况”"
        default: return "表四“政府信息公开行政复议、行政诉讼情况”"
        }
    }

    static func sectionName(_ id: SectionID) -> String {
        switch id {
        case .overview: return "总体情况"
        case .activeDisclosure: return "主动公开政府信息情况"
        case .applications: return "收到和处理政府信息公开申请情况"
        case .reviewsAndLitigation: return "政府信息公开行政复议、行政诉讼情况"
        case .problemsAndImprovements: return "存在的主要问题及改进情况"
        case .otherMatters: return "其他需要报告的事项"
        }
    }

    static func columnName(_ c: String) -> String {
        zip(allColumns, ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]).first { $0.0 == c }?.1 ?? c
    }

    static func groupName(_ g: String) -> String {
        switch g {
        case "administrativeReview": return "行政复议"
        case "litigationDirect": return "未经复议直接起诉"
        default: return "复议后起诉"
        }
    }
}
