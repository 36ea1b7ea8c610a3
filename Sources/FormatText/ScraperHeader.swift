import DocModel
import Normalization

/// What a web scraper writes around a page's text: a header of labelled lines ("标题: …",
/// "发布时间: …", "发布机构: …", "来源：… 浏览次数：…"), the site's banner and menus
/// ("首页 | 政务公开 | 年报", "当前位置：首页 > …"), a "正文" marker, and a footer
/// ("版权所有…", "网站标识码…", "【打印】【关闭】"). The labelled values become document
/// properties ("title", "publishedOn", "publisher", "indexNumber", "documentNumber", "url");
/// the chrome is dropped, so none of it reaches a report section. Only the runs of such
/// lines at the very start and end of the text are touched.
enum ScraperHeader {
    struct Result {
        var properties: [String: String] = [:]
        /// Lines that are scraper header, site chrome or footer, not content.
        var dropped: Set<Int> = []

        /// One finding for all the lines dropped, naming the properties kept.
        var findings: [Finding] {
            guard !dropped.isEmpty else { return [] }
            let names = ["title": "标题", "publishedOn": "发布日期", "publisher": "发布机构", "indexNumber": "索引号", "documentNumber": "文号", "url": "链接"]
            return [.scraperChromeRemoved(dropped.count, kept: properties.keys.sorted().compactMap { names[$0] })]
        }
    }

    /// Labels and the property each fills ("": recognised as header, value not kept).
    static let labels: [(label: String, key: String)] = [
        ("文章标题", "title"), ("标题", "title"), ("题目", "title"), ("名称", "title"),
        ("发布时间", "publishedOn"), ("发布日期", "publishedOn"), ("公开日期", "publishedOn"), ("发文日期", "publishedOn"),
        ("成文日期", ""), ("时间", "publishedOn"), ("日期", "publishedOn"),
        ("发布机构", "publisher"), ("发布单位", "publisher"), ("发文机关", "publisher"), ("信息来源", "publisher"),
        ("文章来源", "publisher"), ("来源", "publisher"), ("索引号", "indexNumber"), ("发文字号", "documentNumber"),
        ("文号", "documentNumber"), ("原文链接", "url"), ("链接", "url"), ("网址", "url"), ("URL", "url"), ("url", "url"),
        ("作者", ""), ("浏览次数", ""), ("点击数", ""), ("阅读次数", ""), ("访问量", ""), ("主题分类", ""), ("分类", ""),
        ("栏目", ""), ("字号", ""), ("有效性", ""), ("公开方式", ""), ("公开范围", ""),
        ("信息名称", "title"), ("发布文号", "documentNumber"), ("组配分类", ""), ("关键词", ""), ("主题词", ""), ("主题导航", ""),
        ("内容概述", ""), ("生成日期", "publishedOn"),
    ]
    static let labelNames = Set(labels.map(\.label))

    /// The labelled values of a portal's information table copied as text, a row a line with its
    /// cells between pipes or tabs ("索 引 号 | 014416330/2018-04736 | 分 类 | 年报 |",
    /// "发布机构 | 市政府办 | 发文日期 | 2018-02-28 |"): each label cell (spaces inside it
    /// ignored) and the value cell after it, when there is one; nil unless the first cell is a label.
    static func cellsLabelled(_ line: String) -> [(String, String)]? {
        guard line.utf8.contains(where: { $0 == 0x7C || $0 == 0x09 }) || line.containsBytes("｜") else { return nil }
        let cells = line.split(whereSeparator: { $0 == "|" || $0 == "｜" || $0 == "\t" }).map { Normalizer.clean(String($0)) }.filter { !$0.isEmpty }
        let key: (String) -> String = { $0.filter { $0 != " " && $0 != "　" } }
        guard let first = cells.first, labelNames.contains(key(first)) else { return nil }
        var composed = ""
        var i = 0
        while i < cells.count {
            let k = key(cells[i])
            guard labelNames.contains(k) else {
                i += 1
                continue
            }
            let value = i + 1 < cells.count && !labelNames.contains(key(cells[i + 1])) ? cells[i + 1] : ""
            composed += k + "：" + value + " "
            i += value.isEmpty ? 1 : 2
        }
        return labelled(composed) ?? []
    }
    /// Lines that are page furniture wherever the scraper left them at the edges.
    static let chromeWords = ["正文", "打印", "打印本页", "关闭", "关闭窗口", "返回顶部", "分享到", "扫一扫", "收藏", "保存", "上一篇", "下一篇", "相关链接", "附件下载",
                              "版权所有", "主办单位", "承办单位", "技术支持", "网站标识码", "ICP备", "公网安备", "网站地图", "联系我们", "无障碍",
                              "当前位置", "您现在的位置", "您的位置"]
    static let menuWords: Set<String> = ["首页", "政务公开", "信息公开", "政府信息公开", "政府信息公开年报", "年报", "政务服务", "互动交流", "走进",
                                         "网站地图", "无障碍", "登录", "注册", "搜索", "English", "繁體", "繁体", "简体", "长者版", "移动版", "返回", "新闻中心"]

    static func read(_ lines: [Substring]) -> Result {
        var result = Result()
        // The header: the chrome and labelled lines among the first lines, up to the last of
        // them, provided what lies between them is short (a title, a date), not prose.
        var candidates: [Int] = []
        var seen = 0
        var i = 0
        var afterLabel = false
        while i < lines.count, seen < 25 {
            let line = Normalizer.clean(String(lines[i]))
            defer { i += 1 }
            if line.isEmpty { continue }
            seen += 1
            let wasAfterLabel = afterLabel
            afterLabel = false
            if let values = labelled(stripped(lines[i])) ?? cellsLabelled(line) {
                for (key, value) in values where result.properties[key] == nil { result.properties[key] = value }
                candidates.append(i)
                afterLabel = true
            } else if isChrome(line) {
                candidates.append(i)
            } else if wasAfterLabel, hasUnknownLabel(line) {
                // A label this reader does not know ("本地目录: …") in the run of labelled lines.
                candidates.append(i)
                afterLabel = true
            } else if namesAFile(line) {
                // A crawler's note pointing at its own files ("页面链接与图片详见 links.tsv").
                candidates.append(i)
            } else if line.unicodeScalars.count > 60 || line.hasSuffix("。") || line.hasPrefix("一、") || line.hasPrefix("（一）") {
                break
            }
        }
        result.dropped.formUnion(candidates)
        // The footer: the run of chrome lines at the very end.
        var end = lines.count
        while end > 0, lines.count - end < 40, !result.dropped.contains(end - 1) {
            let line = Normalizer.clean(String(lines[end - 1]))
            if !line.isEmpty {
                guard isChrome(line) || labelled(stripped(lines[end - 1])) != nil else { break }
                result.dropped.insert(end - 1)
            }
            end -= 1
        }
        return result
    }

    /// The labelled values of a header line ("来源：区政府办 发布时间：2022-01-20 10:35"), or
    /// nil when the line does not start with a header label.
    static func labelled(_ line: String) -> [(String, String)]? {
        let marks = labelMarks(line)
        guard let first = marks.first, first.range.lowerBound == line.startIndex else { return nil }
        var values: [(String, String)] = []
        for (n, mark) in marks.enumerated() {
            let end = n + 1 < marks.count ? marks[n + 1].range.lowerBound : line.endIndex
            let raw = Normalizer.clean(String(line[mark.range.upperBound..<end]))
            guard !mark.key.isEmpty, !raw.isEmpty else { continue }
            switch mark.key {
            case "publishedOn": if let d = DateText.first(in: raw) { values.append((mark.key, d)) }
            case "publisher": if !isPortalName(raw) { values.append((mark.key, raw)) }
            default: values.append((mark.key, raw))
            }
        }
        return values
    }

    /// Where header labels followed by a colon stand in the line.
    static func labelMarks(_ line: String) -> [(range: Range<String.Index>, key: String)] {
        var marks: [(range: Range<String.Index>, key: String)] = []
        // A mark ends with a colon: most lines have none.
        guard line.utf8.contains(UInt8(ascii: ":")) || line.containsBytes("：") else { return marks }
        var i = line.startIndex
        while i < line.endIndex {
            if mayStartLabel(line.unicodeScalars[i]) {
                // A two-letter label only where a label can start; a longer one anywhere.
                let atBoundary = i == line.startIndex || " 　\t|｜【[".contains(line[line.index(before: i)])
                if let (label, key) = labels.first(where: { line[i...].hasPrefix($0.label) && (atBoundary || $0.label.count >= 3) }) {
                    var j = line.index(i, offsetBy: label.count)
                    while j < line.endIndex, line[j] == " " || line[j] == "　" { j = line.index(after: j) }
                    if j < line.endIndex, line[j] == ":" || line[j] == "：" {
                        marks.append((i..<line.index(after: j), key))
                        i = line.index(after: j)
                        continue
                    }
                }
            }
            i = line.index(after: i)
        }
        return marks
    }

    /// The first scalars of the labels.
    static let labelStarts = Set(labels.compactMap { $0.label.unicodeScalars.first?.value })

    /// Whether a character whose first scalar is `s` can be the first of a label: one of the
    /// labels' first scalars, or a CJK compatibility ideograph (a Character equal to the
    /// ideograph it stands for). Saves comparing every label at every character.
    static func mayStartLabel(_ s: Unicode.Scalar) -> Bool {
        labelStarts.contains(s.value) || (0xF900...0xFAFF).contains(s.value) || (0x2F800...0x2FA1F).contains(s.value)
    }

    static func isChrome(_ line: String) -> Bool {
        // A rule drawn with characters ("==========", "===== 正文 =====") around chrome words.
        let words = withoutRule(line)
        if words.isEmpty { return line.unicodeScalars.count >= 3 }
        let parts = words.split(onScalars: { "【】[]<>《》 　".unicodeScalars.contains($0) }).map(String.init)
        if !parts.isEmpty, parts.allSatisfy({ chromeWords.contains($0) }) { return true }
        if chromeWords.contains(where: { $0.count >= 3 && line.hasPrefix($0) }), line.unicodeScalars.count <= 120 { return true }
        if line.hasPrefix("字号") || line.hasPrefix("字体") || line.hasPrefix("【字体") || line.hasPrefix("【字号") { return true }
        if isPortalName(line), line.count <= 30, !line.containsBytes("报告") { return true }
        return isMenu(line)
    }

    /// The line without the rule characters and spaces at its ends ("=====" → "").
    static func withoutRule(_ line: String) -> String {
        let scalars = line.unicodeScalars
        let isRule: (Unicode.Scalar) -> Bool = {
            switch $0 {
            case "=", "-", "*", "_", "~", "#", "─", "━", "—", "＝", "－", " ", "\u{3000}": return true
            default: return false
            }
        }
        guard let first = scalars.firstIndex(where: { !isRule($0) }), let last = scalars.lastIndex(where: { !isRule($0) }) else { return "" }
        return first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) ? line : String(scalars[first...last])
    }

    /// A line that starts with a short label of two to six Chinese characters and a colon.
    static func hasUnknownLabel(_ line: String) -> Bool {
        var count = 0
        for scalar in line.unicodeScalars {
            if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF {
                count += 1
                if count > 6 { return false }
            } else if scalar == ":" || scalar == "：" {
                return count >= 2
            } else if scalar != " " && scalar != "\u{3000}" {
                return false
            }
        }
        return false
    }

    /// A short line, not a title, that names a file by its extension ("links.tsv", "page.html").
    static func namesAFile(_ line: String) -> Bool {
        guard line.unicodeScalars.count <= 60, !line.containsBytes("报告") else { return false }
        let s = Array(line.unicodeScalars)
        let isLetter: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        for i in s.indices where s[i] == "." && i > 0 && (isLetter(s[i - 1]) || ("0"..."9").contains(s[i - 1])) {
            var ext = ""
            var j = i + 1
            while j < s.count, isLetter(s[j]) {
                ext.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: s[j].value) | 0x20))
                j += 1
            }
            if fileExtensions.contains(ext) { return true }
        }
        return false
    }

    static let fileExtensions = ["tsv", "csv", "json", "html", "htm", "txt", "png", "jpg", "pdf", "xml"]

    /// A navigation line: short words between separators or spaces, with a menu word among them.
    static func isMenu(_ line: String) -> Bool {
        // U+0387 is canonically "·".
        let parts = line.split(onScalars: { " 　|｜>»→/·•\u{387}".unicodeScalars.contains($0) }).map(String.init)
        guard parts.count >= 2, !line.containsBytes("报告") else { return false }
        guard parts.allSatisfy({ $0.count <= 10 && !$0.contains(where: { $0.isNumber }) }) else { return false }
        return parts.contains { menuWords.contains($0) }
    }

    /// The line without the spaces and tabs around it (its inner spacing kept: it separates labels).
    static func stripped(_ line: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "　" || $0 == "\t" }
        guard let first = line.firstIndex(where: { !blank($0) }), let last = line.lastIndex(where: { !blank($0) }) else { return "" }
        return String(line[first...last])
    }

    static func isPortalName(_ s: String) -> Bool {
        s.hasSuffix("网") || s.hasSuffix("网站") || s.containsBytes("门户") || s.lowercased().containsBytes(".gov.cn") || s.lowercased().hasPrefix("http")
    }
}
