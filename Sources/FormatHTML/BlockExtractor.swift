import DocModel
import Normalization
import TableCore
import TextLayout
import XMLSupport

/// Turns the main content's markup into blocks in reading order: headings, paragraphs and
/// tables. Inline markup (spans, font tags, Word's per-character runs) is joined into its
/// paragraph; `<br>` and block elements end a paragraph; the portal's boilerplate inside the
/// content (share bars, print/close links, previous/next links, footers) is left out.
struct BlockExtractor {
    /// The blocks so far; call `finish()` first (the last table may still be open).
    private(set) var blocks: [Block] = []
    /// The last table, kept out of `blocks` while a following table may still join it.
    private var openTable: Table?
    var findings: [Finding] = []
    /// In a fallback container (no CMS container found), link-only lines are navigation.
    let dropLinkLines: Bool

    private var line = ""
    private var linkBytes = 0
    /// The line's text outside links.
    private var plain = ""
    private var headingLevel: Int?

    /// Places data tables (the page's `ReadLimits`); `tableCount` numbers them for origins.
    let grid: GridBuilder
    var tableCount = 0
    /// The page.
    let tree: HTMLTree

    init(tree: HTMLTree, dropLinkLines: Bool, limits: ReadLimits) {
        self.tree = tree
        self.dropLinkLines = dropLinkLines
        self.grid = GridBuilder(limits: limits)
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
        "主办：", "主办:", "承办：", "办公室主办", "政府主办", "主管单位", "维护单位", "运维单位", "备案号", "您是第", "访问人次",
        "无障碍", "适老化", "网站纠错", "政府网站找错", "设为首页", "加入收藏", "使用帮助",
    ]
    static let boilerplatePrefixes = ["发布时间", "发布日期", "信息来源", "来源：", "作者：", "时间：", "日期：", "阅读次数", "首页>", "首页 >", "首页»"]

    /// More blocks than any report has: the page is refused rather than read for minutes.
    static let maxBlocks = 100_000

    mutating func flow(_ e: Int) throws(AdapterFailure) {
        if blocks.count > Self.maxBlocks {
            throw AdapterFailure(.tooLarge, "page too large: more than \(Self.maxBlocks) paragraphs")
        }
        for c in tree.children(e) {
            guard tree.isText(c) else {
                try element(c)
                continue
            }
            let t = tree.text(c)
            if preformatted > 0 && t.utf8.contains(0x0A) {
                // In <pre>, each source line is a line of text.
                let lines = t.split(separator: "\n", omittingEmptySubsequences: false)
                for (k, part) in lines.enumerated() {
                    if k > 0 { flush() }
                    line += part
                }
            } else {
                line += t
                if inLink == 0, dropLinkLines { plain += t }
            }
        }
    }

    private var inLink = 0
    private var classifier = NameClassifier()
    private var preformatted = 0
    private var lastTableJoined = false

    mutating func element(_ c: Int) throws(AdapterFailure) {
        let name = tree.name(c)
        if HTMLText.skipped.contains(name) || isBoilerplate(c) { return }
        switch name {
        case .br:
            flush()
        case .table:
            flush()
            try TableExtractor.extract(c, into: &self)
        case .a:
            let before = line.utf8.count
            inLink += 1
            try flow(c)
            inLink -= 1
            linkBytes += max(0, line.utf8.count - before)
        default:
            if let level = HTMLText.headingLevel(name) {
                flush()
                headingLevel = level
                try flow(c)
                flush()
            } else if HTMLText.blockElements.contains(name) {
                flush()
                if name == .pre { preformatted += 1 }
                try flow(c)
                if name == .pre { preformatted -= 1 }
                flush()
            } else {
                try flow(c)
            }
        }
    }

    mutating func isBoilerplate(_ e: Int) -> Bool {
        if MainContent.boilerplateTags.contains(tree.name(e)) {
            return !tree.contains(e, .table) || tree.textLength(e, limit: 2000) < 2000
        }
        guard classifier.kinds(tree.attributes(e)).furniture else { return false }
        // Never furniture: anything holding a table or much text.
        return !tree.contains(e, .table) && tree.textLength(e, skipLinks: true, limit: 600) < 600
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
            closeTable()
            blocks.append(.heading(level: HeadingDetector.level(of: text) ?? level, text: text))
        } else {
            closeTable()
            blocks.append(HeadingDetector.block(for: text))
        }
    }

    /// Text between menu links: white space and separators such as | > » · /.
    static func isSeparatorsOnly(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || "|｜>»·•/、-–—:：".unicodeScalars.contains($0) }
    }

    static let phrases = BytePhrases(boilerplatePhrases)
    static let prefixBytes = boilerplatePrefixes.map { Array($0.utf8) }

    static func isBoilerplateLine(_ text: String) -> Bool {
        // 150 scalars are at most 600 bytes; Chinese text takes 3 bytes a scalar.
        let bytes = text.utf8.count
        guard bytes <= 600 else { return false }
        let count = bytes <= 150 ? bytes : text.unicodeScalars.count
        if count <= 150, phrases.occurs(in: text) { return true }
        if count <= 80, prefixBytes.contains(where: { text.utf8.starts(with: $0) }) { return true }
        return false
    }

    /// Appends a table, joining it to the table just before when nothing separates them and
    /// they have the same columns (one table split into two `<table>` elements). Joined
    /// cells keep their origins (the `<table>` they were read from, and their place in it).
    mutating func append(_ table: Table) throws(AdapterFailure) {
        if var merged = openTable, merged.columnCount == table.columnCount, line.isEmpty {
            let rows = merged.rowCount + table.rowCount
            if rows * table.columnCount > grid.maxCells {
                throw AdapterFailure(.tooLarge, "tables joined into one of \(rows)×\(table.columnCount) positions exceed the limit of \(grid.maxCells)")
            }
            openTable = nil  // `merged` is now the only reference: its cells grow in place
            let offset = merged.rowCount
            for var cell in table.cells {
                cell.row += offset
                merged.cells.append(cell)
            }
            merged.rowCount += table.rowCount
            if !lastTableJoined {
                findings.append(.tablesJoined(columns: table.columnCount))
            }
            lastTableJoined = true
            openTable = merged
            return
        }
        closeTable()
        lastTableJoined = false
        openTable = table
    }

    mutating func closeTable() {
        if let table = openTable {
            openTable = nil
            blocks.append(.table(table))
        }
    }

    /// Ends the last line and table.
    mutating func finish() {
        flush()
        closeTable()
    }
}
