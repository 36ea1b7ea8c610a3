import DocModel
import PDFSupport

/// Pages to the canonical document: ruled tables take their glyphs first, the remaining words
/// become lines, running headers and footers go, borderless tables are found by alignment,
/// and the page items in reading order become paragraphs, headings and tables (a table
/// continued on the next page joined into one).
enum DocumentAssembly {
    static func document(_ content: PDFContent, source: SourceInfo, limits: ReadLimits) throws(AdapterFailure) -> Document {
        let pages = PageSplitter.pages(content)
        var ruled: [[PageTable]] = []
        var lines: [[TextLine]] = []
        var ending: PageTable?
        for page in pages {
            var tables = RuledTables.find(on: page)
            tables += banded(on: page, besides: tables, after: ending)
            ending = BandedTables.endingPage(tables, page: page)
            let rest = RuledTables.fill(&tables, pieces: page.pieces)
            ruled.append(tables)
            lines.append(PageSplitter.lines(rest, page: page.number))
        }
        var stripped = RunningText.strip(lines, heights: pages.map(\.height))
        var properties: [String: String] = [:]
        if let first = stripped.pages.firstIndex(where: { !$0.isEmpty }) {
            let printed = PrintedPage.read(stripped.pages[first])
            stripped.pages[first] = printed.lines
            stripped.dropped += printed.dropped ? 1 : 0
            if let date = printed.publishedOn { properties["publishedOn"] = date }
        }
        // The trailer may run onto a last page of its own.
        var footerAfter = false
        for p in stripped.pages.indices.reversed() where !stripped.pages[p].isEmpty {
            let trimmed = PrintedPage.withoutTrailer(stripped.pages[p], footerAfter: footerAfter)
            stripped.pages[p] = trimmed.lines
            stripped.dropped += trimmed.dropped ? 1 : 0
            guard trimmed.dropped, trimmed.lines.isEmpty else { break }
            footerAfter = true
        }
        let metrics = BodyMetrics(stripped.pages.flatMap { $0 })
        var items: [PageItem] = []
        for p in pages.indices {
            let aligned = AlignedTables.find(stripped.pages[p], metrics: metrics)
            let pageItems = (ruled[p] + aligned.tables).map(PageItem.table) + aligned.lines.map(PageItem.line)
            items += pageItems.sorted { $0.top < $1.top }
        }
        var findings: [Finding] = []
        if stripped.dropped > 0 {
            findings.append(Finding(.sourceRestructured, "删除了 \(stripped.dropped) 处页眉、页脚、页码或网页导航（版面文字，非正文）"))
        }
        let blocks = try assemble(items, metrics: metrics, limits: limits, findings: &findings)
        return Document(source: source, blocks: blocks, properties: properties, findings: findings)
    }

    /// The tables ruled between rows on a page; when the previous page ends in one (`ending`),
    /// the rows at the top of this page without a rule above them join the first table if
    /// that table then continues `ending`, one's column edges all among the other's (else they
    /// stay text: a heading over a new table).
    static func banded(on page: PageContent, besides ruled: [PageTable], after ending: PageTable?) -> [PageTable] {
        let plain = BandedTables.find(on: page, besides: ruled)
        guard let ending else { return plain }
        let opened = BandedTables.find(on: page, besides: ruled, openAbove: true)
        guard let first = opened.first, first.box.y0 < (plain.first?.box.y0 ?? .infinity) - 1,
            SpanningTable(ending).continues(first), nested(ending.columnEdges, first.columnEdges) else { return plain }
        return opened
    }

    static func nested(_ a: [Double], _ b: [Double]) -> Bool {
        func among(_ x: [Double], _ y: [Double]) -> Bool { x.allSatisfy { e in y.contains { abs($0 - e) <= 4 } } }
        return among(a, b) || among(b, a)
    }

    static func assemble(
        _ items: [PageItem], metrics: BodyMetrics, limits: ReadLimits, findings: inout [Finding]
    ) throws(AdapterFailure) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [TextLine] = []
        var table: SpanningTable?
        func flushParagraph() {
            if !paragraph.isEmpty, let block = TextFlow.block(paragraph, metrics: metrics) { blocks.append(block) }
            paragraph = []
        }
        func flushTable() throws(AdapterFailure) {
            guard let t = table else { return }
            if !t.joinedPages.isEmpty {
                let pages = t.joinedPages.map(String.init).joined(separator: "、")
                findings.append(Finding(.sourceRestructured, "表格跨页续排（第 \(pages) 页），已合并为一个表格"))
            }
            blocks.append(.table(try t.table(limits: limits)))
            table = nil
        }
        for item in items {
            switch item {
            case .line(let line):
                try flushTable()
                if let last = paragraph.last, TextFlow.continues(last, line, samePage: last.page == line.page, metrics: metrics) {
                    paragraph.append(line)
                } else {
                    flushParagraph()
                    paragraph = [line]
                }
            case .table(let pageTable):
                flushParagraph()
                if var joined = table, joined.continues(pageTable) {
                    joined.refine(pageTable.columnEdges)
                    if let map = joined.columnMap(for: pageTable) { joined.append(pageTable, columns: map) }
                    table = joined
                } else {
                    try flushTable()
                    table = SpanningTable(pageTable)
                }
            }
        }
        flushParagraph()
        try flushTable()
        return blocks
    }
}
