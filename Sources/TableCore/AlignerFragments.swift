import DocModel
import Normalization

/// A run of rows between two recognised rows, some without a label and some with only pieces
/// of one (a PDF tool cut the label cells from their row: "行政机关不再处理其政府信息公",
/// "缴纳费用、 | 行政机关不再处理其政"), placed by their order into the template rows missing
/// between those two rows.
///
/// The label pieces alone cannot name a row (the same words end several labels), but the
/// order can: when the run has exactly as many rows as template rows are missing in the gap,
/// the k-th row is the k-th missing row, provided every label piece of every row is part of
/// that row's label (or of its group's), and the table's arithmetic, each row read plainly,
/// breaks no more checks with the run placed than without it. Placed rows are
/// `table.rowInferred`, and their values still go through the readings and the arithmetic.
extension Aligner {
    /// Fewest scalars a label piece needs to be checked against a row's label: shorter pieces
    /// ("、") say nothing.
    static let minimumFragment = 2

    func placeFragments(_ run: [Int], end: Int, _ entries: inout [Entry], _ filled: inout [Set<Int>]) -> Bool {
        guard let first = run.first, let t = entries[first].table, run.allSatisfy({ entries[$0].table == t }) else { return false }
        guard let gaps = gaps(t, from: first, end: end, entries, filled), gaps.count == run.count else { return false }
        let template = templates[t]
        for (k, r) in zip(run, gaps) {
            let row = template.rows[r]
            guard !row.labels.isEmpty else { return false }
            let whole = (row.labels + template.groups.filter { $0.id == row.group }.flatMap(\.labels)).map { LabelKey.make($0).core }
            for piece in entries[k].labelCells where piece.core.unicodeScalars.count >= Self.minimumFragment {
                guard whole.contains(where: { $0.containsBytes(piece.core) }) else { return false }
            }
        }
        guard arithmeticAllows(t, Array(zip(run, gaps)), entries) else { return false }
        for (k, r) in zip(run, gaps) {
            entries[k].kind = .data(row: r)
            entries[k].inferred = true
            filled[t].insert(r)
        }
        return true
    }

    /// The template rows of table `t` not yet found between the recognised rows around the run
    /// that starts at `first` (`end`: the index after it); nil when no recognised row of the
    /// table comes before it.
    func gaps(_ t: Int, from first: Int, end: Int, _ entries: [Entry], _ filled: [Set<Int>]) -> [Int]? {
        let (before, after) = neighbours(t, from: first, end: end, entries)
        guard let before else { return nil }
        let upTo = after ?? templates[t].rows.count
        guard upTo > before else { return nil }
        return (before + 1..<upTo).filter { !filled[t].contains($0) }
    }

    /// True when the table's checks break no more with the rows of `placed` (entry, template
    /// row) than without them: the rows already there read plainly, each placed row read the
    /// way (of its readings) that breaks fewest, given the rows before it.
    func arithmeticAllows(_ t: Int, _ placed: [(Int, Int)], _ entries: [Entry]) -> Bool {
        let template = templates[t]
        let scorer = score(template.key)
        func readings(_ e: Entry, _ r: Int) -> [Reading] {
            let input = RowInput(slots: e.slots, row: template.rows[r])
            return input.isRunTogether ? [] : Self.readings(input, tier: 0)
        }
        var chosen = [Reading?](repeating: nil, count: template.rows.count)
        for e in entries where e.table == t {
            if case .data(let r) = e.kind, chosen[r] == nil { chosen[r] = readings(e, r).first }
        }
        let table = { (list: [Reading?]) in
            TableValues(rows: zip(template.rows, list).flatMap { Self.rowValues($0, reading: $1) })
        }
        let without = scorer(table(chosen))
        for (k, r) in placed {
            var best: (Int, Reading)?
            for reading in readings(entries[k], r) {
                chosen[r] = reading
                let broken = scorer(table(chosen)) + reading.unreadable
                if best == nil || broken < best!.0 { best = (broken, reading) }
            }
            chosen[r] = best?.1
        }
        return scorer(table(chosen)) <= without
    }
}
