import DocModel
import FormatText
import Normalization
import XMLSupport

/// Turns the main content's markup into blocks in reading order: headings, paragraphs and
/// tables. Inline markup (spans, font tags, Word's per-character runs) is joined into its
/// paragraph; `<br>` and block elements end a paragraph; the portal's boilerplate inside the
/// content (share bars, print/close links, previous/next links, footers) is left out.
struct BlockExtractor {
    var blocks: [Block] = []
    var findings: [Finding] = []
    /// In a fallback container (no CMS container found), link-only lines are navigation.
    let dropLinkLines: Bool

    private var line = ""
    private var linkBytes = 0
    /// The line's text outside links.
    private var plain = ""
    private var headingLevel: Int?

    init(dropLinkLines: Bool) {
        self.dropLinkLines = dropLinkLines
    }

    /// Class and id words of the portal's furniture.
    static let boilerplateTokens: Set<Substring> = [
        "header", "nav", "navbar", "menu", "topbar", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "position", "location",
        "dqwz", "weizhi", "share", "bdshare", "bdsharebuttonbox", "fenxiang", "related", "xgwz", "xglj", "xgxx", "prev", "next",
        "sxp", "sxy", "pager", "pagination", "footer", "foot", "copyright", "sidebar", "print", "toolbar", "tools", "search",
        "login", "banner", "gotop", "backtop", "qrcode", "ewm", "erweima", "jiucuo", "font-size", "fontsize",
    ]

    /// Lines of portal furniture that land inside a content container.
    static let boilerplatePhrases = [
        "网站标识码", "ICP备", "icp备", "公网安备", "版权所有", "主办单位", "承办单位", "技术支持", "上一篇", "下一篇", "上一条", "下一条",
        "分享到", "【打印】", "【关闭】", "打印本页", "关闭窗口", "当前位置", "您现在的位置", "你的位置", "您当前的位置", "扫一扫在手机",
        "【字体", "字号：", "浏览次数", "访问量", "点击数", "网站地图", "联系我们", "保护视力色", "【大】", "[大]",
    ]
    static let boilerplatePrefixes = ["发布时间", "发布日期", "信息来源", "来源：", "作者：", "时间：", "日期：", "阅读次数", "首页>", "首页 >", "首页»"]

    mutating func flow(_ e: XMLElement) throws(HTMLError) {
        for child in e.children {
            switch child {
            case .text(let t):
                line += t
                if inLink == 0 { plain += t }
            case .element(let c):
                try element(c)
            }
        }
    }

    private var inLink = 0

    mutating func element(_ c: XMLElement) throws(HTMLError) {
        let name = c.name
        if HTMLText.skipped.contains(name) || isBoilerplate(c) { return }
        switch name {
        case "br":
            flush()
        case "table":
            flush()
            try TableExtractor.extract(c, into: &self)
        case "a":
            let before = line.utf8.count
            inLink += 1
            try flow(c)
            inLink -= 1
            linkBytes += max(0, line.utf8.count - before)
        default:
            if let level = HTMLText.headingLevels[name] {
                flush()
                headingLevel = level
                try flow(c)
                flush()
            } else if HTMLText.blockElements.contains(name) {
                flush()
                try flow(c)
                flush()
            } else {
                try flow(c)
            }
        }
    }

    func isBoilerplate(_ e: XMLElement) -> Bool {
        if MainContent.boilerplateTags.contains(e.name) {
            return !HTMLText.contains(e, "table") || HTMLText.textLength(e, limit: 2000) < 2000
        }
        let names = HTMLText.names(e)
        guard !names.isEmpty, !names.contains(where: { MainContent.containerNames.contains($0) }) else { return false }
        guard HTMLText.tokens(names).contains(where: { Self.boilerplateTokens.contains($0) }) else { return false }
        // Never furniture: anything holding a table or much text.
        return !HTMLText.contains(e, "table") && HTMLText.textLength(e, skipLinks: true, limit: 600) < 600
    }

    /// Ends the current line: a paragraph or heading unless it is empty or furniture.
    mutating func flush() {
        defer {
            line = ""
            plain = ""
            linkBytes = 0
            headingLevel = nil
        }
        guard !line.isEmpty else { return }
        let text = Normalizer.clean(HTMLText.collapse(line))
        guard !text.isEmpty, !Self.isBoilerplateLine(text) else { return }
        if dropLinkLines, linkBytes > 0, Self.isSeparatorsOnly(plain) { return }
        if let level = headingLevel {
            blocks.append(.heading(level: HeadingDetector.level(of: text) ?? level, text: text))
        } else {
            blocks.append(HeadingDetector.block(for: text))
        }
    }

    /// Text between menu links: white space and separators such as | > » · /.
    static func isSeparatorsOnly(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || "|｜>»·•/、-–—:：".unicodeScalars.contains($0) }
    }

    static let phraseBytes = boilerplatePhrases.map { Array($0.utf8) }
    static let prefixBytes = boilerplatePrefixes.map { Array($0.utf8) }

    static func isBoilerplateLine(_ text: String) -> Bool {
        // 150 scalars are at most 600 bytes; Chinese text takes 3 bytes a scalar.
        guard text.utf8.count <= 600 else { return false }
        let count = text.unicodeScalars.count
        if count <= 150, phraseBytes.contains(where: { HTMLText.contains(text, bytes: $0) }) { return true }
        if count <= 80, prefixBytes.contains(where: { text.utf8.starts(with: $0) }) { return true }
        return false
    }

    /// Appends a table, joining it to the table just before when nothing separates them and
    /// they have the same columns (one table split into two `<table>` elements).
    mutating func append(_ table: Table) {
        if case .table(let previous)? = blocks.last, previous.columnCount == table.columnCount, line.isEmpty {
            var merged = previous
            for var cell in table.cells {
                cell.row += previous.rowCount
                merged.cells.append(cell)
            }
            merged.rowCount += table.rowCount
            blocks[blocks.count - 1] = .table(merged)
            findings.append(Finding(.textRepaired, "two adjacent tables with \(table.columnCount) columns joined into one (a table split in two)"))
            return
        }
        blocks.append(.table(table))
    }
}
