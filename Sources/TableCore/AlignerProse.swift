import DocModel

/// A number the report's prose states for one table cell ("动态更新本年度制发的规范性文件88件"
/// for 表二 行政规范性文件 本年制发件数), found by the report profile.
public struct StatedValue: Sendable, Equatable {
    public var value: Int
    /// The words that state it, as the prose gives them.
    public var claim: String
    public init(_ value: Int, claim: String) {
        self.value = value
        self.claim = claim
    }
}

/// The prose choosing between readings of a row that neither the text nor the arithmetic
/// decides (an under-filled row, digits run together in a table without arithmetic).
///
/// Only among the readings that tied: for a cell the prose states, the readings that give the
/// stated number there are kept, when some do and some do not (a number no reading gives
/// there is about something else, or the prose and the table disagree: it decides nothing).
/// The row then reads as the agreement of the readings kept: the stated cell, and any other
/// cell on which they all agree; the cells they still disagree on stay null.
extension Aligner {
    struct ProseChoice {
        var reading: Reading
        /// The readings left that agree with the prose.
        var kept: [Reading]
        /// The cells decided by the prose: column and what the prose states.
        var used: [(column: Int, stated: StatedValue)]
    }

    /// Rows the search left undecided (readings tied, or splits too many to search) that the
    /// prose decides: each takes the prose's reading as its chosen candidate.
    func chooseByProse(_ template: TableTemplate, _ found: [Bool], _ splits: [Int: SplitState], _ search: inout ReadingSearch) -> [Int: ProseChoice] {
        guard !statements.isEmpty else { return [:] }
        var out: [Int: ProseChoice] = [:]
        for r in template.rows.indices where found[r] {
            let tied = splits[r]?.tied ?? search.ties[r].map { $0.map { search.candidates[r][$0] } }
            guard let tied, let choice = proseChoice(template.key, template.rows[r], tied: tied) else { continue }
            search.setCandidates(r, search.candidates[r] + [choice.reading])
            search.chosen[r] = search.candidates[r].count - 1
            out[r] = choice
        }
        return out
    }

    func proseChoice(_ tableKey: String, _ row: RowTemplate, tied: [Reading]) -> ProseChoice? {
        guard !statements.isEmpty, tied.count > 1 else { return nil }
        let paths = Self.fieldPaths(tableKey, row)
        var kept = tied
        var used: [(column: Int, stated: StatedValue)] = []
        for column in row.columns.indices {
            guard let stated = statements[paths[row.columnFieldIndex(column)]] else { continue }
            let agree = kept.filter { column < $0.values.count && $0.values[column].value == .integer(stated.value) }
            guard !agree.isEmpty, agree.count < kept.count else { continue }
            kept = agree
            used.append((column, stated))
        }
        guard !used.isEmpty else { return nil }
        var reading = ReadingSearch.agreement(kept, columns: row.columns.count)
        reading.generator = tied[0].generator
        return ProseChoice(reading: reading, kept: kept, used: used)
    }

    /// The findings of a row the prose decided: one `value.fromProse` per stated cell.
    func proseFindings(_ template: TableTemplate, _ row: RowTemplate, _ choice: ProseChoice) -> [Finding] {
        let paths = Self.fieldPaths(template.key, row)
        return choice.used.map { column, stated in
            let field = row.columnFieldIndex(column)
            return .fromProse(
                title: template.title, row: row.labels.first ?? "数据行", column: row.fields[field].header,
                stated: stated.value, claim: stated.claim, path: paths[field])
        }
    }
}
