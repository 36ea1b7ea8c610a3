import DocModel

/// The validator: every rule that can be derived from a report itself (spec §2, Findings).
/// `doccanon validate` runs it on reports read back from JSON or XML; the aligner uses the
/// same arithmetic (`violations`) to choose between readings of a damaged table.
public enum ReportValidator {
    static let applicantColumns = ["naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganization", "legalServiceAgency", "otherOrganization"]
    static let allColumns = applicantColumns + ["total"]
    static let outcomes = ["upheld", "corrected", "other", "pending"]

    /// Validator findings of a report, in a fixed order: tables, sections, template, then values.
    /// `conversionFindings` (those already in the report) suppress `value.blank` on cells that
    /// were unreadable or whose row was missing, since those are not blank in the source.
    public static func findings(for report: Report) -> [Finding] {
        var out: [Finding] = []
        for (key, values) in report.tables where values == nil {
            out.append(Finding(.tableMissing, "未找到\(tableName(key))", path: key))
        }
        let present = Set(report.sections.map(\.id))
        for id in SectionID.allCases where !present.contains(id) {
            out.append(Finding(.sectionMissing, "未找到“\(sectionName(id))”部分（\(id.rawValue)）", path: "sections"))
        }
        if report.metadata.template == .y2019, let year = report.metadata.year, year >= 2021 {
            out.append(Finding(.templateOutdated, "\(year)年度报告使用了2019年版格式（国办公开办函〔2019〕60号）", path: "metadata.template"))
        }
        if let t = report.applications { out += applicationChecks(t) }
        if let t = report.reviewsAndLitigation { out += reviewChecks(t) }
        let covered = Set(report.findings.filter { $0.rule == .valueUnreadable || $0.rule == .tableRowMissing }.compactMap(\.path))
        for (key, values) in report.tables {
            guard let values else { continue }
            for row in values.rows {
                let rowPath = "\(key).\(row.path)"
                for field in row.fields {
                    let path = "\(rowPath).\(field.name)"
                    guard let value = field.value else {
                        if field.name != "unit", !covered.contains(path), !covered.contains(rowPath) {
                            out.append(Finding(.valueBlank, "空白单元格（值为 null）", path: path))
                        }
                        continue
                    }
                    if field.name != "change", isNegative(value) {
                        out.append(Finding(.valueNegative, "数值为负：\(show(value))", path: path))
                    }
                }
            }
        }
        return out + ProseChecker.findings(for: report)
    }

    static func isNegative(_ v: Value) -> Bool {
        switch v {
        case .integer(let i): return i < 0
        case .decimal(let s): return s.hasPrefix("-")
        case .text: return false
        }
    }

    static func show(_ v: Value) -> String {
        switch v {
        case .integer(let i): return String(i)
        case .decimal(let s), .text(let s): return s
        }
    }

    // MARK: - Arithmetic

    static func applicationChecks(_ t: TableValues) -> [Finding] {
        var out: [Finding] = []
        func v(_ row: String, _ column: String) -> Int? { t.value(row, column)?.integer }
        // Per row: total = sum of the six applicant columns.
        for row in t.rows {
            guard let total = row["total"]?.integer else { continue }
            let parts = applicantColumns.map { row[$0]?.integer }
            guard parts.allSatisfy({ $0 != nil }) else { continue }
            let sum = parts.reduce(0) { $0 + $1! }
            if sum != total {
                out.append(Finding(.applicationsRowTotal, "“总计”为 \(total)，六类申请人之和为 \(sum)", path: "applications.\(row.path).total"))
            }
        }
        let resultRows = t.rows.map(\.path).filter { $0.hasPrefix("results.") && $0 != "results.total" }
        for column in allColumns {
            if let a = v("newlyReceived", column), let b = v("carriedOver", column), let c = v("results.total", column), let d = v("carriedForward", column), a + b != c + d {
                out.append(Finding(.applicationsBalance, "“\(columnName(column))”列：新收 \(a) + 上年结转 \(b) = \(a + b)，而办理结果总计 \(c) + 结转下年度 \(d) = \(c + d)", path: "applications.results.total.\(column)"))
            }
            if let total = v("results.total", column) {
                let parts = resultRows.map { v($0, column) }
                if parts.allSatisfy({ $0 != nil }) {
                    let sum = parts.reduce(0) { $0 + $1! }
                    if sum != total {
                        out.append(Finding(.applicationsResultsTotal, "“\(columnName(column))”列：（七）总计为 \(total)，各办理结果之和为 \(sum)", path: "applications.results.total.\(column)"))
                    }
                }
            }
        }
        return out
    }

    static func reviewChecks(_ t: TableValues) -> [Finding] {
        var out: [Finding] = []
        for row in t.rows {
            guard let total = row["total"]?.integer else { continue }
            let parts = outcomes.map { row[$0]?.integer }
            guard parts.allSatisfy({ $0 != nil }) else { continue }
            let sum = parts.reduce(0) { $0 + $1! }
            if sum != total {
                out.append(Finding(.reviewsTotal, "\(groupName(row.path))：总计为 \(total)，维持、纠正、其他、尚未审结之和为 \(sum)", path: "reviewsAndLitigation.\(row.path).total"))
            }
        }
        return out
    }

    /// How badly candidate values break the table's arithmetic: each failed equality counts,
    /// and so does a lone blank cell that its row's total would make negative. A lone blank
    /// in a row whose other cells are all known is first filled from the row's total, so that
    /// the column checks can still judge where the row's cells belong (a row that lost a cell
    /// reads differently depending on where the gap is put).
    public static func violations(tableKey: String, values: TableValues) -> Int {
        switch tableKey {
        case "applications":
            var arithmetic = ApplicationArithmetic(values)
            return arithmetic.violations()
        case "reviewsAndLitigation":
            var n = 0
            let shaped = fillingLoneBlanks(reshapeReviews(values), parts: outcomes, penalty: &n)
            return n + reviewChecks(shaped).count
        default:
            var n = 0
            for row in values.rows {
                for f in row.fields where f.name != "change" { if let value = f.value, isNegative(value) { n += 1 } }
            }
            return n
        }
    }

    /// Rows with exactly one blank among `parts` + total, the others integers: the blank
    /// takes the value the row's total implies (a negative one counts in `penalty` instead).
    static func fillingLoneBlanks(_ t: TableValues, parts: [String], penalty: inout Int) -> TableValues {
        var out = t
        for (r, row) in t.rows.enumerated() {
            let names = parts + ["total"]
            let ints = names.map { row[$0]?.integer }
            let blanks = names.indices.filter { ints[$0] == nil }
            guard blanks.count == 1, let hole = blanks.first, names.allSatisfy({ n in row.fields.contains { $0.name == n } }) else { continue }
            let known = ints.compactMap { $0 }
            let value = hole == names.count - 1 ? known.reduce(0, +) : (ints.last.flatMap { $0 } ?? 0) - known.dropLast().reduce(0, +)
            if value < 0 {
                penalty += 1
                continue
            }
            if let f = out.rows[r].fields.firstIndex(where: { $0.name == names[hole] }) { out.rows[r].fields[f].value = .integer(value) }
        }
        return out
    }

    /// 表四 is read as one row of 15 values ("all"); the report nests it by group.
    public static func reshapeReviews(_ values: TableValues) -> TableValues {
        guard let all = values.row("all") else { return values }
        var rows: [RowValues] = []
        for group in OfficialTemplates.reviewGroups {
            let fields = all.fields.filter { $0.name.hasPrefix(group + ".") }.map {
                FieldValue(name: String($0.name.dropFirst(group.count + 1)), value: $0.value)
            }
            rows.append(RowValues(path: group, fields: fields))
        }
        return TableValues(rows: rows, extraRows: values.extraRows)
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
