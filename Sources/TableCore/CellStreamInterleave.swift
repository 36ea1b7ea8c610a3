/// The exact search over a small table's interleavings, for when there are too many to list
/// (`streamInterleavings` gives up: 表四's groups heavy with zeros pass their checks in
/// thousands of ways).
///
/// The stream's values are given to the units left to right, each value to a unit whose next
/// column it fills (the first value to the first unit); a unit is judged by the arithmetic when
/// it is full. Whether the rest of the stream can still be given out depends only on the
/// position and on the values each unit holds so far, not on where they came from, so that
/// feasibility is memoised on those (values compared by their text, as `UnitChecker` judges
/// them): zeros make many interleavings one state. Every state reachable is searched, with no
/// cut-off but `interleaveStates`, so the search knows every value each cell takes in some
/// interleaving whose rows all pass.
///
/// It returns witnesses, not every interleaving: for each cell and each value it can take, one
/// whole interleaving where it takes it (the first found). A cell on which every interleaving
/// agrees has one value in all witnesses; a cell the arithmetic leaves open has two witnesses
/// that differ on it. `streamDecision` then decides exactly what the text and the arithmetic do.
extension Aligner {
    /// Most states (position and the values each unit holds) searched before giving up (the
    /// table's cells are then null, as when the interleavings were too many to list).
    static let interleaveStates = 100_000

    struct InterleaveSearch {
        let widths: [Int]
        /// Per value, its text's number (equal texts: one number).
        let ids: [Int]
        var feasible: [[Int]: Bool] = [:]
        /// Per unit, the positions it holds on the path being searched.
        var held: [[Int]]
        /// Cells seen to take a value (unit, column, text number), and a witness of each.
        var seen = Set<[Int]>()
        var witnesses: [[[Int]]] = []
        var overflow = false

        init(widths: [Int], texts: [String]) {
            self.widths = widths
            var numbers: [String: Int] = [:]
            ids = texts.map { text in
                if let n = numbers[text] { return n }
                numbers[text] = numbers.count
                return numbers.count - 1
            }
            held = widths.map { _ in [] }
        }

        /// The state after the first `p` values: the position, then per unit its values' numbers.
        func key(_ p: Int) -> [Int] {
            var k = [p]
            for positions in held {
                k.append(positions.count)
                k += positions.map { ids[$0] }
            }
            return k
        }

        /// The units value `p` may go to.
        func moves(_ p: Int) -> [Int] {
            widths.indices.filter { held[$0].count < widths[$0] && (p > 0 || $0 == 0) }
        }
    }

    /// Witness interleavings (see above): empty when none has every row passing, nil when the
    /// states are too many or the units do not take the values exactly.
    func streamExactInterleavings(_ units: [StreamUnit], _ texts: [String], _ checker: inout UnitChecker) -> [[[Int]]]? {
        let widths = units.map(\.fields.count)
        guard widths.reduce(0, +) == texts.count, !texts.isEmpty else { return nil }
        var search = InterleaveSearch(widths: widths, texts: texts)
        _ = interleaveFeasible(0, units, &search, &checker)
        return search.overflow ? nil : search.witnesses
    }

    /// Whether values `p...` can be given out from the current state; records the cells' values
    /// (and their witnesses) on the way.
    func interleaveFeasible(_ p: Int, _ units: [StreamUnit], _ s: inout InterleaveSearch, _ checker: inout UnitChecker) -> Bool {
        if p == s.ids.count { return true }
        let key = s.key(p)
        if let known = s.feasible[key] { return known }
        if s.feasible.count >= Self.interleaveStates { s.overflow = true }
        if s.overflow { return false }
        var any = false
        for u in s.moves(p) {
            s.held[u].append(p)
            defer { s.held[u].removeLast() }
            if s.held[u].count == s.widths[u], checker.violations(units[u], s.held[u]) > 0 { continue }
            guard interleaveFeasible(p + 1, units, &s, &checker), !s.overflow else { continue }
            any = true
            let cell = [u, s.held[u].count - 1, s.ids[p]]
            if s.seen.insert(cell).inserted { s.witnesses.append(interleaveCompletion(p + 1, units, s, &checker)) }
        }
        s.feasible[key] = any
        return any
    }

    /// The path searched, completed from value `p` by the first feasible moves (every state
    /// reached from a feasible one is in the memo: its moves were all searched).
    func interleaveCompletion(_ p: Int, _ units: [StreamUnit], _ search: InterleaveSearch, _ checker: inout UnitChecker) -> [[Int]] {
        var s = search
        for q in p..<s.ids.count {
            for u in s.moves(q) {
                s.held[u].append(q)
                let passes = s.held[u].count < s.widths[u] || checker.violations(units[u], s.held[u]) == 0
                if passes, q + 1 == s.ids.count || s.feasible[s.key(q + 1)] == true { break }
                s.held[u].removeLast()
            }
        }
        return s.held
    }
}
