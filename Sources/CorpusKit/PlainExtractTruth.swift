import DocModel

/// Which cells a table written one cell a line (`PlainExtractRenderer`) leaves open: the cells of
/// a block of 表二 rows written column by column or a row of several cells not written whole
/// between its label and the next label (表二 has no arithmetic to tell the order), and
/// the cells of 表四's second and third groups when its groups are interleaved (read either way,
/// both add up: the text does not say which group is which). Null with a finding is right there,
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
            if plan.order != nil, let r = table.rows.firstIndex(where: { $0.kind == .data }) { open(table.rows[r], fields: 5..<15) }
        }
        out.truth = truth
        return out
    }
}
