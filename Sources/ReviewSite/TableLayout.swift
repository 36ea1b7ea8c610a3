import DocModel
import ReportProfile
import TableCore

/// The three statistical tables drawn in the official template's layout (headers, groups and
/// merged label cells as the 2019 and 2021 formats print them), with every value. A value
/// cell's dotted path is its row's `data-r` and its field name, which its `data-f` gives as an
/// index into `fields` (the page data's "fields": names are written once per page; the script
/// joins them); it has the class of its most severe finding. `drawn` lists the paths in drawing
/// order, which is the order of the page data's cells.
struct TableLayout {
    let report: Report
    let marks: CellMarks
    private(set) var drawn: [String] = []
    /// The field names of the drawn cells, each once, in order of first use.
    private(set) var fields: [String] = []
    private var fieldIndex: [String: Int] = [:]

    init(report: Report, marks: CellMarks) {
        self.report = report
        self.marks = marks
    }

    var template: Template { report.metadata.template ?? .y2021 }

    func templateTable(_ key: String) -> TableTemplate? {
        OfficialTemplates.tables(template).first { $0.key == key }
    }

    /// One value cell of the row `rowPath`. Null is an empty cell with class `nil` (the style
    /// sheet says 空).
    mutating func valueCell(_ rowPath: String, _ field: String, _ value: Value?, columnSpan: Int = 1) -> String {
        let path = rowPath + "." + field
        drawn.append(path)
        var classes: [String] = []
        if let severity = marks.severity(of: path) { classes.append(CellMarks.className(severity)) }
        let shown = Markup.display(value)
        if shown == nil { classes.append("nil") }
        let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        let span = columnSpan > 1 ? " colspan=\"\(columnSpan)\"" : ""
        let index = fieldIndex[field] ?? fields.count
        if index == fields.count {
            fields.append(field)
            fieldIndex[field] = index
        }
        return "<td data-f=\"\(index)\"\(classAttribute)\(span)>\(Markup.text(shown ?? ""))</td>"
    }

    /// A table row's start tag naming the row's path.
    static func row(_ path: String) -> String { "<tr data-r=\"\(Markup.attribute(path))\">" }

    mutating func values(_ key: String, _ row: RowTemplate, columnSpanOfLast: Int = 1) -> String {
        let table = report.tables.first { $0.key == key }?.values
        let fields = row.fields
        var out = ""
        for (i, field) in fields.enumerated() {
            let value = table?.value(row.path, field.name)
            let span = i == fields.count - 1 ? columnSpanOfLast : 1
            out += valueCell("\(key).\(row.path)", field.name, value, columnSpan: span)
        }
        return out
    }

    func label(_ text: String, rowSpan: Int = 1, columnSpan: Int = 1, rowPath: String? = nil) -> String {
        var attributes = ""
        if rowSpan > 1 { attributes += " rowspan=\"\(rowSpan)\"" }
        if columnSpan > 1 { attributes += " colspan=\"\(columnSpan)\"" }
        if let rowPath, let severity = marks.severity(ofRow: rowPath) {
            attributes += " class=\"\(CellMarks.className(severity))\""
        }
        return "<th scope=\"row\"\(attributes)>\(Markup.text(text))</th>"
    }

    // MARK: 表二

    /// Blocks of 第二十条 items, each with its 信息内容 header row and rows; a block with fewer
    /// fields than the widest spans its last header and value over the rest.
    mutating func activeDisclosure() -> String {
        guard let t = templateTable("activeDisclosure") else { return "" }
        let width = t.rows.map(\.fields.count).max() ?? 1
        var out = "<table class=\"t2\" id=\"activeDisclosure\">\n"
        for group in t.groups {
            let rows = t.rows.filter { $0.group == group.id }
            if rows.isEmpty { continue }
            out += "<tr class=\"grp\"><th colspan=\"\(width + 1)\">\(Markup.text(group.labels.first ?? ""))</th></tr>\n"
            out += "<tr><th>信息内容</th>"
            let fields = rows[0].fields
            for (i, field) in fields.enumerated() {
                let span = i == fields.count - 1 ? width - fields.count + 1 : 1
                out += "<th\(span > 1 ? " colspan=\"\(span)\"" : "")>\(Markup.text(field.header.isEmpty ? "单位" : field.header))</th>"
            }
            out += "</tr>\n"
            for row in rows {
                let path = "activeDisclosure.\(row.path)"
                out += Self.row(path) + label(row.labels.first ?? row.path, rowPath: path)
                out += values("activeDisclosure", row, columnSpanOfLast: width - row.fields.count + 1) + "</tr>\n"
            }
        }
        return out + "</table>\n"
    }

    // MARK: 表三

    /// Three label columns: top-level rows span all three; 三、本年度办理结果 spans its result
    /// rows; each of （三）（四）（五）（六） spans its numbered rows.
    mutating func applications() -> String {
        guard let t = templateTable("applications") else { return "" }
        let headers = OfficialTemplates.tables(template).first { $0.key == "applications" }?.rows.first?.fields ?? []
        var out = "<table class=\"t3\" id=\"applications\">\n"
        out += "<tr><th colspan=\"3\" rowspan=\"3\" class=\"note\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>"
        out += "<th colspan=\"7\">申请人情况</th></tr>\n"
        out += "<tr><th rowspan=\"2\">\(Markup.text(headers.first?.header ?? "自然人"))</th><th colspan=\"5\">法人或其他组织</th>"
        out += "<th rowspan=\"2\">总计</th></tr>\n<tr>"
        for field in headers.dropFirst().dropLast() { out += "<th>\(Markup.text(field.header))</th>" }
        out += "</tr>\n"
        let results = t.rows.filter { $0.path.hasPrefix("results.") }
        let groupLabels = Dictionary(t.groups.map { ($0.id, $0.labels.first ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        var seenGroups: Set<String> = []
        for row in t.rows {
            let path = "applications.\(row.path)"
            var line = Self.row(path)
            if !row.path.hasPrefix("results.") {
                line += label(row.labels.first ?? row.path, columnSpan: 3, rowPath: path)
            } else {
                if row.path == results.first?.path {
                    line += label(groupLabels["results"] ?? "三、本年度办理结果", rowSpan: results.count)
                }
                if let group = row.group, group != "results" {
                    if !seenGroups.contains(group) {
                        seenGroups.insert(group)
                        let count = t.rows.filter { $0.group == group }.count
                        line += label(groupLabels[group] ?? group, rowSpan: count)
                    }
                    line += label(row.labels.first ?? row.path, rowPath: path)
                } else {
                    line += label(row.labels.first ?? row.path, columnSpan: 2, rowPath: path)
                }
            }
            out += line + values("applications", row) + "</tr>\n"
        }
        return out + "</table>\n"
    }

    // MARK: 表四

    mutating func reviewsAndLitigation() -> String {
        let outcomes = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计")]
        let table = report.reviewsAndLitigation
        var out = "<table class=\"t4\" id=\"reviewsAndLitigation\">\n"
        out += "<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>\n<tr>"
        for (_, name) in outcomes { out += "<th rowspan=\"2\">\(name)</th>" }
        out += "<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>\n<tr>"
        for _ in 0..<2 { for (_, name) in outcomes { out += "<th>\(name)</th>" } }
        out += "</tr>\n" + Self.row("reviewsAndLitigation")
        for group in OfficialTemplates.reviewGroups {
            for (field, _) in outcomes {
                out += valueCell("reviewsAndLitigation", "\(group).\(field)", table?.value(group, field))
            }
        }
        return out + "</tr>\n</table>\n"
    }

    /// Rows outside the template, kept by the reader, under their table.
    mutating func extraRows(_ key: String) -> String {
        guard let table = report.tables.first(where: { $0.key == key })?.values, !table.extraRows.isEmpty else { return "" }
        var out = "<table class=\"extra\"><caption>模板外的行（extraRows）</caption>\n"
        for (i, extra) in table.extraRows.enumerated() {
            out += Self.row("\(key).extraRows.\(i).values") + label(extra.label.isEmpty ? "（无标签）" : extra.label)
            for (j, value) in extra.values.enumerated() {
                out += valueCell("\(key).extraRows.\(i).values", String(j), value)
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }
}
