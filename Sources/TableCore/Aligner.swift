import DocModel
import Normalization

/// One cell handed to the aligner: its text, its grid column in the source table, and the
/// document cell it is (for `Alignment.sources`).
public struct InputCell: Sendable, Equatable {
    public let text: String
    public let column: Int
    public let source: CellRef?
    /// What the cell is, worked out once (classification looks at each cell several times):
    /// blank, a value ("12", "—", "1200元"), else a label with its tolerant key.
    public let isBlank: Bool
    public let isValue: Bool
    public let labelKey: LabelKey?
    /// The cell is a piece of a row whose cells the source ran together (`Table.runTogether`):
    /// a value cell holds the digits of one or more values, a label cell one or more labels.
    public let runTogether: Bool
    /// One line of a table written one cell a line (`Table.cellStream`; CellStream.swift).
    public let cellStream: Bool

    public init(_ text: String, column: Int, source: CellRef? = nil, runTogether: Bool = false, cellStream: Bool = false) {
        self.text = text
        self.column = column
        self.source = source
        self.runTogether = runTogether
        self.cellStream = cellStream
        isBlank = ValueParser.isBlank(text)
        isValue = !isBlank && (runTogether ? RunTogether.isValueRun(text[...]) : ValueParser.isValueLike(text))
        labelKey = isBlank || isValue ? nil : LabelKey.make(text)
    }

    /// The cell's tolerant key (made now for a value cell read as a label).
    var key: LabelKey { labelKey ?? LabelKey.make(text) }
    var isLabel: Bool { labelKey != nil }
}

/// The result of aligning a document's table rows to the templates.
public struct Alignment: Sendable {
    /// Values per table key, for the tables that were found.
    public var tables: [String: TableValues]
    /// Conversion findings: repairs, guesses, ambiguities, extra rows.
    public var findings: [Finding]
    /// Where each value came from, by its dotted report path ("applications.newlyReceived.total").
    public var sources: [String: ValueSource] = [:]
}

/// Layout-tolerant alignment of table rows to official templates, by labels rather than by
/// position.
///
/// The rows of every table in the document are read as one stream, so a table split across
/// pages, two tables glued together, or a table whose section heading is missing all read
/// the same. Each row is cut into label cells and value slots (the cells after its last
/// label). Labels are matched against the templates' vocabulary (tolerating lost numbering,
/// OCR slips and variant wording); rows without a label are placed by their position between
/// recognised rows. When a row has more or fewer slots than the template has columns, every
/// way of fitting them is a candidate reading (`ReadingGenerator`); one cost (the tables' own
/// arithmetic through the `score` closure, unreadable cells, new blanks) and one tie-break
/// ladder choose (`ReadingSearch`). Every choice between readings that differ is reported as
/// `table.ambiguous`. docs/reconstructor.md walks through it with an example.
public struct Aligner {
    public var templates: [TableTemplate]
    /// Per table key, a scorer of candidate values: violations of the table's arithmetic
    /// (fewer is better). One scorer judges the candidate tables of one table (its rows, other
    /// values), so it may keep what depends on the rows only.
    public var score: @Sendable (_ tableKey: String) -> (_ values: TableValues) -> Int

    /// `vocabulary`, when given, must have been built from the same `templates` (share one per
    /// template set: building it costs more than aligning a report).
    public init(templates: [TableTemplate], vocabulary: Vocabulary? = nil, score: @escaping @Sendable (String) -> (TableValues) -> Int) {
        self.templates = templates
        self.score = score
        self.vocabulary = vocabulary ?? Vocabulary(templates)
    }

    let vocabulary: Vocabulary
    /// Numbers the report's prose states for single cells, by dotted path: they may choose
    /// between readings of a row nothing else decides (`AlignerProse`).
    public var statements: [String: StatedValue] = [:]

    // MARK: - Entries

    struct Slot: Equatable {
        var text: String
        var column: Int
        var isBlank: Bool
        var source: CellRef?
        /// The digits of one or more values run together: the `digitSplit` generator splits it.
        var runTogether = false
    }

    struct HeaderCell {
        var key: String
        var column: Int
    }

    enum EntryKind {
        case header
        case group
        case data(row: Int)
        case values
        case unknown
    }

    struct Entry {
        var kind: EntryKind
        var table: Int?
        var label: String
        var labelKey: LabelKey?
        var quality: MatchQuality
        var slots: [Slot]
        var headers: [HeaderCell]
        var inferred = false
        /// Repairs made to context labels (headers, groups) that fed the reading.
        var contextRepairs: [(label: String, repairs: [String])] = []
        /// Text cells after the row's values, not read.
        var droppedCells: [String] = []
        /// The column groups of its template row the source printed, when it printed them one
        /// at a time under captions (`AlignerColumnGroups`); empty for a row printed whole.
        var groupsPrinted: Set<Int> = []
        /// The keys of every label cell of a row no label names (`unknown`): fragments of a
        /// label cut apart may still fit one template row (`AlignerFragments`).
        var labelCells: [LabelKey] = []
        /// Values joined from a later line to a row that had some of its own (`mergeValueLines`).
        var joinedValues = 0
    }

    enum MatchQuality: Equatable {
        case exact
        case numberingOnly
        case variant
    }

    // MARK: - Align

    public func align(_ rows: [[InputCell]]) -> Alignment {
        var findings: [Finding] = []
        var entries: [Entry] = []
        var currentTable: Int?
        var currentGroup: String?
        var headerCells: [HeaderCell] = []
        var lastWasHeader = false
        // A caption naming a column group, and the entries holding rows printed by groups.
        var caption: GroupRef?
        var byGroups: [Int: Int] = [:]
        var stream: [InputCell] = []
        func flushStream() {
            guard !stream.isEmpty else { return }
            let (streamed, streamFindings) = streamEntries(stream, startTable: currentTable)
            (entries, findings, stream, lastWasHeader) = (entries + streamed, findings + streamFindings, [], false)
            if let t = streamed.last?.table { currentTable = t }
        }
        for row in unglue(rows) {
            // A table written one cell a line: its cells are paired as a stream (CellStream.swift).
            if let cell = row.first, cell.cellStream {
                stream += row
                continue
            }
            flushStream()
            let entry = classify(row, currentTable: currentTable, currentGroup: currentGroup)
            if let ref = columnGroup(captioned: row) {
                caption = ref
            } else if case .values = entry.kind, let ref = caption, var grouped = groupEntry(entry, ref) {
                caption = nil
                let key = ref.table << 16 | ref.row
                if let k = byGroups[key], join(grouped, ref, into: &entries[k]) { continue }
                grouped.headers = headerCells
                byGroups[key] = entries.count
                entries.append(grouped)
                currentTable = ref.table
                lastWasHeader = false
                continue
            } else if case .header = entry.kind {
            } else {
                caption = nil
            }
            if let t = entry.table ?? currentTable {
                for repair in entry.contextRepairs {
                    findings.append(.labelRepaired(repair.label, repairs: repair.repairs, path: templates[t].key))
                }
            }
            switch entry.kind {
            case .header:
                if !lastWasHeader { headerCells = [] }
                headerCells += entry.headers
                lastWasHeader = true
                if let t = entry.table { currentTable = t }
                entries.append(entry)
                continue
            case .group:
                currentTable = entry.table ?? currentTable
                if let t = entry.table, let key = entry.labelKey, let g = vocabulary.group(of: key, in: t) { currentGroup = g }
            case .data(let r):
                currentTable = entry.table
                if let t = entry.table { currentGroup = templates[t].rows[r].group }
            case .values, .unknown:
                break
            }
            lastWasHeader = false
            var e = entry
            e.headers = headerCells
            if e.table == nil { e.table = currentTable }
            entries.append(e)
        }
        flushStream()

        entries = mergeValueLines(entries)
        // Place rows without labels.
        placeUnlabelled(&entries)
        return readTables(entries, findings: findings)
    }

    /// The values of every table the entries mention.
    func readTables(_ entries: [Entry], findings: [Finding]) -> Alignment {
        var findings = findings
        var tables: [String: TableValues] = [:]
        var sources: [String: ValueSource] = [:]
        var found = Set<Int>()
        for e in entries { if let t = e.table, !(e.kind.isValuesOrUnknown && e.slots.allSatisfy(\.isBlank)) { found.insert(t) } }
        for e in entries {
            if case .header = e.kind, let t = e.table { found.insert(t) }
        }

        for (t, template) in templates.enumerated() where found.contains(t) {
            let reading = readTable(t, template, entries)
            tables[template.key] = reading.values
            findings += reading.findings
            sources.merge(reading.sources) { first, _ in first }
        }
        return Alignment(tables: tables, findings: findings, sources: sources)
    }

    // MARK: - Classification

    /// Most label cells of a row looked up in the vocabulary (the template's widest header row
    /// has 15); bounds the work on a hostile row of thousands of cells.
    static let mostLabels = 32

    func classify(_ row: [InputCell], currentTable: Int?, currentGroup: String?) -> Entry {
        let cells = row
        if let entry = inlineHeaderEntry(cells, currentTable: currentTable, currentGroup: currentGroup) { return entry }
        var lastLabel = -1, lastValue = -1, firstLabel = -1
        for (i, c) in cells.enumerated() where !c.isBlank {
            if c.isValue {
                lastValue = i
            } else {
                lastLabel = i
                if firstLabel < 0 { firstLabel = i }
            }
        }
        // Text after the values ("行政规范性文件 | 2 | 0 | 15 | 多余"): a data row with a stray
        // cell at its end. Read the row without it, and say so.
        // The same with no label before the values at all (a remarks column, "0 | 1 | 已办结"):
        // an unlabelled row of values.
        if firstLabel >= 0, lastValue >= 0, lastLabel > lastValue {
            var entry = classify(Array(cells[...lastValue]), currentTable: currentTable, currentGroup: currentGroup)
            let keep: Bool
            switch entry.kind {
            case .data: keep = true
            case .values: keep = firstLabel > lastValue
            default: keep = false
            }
            if keep {
                entry.droppedCells = cells[(lastValue + 1)...].filter { !$0.isBlank }.map(\.text)
                return entry
            }
        }
        let labelLike = row.indices.filter { row[$0].isLabel }
        let entry = classify(row, lastLabel: labelLike.last ?? -1, currentTable: currentTable, currentGroup: currentGroup)
        // A cell that is neither a number nor a label (an unreadable value, "1,8230") must not
        // hide the row's label: when the last label-like cell means nothing, an earlier cell
        // that names a template row names the row, and the cells after it are its values.
        if case .unknown = entry.kind, entry.table == nil {
            // The last few only: a row holds a handful of such cells, and each try reads the row.
            for k in labelLike.dropLast().suffix(Self.mostLabels).reversed() {
                let e = classify(row, lastLabel: k, currentTable: currentTable, currentGroup: currentGroup)
                if case .data = e.kind { return e }
            }
        }
        return entry
    }

    func classify(_ row: [InputCell], lastLabel: Int, currentTable: Int?, currentGroup: String?) -> Entry {
        let cells = row
        let slots = cells[(lastLabel + 1)...].map {
            Slot(text: $0.text, column: $0.column, isBlank: $0.isBlank, source: $0.source, runTogether: $0.runTogether && $0.isValue)
        }
        let hasValues = slots.contains { !$0.isBlank }
        if lastLabel < 0 {
            return Entry(kind: .values, table: nil, label: "", labelKey: nil, quality: .exact, slots: slots, headers: [])
        }
        // The last label names the row; earlier ones are group context or headers (a template
        // row has a few, 表四's header 15: a row of more is no template row, and its first ones
        // are not looked up).
        let labels = cells[...lastLabel].filter { !$0.isBlank }.suffix(Self.mostLabels)
        var best: (Vocabulary.Target, Vocabulary.Match, Int)?
        var headerCount = 0
        var headers: [HeaderCell] = []
        var groupTarget: String?
        var tableHint = currentTable
        var contextRepairs: [(label: String, repairs: [String])] = []
        for (index, cell) in labels.enumerated() {
            let key = cell.key
            let isLast = index == labels.count - 1
            let matches = vocabulary.match(key, preferTable: tableHint, preferGroup: groupTarget ?? currentGroup, hasValues: hasValues && isLast)
            guard let m = matches else { continue }
            let isRowLabel: Bool
            if case .row = m.target { isRowLabel = isLast } else { isRowLabel = false }
            if !key.repairs.isEmpty, !isRowLabel {
                contextRepairs.append((cell.text, key.repairs))
            }
            switch m.target {
            case .header(let t), .anchor(let t):
                headerCount += 1
                headers.append(HeaderCell(key: key.key, column: cell.column))
                tableHint = t
            case .group(let t, let g):
                groupTarget = g
                tableHint = t
                if isLast { best = (m.target, m, index) }
            case .row(let t, _):
                tableHint = t
                if isLast { best = (m.target, m, index) }
            }
        }
        guard let lastCell = labels.last else {
            return Entry(kind: .values, table: nil, label: "", labelKey: nil, quality: .exact, slots: slots, headers: [])
        }
        let lastKey = lastCell.key
        if let (target, match, _) = best {
            switch target {
            case .row(let t, let r):
                return Entry(kind: .data(row: r), table: t, label: lastCell.text, labelKey: lastKey, quality: match.quality, slots: slots, headers: [], contextRepairs: contextRepairs)
            case .group(let t, _):
                // Group rows hold no values in the template: a group label with values is a row
                // whose own label was lost (placed by position, and said so) or, failing a
                // place, a row outside the template.
                return Entry(kind: hasValues ? .values : .group, table: t, label: lastCell.text, labelKey: lastKey, quality: match.quality, slots: slots, headers: [], contextRepairs: contextRepairs)
            default:
                break
            }
        }
        if headerCount > 0, headerCount * 2 >= labels.count || !hasValues {
            return Entry(kind: .header, table: tableHint, label: lastCell.text, labelKey: lastKey, quality: .exact, slots: slots, headers: headers, contextRepairs: contextRepairs)
        }
        // A label that is only numbering ("3.") or nothing recognisable.
        var entry = Entry(kind: lastKey.core.isEmpty ? .values : .unknown, table: nil, label: lastCell.text, labelKey: lastKey, quality: .exact, slots: slots, headers: [], contextRepairs: contextRepairs)
        entry.labelCells = labels.map(\.key)
        return entry
    }

    /// "政府集中采购 | 采购总金额 | 251000元": a row label, then labels naming the row's own
    /// columns, each before its value. Each value goes to the column its label names.
    func inlineHeaderEntry(_ cells: [InputCell], currentTable: Int?, currentGroup: String?) -> Entry? {
        let nonBlank = cells.filter { !$0.isBlank }
        guard nonBlank.count >= 3, nonBlank[0].isLabel, nonBlank[1].isLabel, nonBlank.dropFirst(2).contains(where: \.isValue)
        else { return nil }
        let key = nonBlank[0].key
        guard let match = vocabulary.match(key, preferTable: currentTable, preferGroup: currentGroup, hasValues: true),
            case .row(let t, let r) = match.target
        else { return nil }
        let columns = templates[t].rows[r].columns
        let headerKeys = columns.map { LabelKey.make($0.header).key }
        var slots = columns.map { _ in Slot(text: "", column: -1, isBlank: true) }
        var next: Int?
        for cell in nonBlank.dropFirst() {
            if cell.isValue {
                guard let k = next, k < columns.count, slots[k].isBlank else { return nil }
                slots[k] = Slot(text: cell.text, column: cell.column, isBlank: false, source: cell.source)
                next = k + 1
            } else {
                guard let k = headerKeys.firstIndex(of: cell.key.key) else { return nil }
                next = k
            }
        }
        return Entry(kind: .data(row: r), table: t, label: nonBlank[0].text, labelKey: key, quality: match.quality, slots: slots, headers: [])
    }
}

extension Aligner.EntryKind {
    var isValuesOrUnknown: Bool {
        switch self {
        case .values, .unknown: return true
        default: return false
        }
    }
}
