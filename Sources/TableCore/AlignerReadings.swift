import DocModel
import Normalization

/// Reading a table's values: the candidate readings of each row and the choice between them.
extension Aligner {
    // MARK: - Reading values

    struct Reading {
        var slots: [Slot?]
        var values: [CellReading]
    }

    func readTable(_ t: Int, _ template: TableTemplate, _ entries: [Entry]) -> (TableValues, [Finding]) {
        var findings: [Finding] = []
        var readings: [Int: [Reading]] = [:]  // template row -> candidate readings (first = default)
        var rowEntries: [Int: Entry] = [:]
        var positional: [Int: Bool] = [:]
        var usedSlots: [Int: [Slot]] = [:]
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
                // Blank cells left of the first value column belong to the label (a merged
                // label cell written out position by position), not to the values.
                var slots = e.slots
                // Only in a row with surplus cells: a row with exactly its columns' cells may sit
                // shifted under the header (a merged cell above cut short), and keeps them all.
                if slots.count > template.rows[r].columns.count, let first = fieldColumns(e, template.rows[r])?.first {
                    slots.removeAll { $0.isBlank && $0.column < first }
                }
                readings[r] = candidateReadings(slots, template.rows[r])
                positional[r] = Self.positionsMeaningful(slots, template.rows[r])
                usedSlots[r] = slots
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
        // Row values per (row, reading), built once: the arithmetic judges many combinations.
        // Cleared for a row whenever its readings are replaced (appending keeps indices valid).
        // Indexed by row, then by reading + 1 (0: the row was not found).
        var rowCache = [[RowValues?]](repeating: [], count: template.rows.count)
        func tableValues() -> TableValues {
            TableValues(rows: template.rows.enumerated().map { (r, row) in
                let list = readings[r]
                let slot = list == nil ? 0 : (chosen[r] ?? 0) + 1
                if slot < rowCache[r].count, let cached = rowCache[r][slot] { return cached }
                let values = rowValues(row, reading: list.map { $0[slot - 1] })
                if rowCache[r].count <= slot { rowCache[r] += [RowValues?](repeating: nil, count: slot + 1 - rowCache[r].count) }
                rowCache[r][slot] = values
                return values
            }, extraRows: extraRows)
        }
        var decidedBy: [Int: String] = [:]
        // Rows are decided one at a time against the others' current readings; a second pass
        // revisits each row once every other row has its reading (two damaged rows in one
        // table would otherwise judge each other by default readings).
        let candidateCounts = readings.mapValues(\.count)
        let open = readings.keys.sorted().filter { (candidateCounts[$0] ?? 0) > 1 }
        // Each damaged row starts at the reading its own checks prefer (its row total: checks
        // that need no other row), so that rows judged later see good neighbours.
        for r in open {
            guard let candidates = readings[r] else { continue }
            let local = candidates.map { c in
                score(template.key, TableValues(rows: template.rows.enumerated().map { k, row in rowValues(row, reading: k == r ? c : nil) })) + Self.unreadable(c)
            }
            let fewest = local.min() ?? 0
            if local.filter({ $0 == fewest }).count == 1, let k = local.firstIndex(of: fewest) { chosen[r] = k }
        }
        let combinations = open.reduce(1) { min($0 * (candidateCounts[$1] ?? 1), Self.jointLimit + 1) }
        // Several damaged rows in one table: judge their readings together when that is cheap,
        // since each row's arithmetic involves the others.
        /// Judges `rows` together over their `options` (candidate indices), every combination.
        func decideJointly(_ rows: [Int], _ options: [Int: [Int]]) {
            var best: [[Int]] = []
            var fewest = Int.max
            var odometer = Array(repeating: 0, count: rows.count)
            outer: while true {
                for (k, r) in rows.enumerated() { chosen[r] = options[r]?[odometer[k]] ?? 0 }
                let v = score(template.key, tableValues()) + rows.reduce(0) { $0 + Self.unreadable((readings[$1] ?? [])[chosen[$1] ?? 0]) }
                if v < fewest { fewest = v; best = [] }
                if v == fewest { best.append(rows.map { chosen[$0] ?? 0 }) }
                var k = 0
                while k < rows.count {
                    odometer[k] += 1
                    if odometer[k] < (options[rows[k]]?.count ?? 1) { continue outer }
                    odometer[k] = 0
                    k += 1
                }
                break
            }
            for (k, r) in rows.enumerated() {
                let candidates = readings[r] ?? []
                var options: [Int] = []
                for combo in best where !options.contains(combo[k]) { options.append(combo[k]) }
                if options.count == 1, let only = options.first {
                    chosen[r] = only
                    decidedBy[r] = "由表内勾稽关系确定"
                    continue
                }
                let positions = options.map { k in rowEntries[r].map { positionScore(candidates[k], $0, template.rows[r]) } ?? 0 }
                let top = positions.max() ?? 0
                if positional[r] == true, positions.filter({ $0 == top }).count == 1, positions.contains(where: { $0 != top }),
                    let i = positions.firstIndex(of: top)
                {
                    chosen[r] = options[i]
                    decidedBy[r] = "由表头列位置确定"
                    continue
                }
                if positional[r] == true {
                    // Only surplus blanks differ: the plain reading drops the trailing ones.
                    chosen[r] = zip(options, positions).filter { $0.1 == top }.map(\.0).min() ?? options[0]
                    decidedBy[r] = "无法由勾稽关系或列位置区分，取默认读法"
                    continue
                }
                readings[r]?.append(Self.agreement(options.map { candidates[$0] }, columns: template.rows[r].columns.count))
                chosen[r] = candidates.count
                decidedBy[r] = "无法由勾稽关系或列位置区分，各读法不一致的单元格取 null"
            }
        }
        let joint = open.count >= 2 && combinations <= Self.jointLimit
        if joint {
            decideJointly(open, Dictionary(uniqueKeysWithValues: open.map { ($0, Array(0..<(candidateCounts[$0] ?? 1))) }))
        }
        var tiedOptions: [Int: [Int]] = [:]
        for _ in 0..<(joint ? 0 : 2) {
        for r in readings.keys.sorted() where (candidateCounts[r] ?? 0) > 1 {
            let candidates = Array((readings[r] ?? []).prefix(candidateCounts[r] ?? 0))
            readings[r] = candidates
            rowCache[r] = []
            var scores: [(violations: Int, position: Int)] = []
            for k in candidates.indices {
                chosen[r] = k
                scores.append((score(template.key, tableValues()) + Self.unreadable(candidates[k]), rowEntries[r].map { positionScore(candidates[k], $0, template.rows[r]) } ?? 0))
            }
            let fewest = scores.map(\.violations).min() ?? 0
            let tied = candidates.indices.filter { scores[$0].violations == fewest }
            if tied.count == 1, let only = tied.first {
                chosen[r] = only
                decidedBy[r] = "由表内勾稽关系确定"
                continue
            }
            // Column positions tell readings apart only where surplus blank cells are dropped;
            // where a cell was lost or repeated, every cell after it sits in the wrong column.
            let best = tied.map { scores[$0].position }.max() ?? 0
            let byPosition = tied.filter { scores[$0].position == best }
            if positional[r] == true, byPosition.count == 1, let only = byPosition.first, tied.contains(where: { scores[$0].position != best }) {
                chosen[r] = only
                decidedBy[r] = "由表头列位置确定"
                continue
            }
            if positional[r] == true, let first = byPosition.first {
                // Only surplus blanks differ: the plain reading drops the trailing ones.
                chosen[r] = first
                decidedBy[r] = "无法由勾稽关系或列位置区分，取默认读法"
                continue
            }
            // Undecided, cells lost or repeated: keep the cells every remaining reading agrees
            // on; the others are null.
            let merged = Self.agreement(tied.map { candidates[$0] }, columns: template.rows[r].columns.count)
            tiedOptions[r] = tied
            readings[r]?.append(merged)
            chosen[r] = candidates.count
            decidedBy[r] = tied.contains(where: { candidates[$0].values != merged.values })
                ? "无法由勾稽关系或列位置区分，各读法不一致的单元格取 null"
                : "各读法结果相同"
        }
        }
        // Rows still undecided after the passes may decide each other: judge them together
        // over their remaining readings.
        let unresolved = tiedOptions.keys.sorted().filter { r in (readings[r]?.count ?? 0) > (candidateCounts[r] ?? 0) }
        if !joint, unresolved.count >= 2,
            unresolved.reduce(1, { min($0 * (tiedOptions[$1]?.count ?? 1), Self.jointLimit + 1) }) <= Self.jointLimit
        {
            for r in unresolved {
                readings[r] = Array((readings[r] ?? []).prefix(candidateCounts[r] ?? 0))
                rowCache[r] = []
            }
            decideJointly(unresolved, tiedOptions)
        }

        // A row whose surplus cells were taken for blanks may instead repeat a value next to a
        // real blank: when the table's arithmetic fails, readings that drop a value are tried,
        // and one is taken only if it breaks fewer of the rules.
        var violationsNow = score(template.key, tableValues())
        if violationsNow > 0 {
            for r in readings.keys.sorted() where positional[r] == true {
                guard let slots = usedSlots[r] else { continue }
                let saved = readings[r] ?? []
                let savedChoice = chosen[r] ?? 0
                var better: [Reading] = []
                var fewest = violationsNow
                // A blank that a reading makes (where the current one has a number) silences the
                // checks through it, so it costs as much as a failed check.
                let blanksNow = saved.indices.contains(savedChoice) ? Self.blanks(saved[savedChoice]) : 0
                for alternative in candidateReadings(slots, template.rows[r], dropValues: true) {
                    readings[r] = saved + [alternative]
                    rowCache[r] = []
                    chosen[r] = saved.count
                    let v = score(template.key, tableValues()) + Self.unreadable(alternative) + max(0, Self.blanks(alternative) - blanksNow)
                    if v < fewest {
                        fewest = v
                        better = [alternative]
                    } else if v == fewest, !better.isEmpty {
                        better.append(alternative)
                    }
                }
                guard let first = better.first else {
                    readings[r] = saved
                    rowCache[r] = []
                    chosen[r] = savedChoice
                    continue
                }
                readings[r] = saved + [better.count == 1 ? first : Self.agreement(better, columns: template.rows[r].columns.count)]
                rowCache[r] = []
                chosen[r] = saved.count
                decidedBy[r] = better.count == 1
                    ? "多出的单元格不是空白而是重复的值，由表内勾稽关系确定"
                    : "多出的单元格不是空白而是重复的值，无法确定是哪一个，各读法不一致的单元格取 null"
                violationsNow = fewest
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
            if (candidateCounts[r] ?? 0) > 1 || droppedValues > 0 {
                let columns = row.columns
                func describe(_ rd: Reading) -> String {
                    "[" + rd.values.map { v in v.value.map(Self.show) ?? "null" }.joined(separator: ", ") + "]"
                }
                let others = candidates.prefix(candidateCounts[r] ?? 0).enumerated().filter { $0.offset != chosen[r] }.prefix(3).map { describe($0.element) }
                let how = (candidateCounts[r] ?? 0) > 1 || decidedBy[r] != nil ? "\(decidedBy[r] ?? "")，取 \(describe(reading))；其他读法 \(others.joined(separator: " "))" : "舍去 \(droppedValues) 个多出的值后各种读法结果相同：\(describe(reading))"
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
    /// `dropValues`: where there are surplus cells, also the readings that drop non-blank ones.
    func candidateReadings(_ slots: [Slot], _ row: RowTemplate, dropValues: Bool = false) -> [Reading] {
        let columns = row.columns
        let n = columns.count
        var fits: [[Slot?]] = []
        let s = slots.count
        if s == n {
            fits = [slots]
        } else if s > n {
            let excess = s - n
            let blanks = slots.indices.filter { slots[$0].isBlank }
            if dropValues {
                for drop in combinations(Array(slots.indices.reversed()), excess, limit: 64) where drop.contains(where: { !slots[$0].isBlank }) {
                    let set = Set(drop)
                    fits.append(slots.indices.filter { !set.contains($0) }.map { slots[$0] })
                }
            } else if excess <= blanks.count {
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

    /// Cells a reading cannot read as numbers: a reading that puts a signed change ("减4") or an
    /// amount in a count column fits worse than one that reads every cell.
    static func unreadable(_ reading: Reading) -> Int {
        reading.values.filter { if case .unreadable = $0 { return true } else { return false } }.count
    }

    static func blanks(_ reading: Reading) -> Int {
        reading.values.filter { $0 == .blank }.count
    }

    /// Most combinations of several damaged rows' readings judged together.
    static let jointLimit = 512

    /// The cells all readings agree on; a cell on which they differ is blank (null).
    static func agreement(_ readings: [Reading], columns: Int) -> Reading {
        guard let first = readings.first else {
            return Reading(slots: Array(repeating: nil, count: columns), values: Array(repeating: .blank, count: columns))
        }
        var slots = first.slots
        var values = first.values
        for reading in readings.dropFirst() {
            // The same number agrees whatever note came with it ("—" read as 0, and 0).
            for i in values.indices where i < reading.values.count && !(reading.values[i].value == values[i].value && (values[i].value != nil || reading.values[i] == values[i])) {
                values[i] = .blank
                slots[i] = nil
            }
        }
        return Reading(slots: slots, values: values)
    }

    /// True when the row's candidate readings differ only in which surplus blank cells they
    /// drop: then the cells keep their columns and the header's positions can choose.
    static func positionsMeaningful(_ slots: [Slot], _ row: RowTemplate) -> Bool {
        let n = row.columns.count
        return slots.count > n && slots.count - n <= slots.filter(\.isBlank).count
    }

    /// Agreement of a reading's cells with the columns the header gives each field.
    func positionScore(_ reading: Reading, _ entry: Entry, _ row: RowTemplate) -> Int {
        guard let map = fieldColumns(entry, row) else { return 0 }
        return zip(reading.slots, map).filter { $0.0?.column == $0.1 }.count
    }

    /// The grid column of each of the row's fields, from the header cells above it (left to
    /// right, in the template's order); nil when the headers do not give them all.
    func fieldColumns(_ entry: Entry, _ row: RowTemplate) -> [Int]? {
        var map: [Int] = []
        let sorted = entry.headers.sorted { $0.column < $1.column }
        var from = 0
        var lastColumn = -1
        for field in row.columns {
            let key = LabelKey.make(field.header).key
            guard let k = sorted[from...].firstIndex(where: { $0.column > lastColumn && $0.key == key }) else { return nil }
            map.append(sorted[k].column)
            lastColumn = sorted[k].column
            from = k + 1
        }
        return map
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
