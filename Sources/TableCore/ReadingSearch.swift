import DocModel

/// The choice between candidate readings of a table's rows: one cost, one search, one
/// tie-break ladder.
///
/// **Cost** of a combination of readings (`Cost`, compared in order):
/// 1. `broken`: checks of the table's arithmetic it violates (the `score` closure), plus
///    cells the readings cannot read, plus blanks they make beyond the plainest readings;
/// 2. `assumed`: of those, the blanks made (between equal `broken`, the reading assuming
///    less damage wins);
/// then the tie-break ladder (`Step`) decides between what is still tied, row by row.
///
/// **Search**: every combination of the rows' readings when there are at most
/// `exhaustiveLimit`; beyond that, coordinate descent (each row in turn takes its best
/// reading given the others, `descentSweeps` times, from each row's best reading judged
/// alone), after which the rows still tied are searched together over their tied readings.
struct ReadingSearch {
    /// Most combinations of several rows' readings judged every one (a damaged 表三 rarely has
    /// more than two or three rows with a choice; 512 combinations cost about a millisecond).
    static let exhaustiveLimit = 512
    /// Sweeps of the coordinate descent: the second lets rows decided early see the readings
    /// their neighbours took after them.
    static let descentSweeps = 2

    struct Cost: Comparable {
        var broken: Int
        var assumed: Int
        static func < (a: Cost, b: Cost) -> Bool { (a.broken, a.assumed) < (b.broken, b.assumed) }
    }

    /// The ladder's step that decided a row, from the most certain to the least.
    enum Step: Equatable {
        /// The only reading of the row in the cheapest combinations.
        case arithmetic
        /// Readings tied, differing only in which surplus blanks they drop: the one whose cells
        /// best match the header's column positions.
        case position
        /// As `position`, the positions tied too: the first (plain) reading.
        case defaultReading
        /// Readings tied that move cells: the cells they agree on, the others null.
        case undecided
    }

    let tableKey: String
    let rows: [RowTemplate]
    /// The table's scorer (`Aligner.score`).
    let score: (TableValues) -> Int
    /// Per template row, its candidate readings (empty: the row is not in the source).
    var candidates: [[Reading]]
    /// Per template row, the index of its reading in `candidates`.
    var chosen: [Int]
    /// Per template row, how its reading was chosen (nil: it had no choice).
    var steps: [Step?]
    /// Per template row decided `undecided`: the candidate indices of the readings that tied.
    var ties: [Int: [Int]] = [:]
    /// Per template row, the grid columns the header gives its fields (positions), if any.
    let fieldColumns: [[Int]?]
    let extraRows: [ExtraRow]
    /// Report rows per (template row, reading), built once: the arithmetic judges many
    /// combinations. Index 0 of a row that is not in the source holds its null row.
    private var cache: [[[RowValues]?]]
    /// The report rows of the current readings, updated row by row as readings change
    /// (`shown`: the reading each template row has there; `offsets`: where its rows start).
    private var current: [RowValues] = []
    private var shown: [Int] = []
    private var offsets: [Int] = []

    init(tableKey: String, rows: [RowTemplate], candidates: [[Reading]], fieldColumns: [[Int]?], extraRows: [ExtraRow], score: @escaping (TableValues) -> Int) {
        self.tableKey = tableKey
        self.rows = rows
        self.score = score
        self.candidates = candidates
        self.fieldColumns = fieldColumns
        self.extraRows = extraRows
        chosen = Array(repeating: 0, count: rows.count)
        steps = Array(repeating: nil, count: rows.count)
        cache = candidates.map { Array(repeating: nil, count: max(1, $0.count)) }
    }

    // MARK: - Cost

    mutating func rowValues(_ r: Int, _ k: Int) -> [RowValues] {
        if k < cache[r].count, let cached = cache[r][k] { return cached }
        let values = Aligner.rowValues(rows[r], reading: candidates[r].isEmpty ? nil : candidates[r][k])
        if cache[r].count <= k { cache[r] += Array(repeating: nil, count: k + 1 - cache[r].count) }
        cache[r][k] = values
        return values
    }

    /// Replaces a row's candidates; readings kept keep their place (and cached values).
    mutating func setCandidates(_ r: Int, _ list: [Reading]) {
        let kept = zip(candidates[r], list).prefix { $0 == $1 }.count
        candidates[r] = list
        if !shown.isEmpty { shown[r] = -1 }
        cache[r] = Array(cache[r].prefix(kept)) + Array(repeating: nil, count: max(1, list.count) - min(kept, max(1, list.count)))
    }

    mutating func table() -> TableValues {
        if shown.isEmpty {
            for r in rows.indices {
                offsets.append(current.count)
                current += rowValues(r, chosen[r])
            }
            shown = chosen
        } else {
            for r in rows.indices where shown[r] != chosen[r] {
                for (k, values) in rowValues(r, chosen[r]).enumerated() { current[offsets[r] + k] = values }
                shown[r] = chosen[r]
            }
        }
        return TableValues(rows: current, extraRows: extraRows)
    }

    /// Broken checks of the table's arithmetic with the current readings.
    mutating func violations() -> Int { score(table()) }

    mutating func cost() -> Cost {
        var cost = Cost(broken: violations(), assumed: 0)
        for r in rows.indices where !candidates[r].isEmpty {
            let reading = candidates[r][chosen[r]]
            cost.broken += reading.unreadable + reading.newBlanks
            cost.assumed += reading.newBlanks
        }
        return cost
    }

    /// The cost of `k` for row `r` judged alone (the other rows absent): the row's own checks.
    func costAlone(_ r: Int, _ k: Int) -> Cost {
        let reading = candidates[r][k]
        var values: [RowValues] = []
        for (i, row) in rows.enumerated() { values += Aligner.rowValues(row, reading: i == r ? reading : nil) }
        let broken = score(TableValues(rows: values)) + reading.unreadable + reading.newBlanks
        return Cost(broken: broken, assumed: reading.newBlanks)
    }

    // MARK: - Search

    /// Chooses a reading for every row of `open` (rows with more than one candidate).
    mutating func search(_ open: [Int], startAlone: Bool) {
        guard !open.isEmpty else { return }
        let all = open.map { Array(candidates[$0].indices) }
        if Self.combinations(all) <= Self.exhaustiveLimit {
            exhaustive(open, all)
            return
        }
        if startAlone {
            for r in open {
                let costs = candidates[r].indices.map { costAlone(r, $0) }
                let best = costs.min()
                if costs.filter({ $0 == best }).count == 1, let k = costs.firstIndex(where: { $0 == best }) { chosen[r] = k }
            }
        }
        let tied = descend(open)
        let undecided = open.filter { steps[$0] == .undecided }
        let options = undecided.map { tied[$0] ?? [] }
        if undecided.count >= 2, Self.combinations(options) <= Self.exhaustiveLimit {
            for r in undecided { setCandidates(r, Array(candidates[r].dropLast())) }
            exhaustive(undecided, options)
        }
    }

    static func combinations(_ options: [[Int]]) -> Int {
        options.reduce(1) { min($0 * $1.count, exhaustiveLimit + 1) }
    }

    /// Every combination of `options` (candidate indices per row of `open`); each row then
    /// takes, by the ladder, one of its readings that appear in the cheapest combinations.
    mutating func exhaustive(_ open: [Int], _ options: [[Int]]) {
        var best: [[Int]] = []
        var fewest: Cost?
        var odometer = Array(repeating: 0, count: open.count)
        outer: while true {
            for (i, r) in open.enumerated() { chosen[r] = options[i][odometer[i]] }
            let c = cost()
            if fewest == nil || c < fewest! { fewest = c; best = [] }
            if c == fewest { best.append(open.map { chosen[$0] }) }
            var i = 0
            while i < open.count {
                odometer[i] += 1
                if odometer[i] < options[i].count { continue outer }
                odometer[i] = 0
                i += 1
            }
            break
        }
        for (i, r) in open.enumerated() {
            decide(r, Set(best.map { $0[i] }).sorted())
        }
    }

    /// Coordinate descent over `open`; returns the readings each row left tied.
    mutating func descend(_ open: [Int]) -> [Int: [Int]] {
        var tied: [Int: [Int]] = [:]
        let counts = open.map { candidates[$0].count }
        for _ in 0..<Self.descentSweeps {
            for (i, r) in open.enumerated() {
                setCandidates(r, Array(candidates[r].prefix(counts[i])))
                var costs: [Cost] = []
                for k in candidates[r].indices {
                    chosen[r] = k
                    costs.append(cost())
                }
                let fewest = costs.min()
                tied[r] = costs.indices.filter { costs[$0] == fewest }
                decide(r, tied[r] ?? [])
            }
        }
        return tied
    }

    // MARK: - Ladder

    /// Takes one of the tied readings `options` of row `r` (candidate indices, ascending).
    /// An undecided row gets a new reading, the agreement of the tied ones, as its last candidate.
    mutating func decide(_ r: Int, _ options: [Int]) {
        if options.count == 1, let only = options.first {
            chosen[r] = only
            steps[r] = .arithmetic
            return
        }
        let readings = options.map { candidates[r][$0] }
        if readings.allSatisfy(\.keepsColumns) {
            let positions = readings.map { positionScore($0, fieldColumns[r]) }
            let top = positions.max() ?? 0
            let atTop = options.indices.filter { positions[$0] == top }
            if atTop.count == 1, atTop.count < options.count, let only = atTop.first {
                chosen[r] = options[only]
                steps[r] = .position
            } else {
                chosen[r] = options[atTop.first ?? 0]
                steps[r] = .defaultReading
            }
            return
        }
        ties[r] = options
        setCandidates(r, candidates[r] + [Self.agreement(readings, columns: rows[r].columns.count)])
        chosen[r] = candidates[r].count - 1
        steps[r] = .undecided
    }

    /// Cells of a reading in the column the header gives their field.
    func positionScore(_ reading: Reading, _ columns: [Int]?) -> Int {
        guard let columns else { return 0 }
        return zip(reading.slots, columns).reduce(0) { $0 + ($1.0?.column == $1.1 ? 1 : 0) }
    }

    /// The cells all readings agree on; a cell on which they differ is blank (null).
    static func agreement(_ readings: [Reading], columns: Int) -> Reading {
        guard var out = readings.first else { return Reading.empty(columns) }
        for reading in readings.dropFirst() {
            // The same number agrees whatever note came with it ("—" read as 0, and 0).
            for i in out.values.indices where i < reading.values.count {
                let same = reading.values[i].value == out.values[i].value && (out.values[i].value != nil || reading.values[i] == out.values[i])
                if !same {
                    out.values[i] = .blank
                    out.slots[i] = nil
                }
            }
        }
        var agreed = Reading(slots: out.slots, values: out.values, generator: out.generator)
        // A cell left null whose readings all carry one unit keeps the unit.
        for i in agreed.values.indices where agreed.values[i] == .blank {
            let units = Set(readings.map { i < $0.values.count ? $0.values[i].unit : nil })
            if units.count == 1, let unit = units.first ?? nil { agreed.agreedUnits[i] = unit }
        }
        return agreed
    }
}
