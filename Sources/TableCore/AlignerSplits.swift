import DocModel

/// Reading rows whose cells were run together (`digitSplit` readings): the splits a row's own
/// arithmetic prefers, and what the choice is reported as.
extension Aligner {
    /// Most splits of one row that go on to the joint search; more left tied by the row's own
    /// arithmetic and the row is undecided at once (the cells they agree on are kept).
    static let maxSplitsSearched = 48

    /// How the splits of a run-together row stood before the joint search.
    struct SplitState {
        /// Splits the text allows (nil: more than `ReadingGenerator.maxSplits`).
        var count: Int?
        /// The splits the row's own arithmetic left tied, when too many to search: the row
        /// reads as their agreement.
        var tied: [Reading]?
    }

    /// The candidate splits of a run-together row: those its own checks judge best (the row
    /// alone in its table: its total against its parts, negative values, then unreadable
    /// cells). A split that breaks the row's own total can be right only when every split does.
    func splitCandidates(_ tableKey: String, _ row: RowTemplate, _ input: RowInput) -> ([Reading], SplitState) {
        guard let splits = ReadingGenerator.digitSplits(input) else { return ([Reading.empty(row.columns.count)], SplitState(count: nil)) }
        let readings = Self.readings(input, tier: 0, after: [])
        guard splits.count > 1 else { return (readings, SplitState(count: splits.count)) }
        let scorer = score(tableKey)
        let costs = readings.map { scorer(TableValues(rows: Self.rowValues(row, reading: $0))) + $0.unreadable }
        let best = costs.min() ?? 0
        let kept = readings.indices.filter { costs[$0] == best }.map { readings[$0] }
        if kept.count <= Self.maxSplitsSearched { return (kept, SplitState(count: splits.count)) }
        var agreed = ReadingSearch.agreement(kept, columns: row.columns.count)
        agreed.generator = .digitSplit
        return ([agreed], SplitState(count: splits.count, tied: kept))
    }

    /// The finding on a run-together row: none when the text alone gives one split; the split
    /// the arithmetic chose (`table.ambiguous`); or `value.undecidable` with the splits left
    /// possible when neither decides (or when the text gives none, or too many to search).
    func splitFinding(_ template: TableTemplate, _ r: Int, _ source: SourceRow, _ state: SplitState, path: String, search: ReadingSearch, prose: ProseChoice?) -> Finding? {
        let row = template.rows[r]
        let label = row.labels.first ?? "数据行"
        let run = source.input.slots.filter(\.runTogether).map(\.text).joined(separator: " ")
        let digits = run.unicodeScalars.count <= 60 ? run : String(String.UnicodeScalarView(run.unicodeScalars.prefix(60))) + "…"
        func undecidable(_ options: [Reading], count: Int?) -> Finding {
            .undecidable(title: template.title, row: label, digits: digits, columns: row.columns.count,
                         splits: options.prefix(4).map { $0.values.map(\.value) }, count: count, path: path)
        }
        guard let count = state.count, count > 0 else { return undecidable([], count: state.count) }
        // The prose chose among the splits: those left, if more than one.
        if let prose { return prose.kept.count > 1 ? undecidable(prose.kept, count: prose.kept.count) : nil }
        if let tied = state.tied { return undecidable(tied, count: tied.count) }
        if let tied = search.ties[r] { return undecidable(tied.map { search.candidates[r][$0] }, count: tied.count) }
        guard count > 1 else { return nil }
        let reading = search.candidates[r][search.chosen[r]]
        let others = search.candidates[r].filter { $0.values != reading.values }.prefix(3).map { $0.values.map(\.value) }
        return .ambiguous(
            title: template.title, row: label, cells: source.input.slots.count, columns: row.columns.count,
            decision: .digitSplit, chosen: reading.values.map(\.value), others: Array(others), path: path)
    }
}
