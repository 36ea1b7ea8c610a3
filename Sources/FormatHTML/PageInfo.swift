import Normalization
import XMLSupport

/// The page's own information about the document, outside its body: the 政府信息公开 info
/// table (名称 / 索引号 / 发布机构 / 公开日期…), a "发布时间：…" line, the CMS's `<meta>`
/// tags (ArticleTitle, PubDate, ContentSource) and `<title>`. These become Document
/// properties: "title", "indexNumber", "publisher", "publishedOn" (ISO date), "documentNumber".
/// The portal's name is never a publisher.
enum PageInfo {
    /// Labels, their property, and a rank (lower wins when a property is stated twice).
    static let labels: [(label: String, key: String, rank: Int)] = [
        ("索引号", "indexNumber", 0), ("发布机构", "publisher", 0), ("发文机关", "publisher", 1), ("发布单位", "publisher", 2),
        ("公开主体", "publisher", 3), ("信息来源", "publisher", 4), ("公开日期", "publishedOn", 0), ("发布日期", "publishedOn", 1),
        ("发布时间", "publishedOn", 2), ("名称", "title", 0), ("标题", "title", 1), ("文件名称", "title", 0),
        ("发文字号", "documentNumber", 0), ("文号", "documentNumber", 1), ("主题分类", "", 0), ("成文日期", "", 0),
        ("生成日期", "", 0), ("有效性", "", 0), ("公开方式", "", 0), ("公开范围", "", 0), ("关键词", "", 0), ("主题词", "", 0),
        ("体裁分类", "", 0), ("组配分类", "", 0), ("废止日期", "", 0), ("来源", "", 0), ("浏览次数", "", 0), ("点击数", "", 0),
        ("作者", "", 0), ("字号", "", 0),
    ]
    /// Labels that prove a table is the information table, not report content.
    static let infoTableLabels: Set<String> = ["索引号", "发布机构", "公开日期", "发布日期", "发文机关", "主题分类", "成文日期", "发文字号", "文号", "有效性", "生成日期", "公开方式", "体裁分类"]

    static func read(_ tree: HTMLTree) -> [String: String] {
        let root = HTMLTree.root
        var found: [String: (value: String, rank: Int)] = [:]
        func offer(_ key: String, _ value: String, rank: Int) {
            guard !key.isEmpty, !value.isEmpty else { return }
            if let existing = found[key], existing.rank <= rank { return }
            found[key] = (value, rank)
        }
        // Labelled values in the page text.
        let segments = segments(of: root, tree)
        var labelled: [(key: String, value: String, rank: Int, label: String)] = []
        var i = 0
        while i < segments.count {
            if let (entry, rest) = label(of: segments[i]) {
                var value = rest
                if value.isEmpty, i + 1 < segments.count, label(of: segments[i + 1]) == nil {
                    value = Normalizer.clean(segments[i + 1])
                    i += 1
                }
                labelled.append((entry.key, cut(value), entry.rank, entry.label))
            }
            i += 1
        }
        let infoLabels = Set(labelled.map(\.label)).intersection(infoTableLabels)
        for entry in labelled {
            // A lone 名称 or 来源 in the page is not page information; a date line is.
            if infoLabels.count >= 2 || entry.key == "publishedOn" { offer(entry.key, value(entry.key, entry.value), rank: entry.rank) }
        }
        // <meta> tags and <title>, below the page's own table.
        for meta in elements(named: .meta, in: root, tree) {
            guard let name = tree.attribute(meta, .name)?.lowercased(), let content = tree.attribute(meta, .content) else { continue }
            let text = Normalizer.clean(content)
            switch name {
            case "articletitle": offer("title", text, rank: 5)
            case "pubdate", "publishdate", "firstpublishedtime", "publishtime", "dc.date": offer("publishedOn", value("publishedOn", text), rank: 5)
            case "contentsource": offer("publisher", value("publisher", text), rank: 5)
            default: break
            }
        }
        if let heading = headings(in: root, tree).first(where: { HTMLText.contains($0, "报告") && $0.unicodeScalars.count <= 80 }) {
            offer("title", heading, rank: 6)
        }
        if let title = elements(named: .title, in: root, tree).first.map(tree.textContent) {
            offer("title", PageTitle.reportPart(of: title), rank: 9)
        }
        return found.mapValues(\.value)
    }

    /// A value as the property wants it: an ISO date, or nothing for a portal's name.
    static func value(_ key: String, _ raw: String) -> String {
        switch key {
        case "publishedOn": return isoDate(in: raw) ?? ""
        case "publisher": return isPortalName(raw) ? "" : raw
        default: return raw
        }
    }

    static func isPortalName(_ s: String) -> Bool {
        s.hasSuffix("网") || HTMLText.contains(s, "网站") || HTMLText.contains(s, "门户") || HTMLText.contains(s, "政务服务网")
            || HTMLText.contains(s.lowercased(), ".gov.cn")
    }

    /// The text of h1–h3 elements in the body, in document order.
    static func headings(in root: Int, _ tree: HTMLTree) -> [String] {
        var out: [String] = []
        func walk(_ e: Int, depth: Int) {
            for c in tree.children(e) where out.count < 20 && !tree.isText(c) {
                let name = tree.name(c)
                if name == .h1 || name == .h2 || name == .h3 {
                    out.append(Normalizer.clean(tree.textContent(c)))
                } else if name != .head, depth < 40 {
                    walk(c, depth: depth + 1)
                }
            }
        }
        walk(root, depth: 0)
        return out
    }

    /// The label a text segment starts with ("索 引 号：" counts), and the rest after its colon.
    /// (An array: a couple of dozen compares cost less than hashing the scalar of every segment.)
    static let labelStarts: [Unicode.Scalar] = labels.compactMap { $0.label.unicodeScalars.first }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }

    static func label(of segment: String) -> ((label: String, key: String, rank: Int), String)? {
        let isBlank: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 || $0 == "\u{3000}" || $0 == "\u{A0}" }
        guard let first = segment.unicodeScalars.first(where: { !isBlank($0) }), labelStarts.contains(first) else { return nil }
        let compact = String(segment.unicodeScalars.filter { !($0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" || $0 == "\t" || $0 == "\n" || $0 == "\r") })
        guard compact.unicodeScalars.count <= 400 else { return nil }
        for entry in labels where compact.hasPrefix(entry.label) {
            var rest = compact.dropFirst(entry.label.count)
            guard rest.isEmpty || rest.first == "：" || rest.first == ":" else { continue }
            rest = rest.drop { $0 == "：" || $0 == ":" }
            // Keep the original spacing of the value where there is one.
            if let colon = segment.firstIndex(where: { $0 == "：" || $0 == ":" }) {
                return (entry, Normalizer.clean(String(segment[segment.index(after: colon)...])))
            }
            return (entry, String(rest))
        }
        return nil
    }

    /// A value up to the next label on the same line ("2022-01-20 来源：…").
    static func cut(_ value: String) -> String {
        var end = value.endIndex
        for entry in labels {
            if let r = value.range(ofLabel: entry.label), r.lowerBound > value.startIndex, r.lowerBound < end { end = r.lowerBound }
        }
        if let bracket = value.firstIndex(of: "【"), bracket < end { end = bracket }
        return Normalizer.clean(String(value[..<end]))
    }

    /// The first date in a text ("2022年1月20日", "2022-01-20 10:30", "2022/1/20"), ISO-formatted.
    static func isoDate(in text: String) -> String? {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i + 3 < s.count {
            guard let year = number(s, &i, maxDigits: 4), year >= 1990, year <= 2100 else { i += 1; continue }
            guard i < s.count, "年-/.".unicodeScalars.contains(s[i]) else { continue }
            i += 1
            guard let month = number(s, &i, maxDigits: 2), (1...12).contains(month), i < s.count, "月-/.".unicodeScalars.contains(s[i]) else { continue }
            i += 1
            guard let day = number(s, &i, maxDigits: 2), (1...31).contains(day) else { continue }
            return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        }
        return nil
    }

    static func number(_ s: [Unicode.Scalar], _ i: inout Int, maxDigits: Int) -> Int? {
        var n = 0
        var digits = 0
        while i < s.count, digits < maxDigits, HTMLText.isDigit(s[i]) {
            n = n * 10 + Int(s[i].value - 0x30)
            digits += 1
            i += 1
        }
        if digits == 0 { return nil }
        if digits == maxDigits, i < s.count, HTMLText.isDigit(s[i]) { return nil }
        return n
    }

    /// Whether a table's rows are the information table (two or more of its labels).
    static func isInformationTable(_ rows: [[Int]], _ tree: HTMLTree) -> Bool {
        guard rows.count <= 12 else { return false }
        var seen = Set<String>()
        for row in rows {
            for cell in row {
                if let (entry, _) = label(of: tree.textContent(cell)), infoTableLabels.contains(entry.label) { seen.insert(entry.label) }
            }
        }
        return seen.count >= 2
    }

    /// The page's text cut at every element boundary, trimmed, empty pieces left out.
    static func segments(of root: Int, _ tree: HTMLTree) -> [String] {
        var out: [String] = []
        var current = ""
        func end() {
            // Labels and their values are short; long text and white space are neither.
            // Kept raw: only labels and their values are cleaned (by `label(of:)` and `read`).
            if current.utf8.count > 600 {
                out.append("")  // keeps a label from taking the text after it as its value
            } else if current.utf8.contains(where: { $0 > 0x20 }) {
                out.append(current)
            }
            current = ""
        }
        func walk(_ e: Int) {
            for c in tree.children(e) {
                if out.count > 20_000 { return }
                switch tree.name(c) {
                case .text: current += tree.text(c)
                case .head: continue
                default:
                    end()
                    walk(c)
                    end()
                }
            }
        }
        walk(root)
        end()
        return out
    }

    static func elements(named name: HTMLName, in root: Int, _ tree: HTMLTree) -> [Int] {
        var out: [Int] = []
        func walk(_ e: Int, depth: Int) {
            for c in tree.children(e) where !tree.isText(c) {
                if tree.name(c) == name { out.append(c) } else if depth < 3 { walk(c, depth: depth + 1) }
            }
        }
        walk(root, depth: 0)
        return out
    }
}

extension String {
    /// The range of a label followed by a colon (so "来源" in "信息来源" does not count alone).
    func range(ofLabel label: String) -> Range<Index>? {
        var search = startIndex
        while search < endIndex, let r = self[search...].firstRange(of: label) {
            let after = self[r.upperBound...].drop { $0 == " " || $0 == "\u{3000}" }
            if after.first == "：" || after.first == ":" { return r }
            search = r.upperBound
        }
        return nil
    }
}
