import DocModel

/// The page of one report: metadata, the three tables in the template's layout with flagged
/// cells coloured, a detail panel (filled by the script from the page's data: a cell's
/// findings, raw text, location, source lines), every finding, and the sections' prose with
/// the sentences of prose findings marked.
struct ReportPage {
    let input: ReviewInput
    /// Relative link to the agency's page, when it has one.
    let agencyLink: String?

    var report: Report { input.report }

    func render() -> String {
        let marks = CellMarks(report.findings)
        var layout = TableLayout(report: report, marks: marks)
        var tables: [(String, String, String)] = []
        for (key, title) in Self.titles where report.tables.first(where: { $0.key == key })?.values != nil {
            let drawn: String
            switch key {
            case "activeDisclosure": drawn = layout.activeDisclosure()
            case "applications": drawn = layout.applications()
            default: drawn = layout.reviewsAndLitigation()
            }
            tables.append((key, title, drawn + layout.extraRows(key)))
        }
        let cellPaths = Set(layout.drawn)
        var body = "<nav class=\"top\"><a href=\"../index.html\" accesskey=\"i\">← 全部报告</a>"
        if let agencyLink { body += " · <a href=\"\(Markup.attribute(agencyLink))\">本机关历年报告</a>" }
        body += "<span class=\"keys\">键盘：方向键在表格中移动 · n / p 下一个 / 上一个标记单元格 · Esc 关闭</span></nav>\n"
        body += header()
        body += "<div class=\"layout\">\n<main>\n"
        for (key, title) in Self.titles {
            body += "<section class=\"table\" aria-labelledby=\"h-\(key)\"><h2 id=\"h-\(key)\">\(title)</h2>\n"
            body += tables.first { $0.0 == key }?.2 ?? "<p class=\"missing\">未找到此表</p>\n"
            body += "</section>\n"
        }
        body += findingsList(marks, general: marks.general(cellPaths: cellPaths))
        body += ProseMarks(report: report, mismatches: input.proseMismatches).sections()
        body += "</main>\n<aside id=\"detail\" aria-live=\"polite\"><h2>单元格</h2><p class=\"hint\">选择一个单元格，查看其发现、原文和来源位置。</p></aside>\n</div>\n"
        let data = PageData(input: input, marks: marks, drawn: layout.drawn, fields: layout.fields).canonical
        return Markup.page(title: report.metadata.title ?? report.source.name, root: "../", bodyClass: "report", body: body, data: data)
    }

    static let titles = [
        ("activeDisclosure", "表二 主动公开政府信息情况"), ("applications", "表三 收到和处理政府信息公开申请情况"),
        ("reviewsAndLitigation", "表四 政府信息公开行政复议、行政诉讼情况"),
    ]

    func header() -> String {
        let m = report.metadata
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        var out = "<header><h1>\(Markup.text(m.title ?? "（无标题）"))</h1>\n<dl class=\"meta\">"
        func item(_ name: String, _ value: String?) {
            out += "<div><dt>\(name)</dt><dd>\(value.map(Markup.text) ?? "<span class=\"none\">未知</span>")</dd></div>"
        }
        item("机关", m.agency)
        item("年度", m.year.map(String.init))
        item("格式版本", m.template.map { "\($0.rawValue)年版" })
        item("发布日期", m.publishedOn)
        item("来源文件", report.source.name)
        item("格式", report.source.format.rawValue.uppercased())
        item("SHA-256", String(report.source.sha256.prefix(12)))
        out += "</dl>\n<p class=\"counts\"><span class=\"badge e\">错误 \(errors)</span> <span class=\"badge w\">警告 \(warnings)</span>"
        out += " <span class=\"badge i\">提示 \(report.findings.count - errors - warnings)</span></p></header>\n"
        return out
    }

    /// Every finding, most severe first; one that names a drawn cell or row has a button that
    /// selects it.
    func findingsList(_ marks: CellMarks, general: [Int]) -> String {
        let order = report.findings.indices.sorted {
            (report.findings[$0].severity, $0) < (report.findings[$1].severity, $1)
        }
        let generalSet = Set(general)
        var out = "<section class=\"findings\" aria-labelledby=\"h-findings\"><h2 id=\"h-findings\">发现（\(report.findings.count)）</h2>\n"
        if order.isEmpty { out += "<p>没有发现。</p>\n" }
        out += "<ol class=\"findings\">\n"
        for i in order {
            let f = report.findings[i]
            out += "<li class=\"\(CellMarks.className(f.severity))\" id=\"f\(i)\"><span class=\"sev\">\(Markup.severityName(f.severity))</span> "
            out += "<code>\(Markup.text(f.rule.rawValue))</code> \(Markup.text(f.message))"
            if let path = f.path {
                if generalSet.contains(i) {
                    out += " <span class=\"path\">\(Markup.text(path))</span>"
                } else {
                    out += " <button type=\"button\" class=\"go\" data-p=\"\(Markup.attribute(path))\">\(Markup.text(path))</button>"
                }
            }
            out += "</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }
}
