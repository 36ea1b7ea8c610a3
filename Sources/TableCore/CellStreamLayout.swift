import DocModel

/// The order in which a one-cell-a-line stream gives a table's values (CellStream.swift).
///
/// The plain reading takes them row by row in template order. A text extractor that follows a
/// PDF's text blocks may instead write a block of rows column by column (the 自然人 column of
/// nine rows, then their 商业企业 column, …), or interleave the column groups of 表四. Those
/// readings are proposed, and the tables' arithmetic judges them (the `score` closure on one row
/// at a time: a row's parts and its total):
/// - tables whose rows have checks: a dynamic programme over the units in order, each step a row
///   read plainly or a block of `k` rows of one width read column by column inside one run of
///   values (a block only when every row of it passes its check). Cheapest: fewest violations,
///   then fewest rows read out of plain order. Every cheapest parse counts: a cell they disagree
///   on is null (`streamUndecided`), never chosen.
/// - small tables (表四: three groups of five) whose rows in order break a check: every
///   interleaving of its units (each unit's values in order, the first value the first unit's)
///   whose rows all pass competes, a block column by column being one of them; a cell they
///   disagree on is null (表四's second and third groups add up either way round when their
///   values are interleaved: the text does not say which is which). None passing: the plain
///   reading stays (the validator reports the document's own sums). Too many to list
///   (`interleaveSteps`, `interleaveSolutions`: groups heavy with zeros): the exact search of
///   CellStreamInterleave.swift decides the same cells; too many states even for it
///   (`interleaveStates`): the table's cells are null.
/// - tables without checks (表二): the plain reading; a row of several cells not written whole
///   between its label and the next label cannot be checked and is null (`streamUnchecked`).
extension Aligner {
    struct StreamLayout {
        /// Per unit, per column: the index of its value in the table's values (nil: undecided).
        var cells: [[Int?]]
        /// Per unit: its first value directly follows its label in the text.
        var adjacent: [Bool]
        var findings: [Finding] = []
    }

    /// Tables of at most this many units and values have every interleaving searched.
    static let interleaveUnits = 4
    static let interleaveValues = 24
    /// Interleavings tried before giving up (the plain reading stays).
    static let interleaveSteps = 200_000
    /// Interleavings kept that all add up before giving up (too many to decide anything).
    static let interleaveSolutions = 512

    struct StreamCost: Comparable {
        var violations = 0
        var reordered = 0
        static func < (a: StreamCost, b: StreamCost) -> Bool { (a.violations, a.reordered) < (b.violations, b.reordered) }
        static func + (a: StreamCost, b: StreamCost) -> StreamCost { StreamCost(violations: a.violations + b.violations, reordered: a.reordered + b.reordered) }
    }

    /// One step of the programme: units `from..<to` read as `cells`.
    struct StreamStep {
        var to: Int
        var cost: StreamCost
        var cells: [[Int]]
    }

    /// Judges one unit's values by the table's arithmetic (memoised: the same values recur).
    struct UnitChecker {
        /// The table's scorer (`Aligner.score` of its key).
        let score: (TableValues) -> Int
        let texts: [String]
        var memo: [String: Int] = [:]

        mutating func violations(_ unit: StreamUnit, _ indexes: [Int]) -> Int {
            let values = indexes.map { texts[$0] }
            let key = unit.fields.map(\.name).joined(separator: ",") + "|" + values.joined(separator: ",")
            if let n = memo[key] { return n }
            let n = check(unit, values)
            memo[key] = n
            return n
        }

        func check(_ unit: StreamUnit, _ values: [String]) -> Int {
            // A neutral path: the row checks apply to every row, the column checks to none.
            let fields = zip(unit.fields, values).map { FieldValue(name: $0.name, value: ValueParser.read($1, as: $0.kind).value) }
            return score(TableValues(rows: [RowValues(path: "", fields: fields)], extraRows: []))
        }

        /// The unit's row has checks: a row of ones breaks them.
        func hasChecks(_ unit: StreamUnit) -> Bool { check(unit, unit.fields.map { _ in "1" }) > 0 }
    }

    func streamLayout(_ t: Int, _ units: [StreamUnit], _ part: StreamTable) -> StreamLayout {
        let template = templates[t]
        var offsets: [Int] = []
        var o = 0
        for u in units {
            offsets.append(o)
            o += u.fields.count
        }
        let plain = units.indices.map { Array(offsets[$0]..<(offsets[$0] + units[$0].fields.count)) }
        var checker = UnitChecker(score: score(template.key), texts: part.values.map(\.cell.text))
        let adjacent = { (u: Int, cells: [Int?]) -> Bool in
            // Its label right before its first value, or right after its last.
            guard let label = units[u].label, let first = cells.first, let first, let last = cells.last, let last else { return false }
            return part.values[first].position == label.last + 1 || part.values[last].position == label.first - 1
        }
        guard units.contains(where: { checker.hasChecks($0) }) else {
            var layout = StreamLayout(cells: plain.map { $0.map(Optional.some) }, adjacent: [])
            layout.adjacent = units.indices.map { adjacent($0, layout.cells[$0]) }
            // A row of several cells is read only written whole between its label and the next
            // label: "规章 0 0 1 行政规范性文件 3 2 17". Values running on into the next row's
            // ("规章 3 1 0 3 0 0 行政规范性文件") may be two rows column by column.
            let bounded = { (u: Int) -> Bool in
                guard let label = units[u].label, let last = plain[u].last else { return false }
                let closed = last + 1 == part.values.count || part.values[last + 1].position > part.values[last].position + 1
                return part.values[plain[u][0]].position == label.last + 1 && closed
            }
            for u in units.indices where units[u].fields.count > 1 && !bounded(u) && !units[u].standsForGroup {
                layout.cells[u] = units[u].fields.map { _ in nil }
                let row = template.rows[units[u].row]
                layout.findings.append(.streamUnchecked(title: template.title, row: row.name, path: "\(template.key).\(row.path)"))
            }
            return layout
        }
        let small = units.count <= Self.interleaveUnits && part.values.count <= Self.interleaveValues
        var plainBroken = false
        for u in units.indices where checker.violations(units[u], plain[u]) > 0 { plainBroken = true }
        var options: [[[Int]]]
        if small, plainBroken {
            // A small table read otherwise than in order: every interleaving (a block column by
            // column is one) competes; too many to try, and nothing is decided.
            guard let interleaved = streamInterleavings(units, part.values.count, &checker)
                ?? streamExactInterleavings(units, part.values.map(\.cell.text), &checker)
            else {
                return streamDecision(t, units, part, plain: plain, options: units.indices.map { [plain[$0], []] }, adjacent: adjacent)
            }
            options = units.indices.map { u in
                var seen: [[Int]] = []
                for solution in interleaved where !seen.contains(solution[u]) { seen.append(solution[u]) }
                return seen.isEmpty ? [plain[u]] : seen
            }
        } else {
            options = streamParses(units, offsets, part, &checker).0
        }
        return streamDecision(t, units, part, plain: plain, options: options, adjacent: adjacent)
    }

    /// The cheapest parses of the units (row by row, or blocks column by column): per unit, the
    /// distinct readings some cheapest parse gives it; and the cheapest cost.
    func streamParses(_ units: [StreamUnit], _ offsets: [Int], _ part: StreamTable, _ checker: inout UnitChecker) -> ([[[Int]]], StreamCost) {
        let m = units.count
        var steps: [[StreamStep]] = []
        for i in 0..<m {
            let w = units[i].fields.count
            let single = Array(offsets[i]..<(offsets[i] + w))
            var out = [StreamStep(to: i + 1, cost: StreamCost(violations: checker.violations(units[i], single)), cells: [single])]
            var k = 2
            while w > 1, i + k <= m, units[i + k - 1].fields.count == w, !units[i + k - 1].standsForGroup || k == 2 {
                let end = offsets[i] + k * w - 1
                guard part.values[end].run == part.values[offsets[i]].run else { break }
                let cells = (0..<k).map { r in (0..<w).map { c in offsets[i] + c * k + r } }
                if (0..<k).allSatisfy({ checker.violations(units[i + $0], cells[$0]) == 0 }) {
                    out.append(StreamStep(to: i + k, cost: StreamCost(reordered: k), cells: cells))
                }
                k += 1
            }
            steps.append(out)
        }
        var f = [StreamCost?](repeating: nil, count: m + 1)
        var b = [StreamCost?](repeating: nil, count: m + 1)
        f[0] = StreamCost()
        b[m] = StreamCost()
        for i in 0..<m {
            guard let fi = f[i] else { continue }
            for s in steps[i] where f[s.to] == nil || fi + s.cost < f[s.to]! { f[s.to] = fi + s.cost }
        }
        for i in stride(from: m - 1, through: 0, by: -1) {
            for s in steps[i] {
                guard let bj = b[s.to] else { continue }
                if b[i] == nil || s.cost + bj < b[i]! { b[i] = s.cost + bj }
            }
        }
        let best = f[m] ?? StreamCost()
        var options = [[[Int]]](repeating: [], count: m)
        for i in 0..<m {
            guard let fi = f[i] else { continue }
            for s in steps[i] {
                guard let bj = b[s.to], fi + s.cost + bj == best else { continue }
                for (r, cells) in s.cells.enumerated() where !options[i + r].contains(cells) { options[i + r].append(cells) }
            }
        }
        return (options, best)
    }

    /// Every interleaving of the units' values (each unit's values in order, the first value the
    /// first unit's, the other units in any order) whose rows all pass; nil when there are too
    /// many to try.
    func streamInterleavings(_ units: [StreamUnit], _ count: Int, _ checker: inout UnitChecker) -> [[[Int]]]? {
        var assigned = [Bool](repeating: false, count: count)
        var current = [[Int]](repeating: [], count: units.count)
        var placed = [Bool](repeating: false, count: units.count)
        var solutions: [[[Int]]] = []
        var steps = 0
        // The first position not yet taken opens one of the units not yet placed (the first
        // position, the first unit).
        func place() -> Bool {
            guard let first = assigned.firstIndex(of: false) else {
                solutions.append(current)
                return solutions.count <= Self.interleaveSolutions
            }
            let free = ((first + 1)..<count).filter { !assigned[$0] }
            // The text starts at the table's first cell: the first value is the first unit's.
            for u in units.indices where !placed[u] && (first > 0 || u == 0) {
                var chosen: [Int] = []
                func choose(_ from: Int, _ left: Int) -> Bool {
                    if left == 0 {
                        steps += 1
                        if steps > Self.interleaveSteps { return false }
                        let cells = [first] + chosen
                        guard checker.violations(units[u], cells) == 0 else { return true }
                        for c in cells { assigned[c] = true }
                        current[u] = cells
                        placed[u] = true
                        defer {
                            placed[u] = false
                            for c in cells { assigned[c] = false }
                        }
                        return place()
                    }
                    for k in from..<free.count where free.count - k >= left {
                        chosen.append(free[k])
                        defer { chosen.removeLast() }
                        if !choose(k + 1, left - 1) { return false }
                    }
                    return true
                }
                if !choose(0, units[u].fields.count - 1) { return false }
            }
            return true
        }
        return place() ? solutions : nil
    }

    /// The cells each unit takes: those every option agrees on (by value); the findings.
    func streamDecision(_ t: Int, _ units: [StreamUnit], _ part: StreamTable, plain: [[Int]], options: [[[Int]]], adjacent: (Int, [Int?]) -> Bool) -> StreamLayout {
        let template = templates[t]
        let value = { (i: Int) in ValueParser.read(part.values[i].cell.text, as: .amountAsWritten).value }
        var layout = StreamLayout(cells: [], adjacent: [])
        var reordered: [String] = []
        var firstReordered: String?
        for u in units.indices {
            let choices = options[u].isEmpty ? [plain[u]] : options[u]
            var cells: [Int?] = choices[0].map(Optional.some)
            let (name, path) = streamUnitName(template, units[u])
            if choices.count > 1 {
                // An empty choice: the orders were too many to try, nothing is decided.
                for c in cells.indices where choices.contains(where: { $0.isEmpty || value($0[c]) != value(choices[0][c]) }) { cells[c] = nil }
                if cells.contains(where: { $0 == nil }) {
                    layout.findings.append(.streamUndecided(title: template.title, row: name, readings: choices.filter { !$0.isEmpty }.prefix(4).map { $0.map(value) }, path: path))
                }
            } else if choices[0].map(value) != plain[u].map(value) {
                reordered.append("“\(name)”")
                if firstReordered == nil { firstReordered = path }
            }
            layout.cells.append(cells)
            layout.adjacent.append(adjacent(u, cells))
        }
        if let path = firstReordered {
            layout.findings.append(.streamReordered(title: template.title, rows: reordered, how: "按列或与其他行交错书写", path: path))
        }
        return layout
    }

    /// A unit's name for findings and its report path.
    func streamUnitName(_ template: TableTemplate, _ unit: StreamUnit) -> (String, String) {
        let row = template.rows[unit.row]
        if let k = unit.columnGroup {
            let path = row.reportRows[k].path
            return (path, "\(template.key).\(path)")
        }
        return (unit.label?.text ?? row.name, row.path.isEmpty ? template.key : "\(template.key).\(row.path)")
    }
}
