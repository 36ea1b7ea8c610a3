/// Candidate readings of one template row: which of the row's source cells fills each column.
///
/// A row whose cells do not match its columns one to one (a cell lost, a blank too many, a
/// value repeated) can be read several ways. Each *row reading generator* proposes some of
/// them; the search (`ReadingSearch`) scores every combination of the table's rows by one
/// cost and the tie-break ladder picks one. To add a kind of damage, add a generator to
/// `Aligner.generators` (docs/reconstructor.md, "Adding a generator").

typealias Slot = Aligner.Slot

/// One candidate reading of a row.
struct Reading: Equatable {
    /// Per column, the source slot it is read from (nil: a hole, read as blank).
    var slots: [Slot?]
    var values: [CellReading]
    /// The generator that proposed it (how the reading and its choice are reported).
    var generator: ReadingGenerator
    /// Cells the reading cannot read as numbers: a reading that puts a signed change ("减4")
    /// or an amount in a count column fits worse than one that reads every cell. Part of the cost.
    var unreadable = 0
    /// Blank cells the reading makes beyond the row's plainest readings (filled in by the
    /// aligner): a reading that drops a value where a surplus blank was there to drop assumes
    /// damage the others do not. Part of the cost.
    var newBlanks = 0
    /// True when every cell keeps its source column and only surplus blanks are dropped: the
    /// header's column positions can then tell such readings apart.
    var keepsColumns = false
    /// Units of cells left null because the readings disagree on the number but all carry the
    /// same unit ("2284777万元" split either way ends in 万元): the unit is decided, the amount not.
    var agreedUnits: [Int: String] = [:]

    init(slots: [Slot?], values: [CellReading], generator: ReadingGenerator, keepsColumns: Bool = false) {
        self.slots = slots
        self.values = values
        self.generator = generator
        self.keepsColumns = keepsColumns
        self.unreadable = values.reduce(0) { if case .unreadable = $1 { return $0 + 1 } else { return $0 } }
    }

    var blanks: Int { values.reduce(0) { $1 == .blank ? $0 + 1 : $0 } }

    /// A reading of nothing: every column blank.
    static func empty(_ columns: Int) -> Reading {
        Reading(slots: Array(repeating: nil, count: columns), values: Array(repeating: .blank, count: columns), generator: .alignment)
    }
}

/// What a generator sees of a row: its value slots (label padding already removed) and the
/// template row they belong to.
struct RowInput {
    var slots: [Slot]
    var row: RowTemplate

    var columns: Int { row.columns.count }
    /// The row holds a value run (cells run together): only `digitSplit` reads it.
    var isRunTogether: Bool { slots.contains { $0.runTogether } }
    var surplus: Int { slots.count - columns }
    var blankSlots: Int { slots.reduce(0) { $1.isBlank ? $0 + 1 : $0 } }
    /// The row has more cells than columns and every surplus cell can be a blank: its cells
    /// keep their columns whichever blanks are dropped.
    var surplusIsBlank: Bool { surplus > 0 && surplus <= blankSlots }

    /// The reading of `fit` (one slot or hole per column), the cells parsed for their columns.
    func reading(_ fit: [Slot?], _ generator: ReadingGenerator, keepsColumns: Bool = false) -> Reading {
        let values = zip(fit, row.columns).map { slot, field in slot.map { ValueParser.read($0.text, as: field.kind) } ?? .blank }
        return Reading(slots: fit, values: values, generator: generator, keepsColumns: keepsColumns)
    }
}

/// The row reading generators, in the order their readings are listed (the first reading of
/// the first generator is a row's plain reading). A generator proposes readings for one kind
/// of damage; `tier` says when they compete:
/// - tier 0 readings always compete;
/// - tier 1 readings assume more damage and compete only when the best choice among tier 0
///   readings leaves the table's arithmetic broken (then the whole search runs again with them).
enum ReadingGenerator: Sendable, Equatable, CaseIterable {
    /// Cells aligned to columns: surplus blanks dropped, surplus values dropped when there
    /// are not enough blanks, holes for lost cells. Every way, the plain one first.
    case alignment
    /// A surplus cell taken for a blank may instead be a value written twice next to a real
    /// blank ("0 | 0 | | 3" for three columns): readings that drop a value instead.
    case repeatedValue
    /// Cells run together ("21710000218" for seven columns): every split of the row's value
    /// runs into its columns (`digitSplits`). A row with a value run gets only these readings.
    case digitSplit

    var tier: Int {
        switch self {
        case .alignment, .digitSplit: return 0
        case .repeatedValue: return 1
        }
    }

    func readings(_ input: RowInput) -> [Reading] {
        if input.isRunTogether {
            return self == .digitSplit ? Self.digitSplits(input) ?? [] : []
        }
        switch self {
        case .alignment: return Self.alignments(input)
        case .repeatedValue: return Self.repeatedValues(input)
        case .digitSplit: return []
        }
    }

    /// Most ways one row's cells are fitted to its columns (a row of a report has at most a
    /// few surplus or lost cells; beyond these the readings are cut, plain ones first).
    static let maxFitsDropping = 64
    static let maxFitsWithHoles = 128

    static func alignments(_ input: RowInput) -> [Reading] {
        let slots = input.slots, n = input.columns
        if input.surplus == 0 { return [input.reading(slots, .alignment)] }
        if input.surplus < 0 {
            // Lost cells: a hole in every possible place, holes at the end first.
            return combinations(Array((0..<n).reversed()), -input.surplus, limit: maxFitsWithHoles).map { holes in
                var out: [Slot?] = []
                var k = 0
                for i in 0..<n {
                    if holes.contains(i) { out.append(nil) } else { out.append(slots[k]); k += 1 }
                }
                return input.reading(out, .alignment)
            }
        }
        if input.surplusIsBlank {
            let blanks = slots.indices.filter { slots[$0].isBlank }
            return combinations(blanks.reversed(), input.surplus, limit: maxFitsDropping).map { drop in
                input.reading(slots.indices.filter { !drop.contains($0) }.map { slots[$0] }, .alignment, keepsColumns: true)
            }
        }
        // More values than columns: the blanks go, then every way of dropping the surplus values.
        let kept = slots.filter { !$0.isBlank }
        return combinations(Array(kept.indices.reversed()), kept.count - n, limit: maxFitsDropping).map { drop in
            input.reading(kept.indices.filter { !drop.contains($0) }.map { kept[$0] }, .alignment)
        }
    }

    static func repeatedValues(_ input: RowInput) -> [Reading] {
        guard input.surplusIsBlank else { return [] }
        let slots = input.slots
        return combinations(Array(slots.indices.reversed()), input.surplus, limit: maxFitsDropping).compactMap { drop in
            guard drop.contains(where: { !slots[$0].isBlank }) else { return nil }
            return input.reading(slots.indices.filter { !drop.contains($0) }.map { slots[$0] }, .repeatedValue)
        }
    }

    /// Up to `limit` combinations of `k` elements, in the order the elements are given.
    static func combinations(_ items: [Int], _ k: Int, limit: Int) -> [[Int]] {
        var out: [[Int]] = []
        var current: [Int] = []
        func go(_ start: Int) {
            if out.count >= limit { return }
            if current.count == k {
                out.append(current)
                return
            }
            // Stop where too few items remain to make up `k` (else the search of 255 of 256
            // surplus cells walks every dead end).
            var i = start
            while i <= items.count - (k - current.count), out.count < limit {
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

extension Aligner {
    /// The readings of a row from every generator of `tier`, duplicates (same values) dropped.
    /// `plainBlanks`: the fewest blanks among the row's tier 0 readings, for `newBlanks`.
    static func readings(_ input: RowInput, tier: Int, after existing: [Reading] = []) -> [Reading] {
        var out = existing
        for generator in ReadingGenerator.allCases where generator.tier == tier {
            for reading in generator.readings(input) where !out.contains(where: { $0.values == reading.values }) {
                out.append(reading)
            }
        }
        if out.isEmpty { return [Reading.empty(input.columns)] }
        let plainBlanks = out.lazy.filter { $0.generator.tier == 0 }.map(\.blanks).min() ?? 0
        for i in out.indices { out[i].newBlanks = max(0, out[i].blanks - plainBlanks) }
        return out
    }
}
