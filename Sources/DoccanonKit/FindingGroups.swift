import DocModel
import ReportProfile

/// `validate --format text` for a person: findings on table cells are grouped by rule, table
/// and the set of columns they hit, one line per group ("表三 法人或其他组织 5 列空白：26 行"),
/// instead of one line per cell. Other findings keep their own line. JSON keeps one finding
/// per cell (Validation.render).
enum FindingGroups {
    struct Cell {
        var table: String
        var row: String
        var field: String
    }

    struct Key: Hashable {
        var severity: Severity
        var rule: Rule
        var table: String
        var fields: [String]
    }

    static let tableNames = ["activeDisclosure": "表二", "applications": "表三", "reviewsAndLitigation": "表四"]
    static let legalPersonColumns = ["commercialEnterprise", "researchInstitution", "publicInterestOrganization", "legalServiceAgency", "otherOrganization"]
    static let reviewGroups = ["administrativeReview": "行政复议", "litigationDirect": "未经复议直接起诉", "litigationAfterReview": "复议后起诉"]
    static let reviewOutcomes = ["upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"]
    static let verbs: [Rule: String] = [.valueBlank: "空白", .valuePlaceholder: "为占位符（按 0 读）", .valueNegative: "为负数", .valueUnreadable: "无法读作数字"]

    /// Row labels, header names and template order of both templates' rows and fields. A field's
    /// header and place are also kept per template and row (`rowHeaders`, "table.row.field"): one
    /// name heads different columns ("amount": 本年收费金额 in 2021, 采购总金额 in 2019's 政府集中采购;
    /// "decisions": 本年处理决定数量 in 2021, 处理决定数量 in 2019).
    static let layout: (rows: [String: (label: String, order: Int)], fields: [String: (label: String, order: Int)], rowHeaders: [[String: (label: String, order: Int)]]) = {
        var rows: [String: (String, Int)] = [:]
        var fields: [String: (String, Int)] = [:]
        var rowHeaders: [[String: (String, Int)]] = []
        for template in [Template.y2021, .y2019] {
            var headers: [String: (String, Int)] = [:]
            for table in OfficialTemplates.tables(template) {
                for (n, row) in table.rows.enumerated() {
                    for (m, field) in row.fields.enumerated() where !field.header.isEmpty { headers["\(table.key).\(row.path).\(field.name)"] = (field.header, m) }
                    guard rows["\(table.key).\(row.path)"] == nil else { continue }
                    rows["\(table.key).\(row.path)"] = (row.labels.first ?? row.path, n)
                    for (m, field) in row.fields.enumerated() where fields["\(table.key).\(field.name)"] == nil {
                        fields["\(table.key).\(field.name)"] = (field.header, m)
                    }
                }
            }
            rowHeaders.append(headers)
        }
        for (n, group) in OfficialTemplates.reviewGroups.enumerated() { rows["reviewsAndLitigation.\(group)"] = (reviewGroups[group] ?? group, n) }
        for (m, outcome) in ["upheld", "corrected", "other", "pending", "total"].enumerated() {
            fields["reviewsAndLitigation.\(outcome)"] = (reviewOutcomes[outcome] ?? outcome, m)
        }
        return (rows, fields, rowHeaders)
    }()

    /// The table cell a finding's path names, if it names one of the template's cells.
    static func cell(_ path: String?) -> Cell? {
        guard let path, let dot = path.firstIndex(of: "."), let last = path.lastIndex(of: "."), dot < last else { return nil }
        let cell = Cell(table: String(path[..<dot]), row: String(path[path.index(after: dot)..<last]), field: String(path[path.index(after: last)...]))
        guard layout.rows["\(cell.table).\(cell.row)"] != nil, layout.fields["\(cell.table).\(cell.field)"] != nil else { return nil }
        return cell
    }

    static func render(_ findings: [Finding]) -> String {
        // Rows of each (rule, table) with the fields hit in each row.
        var rowFields: [String: [String: [String]]] = [:]
        for f in findings {
            guard let c = cell(f.path) else { continue }
            rowFields["\(f.severity.rawValue)|\(f.rule.rawValue)|\(c.table)", default: [:]][c.row, default: []].append(c.field)
        }
        var groups: [Key: [String]] = [:]
        var groupOf: [Int: Key] = [:]
        for (i, f) in findings.enumerated() {
            guard let c = cell(f.path), let fields = rowFields["\(f.severity.rawValue)|\(f.rule.rawValue)|\(c.table)"]?[c.row] else { continue }
            let key = Key(severity: f.severity, rule: f.rule, table: c.table, fields: order(Array(Set(fields)), c.table))
            if groups[key]?.contains(c.row) != true { groups[key, default: []].append(c.row) }
            groupOf[i] = key
        }
        var out = ""
        var printed: Set<Key> = []
        for (i, f) in findings.enumerated() {
            if let key = groupOf[i], let rows = groups[key], rows.count * key.fields.count > 1 {
                guard !printed.contains(key) else { continue }
                printed.insert(key)
                out += line(key, rows: rows, example: f.message)
            } else {
                out += "\(f.severity.rawValue): [\(f.rule.rawValue)]" + (f.path.map { " at \($0)" } ?? "") + ": \(f.message)\n"
            }
        }
        return out
    }

    static func order(_ fields: [String], _ table: String) -> [String] {
        fields.sorted { (layout.fields["\(table).\($0)"]?.order ?? 99, $0) < (layout.fields["\(table).\($1)"]?.order ?? 99, $1) }
    }

    /// "warning: [value.blank] 表三 法人或其他组织 5 列空白：26 行（一、本年新收… 至 四、结转下年度继续办理）"
    static func line(_ key: Key, rows: [String], example: String) -> String {
        let table = key.table
        let sorted = rows.sorted { (layout.rows["\(table).\($0)"]?.order ?? 99) < (layout.rows["\(table).\($1)"]?.order ?? 99) }
        let labels = sorted.map { layout.rows["\(table).\($0)"]?.label ?? $0 }
        let span = labels.count <= 3 ? labels.joined(separator: "、") : "\(labels[0]) 至 \(labels[labels.count - 1])"
        let named = columns(key.fields, table, rows: sorted)
        let what = verbs[key.rule].map { "\(named)\($0)：\(rows.count) 行（\(span)）" } ?? "\(named)：\(rows.count) 行（\(span)），如“\(example)”"
        return "\(key.severity.rawValue): [\(key.rule.rawValue)] \(tableNames[table] ?? table) \(what)\n"
    }

    /// "法人或其他组织 5 列", "全部 7 列", "自然人、总计 2 列".
    static func columns(_ fields: [String], _ table: String, rows: [String] = []) -> String {
        if table == "applications", fields == legalPersonColumns { return "法人或其他组织 5 列" }
        if table == "applications", fields.count == 7 { return "全部 7 列" }
        if table == "applications", fields == ["naturalPerson"] + legalPersonColumns { return "自然人及法人或其他组织 6 列" }
        // The headers of the template whose rows have every one of these columns (2021 first):
        // "采购项目数量、采购总金额" in 2019's 政府集中采购, not the 2021 收费 row's "本年收费金额".
        let keys = rows.flatMap { row in fields.map { "\(table).\(row).\($0)" } }
        var names = fields.map { layout.fields["\(table).\($0)"]?.label ?? $0 }
        if !rows.isEmpty, let headers = layout.rowHeaders.first(where: { h in keys.allSatisfy { h[$0] != nil } }) {
            let placed = fields.map { field in rows.compactMap { headers["\(table).\($0).\(field)"] }.first ?? (field, 99) }
            names = placed.sorted { $0.order < $1.order }.map(\.label)
        }
        return names.joined(separator: "、") + (fields.count > 1 ? " \(fields.count) 列" : " 列")
    }
}
