import DocModel
import Normalization

/// One cell handed to the aligner: its text and its grid column in the source table.
public struct InputCell: Sendable, Equatable {
    public var text: String
    public var column: Int
    public init(_ text: String, column: Int) {
        self.text = text
        self.column = column
    }
}

/// The result of aligning a document's table rows to the templates.
public struct Alignment: Sendable {
    /// Values per table key, for the tables that were found.
    public var tables: [String: TableValues]
    /// Conversion findings: repairs, guesses, ambiguities, extra rows.
    public var findings: [Finding]
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
/// way of fitting them is a candidate reading; the tables' own arithmetic (the `score`
/// closure: number of violated checks) chooses, then agreement with the header's column
/// positions, then the plain reading (surplus blanks dropped from the end, missing cells at
/// the end). Every choice between readings that differ is reported as `table.ambiguous`.
public struct Aligner {
    public var templates: [TableTemplate]
    /// Violations of the table's arithmetic for candidate values (fewer is better).
    public var score: @Sendable (_ tableKey: String, _ values: TableValues) -> Int

    /// `vocabulary`, when given, must have been built from the same `templates` (share one per
    /// template set: building it costs more than aligning a report).
    public init(templates: [TableTemplate], vocabulary: Vocabulary? = nil, score: @escaping @Sendable (String, TableValues) -> Int) {
        self.templates = templates
        self.score = score
        self.vocabulary = vocabulary ?? Vocabulary(templates)
    }

    let vocabulary: Vocabulary

    // MARK: - Entries

    struct Slot: Equatable {
        var text: String
        var column: Int
        var isBlank: Bool
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
        var contextRepairs: [String] = []
        /// Text cells after the row's values, not read.
        var droppedCells: [String] = []
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

        for row in rows {
            let entry = classify(row, currentTable: currentTable, currentGroup: currentGroup)
            if let t = entry.table ?? currentTable {
                for repair in entry.contextRepairs {
                    findings.append(Finding(.textRepaired, repair, path: templates[t].key))
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

        // Merge a labelled row whose values went to the next line(s).
        var merged: [Entry] = []
        for entry in entries {
            if case .values = entry.kind, let last = merged.last, case .data(let r) = last.kind, let t = last.table,
                last.slots.filter({ !$0.isBlank }).isEmpty || last.slots.count < templates[t].rows[r].columns.count,
                last.slots.count + entry.slots.count <= templates[t].rows[r].columns.count + 2
            {
                merged[merged.count - 1].slots += entry.slots
                continue
            }
            merged.append(entry)
        }
        entries = merged

        // Place rows without labels.
        placeUnlabelled(&entries, findings: &findings)

        // Read values.
        var tables: [String: TableValues] = [:]
        var found = Set<Int>()
        for e in entries { if let t = e.table, !(e.kind.isValuesOrUnknown && e.slots.allSatisfy(\.isBlank)) { found.insert(t) } }
        for e in entries {
            if case .header = e.kind, let t = e.table { found.insert(t) }
        }

        for (t, template) in templates.enumerated() where found.contains(t) {
            let (values, tableFindings) = readTable(t, template, entries)
            tables[template.key] = values
            findings += tableFindings
        }
        return Alignment(tables: tables, findings: findings)
    }

    // MARK: - Classification

    func classify(_ row: [InputCell], currentTable: Int?, currentGroup: String?) -> Entry {
        let cells = row
        if let entry = inlineHeaderEntry(cells, currentTable: currentTable, currentGroup: currentGroup) { return entry }
        var lastLabel = -1, lastValue = -1, firstLabel = -1
        for (i, c) in cells.enumerated() where !ValueParser.isBlank(c.text) {
            if ValueParser.isValueLike(c.text) {
                lastValue = i
            } else {
                lastLabel = i
                if firstLabel < 0 { firstLabel = i }
            }
        }
        // Text after the values ("行政规范性文件 | 2 | 0 | 15 | 多余"): a data row with a stray
        // cell at its end. Read the row without it, and say so.
        if firstLabel >= 0, lastValue > firstLabel, lastLabel > lastValue {
            var entry = classify(Array(cells[...lastValue]), currentTable: currentTable, currentGroup: currentGroup)
            if case .data = entry.kind {
                entry.droppedCells = cells[(lastValue + 1)...].map(\.text).filter { !ValueParser.isBlank($0) }
                return entry
            }
        }
        let slots = cells[(lastLabel + 1)...].map { Slot(text: $0.text, column: $0.column, isBlank: ValueParser.isBlank($0.text)) }
        let hasValues = slots.contains { !$0.isBlank }
        if lastLabel < 0 {
            return Entry(kind: .values, table: nil, label: "", labelKey: nil, quality: .exact, slots: slots, headers: [])
        }
        let labels = cells[...lastLabel].filter { !ValueParser.isBlank($0.text) }
        // The last label names the row; earlier ones are group context or headers.
        var best: (Vocabulary.Target, Vocabulary.Match, Int)?
        var headerCount = 0
        var headers: [HeaderCell] = []
        var groupTarget: String?
        var tableHint = currentTable
        var contextRepairs: [String] = []
        for (index, cell) in labels.enumerated() {
            let key = LabelKey.make(cell.text)
            let isLast = index == labels.count - 1
            let matches = vocabulary.match(key, preferTable: tableHint, preferGroup: groupTarget ?? currentGroup, hasValues: hasValues && isLast)
            guard let m = matches else { continue }
            let isRowLabel: Bool
            if case .row = m.target { isRowLabel = isLast } else { isRowLabel = false }
            if !key.repairs.isEmpty, !isRowLabel {
                contextRepairs.append("标签“\(cell.text)”修复为模板用语（\(key.repairs.joined(separator: "；"))）")
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
        let lastKey = LabelKey.make(lastCell.text)
        if let (target, match, _) = best {
            switch target {
            case .row(let t, let r):
                return Entry(kind: .data(row: r), table: t, label: lastCell.text, labelKey: lastKey, quality: match.quality, slots: slots, headers: [], contextRepairs: contextRepairs)
            case .group(let t, _):
                return Entry(kind: hasValues ? .unknown : .group, table: t, label: lastCell.text, labelKey: lastKey, quality: match.quality, slots: slots, headers: [], contextRepairs: contextRepairs)
            default:
                break
            }
        }
        if headerCount > 0, headerCount * 2 >= labels.count || !hasValues {
            return Entry(kind: .header, table: tableHint, label: lastCell.text, labelKey: lastKey, quality: .exact, slots: slots, headers: headers, contextRepairs: contextRepairs)
        }
        // A label that is only numbering ("3.") or nothing recognisable.
        return Entry(kind: lastKey.core.isEmpty ? .values : .unknown, table: nil, label: lastCell.text, labelKey: lastKey, quality: .exact, slots: slots, headers: [], contextRepairs: contextRepairs)
    }

    /// "政府集中采购 | 采购总金额 | 251000元": a row label, then labels naming the row's own
    /// columns, each before its value. Each value goes to the column its label names.
    func inlineHeaderEntry(_ cells: [InputCell], currentTable: Int?, currentGroup: String?) -> Entry? {
        let nonBlank = cells.filter { !ValueParser.isBlank($0.text) }
        guard nonBlank.count >= 3, !ValueParser.isValueLike(nonBlank[0].text), !ValueParser.isValueLike(nonBlank[1].text),
            nonBlank.dropFirst(2).contains(where: { ValueParser.isValueLike($0.text) })
        else { return nil }
        let key = LabelKey.make(nonBlank[0].text)
        guard let match = vocabulary.match(key, preferTable: currentTable, preferGroup: currentGroup, hasValues: true),
            case .row(let t, let r) = match.target
        else { return nil }
        let columns = templates[t].rows[r].columns
        let headerKeys = columns.map { LabelKey.make($0.header).key }
        var slots = columns.map { _ in Slot(text: "", column: -1, isBlank: true) }
        var next: Int?
        for cell in nonBlank.dropFirst() {
            if ValueParser.isValueLike(cell.text) {
                guard let k = next, k < columns.count, slots[k].isBlank else { return nil }
                slots[k] = Slot(text: cell.text, column: cell.column, isBlank: false)
                next = k + 1
            } else {
                guard let k = headerKeys.firstIndex(of: LabelKey.make(cell.text).key) else { return nil }
                next = k
            }
        }
        return Entry(kind: .data(row: r), table: t, label: nonBlank[0].text, labelKey: key, quality: match.quality, slots: slots, headers: [])
    }

    // MARK: - Rows without labels

    func placeUnlabelled(_ entries: inout [Entry], findings: inout [Finding]) {
        // Template rows already matched by label, per table.
        var filled: [Int: Set<Int>] = [:]
        for e in entries { if case .data(let r) = e.kind, let t = e.table { filled[t, default: []].insert(r) } }
        var i = 0
        while i < entries.count {
            guard case .values = entries[i].kind, entries[i].slots.contains(where: { !$0.isBlank }) || entries[i].slots.count >= 5 else {
                i += 1
                continue
            }
            // A run of consecutive unlabelled rows.
            var j = i
            while j < entries.count, case .values = entries[j].kind { j += 1 }
            let run = Array(i..<j)
            // The recognised rows around the run, in the run's table.
            let table = entries[i].table
            var before = -1
            var after: Int?
            if let t = table {
                for k in stride(from: i - 1, through: 0, by: -1) {
                    if case .data(let r) = entries[k].kind, entries[k].table == t { before = r; break }
                    if entries[k].table != t, entries[k].table != nil { break }
                }
                for k in j..<entries.count {
                    if case .data(let r) = entries[k].kind, entries[k].table == t { after = r; break }
                    if case .header = entries[k].kind, entries[k].table != t { break }
                    if entries[k].table != nil, entries[k].table != t { break }
                }
            }
            var placed = false
            if let t = table {
                let upper = after ?? templates[t].rows.count
                let gaps = (before + 1..<max(upper, before + 1)).filter { !(filled[t]?.contains($0) ?? false) }
                if gaps.count == run.count || (after == nil && gaps.count > run.count && gaps.prefix(run.count).allSatisfy { templates[t].rows[$0].labels.isEmpty }) {
                    for (k, r) in zip(run, gaps) {
                        entries[k].kind = .data(row: r)
                        entries[k].table = t
                        entries[k].inferred = !templates[t].rows[r].labels.isEmpty
                        filled[t, default: []].insert(r)
                    }
                    placed = true
                }
            }
            if !placed, run.count == 1 {
                // A row with exactly the columns of a later table's unlabelled row (表四 without its headers).
                let slots = entries[i].slots
                for (t, template) in templates.enumerated() where t > (table ?? -1) {
                    if let r = template.rows.firstIndex(where: { $0.labels.isEmpty && abs($0.columns.count - slots.count) <= ($0.columns.count >= 5 ? 2 : 0) }),
                        !(filled[t]?.contains(r) ?? false)
                    {
                        entries[i].kind = .data(row: r)
                        entries[i].table = t
                        entries[i].inferred = true
                        filled[t, default: []].insert(r)
                        break
                    }
                }
            }
            i = j
        }
    }

    // MARK: - Reading values

    struct Reading {
        var slots: [Slot?]
        var values: [CellReading]
    }

    func readTable(_ t: Int, _ template: TableTemplate, _ entries: [Entry]) -> (TableValues, [Finding]) {
        var findings: [Finding] = []
        var readings: [Int: [Reading]] = [:]  // template row -> candidate readings (first = default)
        var rowEntries: [Int: Entry] = [:]
        var extraRows: [ExtraRow] = []
        for e in entries where e.table == t {
            switch e.kind {
            case .data(let r):
                if rowEntries[r] != nil {
                    let row = template.rows[r]
                    let values = e.slots.filter { !$0.isBlank }.map { ValueParser.read($0.text, as: .amountAsWritten).value }
                    extraRows.append(ExtraRow(label: e.label, values: values))
                    findings.append(Finding(.tableExtraRow, "\(template.title)：第二次出现的行“\(e.label)”保留在 extraRows（首次出现的值用于 \(row.path)）", path: "\(template.key).extraRows"))
                    continue
                }
                rowEntries[r] = e
                readings[r] = candidateReadings(e.slots, template.rows[r])
            case .unknown, .values:
                guard e.slots.contains(where: { !$0.isBlank }) else { continue }
                let values = e.slots.filter { !$0.isBlank }.map { ValueParser.read($0.text, as: .amountAsWritten).value }
                let label = e.label.isEmpty ? "" : e.label
                extraRows.append(ExtraRow(label: label, values: values))
                findings.append(Finding(.tableExtraRow, "\(template.title)：模板外的行“\(label.isEmpty ? "（无标签）" : label)”保留在 extraRows", path: "\(template.key).extraRows"))
            default:
                continue
            }
        }

        // Choose among readings, row by row, by the table's arithmetic.
        var chosen: [Int: Int] = [:]
        for r in readings.keys { chosen[r] = 0 }
        func tableValues() -> TableValues {
            TableValues(rows: template.rows.enumerated().map { (r, row) in
                rowValues(row, reading: readings[r].map { $0[chosen[r] ?? 0] })
            }, extraRows: extraRows)
        }
        var decidedBy: [Int: String] = [:]
        for r in readings.keys.sorted() {
            guard let candidates = readings[r], candidates.count > 1, let entry = rowEntries[r] else { continue }
            var best = 0
            var bestKey = (Int.max, Int.min)
            var scores: [(Int, Int)] = []
            for (k, _) in candidates.enumerated() {
                chosen[r] = k
                let violations = score(template.key, tableValues())
                let position = positionScore(candidates[k], entry, template.rows[r])
                scores.append((violations, position))
                if violations < bestKey.0 || (violations == bestKey.0 && position > bestKey.1) {
                    best = k
                    bestKey = (violations, position)
                }
            }
            chosen[r] = best
            let sameScore = scores.filter { $0 == bestKey }.count
            if scores.contains(where: { $0.0 != bestKey.0 }) && scores.filter({ $0.0 == bestKey.0 }).count == 1 {
                decidedBy[r] = "由表内勾稽关系确定"
            } else if sameScore == 1, scores.contains(where: { $0.1 != bestKey.1 }) {
                decidedBy[r] = "由表头列位置确定"
            } else {
                decidedBy[r] = "无法由勾稽关系或列位置区分，取默认读法"
            }
        }

        var rows: [RowValues] = []
        for (r, row) in template.rows.enumerated() {
            let path = "\(template.key).\(row.path)"
            guard let candidates = readings[r], let entry = rowEntries[r] else {
                rows.append(rowValues(row, reading: nil))
                findings.append(Finding(.tableRowMissing, "\(template.title)：未找到“\(row.labels.first ?? row.path)”行，其值为空", path: path))
                continue
            }
            let reading = candidates[chosen[r] ?? 0]
            rows.append(rowValues(row, reading: reading))
            if entry.inferred {
                findings.append(Finding(.tableRowInferred, "\(template.title)：一行没有可识别的标签（“\(entry.label)”），按其位置读作“\(row.labels.first ?? row.path)”", path: path))
            }
            if let key = entry.labelKey, !key.repairs.isEmpty {
                findings.append(Finding(.textRepaired, "标签“\(entry.label)”修复为模板用语（\(key.repairs.joined(separator: "；"))）", path: path))
            }
            if !entry.droppedCells.isEmpty {
                let cells = entry.droppedCells.map { "“\($0)”" }.joined(separator: "、")
                findings.append(Finding(.tableExtraCell, "\(template.title)“\(row.labels.first ?? row.path)”行末多出的文字单元格 \(cells) 不是数值，未读入", path: path))
            }
            if entry.quality == .variant {
                findings.append(Finding(.tableLabelVariant, "标签“\(entry.label)”与模板“\(row.labels.first ?? "")”措辞不同，按相近匹配读取", path: path))
            }
            let droppedValues = entry.slots.filter { !$0.isBlank }.count - reading.slots.compactMap { $0 }.filter { !$0.isBlank }.count
            if candidates.count > 1 || droppedValues > 0 {
                let columns = row.columns
                func describe(_ rd: Reading) -> String {
                    "[" + rd.values.map { v in v.value.map(Self.show) ?? "null" }.joined(separator: ", ") + "]"
                }
                let others = candidates.enumerated().filter { $0.offset != chosen[r] }.prefix(3).map { describe($0.element) }
                let how = candidates.count > 1 ? "\(decidedBy[r] ?? "")，取 \(describe(reading))；其他读法 \(others.joined(separator: " "))" : "舍去 \(droppedValues) 个多出的值后各种读法结果相同：\(describe(reading))"
                findings.append(Finding(
                    .tableAmbiguous,
                    "\(template.title)“\(row.labels.first ?? "数据行")”：\(entry.slots.count) 个单元格对应 \(columns.count) 列，可有多种对齐；\(how)",
                    path: path))
            }
            for (field, cell) in zip(row.columns, reading.values) {
                let fieldPath = "\(path).\(field.name)"
                switch cell {
                case .unreadable(let raw):
                    findings.append(Finding(.valueUnreadable, "单元格内容“\(raw)”不是数字", path: fieldPath))
                case .value(_, _, let notes):
                    for note in notes {
                        switch note {
                        case .placeholder(let p):
                            findings.append(Finding(.valuePlaceholder, "占位符“\(p)”读作 0", path: fieldPath))
                        case .repaired(let from, let to):
                            findings.append(Finding(.textRepaired, "数字“\(from)”中的类字母字符修复为“\(to)”", path: fieldPath))
                        case .unitConverted(let from, let to):
                            findings.append(Finding(.valueUnitConverted, "“\(from)”换算为模板单位：\(to)", path: fieldPath))
                        }
                    }
                case .blank:
                    break
                }
            }
        }
        return (TableValues(rows: rows, extraRows: extraRows), findings)
    }

    static func show(_ v: Value) -> String {
        switch v {
        case .integer(let i): return String(i)
        case .decimal(let s): return s
        case .text(let s): return s
        }
    }

    /// The row's fields from a reading (nil: the row was not found, every field null).
    func rowValues(_ row: RowTemplate, reading: Reading?) -> RowValues {
        var fields: [FieldValue] = []
        var columnIndex = 0
        var lastUnit: String?
        for field in row.fields {
            if field.kind == .unitOfPrevious {
                fields.append(FieldValue(name: field.name, value: lastUnit.map(Value.text)))
                continue
            }
            let cell = reading.map { columnIndex < $0.values.count ? $0.values[columnIndex] : .blank } ?? .blank
            if case .value(_, let unit, _) = cell { lastUnit = unit ?? Self.unit(inHeader: field.header) } else { lastUnit = nil }
            fields.append(FieldValue(name: field.name, value: cell.value))
            columnIndex += 1
        }
        return RowValues(path: row.path, fields: fields)
    }

    static func unit(inHeader header: String) -> String? {
        if header.contains("万元") { return "万元" }
        if header.contains("元") { return "元" }
        return nil
    }

    /// Every way of fitting the slots to the row's columns, the plain reading first.
    func candidateReadings(_ slots: [Slot], _ row: RowTemplate) -> [Reading] {
        let columns = row.columns
        let n = columns.count
        var fits: [[Slot?]] = []
        let s = slots.count
        if s == n {
            fits = [slots]
        } else if s > n {
            let excess = s - n
            let blanks = slots.indices.filter { slots[$0].isBlank }
            if excess <= blanks.count {
                for drop in combinations(blanks.reversed(), excess, limit: 64) {
                    let set = Set(drop)
                    fits.append(slots.indices.filter { !set.contains($0) }.map { slots[$0] })
                }
            } else {
                let kept = slots.filter { !$0.isBlank }
                let more = kept.count - n
                for drop in combinations(Array(kept.indices.reversed()), more, limit: 64) {
                    let set = Set(drop)
                    fits.append(kept.indices.filter { !set.contains($0) }.map { kept[$0] })
                }
            }
        } else {
            let missing = n - s
            for holes in combinations(Array((0..<n).reversed()), missing, limit: 128) {
                let set = Set(holes)
                var out: [Slot?] = []
                var k = 0
                for i in 0..<n {
                    if set.contains(i) { out.append(nil) } else { out.append(slots[k]); k += 1 }
                }
                fits.append(out)
            }
        }
        var seen: [[CellReading]] = []
        var readings: [Reading] = []
        for fit in fits {
            let values = zip(fit, columns).map { slot, field in slot.map { ValueParser.read($0.text, as: field.kind) } ?? .blank }
            if seen.contains(values) { continue }
            seen.append(values)
            readings.append(Reading(slots: fit, values: values))
        }
        return readings.isEmpty ? [Reading(slots: Array(repeating: nil, count: n), values: Array(repeating: .blank, count: n))] : readings
    }

    /// Agreement of a reading's cells with the columns the header gives each field.
    func positionScore(_ reading: Reading, _ entry: Entry, _ row: RowTemplate) -> Int {
        let columns = row.columns
        var map: [Int] = []
        let sorted = entry.headers.sorted { $0.column < $1.column }
        var from = 0
        var lastColumn = -1
        for field in columns {
            let key = LabelKey.make(field.header).key
            guard let k = sorted[from...].firstIndex(where: { $0.column > lastColumn && $0.key == key }) else { return 0 }
            map.append(sorted[k].column)
            lastColumn = sorted[k].column
            from = k + 1
        }
        return zip(reading.slots, map).filter { $0.0?.column == $0.1 }.count
    }

    /// Up to `limit` combinations of `k` elements, in the order the elements are given.
    func combinations(_ items: [Int], _ k: Int, limit: Int) -> [[Int]] {
        var out: [[Int]] = []
        var current: [Int] = []
        func go(_ start: Int) {
            if out.count >= limit { return }
            if current.count == k {
                out.append(current)
                return
            }
            var i = start
            while i < items.count, out.count < limit {
                current.append(items[i])
                go(i + 1)
                current.removeLast()
                i += 1
            }
        }
        if k <= items.count { go(0) }
        return out
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
