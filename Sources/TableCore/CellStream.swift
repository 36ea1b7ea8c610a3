import DocModel
import Normalization

/// Tables written one cell a line (`InputCell.cellStream`: `pdftotext` without `-layout`): a
/// stream of labels and values in which nothing says which value is in which row. Labels broken
/// over lines are joined where the joined text names a template entry better; each label is
/// matched to the template (table, group, row); the values take the table of the labels around
/// them. Per table, the rows whose labels the text gives (and a group label standing alone for
/// rows the text does not print) are its *units* in template order (表四: its column groups), and
/// the values, in the order written, fill them: row by row, or a block of rows column by column,
/// or rows interleaved, as the tables' arithmetic decides (CellStreamLayout.swift). The result is
/// ordinary entries for `readTable`, one per template row.
extension Aligner {
    /// Most lines one label is joined from ("1、申请人无正当理由逾期不补" / "正、行政机关…" / …).
    static let streamJoin = 4

    struct StreamLabel {
        var text: String
        var key: LabelKey
        var target: Vocabulary.Target?
        var quality: MatchQuality
        /// The stream positions of its first and last line.
        var first: Int
        var last: Int
    }

    /// A value of the stream: its cell and its position in the stream.
    struct StreamValue {
        var cell: InputCell
        var position: Int
        /// Labels written before it (values separated by a label are in different runs).
        var run: Int
    }

    /// One table's part of the stream.
    struct StreamTable {
        var labels: [StreamLabel] = []
        var values: [StreamValue] = []
    }

    /// The labels and values of a stream, by table (monotonic: a table's labels end the previous one's part).
    func streamTables(_ cells: [InputCell], startTable: Int?) -> [Int: StreamTable] {
        var out: [Int: StreamTable] = [:]
        var table = startTable
        var group: String?
        var labelsSeen = 0
        var i = 0
        while i < cells.count {
            let cell = cells[i]
            if cell.isBlank { i += 1; continue }
            if cell.isValue {
                if let t = table { out[t, default: StreamTable()].values.append(StreamValue(cell: cell, position: i, run: labelsSeen)) }
                i += 1
                continue
            }
            let label = streamLabel(cells, at: i, table: table, group: group)
            i = label.last + 1
            labelsSeen += 1
            guard let target = label.target, table.map({ target.table >= $0 }) ?? true else { continue }
            table = target.table
            switch target {
            case .group(_, let g): group = g
            case .row(let t, let r): group = templates[t].rows[r].group
            default: break
            }
            out[target.table, default: StreamTable()].labels.append(label)
        }
        return out
    }

    /// The label starting at `start`: the join of up to `streamJoin` label lines that matches the
    /// vocabulary best (the line alone when none is better).
    func streamLabel(_ cells: [InputCell], at start: Int, table: Int?, group: String?) -> StreamLabel {
        var best = StreamLabel(text: cells[start].text, key: cells[start].key, target: nil, quality: .exact, first: start, last: start)
        var bestScore = -Double.infinity
        var text = ""
        var k = start
        // A label whose values follow it is likelier a row's than a header's ("其他", "总计" without numbering).
        var next = start
        while next < cells.count, !cells[next].isValue { next += 1 }
        let hasValues = next < cells.count && next <= start + Self.streamJoin
        // A numbered line starts a label of its own ("机构" / "一、本年新收…": a header's end, then a row).
        while k < cells.count, k < start + Self.streamJoin, !cells[k].isValue, !cells[k].isBlank, k == start || cells[k].key.numbering.isEmpty {
            text += cells[k].text
            let key = LabelKey.make(text)
            if let m = vocabulary.match(key, preferTable: table, preferGroup: group, hasValues: hasValues && k + 1 == next), m.score > bestScore + 1e-9 {
                best = StreamLabel(text: text, key: key, target: m.target, quality: m.quality, first: start, last: k)
                bestScore = m.score
            }
            k += 1
        }
        return best
    }

    /// A row of the template (or one of its column groups) that the stream's values fill.
    struct StreamUnit {
        var row: Int
        var columnGroup: Int?
        var fields: [FieldTemplate]
        var label: StreamLabel?
        /// A group label standing alone for rows the text does not print ("（六）其他处理" in a
        /// report that prints it as one row): its values are read, and kept outside the template.
        var standsForGroup = false
    }

    /// The units of table `t` the labels give, in template order.
    func streamUnits(_ t: Int, _ part: StreamTable) -> [StreamUnit] {
        let template = templates[t]
        var rowLabels: [Int: StreamLabel] = [:]
        var groupLabels: [String: StreamLabel] = [:]
        for label in part.labels {
            switch label.target {
            case .row(_, let r)?: if rowLabels[r] == nil { rowLabels[r] = label }
            case .group(_, let g)?: if groupLabels[g] == nil { groupLabels[g] = label }
            default: break
            }
        }
        var units: [StreamUnit] = []
        var groupsDone = Set<String>()
        for (r, row) in template.rows.enumerated() {
            if let g = row.group, let label = groupLabels[g], !groupsDone.contains(g) {
                groupsDone.insert(g)
                if !template.rows.indices.contains(where: { template.rows[$0].group == g && rowLabels[$0] != nil }) {
                    units.append(StreamUnit(row: r, columnGroup: nil, fields: row.columns, label: label, standsForGroup: true))
                }
            }
            if row.labels.isEmpty, !part.values.isEmpty {
                if row.columnGroups.isEmpty {
                    units.append(StreamUnit(row: r, columnGroup: nil, fields: row.columns, label: nil))
                } else {
                    for (k, g) in row.columnGroups.enumerated() {
                        units.append(StreamUnit(row: r, columnGroup: k, fields: g.fields.filter { $0.kind != .unitOfPrevious }, label: nil))
                    }
                }
            } else if let label = rowLabels[r] {
                units.append(StreamUnit(row: r, columnGroup: nil, fields: row.columns, label: label))
            }
        }
        return units
    }

    // MARK: - Entries

    /// The entries of a stream of one-cell lines, and the findings of its pairing.
    func streamEntries(_ cells: [InputCell], startTable: Int?) -> ([Entry], [Finding]) {
        var entries: [Entry] = []
        var findings: [Finding] = []
        var parts = streamTables(Self.numberingJoined(cells), startTable: startTable)
        for t in parts.keys.sorted() { streamSurplus(t, &parts) }
        for t in parts.keys.sorted() {
            guard var part = parts[t], !part.values.isEmpty else { continue }
            let template = templates[t]
            var units = streamUnits(t, part)
            let surplus = part.values.count - units.reduce(0) { $0 + $1.fields.count }
            if surplus > 0, let promoted = streamPromoted(t, part, surplus: surplus) {
                part = promoted
                units = streamUnits(t, part)
            }
            let width = units.reduce(0) { $0 + $1.fields.count }
            guard width == part.values.count else {
                findings.append(.streamUnpaired(title: template.title, values: part.values.count, cells: width, path: template.key))
                continue
            }
            let layout = streamLayout(t, units, part)
            findings += layout.findings
            let (rows, paired) = streamRowEntries(t, units, part, layout)
            entries += rows
            findings += paired
        }
        return (entries, findings)
    }

    /// A label's numbering broken onto a line of its own ("7" / ".属于行政执法案卷") is the label's,
    /// not a value.
    static func numberingJoined(_ cells: [InputCell]) -> [InputCell] {
        var out: [InputCell] = []
        out.reserveCapacity(cells.count)
        var k = 0
        while k < cells.count {
            let cell = cells[k]
            if cell.isValue, k + 1 < cells.count, cell.text.count <= 2, cell.text.allSatisfy(\.isASCII), let first = cells[k + 1].text.first,
                !cells[k + 1].isValue, !cells[k + 1].isBlank, first == "." || first == "、" || first == "．"
            {
                out.append(InputCell(cell.text + cells[k + 1].text, column: cell.column, source: cells[k + 1].source, cellStream: true))
                k += 2
                continue
            }
            out.append(cell)
            k += 1
        }
        return out
    }

    /// A later table printed without any label (表四 without its headers): the values at the end of
    /// the table before it that are one too many for its rows, exactly that table's cells, are its.
    func streamSurplus(_ t: Int, _ parts: inout [Int: StreamTable]) {
        guard let part = parts[t], t + 1 < templates.count, parts[t + 1] == nil else { return }
        let next = templates[t + 1]
        guard let row = next.rows.first, next.rows.count == 1, row.labels.isEmpty else { return }
        let surplus = part.values.count - streamUnits(t, part).reduce(0) { $0 + $1.fields.count }
        guard surplus == row.columns.count, let last = part.labels.last?.last, part.values[part.values.count - surplus].position > last else { return }
        var later = StreamTable()
        later.values = Array(part.values.suffix(surplus))
        parts[t]?.values.removeLast(surplus)
        parts[t + 1] = later
    }

    /// Labels read as headers that also name a row the text otherwise lacks ("总计" without its
    /// numbering for （七）总计), taken as that row when the table has exactly that row's values
    /// too many.
    func streamPromoted(_ t: Int, _ part: StreamTable, surplus: Int) -> StreamTable? {
        var present = Set(part.labels.compactMap { label -> Int? in
            if case .row(_, let r)? = label.target { return r }
            return nil
        })
        var out = part
        var left = surplus
        for (k, label) in part.labels.enumerated() where left > 0 {
            guard let m = vocabulary.match(label.key, preferTable: t, preferGroup: nil, hasValues: true), case .row(let mt, let r) = m.target,
                mt == t, !present.contains(r), templates[t].rows[r].columns.count <= left
            else { continue }
            out.labels[k].target = m.target
            present.insert(r)
            left -= templates[t].rows[r].columns.count
        }
        return left == 0 ? out : nil
    }

    /// One entry per template row: its units' cells (undecided cells blank); a finding for each
    /// row whose values were not written after its label.
    func streamRowEntries(_ t: Int, _ units: [StreamUnit], _ part: StreamTable, _ layout: StreamLayout) -> ([Entry], [Finding]) {
        let template = templates[t]
        var entries: [Entry] = []
        var findings: [Finding] = []
        var u = 0
        while u < units.count {
            var v = u + 1
            while v < units.count, units[v].row == units[u].row, units[v].columnGroup != nil, !units[u].standsForGroup { v += 1 }
            var slots: [Slot] = []
            for k in u..<v {
                for c in units[k].fields.indices {
                    if let index = layout.cells[k][c] {
                        let cell = part.values[index].cell
                        slots.append(Slot(text: cell.text, column: slots.count + 1, isBlank: cell.isBlank, source: cell.source))
                    } else {
                        slots.append(Slot(text: "", column: slots.count + 1, isBlank: true, source: nil))
                    }
                }
            }
            let unit = units[u]
            let label = unit.label
            let kind: EntryKind = unit.standsForGroup ? .unknown : .data(row: unit.row)
            entries.append(Entry(
                kind: kind, table: t, label: label?.text ?? "", labelKey: label?.key, quality: label?.quality ?? .exact, slots: slots, headers: []))
            if let label, !unit.standsForGroup, !layout.adjacent[u] {
                let row = template.rows[unit.row]
                findings.append(.streamPaired(title: template.title, label: label.text, row: row.name, path: "\(template.key).\(row.path)"))
            }
            u = v
        }
        return (entries, findings)
    }
}
