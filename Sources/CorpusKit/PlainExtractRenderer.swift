import DocModel

/// Renders a table the way `pdftotext` without `-layout` writes a PDF's table: one cell a line
/// (a label wrapped over several lines at its cell's width), blank lines between cells or none,
/// page numbers in between, and, as a PDF's text blocks come out, some values away from their
/// labels:
/// - a row's values before its label;
/// - the labels of a run of rows written at the table's end, their values in place;
/// - a block of rows of one width written column by column (its labels before or after);
/// - 表四's three column groups interleaved (the first value the first group's).
/// A block or an interleaving is written only where the tables' arithmetic tells it from the
/// rows in order (every row of it adds up, and read in order they do not): elsewhere no reader
/// could see it, and real extractions are then indistinguishable from rows in order.
/// `PlainExtractTruth` says which cells such text leaves open.
enum PlainExtractRenderer {
    struct Plan {
        var blankBetween = false
        var wrap = 10
        /// Data rows (indexes into the table's rows) written column by column, per block.
        var blocks: [[Int]] = []
        var labelsAfterBlock = false
        var valuesFirst: Set<Int> = []
        var labelsAtEnd: [Int] = []
        /// 表四: the order its fifteen values are written in (indexes into the data row's values).
        var order: [Int]?
    }

    static func values(_ row: LayoutRow, _ truth: Truth) -> [Value?] {
        row.cells.filter { $0.role == .value }.map { $0.truth.flatMap { truth.cells.indices.contains($0) ? truth.cells[$0].value : nil } }
    }

    /// Rows of `width` values whose last is the sum of the others (`parts` wide groups).
    static func addsUp(_ values: [Value?], group: Int) -> Bool {
        guard values.count % group == 0, !values.isEmpty else { return false }
        var k = 0
        while k < values.count {
            let ints = values[k..<(k + group)].map { $0?.integer }
            guard ints.allSatisfy({ $0 != nil }) else { return false }
            if ints.dropLast().reduce(0, { $0 + $1! }) != ints.last!! { return false }
            k += group
        }
        return true
    }

    static func plan(_ t: LayoutTable, _ report: GeneratedReport) -> Plan {
        var rng = SplitMix64.forDocument(seed: 0x91A1 &+ UInt64(t.key.unicodeScalars.count), index: report.index)
        var plan = Plan()
        plan.blankBetween = rng.chance(0.5)
        plan.wrap = rng.int(6...14)
        let data = t.rows.indices.filter { t.rows[$0].kind == .data }
        let group = t.key == "applications" ? 7 : t.key == "reviewsAndLitigation" ? 5 : 0
        if t.key == "reviewsAndLitigation", let r = data.first, rng.chance(0.5) {
            let v = values(t.rows[r], report.truth)
            var order = Array(0..<4) + [10, 11, 12, 13, 4, 5, 6, 7, 8, 9, 14]
            if rng.chance(0.5) { order = [0, 1, 2, 3, 5, 6, 7, 8, 4, 10, 11, 12, 13, 14, 9] }
            if v.count == 15, addsUp(v, group: 5), !addsUp(order.map { v[$0] }, group: 5) { plan.order = order }
            return plan
        }
        if rng.chance(0.5), data.count >= 2 {
            let start = rng.int(0...(data.count - 2))
            var block = [data[start]]
            let width = values(t.rows[data[start]], report.truth).count
            let length = rng.int(2...9)
            var k = start + 1
            while k < data.count, block.count < length, data[k] == block.last! + 1, values(t.rows[data[k]], report.truth).count == width {
                block.append(data[k])
                k += 1
            }
            let flat = block.flatMap { values(t.rows[$0], report.truth) }
            let columnMajor = (0..<width).flatMap { c in block.indices.map { flat[$0 * width + c] } }
            let visible = group == 0 ? true : addsUp(flat, group: group) && !addsUp(columnMajor, group: group)
            if block.count >= 2, width >= 2, visible {
                plan.blocks = [block]
                plan.labelsAfterBlock = rng.chance(0.5)
            }
        }
        let free = data.filter { r in !plan.blocks.contains { $0.contains(r) } }
        for r in free where rng.chance(0.1) { plan.valuesFirst.insert(r) }
        if rng.chance(0.3), !free.isEmpty {
            let start = rng.int(0...(free.count - 1))
            plan.labelsAtEnd = Array(free[start..<min(free.count, start + rng.int(1...3))]).filter { !plan.valuesFirst.contains($0) }
        }
        return plan
    }

    static func table(_ t: LayoutTable, _ report: GeneratedReport) -> [String] {
        let plan = plan(t, report)
        var lines: [String] = []
        func cell(_ text: String) {
            for part in text.split(separator: "\n", omittingEmptySubsequences: true) {
                lines += SpaceAlignedRenderer.wrap(String(part.filter { $0 != " " }), plan.wrap * 2)
            }
            if plan.blankBetween { lines.append("") }
        }
        func labels(_ row: LayoutRow) { for c in row.cells where c.role != .value { cell(c.text) } }
        func values(_ row: LayoutRow) { for c in row.cells where c.role == .value { cell(c.text) } }
        var r = 0
        while r < t.rows.count {
            let row = t.rows[r]
            if let block = plan.blocks.first(where: { $0.first == r }) {
                if !plan.labelsAfterBlock { block.forEach { labels(t.rows[$0]) } }
                let cells = block.map { t.rows[$0].cells.filter { $0.role == .value } }
                for c in cells[0].indices { for k in cells.indices { cell(cells[k][c].text) } }
                if plan.labelsAfterBlock { block.forEach { labels(t.rows[$0]) } }
                r = block.last! + 1
                continue
            }
            switch row.kind {
            case .pageNumber:
                lines += ["", row.cells.map(\.text).joined(), ""]
            case .data where plan.order != nil:
                labels(row)
                let cells = row.cells.filter { $0.role == .value }
                for k in plan.order! { cell(cells[k].text) }
            case .data where plan.valuesFirst.contains(r):
                values(row)
                labels(row)
            case .data where plan.labelsAtEnd.contains(r):
                values(row)
            default:
                labels(row)
                values(row)
            }
            r += 1
        }
        for k in plan.labelsAtEnd { labels(t.rows[k]) }
        return lines
    }
}
