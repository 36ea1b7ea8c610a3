import DocModel

/// Lays the values out the way official reports print them (merged cells included).
extension ReportGenerator {
    func index(_ table: String, _ row: String, _ field: String) -> Int {
        cells.firstIndex { $0.table == table && $0.row == row && $0.field == field } ?? 0
    }

    /// The cell's text as a report would print it.
    mutating func text(_ i: Int) -> String {
        let cell = cells[i]
        guard let value = cell.value else { return "" }
        var s: String
        switch value {
        case .integer(let v):
            s = String(v)
            if cell.field == "change" {
                if v < 0 { s = rng.chance(0.5) ? "减\(-v)" : "-\(-v)" }
                if v > 0 { s = [String(v), "+\(v)", "增\(v)"][rng.int(0...2)] }
            }
        case .decimal(let d): s = d
        case .text(let t): s = t
        }
        if cell.field == "amount", cell.table == "activeDisclosure", let unitIndex = cells.firstIndex(where: { $0.row == cell.row && $0.field == "unit" }),
            case .text(let unit)? = cells[unitIndex].value
        {
            s += unit
        }
        return s
    }

    mutating func valueCell(_ table: String, _ row: String, _ field: String, span: Int = 1) -> LayoutCell {
        let i = index(table, row, field)
        return LayoutCell(text(i), role: .value, columnSpan: span, truth: i)
    }

    mutating func disclosureTable(_ template: Template) -> LayoutTable {
        let t = "activeDisclosure"
        var rows: [LayoutRow] = []
        for block in OfficialRows.disclosureBlocks(template) {
            rows.append(LayoutRow(kind: .group, cells: [LayoutCell(block.title, role: .label, columnSpan: 4)]))
            var header = [LayoutCell("信息内容", role: .header)]
            for (k, h) in block.headers.enumerated() {
                header.append(LayoutCell(h, role: .header, columnSpan: k == block.headers.count - 1 ? 4 - block.headers.count : 1))
            }
            rows.append(LayoutRow(kind: .header, cells: header))
            for (path, label) in block.rows {
                var cells = [LayoutCell(label, role: .label)]
                for (k, field) in block.fields.enumerated() {
                    cells.append(valueCell(t, path, field, span: k == block.fields.count - 1 ? 4 - block.fields.count : 1))
                }
                rows.append(LayoutRow(kind: .data, cells: cells, rowPath: "\(t).\(path)"))
            }
        }
        return LayoutTable(key: t, columns: 4, rows: rows)
    }

    mutating func applicationsTable(_ template: Template) -> LayoutTable {
        let t = "applications"
        var rows: [LayoutRow] = [
            LayoutRow(kind: .header, cells: [
                LayoutCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", role: .header, rowSpan: 3, columnSpan: 3),
                LayoutCell("申请人情况", role: .header, columnSpan: 7),
            ]),
            LayoutRow(kind: .header, cells: [
                LayoutCell("自然人", role: .header, rowSpan: 2), LayoutCell("法人或其他组织", role: .header, columnSpan: 5),
                LayoutCell("总计", role: .header, rowSpan: 2),
            ]),
            LayoutRow(kind: .header, cells: ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map { LayoutCell($0, role: .header) }),
        ]
        func values(_ row: String) -> [LayoutCell] {
            var out: [LayoutCell] = []
            for field in OfficialRows.applicantFields { out.append(valueCell(t, row, field)) }
            return out
        }
        func data(_ row: String, _ cells: [LayoutCell]) -> LayoutRow { LayoutRow(kind: .data, cells: cells, rowPath: "\(t).\(row)") }
        rows.append(data("newlyReceived", [LayoutCell("一、本年新收政府信息公开申请数量", role: .label, columnSpan: 3)] + values("newlyReceived")))
        rows.append(data("carriedOver", [LayoutCell("二、上年结转政府信息公开申请数量", role: .label, columnSpan: 3)] + values("carriedOver")))
        let groups = OfficialRows.applicationGroups(template)
        let resultRows = 2 + groups.reduce(0) { $0 + $1.rows.count } + (template == .y2019 ? 1 : 0) + 1
        rows.append(data("results.granted", [
            LayoutCell("三、本年度办理结果", role: .label, rowSpan: resultRows), LayoutCell("（一）予以公开", role: .label, columnSpan: 2),
        ] + values("results.granted")))
        rows.append(data("results.partiallyGranted", [
            LayoutCell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", role: .label, columnSpan: 2),
        ] + values("results.partiallyGranted")))
        for group in groups {
            for (k, row) in group.rows.enumerated() {
                var cells: [LayoutCell] = []
                if k == 0 { cells.append(LayoutCell(group.label, role: .label, rowSpan: group.rows.count)) }
                cells.append(LayoutCell(row.label, role: .label))
                rows.append(data(row.path, cells + values(row.path)))
            }
        }
        if template == .y2019 {
            rows.append(data("results.otherHandling.other", [LayoutCell("（六）其他处理", role: .label, columnSpan: 2)] + values("results.otherHandling.other")))
        }
        rows.append(data("results.total", [LayoutCell("（七）总计", role: .label, columnSpan: 2)] + values("results.total")))
        rows.append(data("carriedForward", [LayoutCell("四、结转下年度继续办理", role: .label, columnSpan: 3)] + values("carriedForward")))
        return LayoutTable(key: t, columns: 10, rows: rows)
    }

    mutating func reviewsTable() -> LayoutTable {
        let t = "reviewsAndLitigation"
        var h1 = OfficialRows.reviewHeaders.map { LayoutCell($0, role: .header, rowSpan: 2) }
        h1 += [LayoutCell("未经复议直接起诉", role: .header, columnSpan: 5), LayoutCell("复议后起诉", role: .header, columnSpan: 5)]
        var values: [LayoutCell] = []
        for group in OfficialRows.reviewGroups {
            for field in OfficialRows.reviewFields { values.append(valueCell(t, group, field)) }
        }
        return LayoutTable(key: t, columns: 15, rows: [
            LayoutRow(kind: .header, cells: [LayoutCell("行政复议", role: .header, columnSpan: 5), LayoutCell("行政诉讼", role: .header, columnSpan: 10)]),
            LayoutRow(kind: .header, cells: h1),
            LayoutRow(kind: .header, cells: (OfficialRows.reviewHeaders + OfficialRows.reviewHeaders).map { LayoutCell($0, role: .header) }),
            LayoutRow(kind: .data, cells: values, rowPath: t),
        ])
    }

    static let prose = [
        "我单位认真贯彻落实《中华人民共和国政府信息公开条例》，进一步加强组织领导，完善工作机制，推动政务公开工作取得新成效。",
        "围绕重点领域信息公开，及时发布财政预决算、重大建设项目、公共资源配置等信息，主动接受社会监督。",
        "严格落实政策解读“三同步”制度，对重要政策文件同步开展解读，提高政策知晓度。",
        "依法依规办理政府信息公开申请，在法定期限内予以答复，未发生因答复不及时引发的争议。",
        "加强政府网站和政务新媒体建设管理，规范栏目设置，确保信息发布及时、准确、全面。",
        "定期组织工作人员参加政务公开业务培训，提升信息公开工作人员的业务能力。",
        "政府信息公开工作仍存在公开内容不够全面、政策解读形式较为单一等问题。",
        "下一步，我们将进一步健全工作机制，拓展公开渠道，推动政务公开工作不断向纵深发展。",
        "本年度未收取信息处理费。",
        "无其他需要报告的事项。",
    ]

    /// The whole report page: title, preamble, six sections with their tables, signature.
    mutating func layout(_ template: Template, title: String, agency: String, year: Int, date: (Int, Int, Int)?, hasSignature: Bool) -> Layout {
        var blocks: [LayoutBlock] = [.title(title)]
        blocks.append(.paragraph("本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室有关要求编制。报告所列数据统计期限自\(year)年1月1日起至\(year)年12月31日止。"))
        let tables: [SectionID: LayoutTable] = [
            .activeDisclosure: disclosureTable(template), .applications: applicationsTable(template), .reviewsAndLitigation: reviewsTable(),
        ]
        for (n, (id, wordings)) in OfficialRows.sectionHeadings.enumerated() {
            blocks.append(.heading(OfficialRows.chineseNumbers[n] + "、" + rng.pick(wordings)))
            if let table = tables[id] {
                if rng.chance(0.3) { blocks.append(.paragraph(rng.pick(Self.prose))) }
                blocks.append(.table(table))
            } else {
                if id == .overview {
                    blocks.append(.paragraph("（一）主动公开"))
                    blocks.append(.paragraph(rng.pick(Self.prose) + "全年共主动公开政府信息\(rng.int(20...3000))条。"))
                    blocks.append(.paragraph("（二）依申请公开"))
                }
                for _ in 0..<rng.int(1...3) { blocks.append(.paragraph(rng.pick(Self.prose))) }
            }
        }
        if hasSignature {
            blocks.append(.signature(agency))
            if let (y, m, d) = date { blocks.append(.signature("\(y)年\(m)月\(d)日")) }
        }
        return Layout(blocks: blocks)
    }
}
