import DocModel

/// Damage to labels, headers and the shape of tables.
extension Damager {
    mutating func splitLabels() {
        var splitRows: [String] = []
        defer {
            // A label broken badly enough may only be placed by position: saying so is right.
            for path in splitRows { allowed.append(ExpectedFinding(.tableRowInferred, path)) }
        }
        for b in tablePositions {
            withTable(b) { t, rng in
                for r in t.rows.indices {
                    for c in t.rows[r].cells.indices where t.rows[r].cells[c].role != .value {
                        let text = t.rows[r].cells[c].text
                        guard text.count >= 3, rng.chance(0.4) else { continue }
                        t.rows[r].cells[c].text = Self.split(text, rng: &rng)
                        if let path = t.rows[r].rowPath { splitRows.append(path) }
                    }
                }
            }
            markTable(b, .splitLabels)
        }
    }

    /// Breaks a label with a space or a line break at one or two places inside it.
    static func split(_ text: String, rng: inout SplitMix64) -> String {
        var chars = Array(text)
        var broken = false
        for _ in 0..<rng.int(1...2) {
            let at = rng.int(1...(chars.count - 1))
            // One line break, in short labels only (long cells wrap on screen, not in the text),
            // and never next to another break (an empty line inside a cell is another damage).
            let lineBreak = !broken && text.count <= 16 && rng.chance(0.5) && chars[at - 1] != " " && chars[at] != " "
            chars.insert(lineBreak ? "\n" : " ", at: at)
            broken = broken || lineBreak
        }
        return String(chars)
    }

    mutating func ocrLabels() {
        var touched = false
        var repaired: [ExpectedFinding] = []
        for b in tablePositions {
            withTable(b) { t, rng in
                for r in t.rows.indices {
                    for c in t.rows[r].cells.indices where t.rows[r].cells[c].role != .value {
                        var text = t.rows[r].cells[c].text
                        var changed = false
                        if text.contains("有"), rng.chance(0.7) {
                            text = text.replacingOccurrences("有", "冇")
                            changed = true
                        }
                        if let first = text.first, first.isASCII, first.isNumber, text.dropFirst().first == ".", rng.chance(0.4) {
                            text = String(first) + "," + text.dropFirst(2)
                            changed = true
                        }
                        guard changed else { continue }
                        t.rows[r].cells[c].text = text
                        touched = true
                        let path = t.rows[r].kind == .data ? t.rows[r].rowPath : t.key
                        repaired.append(ExpectedFinding(.textRepaired, path ?? t.key, cause: .ocrLabels))
                    }
                }
            }
        }
        findings += repaired
        if touched { for b in tablePositions { markTable(b, .ocrLabels) } }
    }

    mutating func loseNumbering() {
        for b in tablePositions {
            withTable(b) { t, _ in
                for r in t.rows.indices where t.rows[r].kind == .data {
                    for c in t.rows[r].cells.indices where t.rows[r].cells[c].role == .label {
                        t.rows[r].cells[c].text = Self.withoutNumbering(t.rows[r].cells[c].text)
                    }
                }
            }
            markTable(b, .lostNumbering)
        }
    }

    /// "1.属于国家秘密" → "属于国家秘密", "（一）予以公开" → "予以公开", "三、本年度办理结果" → "本年度办理结果".
    static func withoutNumbering(_ label: String) -> String {
        var s = Substring(label)
        if s.first == "（", let close = s.firstIndex(of: "）"), s.distance(from: s.startIndex, to: close) <= 3 {
            return String(s[s.index(after: close)...])
        }
        let numerals = "一二三四五六七八九十"
        let lead = s.prefix { numerals.contains($0) }
        if !lead.isEmpty, s.dropFirst(lead.count).first == "、" { return String(s.dropFirst(lead.count + 1)) }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let sep = s.dropFirst(digits.count).first, ".、．".contains(sep) { s = s.dropFirst(digits.count + 1) }
        return String(s)
    }

    /// Splits a data row: its labels stay, its values go to a new row below (merged cells
    /// that ran through the row grow by one).
    mutating func valuesOnNextRow() {
        let rows = dataRows { _, row in row.cells.contains { $0.role == .label } && row.cells.contains { $0.role == .value } }
        for (b, r) in pick(rows, rng.int(1...2)).reversed() {
            guard let row = layout.blocks[b].table?.rows[r] else { continue }
            withTable(b) { t, _ in
                for k in 0..<r {
                    for c in t.rows[k].cells.indices where k + t.rows[k].cells[c].rowSpan > r { t.rows[k].cells[c].rowSpan += 1 }
                }
                // The value line keeps the label columns, empty.
                let labels = t.rows[r].cells.filter { $0.role == .label }.map { LayoutCell("", role: .label, columnSpan: $0.columnSpan) }
                let values = t.rows[r].cells.filter { $0.role == .value }
                t.rows[r].cells.removeAll { $0.role == .value }
                t.rows.insert(LayoutRow(kind: .data, cells: labels + values, rowPath: row.rowPath), at: r + 1)
            }
            markRow(row, .valuesOnNextRow)
        }
    }

    mutating func emptyRows() {
        for b in pick(tablePositions, rng.int(1...2)) {
            guard let t = layout.blocks[b].table, t.rows.count > 2 else { continue }
            // Between rows that no merged cell spans.
            let gaps = (1..<t.rows.count).filter { at in !t.rows[..<at].enumerated().contains { k, row in row.cells.contains { k + $0.rowSpan > at } } }
            for at in pick(gaps, rng.int(1...2)).reversed() {
                withTable(b) { t, _ in
                    t.rows.insert(LayoutRow(kind: .header, cells: [LayoutCell("", role: .header, columnSpan: t.columns)]), at: at)
                }
            }
            markTable(b, .emptyRows)
        }
    }

    mutating func extraColumn() {
        for b in pick(tablePositions, 1) {
            withTable(b) { t, rng in
                // The remarks cell of the first header row spans all header rows.
                let headerRows = t.rows.prefix { $0.kind == .header }.count
                for r in t.rows.indices {
                    switch t.rows[r].kind {
                    case .header where r == 0:
                        t.rows[r].cells.append(LayoutCell("备注", role: .header, rowSpan: max(1, headerRows)))
                    case .data, .extra, .group:
                        t.rows[r].cells.append(LayoutCell(rng.chance(0.85) ? "" : rng.pick(["已办结", "按期答复", "见说明"]), role: .header))
                    default:
                        break
                    }
                }
                t.columns += 1
            }
            markTable(b, .extraColumn)
            // Remarks after a row's values are stray cells to a reader.
            if let t = layout.blocks[b].table {
                for row in t.rows where row.kind == .data && row.cells.last?.text.isEmpty == false {
                    allowed.append(ExpectedFinding(.tableExtraCell, row.rowPath))
                }
            }
        }
    }

    /// Each header label of a table's last header row broken in two, the halves on two rows.
    mutating func splitHeaderRows() {
        for b in pick(tablePositions, 1) {
            guard let t = layout.blocks[b].table, let h = t.rows.lastIndex(where: { $0.kind == .header }) else { continue }
            withTable(b) { t, _ in
                var top = t.rows[h]
                var bottom = t.rows[h]
                for c in top.cells.indices {
                    let chars = Array(top.cells[c].text)
                    guard chars.count >= 4, top.cells[c].rowSpan == 1 else {
                        top.cells[c].rowSpan += 1
                        continue
                    }
                    top.cells[c].text = String(chars[..<(chars.count / 2)])
                    bottom.cells[c].text = String(chars[(chars.count / 2)...])
                }
                bottom.cells = bottom.cells.enumerated().filter { top.cells[$0.offset].rowSpan == 1 }.map(\.element)
                // Merged cells above that reached this row now reach one row further.
                for k in 0..<h {
                    for c in t.rows[k].cells.indices where k + t.rows[k].cells[c].rowSpan > h { t.rows[k].cells[c].rowSpan += 1 }
                }
                t.rows[h] = top
                t.rows.insert(bottom, at: h + 1)
            }
            markTable(b, .splitHeaderRows)
            // With its header unreadable, table 四's bare row of numbers is placed by its shape.
            if t.key == "reviewsAndLitigation" { allowed.append(ExpectedFinding(.tableRowInferred, t.key)) }
        }
    }

    /// Wordings seen in real reports (shared/notes/official-format.md §2, §9) and likely ones.
    static let variants: [String: [String]] = [
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ["（二）部分公开", "（二）部分公开（区分处理的，只计这一情形）"],
        "三、本年度办理结果": ["三、办理结果", "三、本年度申请办理结果"],
        "1.属于国家秘密": ["1.国家秘密"],
        "4.保护第三方合法权益": ["4.保护第三方合法权益的"],
        "一、本年新收政府信息公开申请数量": ["一、本年新收政府信息公开申请", "一、本年度新收政府信息公开申请数量"],
        "四、结转下年度继续办理": ["四、结转下年度继续办理的申请"],
        "行政规范性文件": ["规范性文件"],
        "1.信访举报投诉类申请": ["1.信访、举报、投诉类申请"],
        "2.没有现成信息需要另行制作": ["2.没有现成信息，需要另行制作"],
    ]

    mutating func labelVariants() {
        for b in tablePositions {
            withTable(b) { t, rng in
                for r in t.rows.indices where t.rows[r].kind == .data {
                    for c in t.rows[r].cells.indices {
                        guard let options = Self.variants[t.rows[r].cells[c].text], rng.chance(0.7) else { continue }
                        t.rows[r].cells[c].text = rng.pick(options)
                    }
                }
            }
            markTable(b, .labelVariants)
        }
    }

    /// Group cells that span rows become one cell per row, each repeating the group's label.
    mutating func repeatedGroupLabels() {
        for b in tablePositions {
            guard let table = layout.blocks[b].table else { continue }
            // Per row, the columns of the copies already put in (they precede later ones to their right).
            var copies: [Int: [Int]] = [:]
            withTable(b) { t, _ in
                for r in t.rows.indices where t.rows[r].kind == .data {
                    for c in t.rows[r].cells.indices where t.rows[r].cells[c].role == .label && t.rows[r].cells[c].rowSpan > 1 {
                        let cell = t.rows[r].cells[c]
                        t.rows[r].cells[c].rowSpan = 1
                        // The rows below get their own copy, at the same column position.
                        let placement = Placement(table)
                        guard let column = placement.rows[r].compactMap({ item -> Int? in
                            if case .own(let k, let col, _) = item, k == c { return col } else { return nil }
                        }).first else { continue }
                        for below in (r + 1)..<min(t.rows.count, r + cell.rowSpan) {
                            let items = placement.rows[below]
                            let at = items.filter { item in
                                if case .own(_, let col, _) = item { return col < column } else { return false }
                            }.count + (copies[below] ?? []).filter { $0 < column }.count
                            var copy = cell
                            copy.rowSpan = 1
                            t.rows[below].cells.insert(copy, at: min(at, t.rows[below].cells.count))
                            copies[below, default: []].append(column)
                        }
                    }
                }
            }
            markTable(b, .repeatedGroupLabels)
        }
    }

    mutating func subtotalColumn() {
        for b in tablePositions where layout.blocks[b].table?.key == "applications" {
            let values = cells.map(\.value)
            withTable(b) { t, _ in
                for r in t.rows.indices {
                    let row = t.rows[r]
                    if row.kind == .header, let k = row.cells.firstIndex(where: { $0.text == "法人或其他组织" }) {
                        t.rows[r].cells[k].columnSpan += 1
                    } else if row.kind == .header, let k = row.cells.firstIndex(where: { $0.text == "商业企业" }) {
                        t.rows[r].cells.insert(LayoutCell("小计", role: .header), at: k)
                    } else if row.kind == .data, let k = row.cells.firstIndex(where: { $0.role == .value }) {
                        // The five organisation columns follow the natural person's.
                        let orgs = row.cells[(k + 1)...].prefix(5)
                        let parts = orgs.map { c in c.truth.flatMap { values[$0]?.integer } }
                        let text = parts.allSatisfy({ $0 != nil }) ? String(parts.compactMap { $0 }.reduce(0, +)) : ""
                        t.rows[r].cells.insert(LayoutCell(text, role: .header), at: k + 1)
                    }
                }
                t.columns += 1
            }
            markTable(b, .subtotalColumn)
            // Every row then has a cell too many: a reader must say how it read them.
            if let t = layout.blocks[b].table {
                for row in t.rows where row.kind == .data { allowed.append(ExpectedFinding(.tableAmbiguous, row.rowPath)) }
            }
        }
    }

    mutating func missingHeaders() {
        let tables = tablePositions
        for b in pick(tables, rng.int(1...2)) {
            withTable(b) { t, rng in t.rows.removeAll { $0.kind == .header } }
            markTable(b, .missingHeaders)
            // Without headers a reader must place table 四's bare row of numbers by its shape,
            // and cannot tell label padding from values by column: both deserve a word.
            guard let t = layout.blocks[b].table else { continue }
            for row in t.rows where row.kind == .data {
                allowed.append(ExpectedFinding(.tableRowInferred, row.rowPath))
                allowed.append(ExpectedFinding(.tableAmbiguous, row.rowPath))
            }
        }
    }

    mutating func extraRows() {
        let tables = tablePositions.filter { b in Self.extraLabels[layout.blocks[b].table?.key ?? ""] != nil }
        for b in pick(tables, rng.int(1...2)) {
            guard let t = layout.blocks[b].table, let labels = Self.extraLabels[t.key] else { continue }
            // After a data row that no merged cell runs past.
            let data = t.rows.indices.filter { r in
                t.rows[r].kind == .data && t.rows[r].cells.first?.role == .label
                    && !t.rows[...r].enumerated().contains { k, row in row.cells.contains { k + $0.rowSpan > r + 1 } }
            }
            guard let after = data.first.map({ _ in rng.pick(data) }) else { continue }
            let template = t.rows[after]
            var cells: [LayoutCell] = []
            let labelSpan = template.cells.prefix { $0.role == .label }.reduce(0) { $0 + $1.columnSpan }
            cells.append(LayoutCell(rng.pick(labels), role: .label, columnSpan: max(1, labelSpan)))
            for c in template.cells where c.role == .value {
                cells.append(LayoutCell(String(rng.count(zeroChance: 0.4, scale: 30)), role: .value, columnSpan: c.columnSpan))
            }
            withTable(b) { t, rng in t.rows.insert(LayoutRow(kind: .extra, cells: cells), at: after + 1) }
            markTable(b, .extraRows)
            findings.append(ExpectedFinding(.tableExtraRow, "\(t.key).extraRows", cause: .extraRows))
        }
    }

    mutating func wrongSpans() {
        // A reader may say that merged cells do not fit together (a continuation with nothing
        // above it) without naming a template path.
        allowed.append(ExpectedFinding(.tableAmbiguous, nil))
        for b in tablePositions {
            withTable(b) { t, rng in
                for r in t.rows.indices {
                    for c in t.rows[r].cells.indices {
                        let cell = t.rows[r].cells[c]
                        if cell.rowSpan > 1, rng.chance(0.5) {
                            t.rows[r].cells[c].rowSpan = max(1, cell.rowSpan + rng.pick([-2, -1, 1, 2]))
                        }
                        if cell.columnSpan > 1, rng.chance(0.4) {
                            t.rows[r].cells[c].columnSpan = max(1, cell.columnSpan + rng.pick([-1, 1]))
                        }
                    }
                }
            }
            markTable(b, .wrongSpans)
        }
    }
}

extension String {
    func replacingOccurrences(_ a: Character, _ b: Character) -> String { String(map { $0 == a ? b : $0 }) }
}
