import Collections
import DocModel

/// An agency's reports across years: a chart of applications received, handled and carried
/// forward (SVG drawn here), the carry-over breaks marked, and the numbers as a table.
struct AgencyPage {
    let agency: String
    /// The agency's reports, sorted by year (one per year is charted: the first given).
    let reports: [Summary]
    /// The collection's findings (those naming this agency's reports are shown).
    let findings: [CollectionFinding]

    /// One point per year: the first report of that year.
    var series: [Summary] {
        var seen: Set<Int> = []
        return reports.filter { s in
            guard let year = s.year, !seen.contains(year) else { return false }
            seen.insert(year)
            return true
        }
    }

    /// The collection's carry-over findings between two of this agency's years: the later
    /// year, the totals compared when the total column is among the differing ones, and the
    /// finding's message.
    var breaks: [Break] {
        let years = Dictionary(reports.map { ($0.id, $0.year) }, uniquingKeysWith: { a, _ in a })
        return findings.compactMap { f in
            guard f.rule == .crossYearCarryOver, f.reports.count == 2, let later = years[f.reports[1].id] ?? nil,
                years[f.reports[0].id] != nil
            else { return nil }
            func total(_ path: String) -> Int? { f.values.first { $0.path == path }?.value?.integer }
            let forward = total("applications.carriedForward.total"), over = total("applications.carriedOver.total")
            let totals = forward != nil && over != nil && forward != over ? (forward ?? 0, over ?? 0) : nil
            return Break(year: later, totals: totals, message: f.message)
        }
    }

    func render() -> String {
        var body = "<nav class=\"top\"><a href=\"../index.html\">← 全部报告</a></nav>\n"
        body += "<header><h1>\(Markup.text(agency))</h1><p>\(reports.count) 份报告</p></header>\n<main>\n"
        body += "<section class=\"chart\" aria-labelledby=\"h-chart\"><h2 id=\"h-chart\">依申请公开：收到、办理与结转</h2>\n"
        body += series.count > 1 ? Chart(points: series, breaks: breaks).svg() : "<p>只有一个年度的数据，无法绘制趋势。</p>\n"
        body += "</section>\n" + table()
        let ids = Set(reports.map(\.id))
        let mine = findings.filter { f in f.reports.contains { ids.contains($0.id) } }
        if !mine.isEmpty {
            body += "<section class=\"collection\"><h2>跨报告发现</h2><ol class=\"findings\">"
            for f in mine {
                body += "<li class=\"\(CellMarks.className(f.severity))\"><span class=\"sev\">\(Markup.severityName(f.severity))</span> "
                body += "<code>\(Markup.text(f.rule.rawValue))</code> \(Markup.text(f.message))</li>"
            }
            body += "</ol></section>\n"
        }
        body += "</main>\n"
        return Markup.page(title: agency, root: "../", bodyClass: "agency", body: body)
    }

    func table() -> String {
        let breakYears = Set(breaks.map(\.year))
        var out = "<table class=\"years\"><thead><tr><th scope=\"col\">年度</th><th scope=\"col\">上年结转</th>"
        out += "<th scope=\"col\">本年新收</th><th scope=\"col\">办理结果总计</th><th scope=\"col\">结转下年度</th>"
        out += "<th scope=\"col\">错误</th><th scope=\"col\">警告</th><th scope=\"col\">报告</th></tr></thead><tbody>\n"
        func n(_ v: Int?) -> String { v.map(String.init) ?? "<span class=\"none\">空</span>" }
        for s in reports {
            let flagged = s.year.map(breakYears.contains) ?? false
            out += "<tr><th scope=\"row\">\(s.year.map(String.init) ?? "？")</th>"
            out += "<td class=\"n\(flagged ? " e\" title=\"与上一年度的结转下年度不一致" : "")\">\(n(s.carriedOver))</td>"
            out += "<td class=\"n\">\(n(s.received))</td><td class=\"n\">\(n(s.handled))</td><td class=\"n\">\(n(s.carriedForward))</td>"
            out += "<td class=\"\(s.errors > 0 ? "n e" : "n")\">\(s.errors)</td><td class=\"\(s.warnings > 0 ? "n w" : "n")\">\(s.warnings)</td>"
            out += "<td><a href=\"../\(Markup.attribute(s.page))\">\(Markup.text(s.title ?? s.sourceName))</a></td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}

/// A carry-over break between year − 1 and year.
struct Break {
    var year: Int
    /// Year − 1's carried-forward and year's carried-over totals, when the totals differ.
    var totals: (Int, Int)?
    var message: String
}

/// A line chart of three series over years, with breaks marked between two years.
struct Chart {
    let points: [Summary]
    let breaks: [Break]

    static let width = 760.0, height = 340.0
    static let left = 64.0, right = 24.0, top = 48.0, bottom = 40.0

    func svg() -> String {
        let years = points.compactMap(\.year)
        guard let first = years.min(), let last = years.max() else { return "" }
        let values = points.flatMap { [$0.received, $0.handled, $0.carriedForward].compactMap { $0 } }
        let maximum = Self.niceCeiling(values.max() ?? 0)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ year: Int) -> Double { Self.left + (last == first ? 0 : Double(year - first) / Double(last - first) * plotWidth) }
        func y(_ v: Int) -> Double { Self.top + plotHeight - Double(v) / Double(max(maximum, 1)) * plotHeight }
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"chart-title\">"
        out += "<title id=\"chart-title\">收到、办理与结转的申请数（\(first)–\(last)）</title>"
        for step in 0...4 {
            let v = maximum * step / 4
            out += "<line class=\"grid\" x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\"/>"
            out += "<text class=\"tick\" x=\"\(f(Self.left - 8))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(v)</text>"
        }
        for year in first...last {
            out += "<text class=\"tick\" x=\"\(f(x(year)))\" y=\"\(f(Self.height - Self.bottom + 20))\" text-anchor=\"middle\">\(year)</text>"
        }
        for b in breaks {
            let bx = (x(b.year - 1) + x(b.year)) / 2
            out += "<g class=\"break\"><title>\(Markup.text(b.message))</title>"
            out += "<line x1=\"\(f(bx))\" x2=\"\(f(bx))\" y1=\"\(f(Self.top))\" y2=\"\(f(Self.top + plotHeight))\"/>"
            let totals = b.totals.map { " \($0.0)→\($0.1)" } ?? ""
            out += "<text x=\"\(f(bx + 5))\" y=\"\(f(Self.top + 14))\">结转不符\(totals)</text></g>"
        }
        let series: [(String, String, (Summary) -> Int?)] = [
            ("s1", "本年新收", { $0.received }), ("s2", "办理结果总计", { $0.handled }), ("s3", "结转下年度", { $0.carriedForward }),
        ]
        for (k, (cls, name, value)) in series.enumerated() {
            let known = points.compactMap { p -> (Int, Int)? in
                guard let year = p.year, let v = value(p) else { return nil }
                return (year, v)
            }
            out += "<g class=\"series \(cls)\"><title>\(name)</title>"
            out += "<polyline points=\"\(known.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " "))\"/>"
            for (year, v) in known { out += marker(k, x(year), y(v), "\(year)年\(name) \(v)") }
            out += "</g>"
            let lx = Self.left + Double(k) * 150
            out += "<g class=\"legend \(cls)\">" + marker(k, lx + 6, 20, name)
            out += "<text x=\"\(f(lx + 16))\" y=\"\(f(24))\">\(name)</text></g>"
        }
        return out + "</svg>\n"
    }

    /// A circle, a square or a triangle, so series differ without colour (print, colour blindness).
    func marker(_ k: Int, _ x: Double, _ y: Double, _ label: String) -> String {
        let shape: String
        switch k {
        case 0: shape = "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4.5\"/>"
        case 1: shape = "<rect x=\"\(f(x - 4))\" y=\"\(f(y - 4))\" width=\"8\" height=\"8\"/>"
        default: shape = "<path d=\"M\(f(x)) \(f(y - 5))L\(f(x + 5)) \(f(y + 4))L\(f(x - 5)) \(f(y + 4))Z\"/>"
        }
        return "<g class=\"pt\">\(shape)<title>\(label)</title></g>"
    }

    func f(_ v: Double) -> String { SourceLocation.decimal(v) }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above `v` (at least 4, so the four grid steps are whole).
    static func niceCeiling(_ v: Int) -> Int {
        var unit = 1
        while true {
            for m in [1, 2, 5] where m * unit * 4 >= v && m * unit * 4 >= 4 { return m * unit * 4 }
            unit *= 10
        }
    }
}
