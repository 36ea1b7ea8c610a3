import DocModel

/// Applies damage operators to a laid-out report and keeps its truth in step: what each cell
/// should now read as, which cells the damage left undeterminable, and which findings the
/// damage calls for.
struct Damager {
    var rng: SplitMix64
    var layout: Layout
    var cells: [ExpectedCell]
    var template: Template
    var findings: [ExpectedFinding] = []
    /// Findings a reader may give without being wrong (beyond the required ones).
    var allowed: [ExpectedFinding] = []
    /// Rows whose cells were cut, duplicated or lost: (table key, value cells before damage).
    var reshaped: [(op: DamageOperator, rowPath: String, before: [Int], after: [Int])] = []

    // MARK: - Helpers

    /// Positions of tables, and of data rows within them.
    var tablePositions: [Int] { layout.blocks.indices.filter { layout.blocks[$0].table != nil } }

    func dataRows(where include: (LayoutTable, LayoutRow) -> Bool = { _, _ in true }) -> [(block: Int, row: Int)] {
        var out: [(Int, Int)] = []
        for b in tablePositions {
            guard let t = layout.blocks[b].table else { continue }
            for (r, row) in t.rows.enumerated() where row.kind == .data && include(t, row) { out.append((b, r)) }
        }
        return out
    }

    /// Edits the table at block `b`; the body gets the generator too (self is busy meanwhile).
    mutating func withTable(_ b: Int, _ body: (inout LayoutTable, inout SplitMix64) -> Void) {
        guard var t = layout.blocks[b].table else { return }
        var g = rng
        body(&t, &g)
        rng = g
        layout.blocks[b] = .table(t)
    }

    mutating func mark(_ truth: Int?, _ op: DamageOperator) {
        guard let i = truth, !cells[i].damage.contains(op) else { return }
        cells[i].damage.append(op)
    }

    mutating func markRow(_ row: LayoutRow, _ op: DamageOperator) {
        for c in row.cells { mark(c.truth, op) }
        if let path = row.rowPath {
            // Cells without a layout cell of their own (the 2019 procurement unit) go with their row.
            for i in cells.indices where cells[i].rowPath == path || (path == "reviewsAndLitigation" && cells[i].table == path) { mark(i, op) }
        }
    }

    mutating func markTable(_ b: Int, _ op: DamageOperator) {
        guard let t = layout.blocks[b].table else { return }
        for row in t.rows { markRow(row, op) }
    }

    /// Value cells of the layout, as (block, row, cell) positions.
    func valueCells(where include: (LayoutCell, ExpectedCell) -> Bool) -> [(Int, Int, Int)] {
        var out: [(Int, Int, Int)] = []
        for b in tablePositions {
            guard let t = layout.blocks[b].table else { continue }
            for (r, row) in t.rows.enumerated() {
                for (c, cell) in row.cells.enumerated() {
                    if let i = cell.truth, include(cell, cells[i]) { out.append((b, r, c)) }
                }
            }
        }
        return out
    }

    mutating func editCell(_ pos: (Int, Int, Int), _ body: (inout LayoutCell, inout SplitMix64) -> Void) {
        withTable(pos.0) { t, g in body(&t.rows[pos.1].cells[pos.2], &g) }
    }

    func cell(_ pos: (Int, Int, Int)) -> LayoutCell? { layout.blocks[pos.0].table?.rows[pos.1].cells[pos.2] }

    // MARK: - Dispatch

    mutating func apply(_ op: DamageOperator) {
        switch op {
        case .droppedCells: dropCells()
        case .duplicatedCells: duplicateCells()
        case .lostLeadingCells: loseLeadingCells()
        case .splitLabels: splitLabels()
        case .fullWidthDigits: fullWidthDigits()
        case .ocrDigits: ocrDigits()
        case .ocrLabels: ocrLabels()
        case .lostNumbering: loseNumbering()
        case .valuesOnNextRow: valuesOnNextRow()
        case .emptyRows: emptyRows()
        case .extraColumn: extraColumn()
        case .labelVariants: labelVariants()
        case .repeatedGroupLabels: repeatedGroupLabels()
        case .splitHeaderRows: splitHeaderRows()
        case .subtotalColumn: subtotalColumn()
        case .missingHeaders: missingHeaders()
        case .pageSplitRepeatedHeader: pageSplit(repeatHeader: true)
        case .pageSplitMissingHeader: pageSplit(repeatHeader: false)
        case .rowBrokenAcrossPages: rowBrokenAcrossPages()
        case .pageNumberLines: pageNumberLines()
        case .extraRows: extraRows()
        case .wrongSpans: wrongSpans()
        case .blankCells: blankCells()
        case .placeholders: placeholders()
        case .thousandsSeparators: thousandsSeparators()
        case .units: units()
        case .missingHeadings, .renumberedHeadings, .titleAndDateVariants, .splitTitle, .chineseDate: break  // page damage: PageDamage
        }
    }

    // MARK: - Cells lost, repeated, blank

    mutating func dropCells() {
        let rows = dataRows { _, row in row.cells.filter { $0.role == .value }.count >= 2 }
        for (b, r) in pick(rows, rng.int(1...2)) {
            guard let row = layout.blocks[b].table?.rows[r] else { continue }
            let values = row.cells.indices.filter { row.cells[$0].role == .value }
            let victim = rng.pick(values)
            let before = values.compactMap { row.cells[$0].truth }
            // The row ends short, as when a cell vanishes in extraction.
            withTable(b) { t, _ in _ = t.rows[r].cells.remove(at: victim) }
            let after = before.filter { $0 != row.cells[victim].truth }
            markRow(row, .droppedCells)
            reshaped.append((.droppedCells, row.rowPath ?? "", before, after))
        }
    }

    mutating func duplicateCells() {
        let rows = dataRows { _, row in row.cells.contains { $0.role == .value && $0.text != "" } }
        for (b, r) in pick(rows, rng.int(1...2)) {
            guard let row = layout.blocks[b].table?.rows[r] else { continue }
            let values = row.cells.indices.filter { row.cells[$0].role == .value && row.cells[$0].text != "" }
            let k = rng.pick(values)
            let before = row.cells.compactMap { $0.role == .value ? $0.truth : nil }
            withTable(b) { t, _ in
                var copy = t.rows[r].cells[k]
                copy.columnSpan = 1
                t.rows[r].cells.insert(copy, at: k + 1)
            }
            var after: [Int] = []
            for (i, c) in row.cells.enumerated() where c.role == .value {
                if let tr = c.truth { after.append(tr); if i == k { after.append(tr) } }
            }
            markRow(row, .duplicatedCells)
            reshaped.append((.duplicatedCells, row.rowPath ?? "", before, after))
        }
    }

    mutating func loseLeadingCells() {
        let rows = dataRows { _, row in row.cells.first?.role == .label }
        for (b, r) in pick(rows, rng.int(1...2)) {
            guard let row = layout.blocks[b].table?.rows[r] else { continue }
            withTable(b) { t, _ in
                while let first = t.rows[r].cells.first, first.role == .label { t.rows[r].cells.removeFirst() }
            }
            markRow(row, .lostLeadingCells)
            if let path = row.rowPath { findings.append(ExpectedFinding(.tableRowInferred, path, cause: .lostLeadingCells)) }
        }
    }

    mutating func blankCells() {
        let candidates = valueCells { _, _ in true }
        for pos in pick(candidates, rng.int(1...4)) {
            guard let i = cell(pos)?.truth else { continue }
            // Every copy of the cell (a duplicated one too) is blank.
            let blank = rng.chance(0.5) ? "" : " "
            for copy in valueCells(where: { cell, _ in cell.truth == i }) { editCell(copy) { c, _ in c.text = blank } }
            cells[i].value = nil
            mark(i, .blankCells)
            // The 2019 procurement unit goes with its amount.
            if cells[i].field == "amount", let u = cells.firstIndex(where: { $0.rowPath == cells[i].rowPath && $0.field == "unit" }) {
                cells[u].value = nil
                mark(u, .blankCells)
            }
        }
    }

    // MARK: - Values written differently

    mutating func placeholders() {
        let zeros = valueCells { _, c in c.value == .integer(0) }
        for pos in pick(zeros, rng.int(1...6)) {
            guard let i = cell(pos)?.truth else { continue }
            editCell(pos) { c, rng in c.text = rng.pick(["—", "/", "无", "-", "——", "／"]) }
            mark(i, .placeholders)
            findings.append(ExpectedFinding(.valuePlaceholder, cells[i].path, cause: .placeholders))
        }
    }

    mutating func fullWidthDigits() {
        let candidates = valueCells { cell, _ in cell.text.contains { $0.isASCII && $0.isNumber } }
        let all = rng.chance(0.3)
        for pos in all ? candidates : pick(candidates, rng.int(2...10)) {
            editCell(pos) { c, rng in c.text = Self.fullWidth(c.text) }
            mark(cell(pos)?.truth, .fullWidthDigits)
        }
    }

    static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            ("0"..."9").contains(u) || u == "." ? Unicode.Scalar(u.value + 0xFEE0) ?? u : u
        }))
    }

    mutating func ocrDigits() {
        let candidates = valueCells { cell, _ in cell.text.contains("0") && cell.text.contains { $0.isASCII && $0.isNumber && $0 != "0" } }
        for pos in pick(candidates, rng.int(1...3)) {
            guard let text = cell(pos)?.text, let i = cell(pos)?.truth else { continue }
            let zeros = text.indices.filter { text[$0] == "0" }
            let at = rng.pick(zeros)
            var s = text
            s.replaceSubrange(at...at, with: rng.chance(0.7) ? "O" : "o")
            editCell(pos) { c, rng in c.text = s }
            mark(i, .ocrDigits)
            findings.append(ExpectedFinding(.textRepaired, cells[i].path, cause: .ocrDigits))
        }
    }

    mutating func thousandsSeparators() {
        var candidates = valueCells { cell, c in Self.magnitude(c.value) >= 1000 && !cell.text.contains(",") }
        if candidates.isEmpty {
            // Make a large count where the arithmetic does not care (table 二 decisions).
            let decisions = valueCells { _, c in c.table == "activeDisclosure" && c.field == "decisions" }
            if let pos = decisions.first, let i = cell(pos)?.truth {
                let v = rng.int(1000...99999)
                cells[i].value = .integer(v)
                // Every copy of the cell (a duplicated one too) states the new value.
                for copy in valueCells(where: { cell, _ in cell.truth == i }) { editCell(copy) { c, _ in c.text = String(v) } }
                candidates = [pos]
            }
        }
        for pos in pick(candidates, rng.int(1...3)) {
            guard let text = cell(pos)?.text else { continue }
            editCell(pos) { c, rng in c.text = Self.groupThousands(text) }
            mark(cell(pos)?.truth, .thousandsSeparators)
        }
    }

    static func magnitude(_ v: Value?) -> Int {
        switch v {
        case .integer(let i)?: return abs(i)
        case .decimal(let d)?: return Int(d.split(separator: ".").first.map(String.init)?.replacingMinus() ?? "") ?? 0
        default: return 0
        }
    }

    /// "15996.59万元" → "15,996.59万元": groups the first run of digits before any point.
    static func groupThousands(_ text: String) -> String {
        let chars = Array(text)
        guard let start = chars.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return text }
        var end = start
        while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
        let digits = Array(chars[start..<end])
        guard digits.count > 3 else { return text }
        var grouped: [Character] = []
        for (k, d) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { grouped.append(",") }
            grouped.append(d)
        }
        return String(chars[..<start]) + String(grouped) + String(chars[end...])
    }

    mutating func units() {
        // Counts with a count unit; the 2021 fee amount in 元 (converted back to 万元).
        let counts = valueCells { cell, c in c.field != "amount" && c.field != "change" && c.value?.integer != nil && !cell.text.isEmpty && cell.text.allSatisfy { $0.isASCII && $0.isNumber } }
        for pos in pick(counts, rng.int(1...4)) {
            editCell(pos) { c, rng in c.text += rng.pick(["件", "个", "项", "条"]) }
            mark(cell(pos)?.truth, .units)
        }
        if template == .y2021, let pos = valueCells(where: { _, c in c.field == "amount" }).first, let i = cell(pos)?.truth, let v = cells[i].value,
            cell(pos)?.text == Self.literal(v)
        {
            if rng.chance(0.7) {
                editCell(pos) { c, rng in c.text = Self.yuan(v) + "元" }
                findings.append(ExpectedFinding(.valueUnitConverted, cells[i].path, cause: .units))
            } else {
                editCell(pos) { c, rng in c.text += "万元" }
            }
            mark(i, .units)
        }
    }

    static func literal(_ v: Value) -> String {
        switch v {
        case .integer(let i): return String(i)
        case .decimal(let d), .text(let d): return d
        }
    }

    /// A 万元 amount written in 元: the decimal point moved four places right.
    static func yuan(_ v: Value) -> String {
        let s = literal(v)
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        var frac = parts.count > 1 ? String(parts[1]) : ""
        while frac.count < 4 { frac += "0" }
        let whole = String(parts[0]) + frac.prefix(4)
        let rest = frac.dropFirst(4)
        let trimmed = String(whole.drop { $0 == "0" })
        return (trimmed.isEmpty ? "0" : trimmed) + (rest.isEmpty ? "" : "." + rest)
    }

    mutating func pick<T>(_ items: [T], _ k: Int) -> [T] {
        rng.indices(k, of: items.count).map { items[$0] }
    }
}

extension String {
    func replacingMinus() -> String { hasPrefix("-") ? String(dropFirst()) : self }
}
