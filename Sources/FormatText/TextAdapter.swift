import DocModel
import Normalization
import TableCore
import TextLayout

/// Reads extracted text (Tika output, copy-paste from a portal, Markdown-ish dumps) into the
/// canonical document.
///
/// Three table shapes are recognised, as real extractions give them:
/// - one cell per line, each indented by a tab, rows separated by blank lines; a short line
///   without the tab that follows a cell continues that cell ("（三）不\n予公开");
/// - tab-separated rows, one row per line (empty strings between tabs are empty cells);
/// - pipe rows, `| 规章 | 0 | 0 | 0 |`, with Markdown separator rows ignored, and pipe tables
///   written a cell a line (`PipeCellTable`, `PipeLeadTable`);
/// - columns set by spaces (`AlignedTable`) and cells run together (`RunTogetherTable`).
/// Every other line is a paragraph, or a heading when it is a short numbered line.
///
/// Table cells carry their origin: the 1-based line and the column range (in Unicode scalars)
/// of the cell's text on it, and the text before normalisation.
public enum TextAdapter: FormatAdapter {
    public static let format = SourceInfo.Format.text

    /// Text is the fallback: any bytes may be text, and `read` refuses what is not.
    public static func detect(_ bytes: [UInt8]) -> Bool { true }

    public static func read(_ bytes: [UInt8], source: SourceInfo, limits: ReadLimits) throws(AdapterFailure) -> Document {
        let text = try decode(bytes)
        // Split on bytes: "\r\n" is one Character, so a Character split would miss CRLF lines.
        let separator: UInt8 = text.utf8.contains(0x0A) ? 0x0A : 0x0D
        var lines = text.utf8.split(separator: separator, omittingEmptySubsequences: false).map { bytes -> Substring in
            bytes.last == 0x0D ? Substring(bytes.dropLast()) : Substring(bytes)
        }
        // A whole page on one line (a crawler's textContent) is cut into the lines it shows.
        let expanded = PageLines.expand(lines)
        if let expanded { lines = expanded.lines }
        // Cells a line closed by pipes, with nothing marking the rows: one cell a line.
        PipeCellTable.unpipeStreams(&lines)
        var kinds = lines.map(LineKind.init)
        let scraped = ScraperHeader.read(lines)
        for d in scraped.dropped { kinds[d] = .blank }
        let pageHeaders = RunningHeaders.lines(lines)
        for h in pageHeaders { kinds[h] = .pageNumber }
        var reader = TextReader(lines: lines, kinds: kinds, grid: GridBuilder(limits: limits))
        reader.pageHeaders = pageHeaders
        // Lines cut from a page on one line: a label and its digits apart by a space are run together too.
        if let expanded {
            var pieces: [Int: Int] = [:]
            for o in expanded.origins { pieces[o.line, default: 0] += 1 }
            reader.pageLines = Set(expanded.origins.indices.filter { pieces[expanded.origins[$0].line, default: 0] > 1 })
        }
        var blocks = try reader.blocks()
        var findings = reader.findings() + scraped.findings
        if let expanded {
            blocks = blocks.map { relocate($0, expanded.origins) }
            findings.append(Finding(.sourceRestructured, "整篇文字在同一行（网页 textContent），按句末和编号标题分行读取：\(expanded.lines.count) 行"))
        }
        return Document(source: source, blocks: blocks, properties: scraped.properties, findings: findings)
    }

    /// A block read from cut lines with its cells' locations on the source's own lines.
    static func relocate(_ block: Block, _ origins: [(line: Int, offset: Int)]) -> Block {
        guard case .table(var table) = block else { return block }
        for k in table.cells.indices {
            guard let origin = table.cells[k].origin, case .text(let line, let from, let to) = origin.location, origins.indices.contains(line - 1) else { continue }
            let o = origins[line - 1]
            table.cells[k].origin = CellOrigin(raw: origin.raw, location: .text(line: o.line + 1, from: from + o.offset, to: to + o.offset))
        }
        return .table(table)
    }

    /// UTF-8 (with or without BOM) or UTF-16 with BOM. Anything else, or bytes that are not
    /// text at all (NUL bytes), is refused rather than decoded into mojibake.
    static func decode(_ bytes: [UInt8]) throws(AdapterFailure) -> String {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return TextDecoding.utf16(bytes, littleEndian: bytes[0] == 0xFF)
        }
        var body = bytes[...]
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { body = bytes[3...] }
        if body.contains(0) { throw AdapterFailure(.unreadable, "binary data, not text (NUL bytes)") }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw AdapterFailure(.unreadable, "text is not valid UTF-8 (convert GB18030/GBK text to UTF-8 first)")
        }
        return text
    }

    /// Most cells one line is read as (a row of a report has a few dozen columns at most): a
    /// longer line of separators is text, so that a hostile line makes no million cells.
    static let mostCellsPerLine = 256

    enum LineKind: Equatable {
        /// `pageNumber`: a page's number line ("— 3 —", "第3页 共12页", "3/12") from a paged
        /// original; never content, dropped wherever it falls (a table goes on across it).
        case blank, cell, tabRow, pipeRow, text, pageNumber

        init(_ line: Substring) {
            var hasContent = false
            var leadingTabSeen = false
            var innerTab = false
            var tabs = 0
            var seenNonSpace = false
            for s in line.unicodeScalars {
                switch s {
                case "\t":
                    tabs += 1
                    if seenNonSpace || leadingTabSeen { innerTab = true } else { leadingTabSeen = true }
                case " ", "\u{3000}", "\u{A0}":
                    break
                default:
                    hasContent = true
                    if !seenNonSpace, !leadingTabSeen, s == "|" {
                        let pipes = line.utf8.lazy.filter({ $0 == 0x7C }).count
                        self = pipes >= 2 && pipes <= TextAdapter.mostCellsPerLine ? .pipeRow : .text
                        return
                    }
                    seenNonSpace = true
                }
            }
            // A line of more separators than a row has columns is text, not a row of as many cells.
            if innerTab, tabs <= TextAdapter.mostCellsPerLine { self = .tabRow; return }
            if leadingTabSeen, !innerTab { self = .cell; return }
            // GitHub-flavoured Markdown allows rows without the outer pipes ("规章 | 0 | 0 |").
            if hasContent, (2...TextAdapter.mostCellsPerLine).contains(line.utf8.lazy.filter({ $0 == 0x7C }).count) {
                self = .pipeRow
                return
            }
            self = !hasContent ? .blank : PageNumber.matches(line) ? .pageNumber : .text
        }
    }
}

/// Reads the lines of one text into blocks: tables where the lines have a table's shape,
/// headings and paragraphs elsewhere, page-number lines dropped.
struct TextReader {
    typealias LineKind = TextAdapter.LineKind
    let lines: [Substring]
    let kinds: [LineKind]
    let grid: GridBuilder
    /// Lines cut from one long line (`PageLines`): text a page's `textContent` ran together.
    var pageLines: Set<Int> = []
    /// Lines dropped as a page's running header inside a space-aligned table.
    var runningHeaders: [Int] = []
    /// Lines dropped as a running header the pages repeat (`RunningHeaders`), anywhere.
    var pageHeaders: [Int] = []
    /// Each line's class for `CellStreamTable`, once worked out.
    var streamClasses: [CellStreamTable.Line?] = []
    /// Lines before this one start no region of cells a line (`CellStreamTable.read`).
    var streamRejected = 0
    /// Where the runs `PipeCellTable` and `PipeLeadTable` last found to be no table end.
    var pipeRejected = (0, 0)
    /// Lines before this one start no space-aligned table (`AlignedTable.read`).
    var alignedRejected = 0

    mutating func blocks() throws(AdapterFailure) -> [Block] {
        var blocks: [Block] = []
        var i = 0
        streamClasses = Array(repeating: nil, count: lines.count)
        let streamPossible = CellStreamTable.possible(lines, kinds)
        while i < lines.count {
            switch kinds[i] {
            case .blank, .pageNumber:
                i += 1
            case .cell:
                let (table, next) = try readCellPerLineTable(from: i)
                blocks.append(.table(table))
                i = next
            case .tabRow, .pipeRow:
                let (table, next) = try readSplitRows(from: i, kind: kinds[i])
                blocks.append(.table(table))
                i = next
            case .text:
                // A pipe table written a cell a line ("|", "规章 |", "0 |", … or "规章", "| 0", …, "|").
                var (cellRejected, leadRejected) = pipeRejected
                var pipeTable = try PipeCellTable.read(lines, kinds, from: i, grid: grid, rejectedUntil: &cellRejected, cell: { cell($0, line: $1, from: $2, to: $3) })
                if pipeTable == nil {
                    pipeTable = try PipeLeadTable.read(lines, kinds, from: i, grid: grid, rejectedUntil: &leadRejected, cell: { cell($0, line: $1, from: $2, to: $3) })
                }
                pipeRejected = (cellRejected, leadRejected)
                if let (rows, next) = pipeTable {
                    blocks.append(.table(try grid.table(rows)))
                    i = next
                    continue
                }
                // A Markdown ATX heading ("## 一、总体情况"): a heading, its marker dropped.
                if let atx = MarkdownTables.heading(lines[i]) {
                    let cleaned = Normalizer.clean(String(atx.text))
                    if !cleaned.isEmpty { blocks.append(.heading(level: atx.level, text: cleaned)) }
                    i += 1
                    continue
                }
                if streamPossible, let (streamBlocks, next) = try CellStreamTable.read(
                    lines, kinds, from: i, grid: grid, classes: &streamClasses, rejectedUntil: &streamRejected) {
                    blocks += streamBlocks
                    i = next
                    continue
                }
                if let (table, next) = try RunTogetherTable.read(lines, kinds, from: i, grid: grid, pageLines: pageLines) {
                    blocks.append(.table(table))
                    i = next
                    continue
                }
                if let (table, next) = try AlignedTable.read(
                    lines, kinds, from: i, grid: grid, runningHeaders: &runningHeaders, rejectedUntil: &alignedRejected)
                {
                    blocks.append(.table(table))
                    i = next
                    continue
                }
                let cleaned = Normalizer.clean(String(lines[i]))
                if !cleaned.isEmpty { blocks.append(HeadingDetector.block(for: cleaned)) }
                i += 1
            }
        }
        return blocks
    }

    /// One finding for all the page-number lines dropped, one for the running headers.
    func findings() -> [Finding] {
        var findings: [Finding] = []
        let headers = Set(pageHeaders)
        let pageLines = kinds.indices.filter { kinds[$0] == .pageNumber && !headers.contains($0) }
        if let first = pageLines.first {
            findings.append(.pageNumbersRemoved(pageLines.count, example: Normalizer.clean(String(lines[first]))))
        }
        if let first = pageHeaders.first {
            let example = Normalizer.clean(String(lines[first]))
            findings.append(Finding(.sourceRestructured, "去掉各页重复的页眉 \(pageHeaders.count) 行（如“\(example)”），其前后的表格和文字接续读取"))
        }
        if let first = runningHeaders.first {
            let example = Normalizer.clean(String(lines[first]))
            findings.append(Finding(.sourceRestructured, "去掉表格中间 \(runningHeaders.count) 行页眉（如“\(example)”），表格在页眉两侧接续读取"))
        }
        return findings
    }

    /// A cell read from line `index` (0-based), its text starting `from` scalars into the line.
    func cell(_ raw: String, line index: Int, from: Int, to: Int) -> SourceCell {
        SourceCell(Normalizer.clean(raw), origin: CellOrigin(raw: raw, location: .text(line: index + 1, from: from, to: to)))
    }

    /// A region of one-cell-per-line text: cells until a line that is neither a cell, a blank
    /// line followed by more cells, nor a short continuation of the previous cell.
    func readCellPerLineTable(from start: Int) throws(AdapterFailure) -> (Table, Int) {
        var rows: [SourceRow] = []
        var current: [SourceCell] = []
        var i = start
        func endRow() {
            if !current.isEmpty { rows.append(SourceRow(cells: current)) }
            current = []
        }
        loop: while i < lines.count {
            switch kinds[i] {
            case .cell:
                let line = lines[i]
                // Tika starts each table with a space before the tab: a new table begins here.
                if i > start, line.first == " " { break loop }
                let content = line.drop { $0 == " " || $0 == "\u{3000}" }.dropFirst()
                let from = line.unicodeScalars.distance(from: line.startIndex, to: content.startIndex)
                var raw = String(content)
                let first = i
                i += 1
                // Continuation lines: short text lines directly below, followed by a cell.
                var j = i
                while j < lines.count, kinds[j] == .text, isContinuationCandidate(lines[j]) { j += 1 }
                if j > i, j < lines.count, kinds[j] == .cell || (kinds[j] == .blank || kinds[j] == .pageNumber) && nextNonBlank(j) == .cell {
                    for k in i..<j { raw += "\n" + lines[k] }
                    i = j
                }
                current.append(cell(raw, line: first, from: from, to: from + content.unicodeScalars.count))
            case .blank:
                endRow()
                guard nextNonBlank(i) == .cell else { break loop }
                i += 1
            case .pageNumber:
                guard nextNonBlank(i) == .cell else { break loop }
                i += 1
            default:
                break loop
            }
        }
        endRow()
        return (try grid.table(rows), i)
    }

    func nextNonBlank(_ from: Int) -> LineKind? {
        var j = from
        while j < kinds.count, kinds[j] == .blank || kinds[j] == .pageNumber { j += 1 }
        return j < kinds.count ? kinds[j] : nil
    }

    func isContinuationCandidate(_ line: Substring) -> Bool {
        let trimmed = Normalizer.clean(String(line))
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 24 else { return false }
        if let last = trimmed.last, "。；;".contains(last) { return false }
        return !HeadingDetector.isNumberedHeading(trimmed)
    }

    /// Tab-separated or pipe rows: consecutive lines of that kind (one blank line may separate
    /// parts of the same table).
    func readSplitRows(from start: Int, kind: LineKind) throws(AdapterFailure) -> (Table, Int) {
        var rows: [SourceRow] = []
        var readCells = 0
        var i = start
        while i < lines.count {
            if kinds[i] == kind {
                let fields = kind == .pipeRow ? Self.pipeCells(lines[i]) : Self.fields(lines[i], separator: "\t")
                if let fields {
                    rows.append(SourceRow(cells: fields.map { cell(String($0.text), line: i, from: $0.from, to: $0.to) }))
                    readCells += fields.count
                    try grid.check(cells: readCells)
                }
                i += 1
            } else if kinds[i] == .blank || kinds[i] == .pageNumber, nextNonBlank(i) == kind {
                i += 1
            } else if kind == .pipeRow, kinds[i] == .text, let title = MarkdownTables.subheading(lines[i]), nextNonBlank(i + 1) == kind {
                // A Markdown sub-heading between two pipe tables ("### 行政复议"): the tables are
                // one, and the heading is its group's label.
                let from = lines[i].unicodeScalars.distance(from: lines[i].startIndex, to: title.startIndex)
                rows.append(SourceRow(cells: [cell(String(title), line: i, from: from, to: from + title.unicodeScalars.count)]))
                i += 1
            } else {
                break
            }
        }
        var table = try grid.table(rows)
        if kind == .pipeRow { table.caption = caption(before: start) }
        return (table, i)
    }

    /// The Markdown sub-heading a pipe table starts under ("### 行政复议", blank lines between):
    /// it names what the table holds (a group of rows, a group of columns). It stays a heading
    /// block of the text, not a row of the table; the aligner reads it (`Table.caption`).
    func caption(before start: Int) -> String? {
        var p = start - 1
        while p >= 0, kinds[p] == .blank { p -= 1 }
        guard p >= 0, kinds[p] == .text, let title = MarkdownTables.subheading(lines[p]) else { return nil }
        return Normalizer.clean(String(title))
    }

    /// A line's fields between separators, each with its scalar range on the line.
    static func fields(_ line: Substring, separator: Character) -> [(text: Substring, from: Int, to: Int)] {
        var offset = 0
        return line.split(separator: separator, omittingEmptySubsequences: false).map { part in
            let from = offset
            offset += part.unicodeScalars.count + 1
            return (part, from, from + part.unicodeScalars.count)
        }
    }

    /// The cells of a pipe row; nil for a Markdown separator row (`|---|:--:|`).
    static func pipeCells(_ line: Substring) -> [(text: Substring, from: Int, to: Int)]? {
        var parts = fields(line, separator: "|")[...]
        if let first = parts.first, first.text.allSatisfy({ $0 == " " || $0 == "\t" }) { parts.removeFirst() }
        if let last = parts.last, last.text.allSatisfy({ $0 == " " || $0 == "\t" }) { parts.removeLast() }
        let isSeparator = !parts.isEmpty && parts.allSatisfy { part in
            let t = part.text.filter { $0 != " " }
            return !t.isEmpty && t.allSatisfy { $0 == "-" || $0 == ":" }
        }
        return isSeparator ? nil : Array(parts)
    }
}

/// The grid placer as the text readers call it: a table past the grid's limit fails the read
/// with `tooLarge`, whether found while reading (`check`) or when placed (`table`).
extension GridBuilder {
    func check(cells: Int) throws(AdapterFailure) {
        do {
            try admit(cells: cells)
        } catch {
            throw Self.failure(error)
        }
    }

    func table(_ rows: [SourceRow]) throws(AdapterFailure) -> Table {
        do {
            return try build(rows)
        } catch {
            throw Self.failure(error)
        }
    }

    static func failure(_ error: GridError) -> AdapterFailure { AdapterFailure(.tooLarge, "table too large: \(error.description)") }
}
