import DocModel

/// Values that went to the line(s) after their row's label, joined back to the row.
///
/// A row of values alone after a labelled row that lacks values is that row's rest: its values
/// moved to the next line, or the row was cut at a page break (page numbers, running headers
/// and repeated headers between the parts hold no value and are passed over). A row that had
/// no value at all takes the line (the labels were printed a line above their values). A row
/// that had some of its values takes it only when the row's own arithmetic (its total), read
/// its best way, breaks no more checks with the values joined than without: a stray number (a
/// page's number, a note) is not taken for a cell; a lone number joins only when the row's
/// arithmetic confirms it (holds with it, breaks with another number in its place) or, where
/// no check sees the cell, when it is exactly the one cell the row lacks. Every join of a row
/// that had values is reported (`source.restructured`).
extension Aligner {
    func mergeValueLines(_ entries: [Entry]) -> [Entry] {
        var merged: [Entry] = []
        for entry in entries {
            guard case .values = entry.kind else {
                merged.append(entry)
                continue
            }
            var k = merged.count - 1
            while k >= 0, merged[k].slots.allSatisfy(\.isBlank), merged[k].kind.isHeaderOrUnknown { k -= 1 }
            // (Not after a run-together row: its one value cell holds all its values.)
            if k >= 0, case .data(let r) = merged[k].kind, let t = merged[k].table, merged[(k + 1)...].allSatisfy({ $0.table == nil || $0.table == t }),
                !merged[k].slots.contains(where: \.runTogether), merged[k].groupsPrinted.isEmpty,
                joinFits(t, r, merged[k], entry)
            {
                if merged[k].slots.contains(where: { !$0.isBlank }) { merged[k].joinedValues += entry.slots.filter { !$0.isBlank }.count }
                merged[k].slots += entry.slots
                continue
            }
            merged.append(entry)
        }
        return merged
    }

    /// True when the values of `line` may join row `r` of table `t` as `entry`'s rest.
    func joinFits(_ t: Int, _ r: Int, _ entry: Entry, _ line: Entry) -> Bool {
        let columns = templates[t].rows[r].columns.count
        // Counting cells with something in them: blanks may be a merged label's padding.
        let had = entry.slots.filter { !$0.isBlank }.count
        let added = line.slots.filter { !$0.isBlank }.count
        guard had < columns, had + added <= columns + Self.placementSlack else { return false }
        guard had > 0 else { return true }
        // Blanks dropped: a blank breaks no check, and may stand anywhere in a cut row.
        let own = entry.slots.filter { !$0.isBlank }, rest = line.slots.filter { !$0.isBlank }
        guard let joined = fewestBroken(t, r, own + rest, reading: min(had + added, columns)), let alone = fewestBroken(t, r, own, reading: had) else { return false }
        guard joined <= alone else { return false }
        // A lone number (a page's number, a note's) needs evidence that it is the row's: where
        // the row's own arithmetic sees the cell, the arithmetic holds with it and breaks with
        // another number there; where it cannot (表二's counts), the number is exactly the one
        // cell the row lacks. Else it stays apart (`table.extraRow`).
        guard rest.count == 1, let other = Self.otherNumber(rest[0]) else { return true }
        guard let changed = fewestBroken(t, r, own + [other], reading: min(had + added, columns)) else { return false }
        if changed != joined { return joined == 0 && changed > 0 }
        return had + added == columns
    }

    /// The slot with its number changed by one (nil: not a whole number).
    static func otherNumber(_ slot: Slot) -> Slot? {
        guard case .value(.integer(let v), _, _)? = Optional(ValueParser.read(slot.text, as: .count)) else { return nil }
        var other = slot
        other.text = String(v + 1)
        return other
    }

    /// The fewest checks of table `t` broken by row `r` read from `slots`, of its readings that
    /// read at least `cells` of them (nil: none does); the row alone, so only its own checks
    /// count (a row total), not the ones other rows take part in.
    func fewestBroken(_ t: Int, _ r: Int, _ slots: [Slot], reading cells: Int) -> Int? {
        let template = templates[t]
        let scorer = score(template.key)
        var best: Int?
        for reading in Self.readings(RowInput(slots: slots, row: template.rows[r]), tier: 0) {
            let read = reading.slots.reduce(0) { n, slot in slot.map { $0.isBlank ? n : n + 1 } ?? n }
            guard read >= cells else { continue }
            let rows = template.rows.indices.flatMap { Self.rowValues(template.rows[$0], reading: $0 == r ? reading : nil) }
            best = min(best ?? .max, scorer(TableValues(rows: rows)) + reading.unreadable)
        }
        return best
    }
}
