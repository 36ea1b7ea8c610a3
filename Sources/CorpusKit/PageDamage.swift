import DocModel

/// Damage to the page around the tables: title, section headings, signature date.
extension Damager {
    mutating func applyPage(_ op: DamageOperator, truth: inout Truth) {
        switch op {
        case .missingHeadings:
            let headings = layout.blocks.indices.filter { if case .heading = layout.blocks[$0] { return true } else { return false } }
            let gone = pick(headings, rng.int(1...2))
            for b in gone.reversed() {
                let n = headings.firstIndex(of: b) ?? 0
                let id = OfficialRows.sectionHeadings[n].0
                truth.sections.removeAll { $0 == id }
                layout.blocks.remove(at: b)
            }
        case .renumberedHeadings:
            let style = rng.int(0...2)
            var n = 0
            for b in layout.blocks.indices {
                guard case .heading(let text) = layout.blocks[b] else { continue }
                n += 1
                let core = String(text.drop { $0 != "、" }.dropFirst())
                switch style {
                case 0: layout.blocks[b] = .heading("\(n)、" + core)
                case 1: layout.blocks[b] = .heading("\(n)." + core)
                default: layout.blocks[b] = .heading(core)
                }
            }
        case .titleAndDateVariants:
            if let b = layout.blocks.firstIndex(where: { if case .title = $0 { return true } else { return false } }),
                case .title(let title) = layout.blocks[b], title.hasSuffix("年政府信息公开工作年度报告")
            {
                let head = title.dropLast("年政府信息公开工作年度报告".count)
                let agency = head.dropLast(4)
                let year = head.suffix(4)
                let variant = rng.pick([
                    "\(agency)\(year)年度政府信息公开工作年度报告", "\(agency)政府信息公开工作\(year)年度报告",
                    "\(agency)\(year)年政府信息公开工作报告", "\(agency)关于\(year)年政府信息公开工作的年度报告",
                ])
                layout.blocks[b] = .title(variant)
                truth.title = variant
            }
            if let b = layout.blocks.lastIndex(where: { if case .signature(let s) = $0 { return s.hasSuffix("日") } else { return false } }),
                let date = truth.publishedOn
            {
                let (y, m, d) = Self.ymd(date)
                layout.blocks[b] = .signature(rng.pick(["\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)", "\(y).\(m).\(d)", "\(y)年\(m < 10 ? "0" : "")\(m)月\(d < 10 ? "0" : "")\(d)日", "\(y) 年 \(m) 月 \(d) 日"]))
            }
        case .splitTitle:
            guard let b = layout.blocks.firstIndex(where: { if case .title = $0 { return true } else { return false } }),
                case .title(let title) = layout.blocks[b]
            else { return }
            let parts: [String]
            if rng.chance(0.5), title.hasSuffix("年度报告") {
                parts = [String(title.dropLast(4)), "年度报告"]
            } else if let year = title.firstIndex(where: { $0.isASCII && $0.isNumber }), year != title.startIndex {
                parts = [String(title[..<year]), String(title[year...])]
            } else {
                parts = [title]
            }
            layout.blocks.replaceSubrange(b...b, with: parts.map { LayoutBlock.title($0) })
        case .chineseDate:
            guard let date = truth.publishedOn else { return }
            let (y, m, d) = Self.ymd(date)
            let zero: Character = rng.chance(0.5) ? "〇" : "○"
            let text = Self.chineseYear(y, zero: zero) + "年" + Self.chineseNumber(m) + "月" + Self.chineseNumber(d) + "日"
            if let b = layout.blocks.lastIndex(where: { if case .signature(let s) = $0 { return s.hasSuffix("日") } else { return false } }) {
                layout.blocks[b] = .signature(text)
            }
        default:
            break
        }
    }

    static func ymd(_ iso: String) -> (Int, Int, Int) {
        let p = iso.split(separator: "-").map { Int($0) ?? 0 }
        return (p.count > 0 ? p[0] : 0, p.count > 1 ? p[1] : 0, p.count > 2 ? p[2] : 0)
    }

    static let digits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func chineseYear(_ y: Int, zero: Character) -> String {
        String(String(y).map { $0 == "0" ? zero : digits[Int(String($0)) ?? 0] })
    }

    /// 1–31 as written in dates: 十, 十二, 二十, 二十五.
    static func chineseNumber(_ n: Int) -> String {
        if n < 10 { return String(digits[n]) }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }
}

/// Page breaks inside tables: a table split in two, a row broken across the break, page-number
/// lines between the parts.
extension Damager {
    /// Splits a table at a data row into two tables, with a page number or nothing between.
    mutating func pageSplit(repeatHeader: Bool) {
        let op: DamageOperator = repeatHeader ? .pageSplitRepeatedHeader : .pageSplitMissingHeader
        let candidates = tablePositions.filter { b in (layout.blocks[b].table?.rows.filter { $0.kind == .data }.count ?? 0) >= 3 }
        guard let b = pick(candidates, 1).first, let table = layout.blocks[b].table else { return }
        let dataIndices = table.rows.indices.filter { table.rows[$0].kind == .data }
        let at = dataIndices[rng.int(1...(dataIndices.count - 1))]
        var first = LayoutTable(key: table.key, columns: table.columns, rows: Array(table.rows[..<at]))
        var second = LayoutTable(key: table.key, columns: table.columns, rows: Array(table.rows[at...]))
        // Spans that ran across the break stop at it; the second page starts without them.
        Self.clipSpans(&first)
        if repeatHeader { second.rows.insert(contentsOf: table.rows.prefix { $0.kind == .header }, at: 0) }
        // A reader that joins the parts again may say so.
        allowed.append(ExpectedFinding(.textRepaired, nil))
        var between: [LayoutBlock] = []
        if rng.chance(0.6) { between.append(.paragraph(pageNumber())) }
        layout.blocks.replaceSubrange(b...b, with: [.table(first)] + between + [.table(second)])
        markTable(b, op)
        if let nb = layout.blocks.indices.last(where: { layout.blocks[$0].table != nil && $0 > b && $0 <= b + between.count + 1 }) {
            markTable(nb, op)
        }
    }

    mutating func rowBrokenAcrossPages() {
        let candidates = dataRows { _, row in row.cells.filter { $0.role == .value }.count >= 3 }
        guard let (b, r) = pick(candidates, 1).first, let table = layout.blocks[b].table else { return }
        let row = table.rows[r]
        let values = row.cells.indices.filter { row.cells[$0].role == .value }
        let cut = values[rng.int(1...(values.count - 1))]
        var first = LayoutTable(key: table.key, columns: table.columns, rows: Array(table.rows[...r]))
        first.rows[r].cells = Array(row.cells[..<cut])
        var secondRows = [LayoutRow(kind: .data, cells: Array(row.cells[cut...]), rowPath: row.rowPath)]
        secondRows += table.rows[(r + 1)...]
        let second = LayoutTable(key: table.key, columns: table.columns, rows: secondRows)
        Self.clipSpans(&first)
        var between: [LayoutBlock] = []
        if rng.chance(0.5) { between.append(.paragraph(pageNumber())) }
        layout.blocks.replaceSubrange(b...b, with: [.table(first)] + between + [.table(second)])
        markRow(row, .rowBrokenAcrossPages)
        allowed.append(ExpectedFinding(.textRepaired, nil))
        allowed.append(ExpectedFinding(.tableAmbiguous, row.rowPath))
    }

    static func clipSpans(_ t: inout LayoutTable) {
        for r in t.rows.indices {
            for c in t.rows[r].cells.indices {
                t.rows[r].cells[c].rowSpan = min(t.rows[r].cells[c].rowSpan, t.rows.count - r)
            }
        }
    }

    mutating func pageNumber() -> String {
        let n = rng.int(2...12)
        return rng.pick(["— \(n) —", "- \(n) -", "—\(n)—", "第\(n)页", "第 \(n) 页 共 \(n + rng.int(1...5)) 页"])
    }

    mutating func pageNumberLines() {
        for b in pick(tablePositions, rng.int(1...2)) {
            guard let t = layout.blocks[b].table, t.rows.count > 2 else { continue }
            let at = rng.int(1...(t.rows.count - 1))
            let line = pageNumber()
            withTable(b) { t, rng in
                t.rows.insert(LayoutRow(kind: .pageNumber, cells: [LayoutCell(line, role: .label, columnSpan: t.columns)]), at: at)
                Self.clipSpansAround(&t, at)
            }
            markTable(b, .pageNumberLines)
        }
    }

    /// A page-number row breaks the rows spans run through: spans above it stop there.
    static func clipSpansAround(_ t: inout LayoutTable, _ at: Int) {
        for r in 0..<at {
            for c in t.rows[r].cells.indices where r + t.rows[r].cells[c].rowSpan > at {
                t.rows[r].cells[c].rowSpan = at - r
            }
        }
    }

    static let extraLabels: [String: [String]] = [
        "activeDisclosure": ["其他主动公开文件", "党务公开文件", "政府信息公开目录更新条目"],
        "applications": ["其中：通过互联网提交申请", "其中：当面提交申请", "五、本年度申请办结率"],
    ]
}
