import DocModel
import Normalization

/// Reading a table's values: its source rows by template row, their candidate readings
/// (RowReadings.swift), the choice between them (ReadingSearch.swift), then the values, the
/// findings and where each value came from.
extension Aligner {
    /// A template row as the source gave it.
    struct SourceRow {
        var entry: Entry
        var input: RowInput
        /// The grid columns the header gives the row's fields, when it gives them all.
        var fieldColumns: [Int]?
    }

    struct TableReading {
        var values: TableValues
        var findings: [Finding]
        var sources: [String: ValueSource]
    }

    func readTable(_ t: Int, _ template: TableTemplate, _ entries: [Entry]) -> TableReading {
        var (found, extraRows, findings) = sourceRows(t, template, entries)
        var candidates: [[Reading]] = []
        var splits: [Int: SplitState] = [:]
        for (r, source) in found.enumerated() {
            guard let source else { candidates.append([]); continue }
            guard source.input.isRunTogether else { candidates.append(Self.readings(source.input, tier: 0)); continue }
            // Digits run together: the splits the row's own arithmetic prefers (there may be hundreds).
            let (kept, state) = splitCandidates(template.key, template.rows[r], source.input)
            candidates.append(kept)
            splits[r] = state
        }
        var search = ReadingSearch(
            tableKey: template.key, rows: template.rows,
            candidates: candidates,
            fieldColumns: found.map { $0?.fieldColumns }, extraRows: extraRows, score: score(template.key))
        let plainCounts = search.candidates.map(\.count)
        search.search(template.rows.indices.filter { plainCounts[$0] > 1 }, startAlone: true)
        // Readings that assume more damage compete only where the arithmetic is still broken.
        if search.violations() > 0 {
            var widened: [Int] = []
            for r in template.rows.indices {
                guard let row = found[r], search.chosen[r] < plainCounts[r] else { continue }
                let more = Self.readings(row.input, tier: 1, after: Array(search.candidates[r].prefix(plainCounts[r])))
                if more.count > plainCounts[r] {
                    search.setCandidates(r, more)
                    widened.append(r)
                }
            }
            search.search(widened, startAlone: false)
        }
        let prose = chooseByProse(template, found.map { $0 != nil }, splits, &search)
        var rows: [RowValues] = []
        var sources: [String: ValueSource] = [:]
        for (r, row) in template.rows.enumerated() {
            let path = row.path.isEmpty ? template.key : "\(template.key).\(row.path)"
            guard let source = found[r] else {
                rows += Self.rowValues(row, reading: nil)
                findings.append(.rowMissing(title: template.title, label: row.labels.first, path: path))
                continue
            }
            let reading = search.candidates[r][search.chosen[r]]
            rows += Self.rowValues(row, reading: reading)
            findings += rowFindings(template, r, source, path: path, search: search, plainCount: plainCounts[r], prose: prose[r] != nil)
            if let state = splits[r], let finding = splitFinding(template, r, source, state, path: path, search: search, prose: prose[r]) { findings.append(finding) }
            if let choice = prose[r] { findings += proseFindings(template, row, choice) }
            findings += valueFindings(row, reading, paths: template.fieldPaths[r])
            let inferred: ValueSource.Inference? =
                source.input.isRunTogether ? (source.input.slots.count == row.columns.count ? nil : .digitSplit)
                : source.entry.inferred ? .rowPosition : (search.steps[r] != nil && !reading.keepsColumns ? .arithmetic : nil)
            Self.sources(row, reading, paths: template.fieldPaths[r], inferred: inferred, into: &sources)
        }
        return TableReading(values: TableValues(rows: rows, extraRows: extraRows), findings: findings, sources: sources)
    }

    /// The template row a row with values completes the label of: the row read just before
    /// it has a label that stops short of that row's label, and this label is the rest
    /// ("2.其他法律行政" then "法规禁止公开": a row cut in two at a page break). Its values are
    /// the cut row's too, so that row may be incomplete.
    static func completesLabel(_ fragment: String, of previous: Entry?, _ template: TableTemplate) -> Int? {
        guard let previous, case .data(let r) = previous.kind, !template.rows[r].path.isEmpty else { return nil }
        let compact = { (s: String) in String(s.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }.map(Character.init)) }
        let head = compact(previous.label), tail = compact(fragment)
        guard tail.count >= 2, !head.isEmpty else { return nil }
        let cut = template.rows[r].labels.contains { label in
            let whole = compact(label)
            guard whole.count > tail.count, whole.hasSuffix(tail) else { return false }
            let start = String(whole.dropLast(tail.count))
            return start.count >= 2 && head.hasSuffix(start)
        }
        return cut ? r : nil
    }

    /// The source row of each template row (the first one matched; a second goes to the extra
    /// rows), and the rows outside the template.
    func sourceRows(_ t: Int, _ template: TableTemplate, _ entries: [Entry]) -> ([SourceRow?], [ExtraRow], [Finding]) {
        var found = [SourceRow?](repeating: nil, count: template.rows.count)
        var extraRows: [ExtraRow] = []
        var findings: [Finding] = []
        var previous: Entry?
        for e in entries where e.table == t {
            defer { previous = e }
            switch e.kind {
            case .data(let r):
                let row = template.rows[r]
                // A label alone (a caption naming the row above its table), then the row with
                // its values: the second is the row.
                if let label = found[r]?.entry, label.slots.allSatisfy(\.isBlank), e.slots.contains(where: { !$0.isBlank }) {
                    found[r] = nil
                }
                if found[r] != nil {
                    extraRows.append(ExtraRow(label: e.label, values: Self.asWritten(e.slots)))
                    findings.append(.repeatedRow(table: template.key, title: template.title, label: e.label, row: row.path.isEmpty ? row.name : row.path))
                    continue
                }
                let columns = fieldColumns(e, row)
                var slots = e.slots
                // Blank cells left of the first value column belong to the label (a merged label
                // cell written out position by position), not to the values; only in a row with
                // surplus cells: one with exactly its columns' cells may sit shifted under the
                // header (a merged cell above cut short), and keeps them all.
                if slots.count > row.columns.count, let first = columns?.first {
                    slots.removeAll { $0.isBlank && $0.column < first }
                }
                found[r] = SourceRow(entry: e, input: RowInput(slots: slots, row: row), fieldColumns: columns)
            case .unknown, .values:
                guard e.slots.contains(where: { !$0.isBlank }) else { continue }
                extraRows.append(ExtraRow(label: e.label, values: Self.asWritten(e.slots)))
                findings.append(.extraRow(table: template.key, title: template.title, label: e.label))
                if let r = Self.completesLabel(e.label, of: previous, template) {
                    let path = template.rows[r].path
                    findings.append(.rowCut(table: template.key, title: template.title, label: e.label, row: path))
                }
            default:
                continue
            }
        }
        return (found, extraRows, findings)
    }

    static func asWritten(_ slots: [Slot]) -> [Value?] {
        slots.filter { !$0.isBlank }.map { ValueParser.read($0.text, as: .amountAsWritten).value }
    }

    /// What reading the row involved: a label placed, repaired or matched loosely, cells left
    /// unread, a choice between readings.
    func rowFindings(_ template: TableTemplate, _ r: Int, _ source: SourceRow, path: String, search: ReadingSearch, plainCount: Int, prose: Bool) -> [Finding] {
        var out: [Finding] = []
        let row = template.rows[r], entry = source.entry
        if entry.inferred {
            out.append(.rowInferred(title: template.title, label: entry.label, row: row.name, path: path))
        }
        if let key = entry.labelKey, !key.repairs.isEmpty {
            out.append(.labelRepaired(entry.label, repairs: key.repairs, path: path))
        }
        if entry.joinedValues > 0 {
            out.append(.valuesJoined(title: template.title, row: row.name, count: entry.joinedValues, path: path))
        }
        if !entry.droppedCells.isEmpty {
            out.append(.extraCells(title: template.title, row: row.name, cells: entry.droppedCells, path: path))
        }
        if entry.quality == .variant {
            out.append(.labelVariant(entry.label, template: row.labels.first ?? "", path: path))
        }
        let reading = search.candidates[r][search.chosen[r]]
        if source.input.isRunTogether { return out }
        let given = entry.slots.reduce(0) { $0 + ($1.isBlank ? 0 : 1) }
        let read = reading.slots.reduce(0) { n, slot in slot.map { $0.isBlank ? n : n + 1 } ?? n }
        let dropped = given - read
        let decision = prose ? .prose : Self.decision(search.steps[r], reading.generator, hadChoice: plainCount > 1 || reading.generator.tier > 0)
        guard plainCount > 1 || dropped > 0 else { return out }
        let others = search.candidates[r].prefix(plainCount).enumerated().filter { $0.offset != search.chosen[r] }.prefix(3).map { $0.element.values.map(\.value) }
        out.append(.ambiguous(
            title: template.title, row: row.labels.first ?? "数据行", cells: entry.slots.count, columns: row.columns.count,
            decision: decision ?? .surplusDropped(dropped), chosen: reading.values.map(\.value), others: Array(others), path: path))
        return out
    }

    /// The typed decision a finding reports, from the ladder's step and the generator of the
    /// reading taken; nil when the row had no choice to make.
    static func decision(_ step: ReadingSearch.Step?, _ generator: ReadingGenerator, hadChoice: Bool) -> ReadingDecision? {
        guard hadChoice, let step else { return nil }
        switch (step, generator) {
        case (.arithmetic, .repeatedValue): return .repeatedValue
        case (.undecided, .repeatedValue): return .repeatedValueUndecided
        case (.arithmetic, _): return .arithmetic
        case (.position, _): return .position
        case (.defaultReading, _): return .defaultReading
        case (.undecided, _): return .undecided
        }
    }

    /// Findings on the cells read: unreadable, placeholders, repaired digits, units converted.
    /// `paths`: the report paths of the row's fields (`TableTemplate.fieldPaths`).
    func valueFindings(_ row: RowTemplate, _ reading: Reading, paths: [String]) -> [Finding] {
        var out: [Finding] = []
        for (i, cell) in reading.values.enumerated() {
            let fieldPath = paths[row.columnFieldIndex(i)]
            switch cell {
            case .unreadable(let raw):
                out.append(.unreadable(raw, path: fieldPath))
            case .value(_, _, let notes):
                for note in notes {
                    switch note {
                    case .placeholder(let p): out.append(.placeholder(p, path: fieldPath))
                    case .repaired(let from, let to): out.append(.digitsRepaired(from: from, to: to, path: fieldPath))
                    case .unitConverted(let from, let to): out.append(.unitConverted(from: from, to: to, path: fieldPath))
                    }
                }
            case .blank:
                break
            }
        }
        return out
    }

    /// The dotted report path of each of the row's fields.
    static func fieldPaths(_ tableKey: String, _ row: RowTemplate) -> [String] {
        var out: [String] = []
        for (path, range) in row.reportRows {
            let prefix = path.isEmpty ? tableKey : "\(tableKey).\(path)"
            for f in range { out.append("\(prefix).\(row.fields[f].name)") }
        }
        return out
    }

    /// Where each non-null value of the row came from.
    static func sources(_ row: RowTemplate, _ reading: Reading, paths: [String], inferred: ValueSource.Inference?, into out: inout [String: ValueSource]) {
        var column = 0
        var previous: (cell: CellRef?, path: String)?
        for (f, field) in row.fields.enumerated() {
            if field.kind == .unitOfPrevious {
                if let previous, reading.values.indices.contains(column - 1), reading.values[column - 1].value != nil || reading.agreedUnits[column - 1] != nil {
                    out[paths[f]] = .inferred(.unitOfAmount, cells: previous.cell.map { [$0] } ?? [], paths: [previous.path])
                }
                continue
            }
            let cell = column < reading.slots.count ? reading.slots[column]?.source : nil
            if column < reading.values.count, reading.values[column].value != nil, let cell {
                out[paths[f]] = inferred.map { .inferred($0, cells: [cell], paths: []) } ?? .cell(cell)
            }
            previous = (cell, paths[f])
            column += 1
        }
    }

    /// The report rows of a template row from a reading (nil: the row was not found, every
    /// field null): one per column group, or one.
    static func rowValues(_ row: RowTemplate, reading: Reading?) -> [RowValues] {
        var fields: [FieldValue] = []
        fields.reserveCapacity(row.fields.count)
        var columnIndex = 0
        var lastUnit: String?
        for field in row.fields {
            if field.kind == .unitOfPrevious {
                fields.append(FieldValue(name: field.name, value: lastUnit.map(Value.text)))
                continue
            }
            let cell = reading.map { columnIndex < $0.values.count ? $0.values[columnIndex] : .blank } ?? .blank
            if case .value(_, let unit, _) = cell { lastUnit = unit ?? field.headerUnit } else { lastUnit = reading?.agreedUnits[columnIndex] }
            fields.append(FieldValue(name: field.name, value: cell.value))
            columnIndex += 1
        }
        if row.columnGroups.isEmpty { return [RowValues(path: row.path, fields: fields)] }
        return row.reportRows.map { RowValues(path: $0.path, fields: Array(fields[$0.fields])) }
    }

    static func unit(inHeader header: String) -> String? {
        if header.containsBytes("万元") { return "万元" }
        if header.containsBytes("元") { return "元" }
        return nil
    }

    /// The grid column of each of the row's fields, from the header cells above it (left to
    /// right, in the template's order); nil when the headers do not give them all.
    func fieldColumns(_ entry: Entry, _ row: RowTemplate) -> [Int]? {
        guard !entry.headers.isEmpty else { return nil }
        var map: [Int] = []
        let sorted = entry.headers.sorted { $0.column < $1.column }
        var from = 0
        var lastColumn = -1
        for field in row.columns {
            guard let k = sorted[from...].firstIndex(where: { $0.column > lastColumn && $0.key == field.headerKey }) else { return nil }
            map.append(sorted[k].column)
            lastColumn = sorted[k].column
            from = k + 1
        }
        return map
    }
}

extension RowTemplate {
    /// The index in `fields` of the row's `column`-th source column (a derived unit is no column).
    func columnFieldIndex(_ column: Int) -> Int {
        var seen = 0
        for (f, field) in fields.enumerated() where field.kind != .unitOfPrevious {
            if seen == column { return f }
            seen += 1
        }
        return fields.count - 1
    }
}
