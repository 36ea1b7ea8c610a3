import DocModel

/// Which cells a table written one cell a line (`PlainExtractRenderer`) leaves open: the cells of
/// a block of 表二 rows written column by column or a row of several cells not written whole
/// between its label and the next label (表二 has no arithmetic to tell the order), and
/// the cells of an interleaved 表四 that the interleavings adding up disagree on (its second and
/// third groups always, unless equal: the text does not say which group is which). Null with a finding is right there,
/// as is the value. The pairing the text does decide needs its findings allowed.
enum PlainExtractTruth {
    static func settled(_ report: GeneratedReport) -> GeneratedReport {
        var out = report
        var truth = report.truth
        func open(_ row: LayoutRow, fields: Range<Int>? = nil) {
            let cells = row.cells.filter { $0.role == .value }.compactMap(\.truth)
            for (k, i) in cells.enumerated() where fields.map({ $0.contains(k) }) ?? true {
                truth.cells[i].determinable = false
                truth.allowed.append(ExpectedFinding(.valueBlank, truth.cells[i].path))
                truth.allowed.append(ExpectedFinding(.tableAmbiguous, truth.cells[i].rowPath))
            }
        }
        for case .table(let table) in report.layout.blocks {
            let plan = PlainExtractRenderer.plan(table, report)
            for r in table.rows.indices where table.rows[r].kind == .data {
                if let path = table.rows[r].rowPath {
                    truth.allowed.append(ExpectedFinding(.tableRowInferred, path))
                    truth.allowed.append(ExpectedFinding(.tableAmbiguous, path))
                }
            }
            if table.key == "activeDisclosure" {
                for block in plan.blocks { block.forEach { open(table.rows[$0]) } }
                // A row of several cells not written whole between its label and the next label cannot
                // be checked either: its label at the table's end or after its values, or the next
                // row's values running on from its own.
                let data = table.rows.indices.filter { table.rows[$0].kind == .data }
                for (k, r) in data.enumerated() where table.rows[r].cells.filter({ $0.role == .value }).count > 1 {
                    let next = k + 1 < data.count ? data[k + 1] : nil
                    let runsOn = next.map { plan.valuesFirst.contains($0) || plan.labelsAtEnd.contains($0) } ?? false
                    if plan.labelsAtEnd.contains(r) || plan.valuesFirst.contains(r) || runsOn { open(table.rows[r]) }
                }
            }
            if let order = plan.order, let r = table.rows.firstIndex(where: { $0.kind == .data }) {
                let values = PlainExtractRenderer.values(table.rows[r], truth).map { $0?.integer }
                for k in openCells(order.map { values[$0] }) { open(table.rows[r], fields: k..<(k + 1)) }
            }
        }
        out.truth = truth
        return out
    }

    /// The cells (0..<15, three groups of five) that the interleavings of `stream` whose groups
    /// all add up (each group's values in order, the first value the first group's) disagree on.
    static func openCells(_ stream: [Int?]) -> [Int] {
        var seen = [Set<Int?>](repeating: [], count: 15)
        var groups: [[Int?]] = [[], [], []]
        var done = false
        func adds(_ g: [Int?]) -> Bool {
            guard g.count == 5, g.allSatisfy({ $0 != nil }) else { return false }
            return g.prefix(4).reduce(0) { $0 + $1! } == g[4]!
        }
        func go(_ k: Int) {
            if done { return }
            if k == stream.count {
                for (u, g) in groups.enumerated() { for (c, v) in g.enumerated() { seen[u * 5 + c].insert(v) } }
                done = seen.allSatisfy { $0.count > 1 }
                return
            }
            for u in 0..<3 where groups[u].count < 5 && (k > 0 || u == 0) {
                // Groups open in any order, but two empty groups are alike: try the first of them.
                if groups[u].isEmpty, (0..<u).contains(where: { groups[$0].isEmpty }), k > 0 { continue }
                groups[u].append(stream[k])
                if groups[u].count < 5 || adds(groups[u]) { go(k + 1) }
                groups[u].removeLast()
            }
        }
        go(0)
        // B and C are alike to the text: what one may hold, the other may too.
        for c in 0..<5 { let both = seen[5 + c].union(seen[10 + c]); seen[5 + c] = both; seen[10 + c] = both }
        return seen.indices.filter { seen[$0].count != 1 }
    }
}
