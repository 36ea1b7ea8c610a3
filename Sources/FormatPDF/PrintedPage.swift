import Normalization

/// A portal page printed to PDF: its navigation trail ("首页>信息公开>年度报告") and its trailer
/// (sharing, related links, the site's footer) are dropped, and a "发布日期：2022-01-28" line at
/// the top is the page's stated publication date (a fact the page states, as the HTML adapter
/// reads it; never the file's own dates), the line itself dropped when it is the page's info
/// line (source, hit count).
enum PrintedPage {
    static let dateLabels = ["发布日期", "公开日期", "发布时间"]

    /// The first page's lines without a navigation trail in its first lines, the stated date
    /// (ISO) if any, and whether a trail was dropped.
    static func read(_ lines: [TextLine]) -> (lines: [TextLine], publishedOn: String?, dropped: Bool) {
        var (out, dropped) = withoutSideColumn(lines)
        let lines = out
        var date: String?
        for (i, line) in lines.prefix(4).enumerated().reversed() {
            let text = Normalizer.clean(line.text).filter { !$0.isWhitespace }
            if isTrail(text) {
                out.remove(at: i)
                dropped = true
            } else if date == nil, let stated = statedDate(text) {
                date = stated
                // The page's info line ("发布日期：… 信息来源：… 浏览次数：…") is the portal's, not the report's.
                if infoLabels.contains(where: { text.contains($0) }) {
                    out.remove(at: i)
                    dropped = true
                }
            }
        }
        return (out, date, dropped)
    }

    /// The first lines without a portal's side column printed beside them ("栏目" over "导航",
    /// left of the title): pieces wholly left of the body's left margin, each stacked over or
    /// under another such piece at the same left edge. Whether any was dropped.
    static func withoutSideColumn(_ lines: [TextLine]) -> (lines: [TextLine], dropped: Bool) {
        let left = BodyMetrics(lines).left
        let head = lines.prefix(6)
        let outside = head.flatMap(\.pieces).filter { $0.box.x1 <= left - 2 }
        let stacked = outside.filter { p in
            outside.contains { q in
                q != p && abs(q.box.x0 - p.box.x0) <= 2 && max(q.box.y0 - p.box.y1, p.box.y0 - q.box.y1) <= 0.5 * p.box.height
            }
        }
        guard !stacked.isEmpty else { return (lines, false) }
        var out: [TextLine] = []
        for (i, line) in lines.enumerated() {
            let kept = i < head.count ? line.pieces.filter { !stacked.contains($0) } : line.pieces
            if !kept.isEmpty { out.append(kept.count == line.pieces.count ? line : TextLine(page: line.page, pieces: kept)) }
        }
        return (out, true)
    }

    static let infoLabels = ["信息来源", "来源：", "浏览次数", "点击数", "访问量", "字号"]
    /// Lines a portal page ends with: sharing, related links, print and close buttons.
    static let trailerOpenings = ["分享到", "相关链接", "相关文章", "打印本页", "【打印】", "【关闭】", "关闭窗口", "扫一扫"]
    /// What only a site's footer says.
    static let footerMarks = ["ICP备", "网站标识码", "版权所有", "主办", "技术支持", "公网安备"]

    /// The last page's lines without the portal's trailer: from the first line among the last
    /// twelve that opens a trailer (sharing, related links, print buttons) or is a site
    /// footer line, to the end, when the end holds a footer line (ICP number, 网站标识码,
    /// 主办…), two such openings, or a page that was all trailer follows. Whether any was dropped.
    static func withoutTrailer(_ lines: [TextLine], footerAfter: Bool = false) -> (lines: [TextLine], dropped: Bool) {
        let texts = lines.map { Normalizer.clean($0.text).filter { !$0.isWhitespace } }
        let tail = max(0, lines.count - 12)
        let footer = texts[tail...].contains { t in t.count <= 60 && footerMarks.contains { t.contains($0) } }
        let openings = texts[tail...].filter { t in t.count <= 60 && trailerOpenings.contains { t.hasPrefix($0) } }.count
        guard footer || footerAfter || openings >= 2 else { return (lines, false) }
        guard let start = (tail..<lines.count).first(where: { i in
            texts[i].count <= 60 && (trailerOpenings.contains { texts[i].hasPrefix($0) } || footerMarks.contains { texts[i].contains($0) })
        }) else { return (lines, false) }
        return (Array(lines[..<start]), true)
    }

    static func isTrail(_ text: String) -> Bool {
        let starts = ["首页", "当前位置", "您当前的位置", "您的位置", "当前的位置"]
        let separators: Set<Character> = [">", "＞", "»", "→", "›"]
        return starts.contains { text.hasPrefix($0) } && text.contains { separators.contains($0) }
    }

    /// The index just after the first occurrence of `needle` in `text`.
    static func end(of needle: String, in text: String) -> String.Index? {
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix(needle) { return text.index(i, offsetBy: needle.count) }
            i = text.index(after: i)
        }
        return nil
    }

    /// "发布日期：2022-01-28…" or "发布日期：2022年1月28日…" as "2022-01-28".
    static func statedDate(_ text: String) -> String? {
        for label in dateLabels {
            guard let end = end(of: label, in: text) else { continue }
            var rest = text[end...].drop { $0 == "：" || $0 == ":" }
            var parts: [Int] = []
            while parts.count < 3 {
                let digits = rest.prefix { $0.isASCIIDigit }
                guard !digits.isEmpty, let value = Int(digits) else { break }
                parts.append(value)
                rest = rest.dropFirst(digits.count)
                guard let sep = rest.first, "-年月/.".contains(sep) else { break }
                rest = rest.dropFirst()
            }
            guard parts.count == 3, parts[0] >= 1990, parts[0] <= 2100, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
                continue
            }
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(parts[0])-\(two(parts[1]))-\(two(parts[2]))"
        }
        return nil
    }
}
