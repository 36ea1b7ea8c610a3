import Collections
import DocModel

/// The site's first page: one row per report (sortable and filterable by the script), the
/// collection's findings, and the agencies with several reports.
struct IndexPage {
    let summaries: [Summary]
    let findings: [CollectionFinding]
    /// Inputs that could not be read: id and the one-line reason.
    let failures: [(id: String, message: String)]

    func render() -> String {
        let errors = summaries.reduce(0) { $0 + $1.errors }, warnings = summaries.reduce(0) { $0 + $1.warnings }
        var body = "<header><h1>政府信息公开工作年度报告审阅</h1>\n"
        body += "<p class=\"counts\">\(summaries.count) 份报告 · <span class=\"badge e\">错误 \(errors)</span> "
        body += "<span class=\"badge w\">警告 \(warnings)</span> · 跨报告发现 \(findings.count)"
        if !failures.isEmpty { body += " · 无法读取 \(failures.count)" }
        body += "</p></header>\n<main>\n"
        body += controls()
        body += reportTable()
        body += collectionFindings()
        body += agencies()
        body += failureList()
        body += "</main>\n"
        return Markup.page(title: "年度报告审阅", root: "", bodyClass: "index", body: body)
    }

    func controls() -> String {
        var counts: [String: Int] = [:]
        for s in summaries { for rule in s.rules { counts[rule, default: 0] += 1 } }
        var out = "<form class=\"controls\" role=\"search\" id=\"filters\">"
        out += "<label>查找 <input type=\"search\" id=\"q\" placeholder=\"机关、标题、文件名（/ 聚焦）\"></label>"
        out += "<label>严重程度 <select id=\"sev\"><option value=\"\">全部</option><option value=\"e\">有错误</option>"
        out += "<option value=\"w\">有警告</option><option value=\"clean\">无错误无警告</option></select></label>"
        out += "<label>规则 <select id=\"rule\"><option value=\"\">全部规则</option>"
        for rule in counts.keys.sorted() {
            out += "<option value=\"\(Markup.attribute(rule))\">\(Markup.text(rule))（\(counts[rule] ?? 0)）</option>"
        }
        out += "</select></label> <output id=\"shown\" for=\"q sev rule\">\(summaries.count) / \(summaries.count)</output></form>\n"
        return out
    }

    func reportTable() -> String {
        let columns = [("agency", "机关", "t"), ("year", "年度", "n"), ("template", "模板", "t"), ("format", "格式", "t"),
                       ("errors", "错误", "n"), ("warnings", "警告", "n"), ("title", "标题", "t"), ("source", "来源文件", "t")]
        var out = "<table class=\"reports\" id=\"reports\"><thead><tr>"
        for (key, name, kind) in columns {
            out += "<th scope=\"col\" data-k=\"\(key)\" data-t=\"\(kind)\"><button type=\"button\">\(name)</button></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for s in summaries {
            out += "<tr data-rules=\"\(Markup.attribute(s.rules.joined(separator: " ")))\" data-e=\"\(s.errors)\" data-w=\"\(s.warnings)\">"
            out += "<td><a href=\"\(Markup.attribute(s.page))\">\(Markup.text(s.agency ?? "（机关未知）"))</a></td>"
            out += "<td>\(s.year.map(String.init) ?? "")</td><td>\(s.template?.rawValue ?? "")</td>"
            out += "<td>\(s.format.rawValue.uppercased())</td>"
            out += "<td class=\"\(s.errors > 0 ? "n e" : "n")\">\(s.errors)</td><td class=\"\(s.warnings > 0 ? "n w" : "n")\">\(s.warnings)</td>"
            out += "<td>\(Markup.text(s.title ?? ""))</td><td class=\"src\">\(Markup.text(s.id))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// Cross-year, duplicate, agency-variant and prose findings, each with links to its reports.
    func collectionFindings() -> String {
        var out = "<section class=\"collection\" aria-labelledby=\"h-collection\"><h2 id=\"h-collection\">跨年度、重复与正文发现（\(findings.count)）</h2>\n"
        if findings.isEmpty { return out + "<p>没有跨报告的发现。</p></section>\n" }
        let known = Set(summaries.map(\.id))
        out += "<ol class=\"findings\">\n"
        let order = findings.indices.sorted { (findings[$0].severity, $0) < (findings[$1].severity, $1) }
        for finding in order.map({ findings[$0] }) {
            out += "<li class=\"\(CellMarks.className(finding.severity))\" data-rule=\"\(Markup.attribute(finding.rule.rawValue))\">"
            out += "<span class=\"sev\">\(Markup.severityName(finding.severity))</span> <code>\(Markup.text(finding.rule.rawValue))</code> \(Markup.text(finding.message))"
            for report in finding.reports {
                if known.contains(report.id) {
                    out += " <a href=\"\(Markup.attribute(Summary.reportPage(id: report.id)))\">\(Markup.text(report.source.name))</a>"
                } else {
                    out += " <span class=\"src\">\(Markup.text(report.id))</span>"
                }
            }
            out += "</li>\n"
        }
        return out + "</ol></section>\n"
    }

    func agencies() -> String {
        var years: [String: Set<Int>] = [:], names: [String: String] = [:]
        for s in summaries {
            guard let key = s.agencyKey else { continue }
            years[key, default: []].formUnion(s.year.map { [$0] } ?? [])
            if names[key] == nil { names[key] = s.agency }
        }
        let several = years.filter { $0.value.count > 1 }.keys.sorted { (names[$0] ?? $0, $0) < (names[$1] ?? $1, $1) }
        var out = "<section class=\"agencies\" aria-labelledby=\"h-agencies\"><h2 id=\"h-agencies\">多年度的机关（\(several.count)）</h2>\n"
        if several.isEmpty { return out + "<p>没有机关有多个年度的报告。</p></section>\n" }
        out += "<ul class=\"agencies\">"
        for key in several {
            let span = (years[key] ?? []).sorted()
            out += "<li><a href=\"\(Summary.agencyPage(key: key))\">\(Markup.text(names[key] ?? key))</a> <span class=\"years\">\(span.first ?? 0)–\(span.last ?? 0)（\(span.count) 年）</span></li>"
        }
        return out + "</ul></section>\n"
    }

    func failureList() -> String {
        guard !failures.isEmpty else { return "" }
        var out = "<section class=\"failures\" aria-labelledby=\"h-failures\"><h2 id=\"h-failures\">无法读取的输入（\(failures.count)）</h2><ul>"
        for failure in failures { out += "<li><span class=\"src\">\(Markup.text(failure.id))</span>：\(Markup.text(failure.message))</li>" }
        return out + "</ul></section>\n"
    }
}
