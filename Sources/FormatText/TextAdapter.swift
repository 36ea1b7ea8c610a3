import DocModel
import Normalization
import TableCore

/// Reads extracted text (Tika output, copy-paste from a portal, Markdown-ish dumps) into the
/// canonical document.
///
/// Three table shapes are recognised, as real extractions give them:
/// - one cell per line, each indented by a tab, rows separated by blank lines; a short line
///   without the tab that follows a cell continues that cell ("（三）不\n予公开");
/// - tab-separated rows, one row per line (empty strings between tabs are empty cells);
/// - pipe rows, `| 规章 | 0 | 0 | 0 |`, with Markdown separator rows ignored.
/// Every other line is a paragraph, or a heading when it is a short numbered line.
public enum TextAdapter {
    /// Longest line kept as one paragraph; longer inputs are not prose (guards quadratic work).
    static let maxLineScalars = 1 << 20

    public static func read(_ bytes: [UInt8], source: SourceInfo) throws(TextError) -> Document {
        let text = try decode(bytes)
        // Split on bytes: "\r\n" is one Character, so a Character split would miss CRLF lines.
        let separator: UInt8 = text.utf8.contains(0x0A) ? 0x0A : 0x0D
        let lines = text.utf8.split(separator: separator, omittingEmptySubsequences: false).map { bytes -> Substring in
            bytes.last == 0x0D ? Substring(bytes.dropLast()) : Substring(bytes)
        }
        var blocks: [Block] = []
        var runningHeaders: [Int] = []
        var i = 0
        let kinds = lines.map(LineKind.init)
        while i < lines.count {
            switch kinds[i] {
            case .blank, .pageNumber:
                i += 1
            case .cell:
                let (table, next) = try readCellPerLineTable(lines, kinds, from: i)
                blocks.append(.table(table))
                i = next
            case .tabRow:
                let (table, next) = try readSplitRows(lines, kinds, from: i, kind: .tabRow)
                blocks.append(.table(table))
                i = next
            case .pipeRow:
                let (table, next) = try readSplitRows(lines, kinds, from: i, kind: .pipeRow)
                blocks.append(.table(table))
                i = next
            case .text:
                if let (table, next) = AlignedTable.read(lines, kinds, from: i, runningHeaders: &runningHeaders) {
                    blocks.append(.table(table))
                    i = next
                    continue
                }
                let cleaned = Normalizer.clean(String(lines[i]))
                if !cleaned.isEmpty { blocks.append(HeadingDetector.block(for: cleaned)) }
                i += 1
            }
        }
        var findings: [Finding] = []
        let pageLines = kinds.indices.filter { kinds[$0] == .pageNumber }
        if let first = pageLines.first {
            let example = Normalizer.clean(String(lines[first]))
            findings.append(Finding(.sourceRestructured, "去掉 \(pageLines.count) 行页码（如“\(example)”），表格在页码两侧接续读取"))
        }
        if let first = runningHeaders.first {
            let example = Normalizer.clean(String(lines[first]))
            findings.append(Finding(.sourceRestructured, "去掉表格中间 \(runningHeaders.count) 行页眉（如“\(example)”），表格在页眉两侧接续读取"))
        }
        return Document(source: source, blocks: blocks, findings: findings)
    }

    /// UTF-8 (with or without BOM) or UTF-16 with BOM. Anything else, or bytes that are not
    /// text at all (NUL bytes), is refused rather than decoded into mojibake.
    static func decode(_ bytes: [UInt8]) throws(TextError) -> String {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return TextDecoding.utf16(bytes, littleEndian: bytes[0] == 0xFF)
        }
        var body = bytes[...]
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { body = bytes[3...] }
        if body.contains(0) { throw TextError(code: .unreadable, message: "binary data, not text (NUL bytes)") }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw TextError(code: .unreadable, message: "text is not valid UTF-8 (convert GB18030/GBK text to UTF-8 first)")
        }
        return text
    }

    enum LineKind: Equatable {
        /// `pageNumber`: a page's number line ("— 3 —", "第3页 共12页", "3/12") from a paged
        /// original; never content, dropped wherever it falls (a table goes on across it).
        case blank, cell, tabRow, pipeRow, text, pageNumber

        init(_ line: Substring) {
            var hasContent = false
            var leadingTabSeen = false
            var innerTab = false
            var seenNonSpace = false
            for s in line.unicodeScalars {
                switch s {
                case "\t":
                    if seenNonSpace || leadingTabSeen { innerTab = true } else { leadingTabSeen = true }
                case " ", "\u{3000}", "\u{A0}":
                    break
                default:
                    hasContent = true
                    if !seenNonSpace, !leadingTabSeen, s == "|" {
                        self = line.unicodeScalars.filter { $0 == "|" }.count >= 2 ? .pipeRow : .text
                        return
                    }
                    seenNonSpace = true
                }
            }
            if innerTab { self = .tabRow; return }
            if leadingTabSeen { self = .cell; return }
            // GitHub-flavoured Markdown allows rows without the outer pipes ("规章 | 0 | 0 |").
            if hasContent, line.utf8.lazy.filter({ $0 == 0x7C }).count >= 2 { self = .pipeRow; return }
            self = !hasContent ? .blank : PageNumber.matches(line) ? .pageNumber : .text
        }
    }

    /// A region of one-cell-per-line text: cells until a line that is neither a cell, a blank
    /// line followed by more cells, nor a short continuation of the previous cell.
    static func readCellPerLineTable(_ lines: [Substring], _ kinds: [LineKind], from start: Int) throws(TextError) -> (Table, Int) {
        var rows: [SourceRow] = []
        var current: [String] = []
        var i = start
        func endRow() {
            if !current.isEmpty { rows.append(SourceRow(cells: current.map { SourceCell(Normalizer.clean($0)) })) }
            current = []
        }
        loop: while i < lines.count {
            switch kinds[i] {
            case .cell:
                let line = lines[i]
                // Tika starts each table with a space before the tab: a new table begins here.
                if i > start, line.first == " " { break loop }
                let content = line.drop { $0 == " " || $0 == "\u{3000}" }.dropFirst()
                current.append(String(content))
                i += 1
                // Continuation lines: short text lines directly below, followed by a cell.
                var j = i
                while j < lines.count, kinds[j] == .text, isContinuationCandidate(lines[j]) { j += 1 }
                if j > i, j < lines.count, kinds[j] == .cell || (kinds[j] == .blank || kinds[j] == .pageNumber) && nextNonBlank(kinds, j) == .cell {
                    for k in i..<j { current[current.count - 1] += "\n" + lines[k] }
                    i = j
                }
            case .blank:
                endRow()
                guard nextNonBlank(kinds, i) == .cell else { break loop }
                i += 1
            case .pageNumber:
                guard nextNonBlank(kinds, i) == .cell else { break loop }
                i += 1
            default:
                break loop
            }
        }
        endRow()
        return (try grid(rows), i)
    }

    static func nextNonBlank(_ kinds: [LineKind], _ from: Int) -> LineKind? {
        var j = from
        while j < kinds.count, kinds[j] == .blank || kinds[j] == .pageNumber { j += 1 }
        return j < kinds.count ? kinds[j] : nil
    }

    static func isContinuationCandidate(_ line: Substring) -> Bool {
        let trimmed = Normalizer.clean(String(line))
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 24 else { return false }
        if let last = trimmed.last, "。；;".contains(last) { return false }
        return !HeadingDetector.isNumberedHeading(trimmed)
    }

    /// Tab-separated or pipe rows: consecutive lines of that kind (one blank line may separate
    /// parts of the same table).
    static func readSplitRows(_ lines: [Substring], _ kinds: [LineKind], from start: Int, kind: LineKind) throws(TextError) -> (Table, Int) {
        var rows: [SourceRow] = []
        var i = start
        while i < lines.count {
            if kinds[i] == kind {
                if kind == .pipeRow {
                    if let row = pipeCells(lines[i]) { rows.append(SourceRow(cells: row.map { SourceCell(Normalizer.clean($0)) })) }
                } else {
                    let cells = lines[i].split(separator: "\t", omittingEmptySubsequences: false).map { SourceCell(Normalizer.clean(String($0))) }
                    rows.append(SourceRow(cells: cells))
                }
                i += 1
            } else if kinds[i] == .blank || kinds[i] == .pageNumber, nextNonBlank(kinds, i) == kind {
                i += 1
            } else if kind == .pipeRow, kinds[i] == .text, let title = MarkdownTables.subheading(lines[i]), nextNonBlank(kinds, i + 1) == kind {
                // A Markdown sub-heading between two pipe tables ("### 行政复议"): the tables are
                // one, and the heading is its group's label.
                rows.append(SourceRow(cells: [SourceCell(Normalizer.clean(String(title)))]))
                i += 1
            } else {
                break
            }
        }
        return (try grid(rows), i)
    }

    /// The cells of a pipe row; nil for a Markdown separator row (`|---|:--:|`).
    static func pipeCells(_ line: Substring) -> [String]? {
        var parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        if let first = parts.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { parts.removeFirst() }
        if let last = parts.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { parts.removeLast() }
        let isSeparator = !parts.isEmpty && parts.allSatisfy { part in
            let t = part.filter { $0 != " " }
            return !t.isEmpty && t.allSatisfy { $0 == "-" || $0 == ":" }
        }
        return isSeparator ? nil : parts
    }

    static func grid(_ rows: [SourceRow]) throws(TextError) -> Table {
        do {
            return try GridBuilder().build(rows)
        } catch {
            throw TextError(code: .tooLarge, message: "table too large: \(error.description)")
        }
    }
}

/// Page-number lines of a paged original: "— 3 —", "- 3 -", "－3－", "第3页", "第 3 页 共 12 页",
/// "3/12". A bare number is not one (it may be a value).
enum PageNumber {
    static let dashes: Set<Unicode.Scalar> = ["—", "–", "―", "－", "-", "~", "～", "一"]

    static func matches(_ line: Substring) -> Bool {
        let s = line.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "\u{A0}" }
        guard !s.isEmpty, s.count <= 16 else { return false }
        var digits = 0
        var i = s.startIndex
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
        // — 3 —
        var lead = 0
        while i < s.endIndex, dashes.contains(s[i]) { lead += 1; i = s.index(after: i) }
        while i < s.endIndex, isDigit(s[i]) { digits += 1; i = s.index(after: i) }
        var trail = 0
        while i < s.endIndex, dashes.contains(s[i]) { trail += 1; i = s.index(after: i) }
        if i == s.endIndex, lead > 0, trail > 0, (1...4).contains(digits), s[s.startIndex] != "一" { return true }
        // 3/12
        let text = String(String.UnicodeScalarView(s))
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        if halves.count == 2, halves.allSatisfy({ (1...4).contains($0.count) && $0.unicodeScalars.allSatisfy(isDigit) }) { return true }
        // 第3页, 第3页共12页, 共12页第3页
        guard text.hasPrefix("第") || text.hasPrefix("共"), text.hasSuffix("页") else { return false }
        let rest = text.unicodeScalars.filter { !isDigit($0) }
        return ["第页", "第页共页", "共页第页", "第页,共页", "第页，共页"].contains(String(String.UnicodeScalarView(rest)))
    }
}

/// Marks short numbered lines as headings: "一、总体情况" (level 1), "（一）…" (level 2),
/// "1、 总体情况" (level 1 when short and not a sentence).
public enum HeadingDetector {
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    public static func level(of text: String) -> Int? {
        let count = text.unicodeScalars.count
        guard count <= 40, let last = text.last, !"。；;，,：:".contains(last) else { return nil }
        var chars = text[...]
        if chars.first == "（" || chars.first == "(" {
            chars = chars.dropFirst()
            let numeral = chars.prefix { chineseNumerals.contains($0) }
            guard !numeral.isEmpty else { return nil }
            chars = chars.dropFirst(numeral.count)
            return (chars.first == "）" || chars.first == ")") && count <= 30 ? 2 : nil
        }
        let numeral = chars.prefix { chineseNumerals.contains($0) }
        if !numeral.isEmpty, numeral.count <= 3, chars.dropFirst(numeral.count).first == "、" { return 1 }
        let digits = chars.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2, chars.dropFirst(digits.count).first == "、", count <= 20 { return 1 }
        return nil
    }

    static func isNumberedHeading(_ text: String) -> Bool { level(of: text) == 1 }

    public static func block(for text: String) -> Block {
        if let level = level(of: text) { return .heading(level: level, text: text) }
        return .paragraph(text)
    }
}

public struct TextError: AdapterError, Equatable {
    public var code: AdapterErrorCode
    public var message: String
    public init(code: AdapterErrorCode, message: String) {
        self.code = code
        self.message = message
    }
}
