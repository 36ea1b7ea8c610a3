/// Rows without a label, placed by their position.
///
/// A run of consecutive unlabelled rows (spacers inside it skipped) goes, in this order:
/// 1. into its table's template rows not yet found between the recognised rows around it
///    (`table.rowInferred`), when there are exactly as many such gaps as rows in the run, or
///    the run ends its table and the first gaps are rows without a label by design; pieces of
///    one row broken across a page are joined first when they fill exactly the one gap;
/// 2. else into the unlabelled row of a later table (表四 without its headers), when its
///    cells fit that row's columns (`fitsByCount`), pieces of one row joined first.
extension Aligner {
    /// Cells a row placed by its count of cells alone may have lost or gained (a repeated
    /// value, a stray blank): the readings absorb that many.
    static let placementSlack = 2
    /// Fewer columns than this and the count of cells must match exactly: a short row of
    /// numbers is not distinctive enough to be placed by its length with slack.
    static let distinctiveColumns = 5

    /// True when a row of `cells` cells can be `row` by its count of cells.
    static func fitsByCount(_ cells: Int, _ row: RowTemplate) -> Bool {
        let columns = row.columns.count
        return abs(columns - cells) <= (columns >= distinctiveColumns ? placementSlack : 0)
    }

    /// True when the slots can be `row`'s cells by their count: as many cells as columns (with
    /// `fitsByCount`'s slack), or value runs (cells run together) with at least a digit per column.
    static func fitsByCount(_ slots: [Slot], _ row: RowTemplate) -> Bool {
        guard slots.contains(where: \.runTogether) else { return fitsByCount(slots.count, row) }
        let most = slots.reduce(0) { n, s in n + (s.runTogether ? s.text.unicodeScalars.filter(RunTogether.isDigit).count : 1) }
        return row.columns.count >= distinctiveColumns && slots.count <= row.columns.count && row.columns.count <= most
    }

    func placeUnlabelled(_ entries: inout [Entry]) {
        // Template rows already matched by label, per table.
        var filled = templates.map { _ in Set<Int>() }
        for e in entries { if case .data(let r) = e.kind, let t = e.table { filled[t].insert(r) } }
        var i = 0
        while i < entries.count {
            // A row with neither label nor value is a spacer: it reads as nothing wherever it
            // goes, so it is not placed (a template row it might stand for stays null anyway).
            guard entries[i].kind.isValuesOrUnknown, entries[i].slots.contains(where: { !$0.isBlank }) else {
                i += 1
                continue
            }
            // Rows with label fragments among them: placed together, or not at all (a row with
            // a fragment alone is not placed by it: a label cut short says too little alone).
            var j = i
            while j < entries.count, entries[j].kind.isValuesOrUnknown, Self.isValues(entries[j]) || entries[j].slots.contains(where: { !$0.isBlank }) { j += 1 }
            let mixed = (i..<j).filter { entries[$0].slots.contains { !$0.isBlank } }
            if mixed.count > 1, mixed.contains(where: { !Self.isValues(entries[$0]) }), placeFragments(mixed, end: j, &entries, &filled) {
                i = j
                continue
            }
            // Else each run of unlabelled rows alone.
            var k = i
            while k < j {
                guard Self.isValues(entries[k]), entries[k].slots.contains(where: { !$0.isBlank }) else {
                    k += 1
                    continue
                }
                var m = k
                while m < entries.count, Self.isValues(entries[m]) { m += 1 }
                var run = (k..<m).filter { entries[$0].slots.contains { !$0.isBlank } }
                if !placeInGaps(&run, end: m, &entries, &filled) {
                    placeInLaterTable(&run, &entries, &filled)
                }
                k = m
            }
            i = max(j, k)
        }
    }

    static func isValues(_ entry: Entry) -> Bool {
        if case .values = entry.kind { return true }
        return false
    }

    /// Rule 1: the template rows of the run's table missing between its recognised neighbours
    /// (`end`: the index after the run and the spacers that close it).
    func placeInGaps(_ run: inout [Int], end: Int, _ entries: inout [Entry], _ filled: inout [Set<Int>]) -> Bool {
        guard let first = run.first, let t = entries[first].table else { return false }
        let (recognised, after) = neighbours(t, from: first, end: end, entries)
        let before = recognised ?? -1
        let rows = templates[t].rows
        let gaps = (before + 1..<max(after ?? rows.count, before + 1)).filter { !filled[t].contains($0) }
        // Pieces of one row broken across a page: one gap, filled exactly by the pieces' cells.
        if gaps.count == 1, run.count > 1, cellCount(run, entries) == rows[gaps[0]].columns.count {
            join(&run, &entries)
        }
        let atEnd = after == nil && gaps.count > run.count && gaps.prefix(run.count).allSatisfy { rows[$0].labels.isEmpty }
        guard gaps.count == run.count || atEnd else { return false }
        for (k, r) in zip(run, gaps) {
            entries[k].kind = .data(row: r)
            entries[k].table = t
            entries[k].inferred = !rows[r].labels.isEmpty
            filled[t].insert(r)
        }
        return true
    }

    /// Rule 2: the unlabelled row of a table after the run's own.
    func placeInLaterTable(_ run: inout [Int], _ entries: inout [Entry], _ filled: inout [Set<Int>]) {
        guard let first = run.first else { return }
        let own = entries[first].table ?? -1
        let later = templates.indices.filter { $0 > own }
        if run.count > 1 {
            let cells = cellCount(run, entries)
            if later.contains(where: { t in templates[t].rows.contains { $0.labels.isEmpty && $0.columns.count == cells } }) {
                join(&run, &entries)
            }
        }
        guard run.count == 1 else { return }
        for t in later {
            guard let r = templates[t].rows.firstIndex(where: { $0.labels.isEmpty && Self.fitsByCount(entries[first].slots, $0) }),
                !filled[t].contains(r)
            else { continue }
            entries[first].kind = .data(row: r)
            entries[first].table = t
            entries[first].inferred = true
            filled[t].insert(r)
            return
        }
    }

    /// The recognised rows of table `t` before the run that starts at `first` and after it
    /// (`end`: the index after the run and the spacers that close it); nil where there is none
    /// before another table starts.
    func neighbours(_ t: Int, from first: Int, end: Int, _ entries: [Entry]) -> (before: Int?, after: Int?) {
        var before: Int?
        var after: Int?
        for k in stride(from: first - 1, through: 0, by: -1) {
            if case .data(let r) = entries[k].kind, entries[k].table == t { before = r; break }
            if entries[k].table != t, entries[k].table != nil { break }
        }
        for k in end..<entries.count {
            if case .data(let r) = entries[k].kind, entries[k].table == t { after = r; break }
            if case .header = entries[k].kind, entries[k].table != t { break }
            if entries[k].table != nil, entries[k].table != t { break }
        }
        return (before, after)
    }

    func cellCount(_ run: [Int], _ entries: [Entry]) -> Int {
        run.reduce(0) { n, k in n + entries[k].slots.reduce(0) { $1.isBlank ? $0 : $0 + 1 } }
    }

    /// Joins the cells of the run's rows into its first row (blanks dropped).
    func join(_ run: inout [Int], _ entries: inout [Entry]) {
        for k in run.dropFirst() {
            entries[run[0]].slots += entries[k].slots.filter { !$0.isBlank }
            entries[k].slots = []
        }
        entries[run[0]].slots.removeAll(where: \.isBlank)
        run = [run[0]]
    }
}

extension Aligner.EntryKind {
    var isHeaderOrUnknown: Bool {
        switch self {
        case .header, .unknown: return true
        default: return false
        }
    }
}
