import DocModel
import Normalization
import TableCore
import TextLayout

/// Tables written one cell a line, with no tab, pipe or column position to say which cell is
/// in which row: what `pdftotext` without `-layout` gives for a PDF's tables (cells one a line,
/// blank lines between, a header label broken over lines, the values of a row or of a block of
/// rows sometimes before or after the labels they belong to, page numbers in between).
///
/// A region of such lines is a run of short lines that are not sentences, bare values among
/// them (at least `minimumValues`), with blank lines and page numbers between. Each of its
/// lines becomes a source row of one cell, in the order written, and the table is marked
/// `cellStream`: the aligner pairs the labels and values of the stream by the template and the
/// tables' arithmetic (`TableCore` CellStream*.swift). A section heading inside the region
/// ("三、收到和处理政府信息公开申请情况") stays a heading between two such tables.
enum CellStreamTable {
    /// Longest line that may be a cell, in scalars; a PDF's prose lines wrap wider than this.
    static let cellLength = 26
    /// Longest line that may be a label written whole on its line (a web page's cell, not wrapped
    /// by a PDF: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" is 38),
    /// when it starts as such labels do (`mayBeLongLabel`) and no sentence mark is in it.
    static let labelLength = 40
    /// Fewest lines holding a value alone for a region to be a table's cells (表二 of the 2021
    /// template alone has ten), and the least share of them among the region's lines.
    static let minimumValues = 8
    static let minimumValueShare = 0.2
    /// Most lines in a row without a value inside a region (a table's header, labels written after
    /// their values); a longer stretch of short lines ends it.
    static let maximumLabelRun = 40

    enum Line { case value, label, heading, skip, other }

    /// A cheap bound, on bytes: the text has enough short lines that may hold a value alone (a
    /// digit, a full-width or dash character, "/") for a region to be possible at all.
    static func possible(_ lines: [Substring], _ kinds: [TextAdapter.LineKind]) -> Bool {
        var n = 0
        for (k, line) in lines.enumerated() where kinds[k] == .text {
            let bytes = line.utf8
            guard bytes.count <= cellLength * 4 else { continue }
            var short = 0
            var digit = false
            for b in bytes where b != 0x20 && b != 0x09 {
                short += 1
                if (0x30...0x39).contains(b) || b == 0xEF || b == 0xE2 || b == 0x2D || b == 0x2F || b == 0xE6 { digit = true }
            }
            if digit, short <= 24 {
                n += 1
                if n >= minimumValues { return true }
            }
        }
        return false
    }

    static func classify(_ line: Substring, _ kind: TextAdapter.LineKind) -> Line {
        switch kind {
        case .blank, .pageNumber: return .skip
        case .text: break
        default: return .other
        }
        // Cheap test first: most text lines are prose, far longer than a cell.
        let limit = mayBeLongLabel(line) ? labelLength : cellLength
        guard line.utf8.count <= limit * 4 else { return .other }
        let text = Normalizer.clean(String(line))
        guard !text.isEmpty, text.unicodeScalars.count <= limit else { return .other }
        if text.unicodeScalars.count > cellLength {
            return text.contains(where: { "。！？；".contains($0) }) ? .other : .label
        }
        // One value alone: no space inside (a row of values set by spaces is `AlignedTable`'s).
        let spaced = text.unicodeScalars.contains { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        if !spaced, ValueParser.isValueLike(text), text.unicodeScalars.contains(where: { ("0"..."9").contains($0) || ("０"..."９").contains($0) || $0 == "—" || $0 == "-" || $0 == "/" }) {
            return .value
        }
        if isSectionHeading(text) { return .heading }
        if text.contains("。") || text.hasSuffix("；") { return .other }
        return .label
    }

    /// Whether the line starts as the template's long row labels do ("（二）部分公开（区分处理的，…）",
    /// "1.申请人无正当理由逾期不补正、…", "（本列数据的勾稽关系为：…）"): a digit or an opening bracket.
    static func mayBeLongLabel(_ line: Substring) -> Bool {
        guard let first = line.utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        let b = line.utf8[first]
        if (0x30...0x39).contains(b) || b == 0x28 { return true }
        // "（" is EF BC 88 in UTF-8.
        let rest = line.utf8[first...].prefix(3)
        return rest.elementsEqual([0xEF, 0xBC, 0x88])
    }

    /// A report section's heading, numbered or not ("三、收到和处理政府信息公开申请情况",
    /// "3、收到和处理…", "其他需要报告的事项"), unlike the tables' own row labels
    /// ("一、本年新收政府信息公开申请数量", "8.属于行政查询事项"): it names one of the six sections.
    static func isSectionHeading(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 40, !text.hasPrefix("（"), !text.hasPrefix("(") else { return false }
        // Compared character by character, as `String.contains` does, without its generic
        // searcher (whose set-up the runtime built on every text document, start-up included).
        let chars = Array(text)
        func has(_ phrase: [Character]) -> Bool {
            guard phrase.count <= chars.count else { return false }
            return (0...(chars.count - phrase.count)).contains { chars[$0..<($0 + phrase.count)].elementsEqual(phrase) }
        }
        return sectionPhrases.contains(where: has) || has(Array("行政复议")) && has(Array("行政诉讼")) && text.hasSuffix("情况")
    }

    static let sectionPhrases = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请", "存在的主要问题", "其他需要报告的事项"].map { Array($0) }

    /// The lines from a start that may be one region of cells, classified.
    struct Region {
        var start: Int
        var classes: [Line] = []
        /// The line after the region.
        var end: Int
        var lastValue = -1
        var values = 0
        var written = 0
        /// The first line of the run of labels since the last value, and whether such a run
        /// ended the region (else a line of text or the end did).
        var labelRunStart: Int
        var endedByLabels = false

        static func holds(_ values: Int, _ written: Int) -> Bool {
            values >= minimumValues && Double(values) >= minimumValueShare * Double(written)
        }

        /// Enough values, and a share of the lines, for a table.
        var holdsTable: Bool { Self.holds(values, written) && lastValue >= start }

        /// Where the next scan may find a region, this one holding none. A later start ends its
        /// region where this one did, as long as it comes before the run of labels that ended it
        /// (or anywhere, when text or the end ended it): its region is this one's tail. The first
        /// such start whose tail holds a table is that line; else the line after the last such start.
        var firstLaterStart: Int {
            let sameEnd = endedByLabels ? labelRunStart : end - 1
            var (v, w) = (values, written)
            func drop(_ k: Int) {
                if classes[k - start] == .value { v -= 1 }
                if classes[k - start] != .skip { w -= 1 }
            }
            drop(start)
            var s = start + 1
            while s <= sameEnd {
                if s > lastValue { return sameEnd + 1 }
                if Self.holds(v, w) { return s }
                drop(s)
                s += 1
            }
            return s
        }
    }

    /// The region from `start`: lines up to a line of text, or a run of more than
    /// `maximumLabelRun` lines without a value.
    static func scan(_ count: Int, from start: Int, grid: GridBuilder, classify: (Int) -> Line) throws(AdapterFailure) -> Region {
        var region = Region(start: start, end: start, labelRunStart: start)
        var sinceValue = 0
        while region.end < count {
            let i = region.end
            let c = classify(i)
            if c == .other { break }
            if c == .value {
                region.lastValue = i
                region.values += 1
                sinceValue = 0
            } else if c != .skip {
                if sinceValue == 0 { region.labelRunStart = i }
                sinceValue += 1
                if sinceValue > maximumLabelRun {
                    region.endedByLabels = true
                    break
                }
            }
            region.classes.append(c)
            if c != .skip {
                region.written += 1
                try grid.check(cells: region.written)
            }
            region.end += 1
        }
        return region
    }

    /// The blocks of the region starting at `start` (tables and the headings between them) and
    /// the line after it, or nil when no region of a table's cells starts there.
    /// `classes` holds each line's class once worked out. `rejectedUntil`: no region starts
    /// before this line (`Region.firstLaterStart`), so that no line is scanned again and again.
    static func read(
        _ lines: [Substring], _ kinds: [TextAdapter.LineKind], from start: Int, grid: GridBuilder, classes known: inout [Line?],
        rejectedUntil: inout Int
    ) throws(AdapterFailure) -> ([Block], Int)? {
        guard start >= rejectedUntil else { return nil }
        func classify(_ k: Int) -> Line {
            if let c = known[k] { return c }
            let c = Self.classify(lines[k], kinds[k])
            known[k] = c
            return c
        }
        guard classify(start) != .other else { return nil }
        let region = try scan(lines.count, from: start, grid: grid, classify: classify)
        guard region.holdsTable else {
            rejectedUntil = region.firstLaterStart
            return nil
        }
        let (classes, i, lastValue) = (region.classes, region.end, region.lastValue)
        // Lines after the last value belong to the text that follows, but labels of the last table
        // written after its values stay (up to the next section heading).
        var end = lastValue + 1
        while end < i, classes[end - start] != .heading { end += 1 }
        while end > lastValue + 1, classes[end - 1 - start] == .skip { end -= 1 }
        var blocks: [Block] = []
        var rows: [SourceRow] = []
        func flush() throws(AdapterFailure) {
            guard !rows.isEmpty else { return }
            var table = try grid.table(rows)
            table.cellStream = true
            blocks.append(.table(table))
            rows = []
        }
        for k in start..<end {
            switch classes[k - start] {
            case .heading:
                try flush()
                blocks.append(HeadingDetector.block(for: Normalizer.clean(String(lines[k]))))
            case .value, .label:
                let line = lines[k]
                let from = line.unicodeScalars.prefix { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }.count
                let raw = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(from))).trimmingSpaces
                let origin = CellOrigin(raw: raw, location: .text(line: k + 1, from: from, to: from + raw.unicodeScalars.count))
                rows.append(SourceRow(cells: [SourceCell(Normalizer.clean(raw), origin: origin)]))
            case .skip, .other:
                continue
            }
        }
        try flush()
        return (blocks, end)
    }
}
