import DocModel
import Normalization

/// Title, agency, year and publication date, from the title lines, the closing signature
/// and the page's own information (an HTML info table, a scraper's header). Unknown values
/// stay nil: the agency comes from the signature, else the title, else the page's 发布机构;
/// the date from the signature, else the page.
enum MetadataReader {
    static let agencySuffixes = ["人民政府", "政府", "办事处", "委员会", "管委会", "办公室", "办公厅", "局", "厅", "委", "办", "院", "中心", "乡", "镇", "街道", "署", "所", "站", "队", "处", "部", "会"]

    /// `title`: the title and the blocks it was read from (TitleFinder).
    static func read(_ document: Document, title found: (String, Range<Int>)?, signatureStart: Int?) -> Metadata {
        var metadata = Metadata()
        metadata.title = found?.0
        if metadata.title == nil, let t = document.properties["title"], t.containsBytes("报告") {
            metadata.title = PageTitle.reportPart(of: t)  // a PDF's Title printed from a web page names its site too
        }
        if let title = metadata.title {
            metadata.year = year(in: title)
            metadata.agency = agency(fromTitle: title)
        }
        // Signature: agency and date lines at the very end.
        if let start = signatureStart {
            for block in document.blocks[start...] {
                guard let text = block.text else { continue }
                let (agency, date) = signatureParts(text)
                if let date { metadata.publishedOn = date }
                if let agency { metadata.agency = agency }
            }
        }
        if metadata.agency == nil, let publisher = document.properties["publisher"], isAgencyName(publisher) { metadata.agency = publisher }
        if metadata.publishedOn == nil, let published = document.properties["publishedOn"] { metadata.publishedOn = published }
        return metadata
    }

    /// Where the closing signature begins: the trailing run of short agency and date lines.
    static func signatureStart(_ blocks: [Block]) -> Int? {
        var i = blocks.count - 1
        var start: Int?
        var seen = 0
        while i >= 0, seen < 3 {
            guard let text = blocks[i].text else { break }
            let parts = signatureParts(text)
            if parts.agency != nil || parts.date != nil {
                start = i
                seen += 1
                i -= 1
            } else {
                break
            }
        }
        return start
    }

    /// A signature line's agency and date: "安泽县人民政府", "2022年2月15日", "二〇二二年一月二十日",
    /// or both on one line ("安泽县人民政府　2022年2月15日").
    static func signatureParts(_ text: String) -> (agency: String?, date: String?) {
        if let d = date(in: text) { return (nil, d) }
        if isAgencyLine(text) { return (text, nil) }
        // Agency and date on one line ("安泽县人民政府　2022年2月15日").
        guard text.hasAtMost(characters: 50) else { return (nil, nil) }
        var split = text.startIndex
        while split < text.endIndex {
            let head = String(text[..<split]).trimmingCharacters(" 　")
            if head.count >= 2, isAgencyLine(head), let d = date(in: String(text[split...])) { return (head, d) }
            split = text.index(after: split)
        }
        return (nil, nil)
    }

    static func isAgencyLine(_ text: String) -> Bool {
        guard text.hasAtMost(characters: 30), text.count >= 2, !TextMarks.containsMark(text, TextMarks.isClauseMark) else { return false }
        guard SectionReader.sectionID(of: text) == nil else { return false }
        return agencySuffixes.contains { text.hasSuffix($0) }
    }

    /// A page's 发布机构 that names an agency (not a portal, not a person or a column).
    static func isAgencyName(_ text: String) -> Bool {
        isAgencyLine(text) && !text.hasSuffix("网") && !text.contains("网站")
    }

    /// The issuing body a title names: before the year ("淮安市人民政府2024年…"), or between a
    /// leading year and 政府信息公开 ("2019年上海市人民政府办公厅政府信息公开…"), or before
    /// 政府信息公开 when there is no year. Nil when the title names none.
    static func agency(fromTitle raw: String) -> String? {
        var title = Substring(raw.filter { $0 != " " && $0 != "　" })
        // A leading year: "2019年", "2019年度".
        var leadingYear = false
        if title.count > 5, title.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }), title.dropFirst(4).first == "年" {
            title = title.dropFirst(5)
            if title.first == "度" { title = title.dropFirst() }
            leadingYear = true
        }
        var prefix = ""
        var i = title.startIndex
        var stopped = false
        while i < title.endIndex {
            let rest = title[i...]
            if rest.count > 4, rest.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }), rest.dropFirst(4).first == "年" { stopped = true; break }
            if ["政府信息公开", "信息公开", "政务公开", "年度报告", "工作年度报告", "工作报告"].contains(where: { rest.hasPrefix($0) }) { stopped = true; break }
            prefix.append(title[i])
            i = title.index(after: i)
        }
        guard stopped else { return nil }
        // "上海市人民政府信息公开…": 政府 belongs to the agency.
        if prefix.hasSuffix("人民"), title[i...].hasPrefix("政府信息公开") { prefix += "政府" }
        if prefix.hasSuffix("关于") { prefix.removeLast(2) }
        if prefix.hasPrefix("关于") { prefix.removeFirst(2) }
        guard prefix.count >= 2, !prefix.containsBytes("报告") else { return nil }
        // After a leading year the agency must read as one.
        if leadingYear, !agencySuffixes.contains(where: { prefix.hasSuffix($0) }) { return nil }
        return prefix
    }

    static func year(in text: String) -> Int? {
        let chars = Array(text.filter { $0 != " " && $0 != "　" })
        var i = 0
        while i + 4 < chars.count {
            if chars[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }), chars[i + 4] == "年", let y = Int(String(chars[i..<(i + 4)])), (2000...2100).contains(y) {
                return y
            }
            i += 1
        }
        return nil
    }

    /// An ISO date when the line is nothing but the date, in any form the signature uses.
    static func date(in raw: String) -> String? {
        guard raw.hasAtMost(characters: 24) else { return nil }
        return DateText.whole(raw)
    }
}

/// The report's title among the lines before its first section: the line that ends the title
/// ("…年度报告", "…工作报告"), joined with the title's first lines above it when the title is
/// broken ("淮安市人民政府" / "2024年政府信息公开工作年度报告", three lines too). Site banners,
/// menus, "正文" markers and labelled page lines are never part of it; a report title wins over
/// a banner that merely names 政府信息公开.
enum TitleFinder {
    static let maxTitle = 60

    /// The title and the blocks it spans.
    static func title(_ blocks: [Block]) -> (String, Range<Int>)? {
        let firstSection = blocks.firstIndex { $0.text.map { SectionReader.sectionID(of: $0) != nil } ?? false } ?? blocks.count
        let limit = min(firstSection, blocks.count, 40)
        for i in 0..<limit {
            guard let text = blocks[i].text.map(unmarked), isTitleLine(text) else { continue }
            var title = text
            // The next line may finish the title ("…政府信息公开工作" / "年度报告").
            if !endsTitle(title), i + 1 < limit, let next = blocks[i + 1].text.map(unmarked), endsTitle(next), next.count <= 20, isFragment(next) {
                title += next
            }
            guard endsTitle(title) else { continue }
            // Lines above that begin the title (agency, year), while it lacks either.
            var j = i - 1
            while j >= 0, title.count < maxTitle, MetadataReader.agency(fromTitle: title) == nil || MetadataReader.year(in: title) == nil {
                guard let previous = blocks[j].text.map(unmarked), isFragment(previous), title.count + previous.count <= maxTitle else { break }
                title = previous + title
                j -= 1
            }
            guard title.count <= maxTitle else { continue }
            let last = title.hasSuffix(text) ? i : i + 1
            return (title, (j + 1)..<(last + 1))
        }
        return gluedTitle(blocks, limit: limit)
    }

    /// Page text flattened to one line glues the title to the preamble's first sentence
    /// ("某县2019年政府信息公开工作年度报告根据《中华人民共和国政府信息公开条例》…"): a title that
    /// names its agency and year, right before the words a preamble opens with, is the title. The
    /// paragraph stays section text (an empty block range).
    /// How a preamble opens ("本报告根据…" too: the title ends at the first 报告, not at 本报告).
    static let preambleOpeners = ["根据", "依据", "按照", "本报告", "本年度报告"]

    static func gluedTitle(_ blocks: [Block], limit: Int) -> (String, Range<Int>)? {
        for i in 0..<limit {
            guard let text = blocks[i].text.map(unmarked) else { continue }
            let chars = Array(text)
            guard chars.count > 2 else { continue }
            for end in 2..<min(chars.count, maxTitle) where chars[end - 1] == "告" && chars[end - 2] == "报" {
                let title = String(chars[..<end]).trimmingCharacters(" 　")
                let rest = String(chars[end...]).trimmingCharacters(" 　")
                guard preambleOpeners.contains(where: { rest.hasPrefix($0) }), isFragment(title),
                      MetadataReader.agency(fromTitle: title) != nil, MetadataReader.year(in: title) != nil else { continue }
                return (title, i..<i)
            }
        }
        return nil
    }

    /// A title line without the Markdown heading marker an OCR or LLM tool puts before it
    /// ("# 某县2025年政府信息公开工作年度报告"): one to six "#", then the title.
    static func unmarked(_ text: String) -> String {
        let hashes = text.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return text }
        let rest = text.dropFirst(hashes).drop { $0 == " " || $0 == "　" }
        return rest.isEmpty ? text : String(rest)
    }

    /// A line that can hold (the end of) the title.
    static func isTitleLine(_ text: String) -> Bool {
        text.count <= maxTitle && (text.containsBytes("报告") || text.containsBytes("政府信息公开")) && !text.hasSuffix("。") && !text.hasSuffix("：")
            && !text.contains("：") && !isChrome(text)
    }

    /// Ends with 报告, or with 报告 and a short note in brackets ("报告（全文）").
    static func endsTitle(_ text: String) -> Bool {
        let t = Array(text.trimmingCharacters(" 　"))
        guard let at = t.indices.last(where: { $0 + 1 < t.count && t[$0] == "报" && t[$0 + 1] == "告" }) else { return false }
        let tail = t[(at + 2)...]
        guard let open = tail.first, let close = tail.last else { return true }
        return tail.count <= 12 && "（(".contains(open) && "）)".contains(close)
    }

    /// A short line that can be part of a title: no sentence punctuation, not a section
    /// heading, not page chrome.
    static func isFragment(_ text: String) -> Bool {
        text.hasAtMost(characters: 40) && text.count >= 2 && !text.contains { "。，,：:；;、|｜>".contains($0) }
            && SectionReader.sectionID(of: text) == nil && !isChrome(text) && MetadataReader.date(in: text) == nil
    }

    /// Banners and markers that sit above a title on pages and in dumps.
    static func isChrome(_ text: String) -> Bool {
        let t = text.trimmingCharacters(" 　【】")
        if ["正文", "标题", "内容", "全文", "附件", "打印", "关闭", "字号"].contains(t) { return true }
        return t.hasSuffix("网") || t.hasSuffix("网站") || t.contains("门户") || t.contains("首页") || t.contains("当前位置")
    }
}

extension String {
    func trimmingCharacters(_ set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
