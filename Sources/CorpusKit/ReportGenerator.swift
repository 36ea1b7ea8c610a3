import DocModel

/// Makes the undamaged report: random but consistent values (or, when asked, values that
/// break one of the tables' rules on purpose), laid out in the official tables.
struct ReportGenerator {
    var rng: SplitMix64
    var cells: [ExpectedCell] = []
    /// When set, the six applicant columns of 上年结转 (a series continues last year's
    /// carried-forward row); newly received still balances the table.
    var carriedOver: [Int]?

    init(rng: SplitMix64) {
        self.rng = rng
    }

    static let places = [
        ("玉溪市江川区", "雄关乡"), ("临汾市安泽县", "府城镇"), ("杭州市富阳区", "上官乡"), ("邢台市宁晋县", "贾家口镇"),
        ("孝感市孝南区", "朋兴乡"), ("威海市文登区", "米山镇"), ("重庆市九龙坡区", "二郎街道"), ("深圳市龙岗区", "坂田街道"),
        ("长春市绿园区", "城西镇"), ("湛江市徐闻县", "下洋镇"), ("恩施州来凤县", "三胡乡"), ("衡水市武强县", "街关镇"),
    ]
    static let departments = ["统计局", "审计局", "信访局", "司法局", "教育局", "民政局", "财政局", "应急管理局", "市场监督管理局", "自然资源局"]

    mutating func agencyNames() -> (full: String, inTitle: String) {
        let (county, town) = rng.pick(Self.places)
        if rng.chance(0.5) {
            let suffix = town.hasSuffix("街道") ? "办事处" : "人民政府"
            let full = county + town + suffix
            return (full, rng.chance(0.5) ? town : full)
        }
        let countyName = String(county.drop { $0 != "市" && $0 != "州" }.dropFirst())
        let department = rng.pick(Self.departments)
        let full = countyName + department
        return (full, rng.chance(0.6) ? full : county + department)
    }

    // MARK: - Values

    mutating func add(_ table: String, _ row: String, _ field: String, _ value: Value?) -> Int {
        cells.append(ExpectedCell(table: table, row: row, field: field, value: value, determinable: true, damage: []))
        return cells.count - 1
    }

    func value(_ table: String, _ row: String, _ field: String) -> Int? {
        cells.first { $0.table == table && $0.row == row && $0.field == field }?.value?.integer
    }

    /// A money amount with 0 to 4 decimals and no trailing zero (so its text is canonical).
    mutating func amount(maxInteger: Int) -> Value {
        if rng.chance(0.3) { return .integer(0) }
        let whole = rng.int(0...maxInteger)
        let decimals = rng.int(0...4)
        if decimals == 0 { return .integer(max(whole, 1)) }
        var frac = ""
        for i in 0..<decimals { frac += String(i == decimals - 1 ? rng.int(1...9) : rng.int(0...9)) }
        return .decimal("\(whole).\(frac)")
    }

    mutating func disclosureValues(_ template: Template) {
        let t = "activeDisclosure"
        for block in OfficialRows.disclosureBlocks(template) {
            for (path, _) in block.rows {
                for field in block.fields {
                    let v: Value
                    switch field {
                    case "change":
                        v = .integer(rng.chance(0.5) ? 0 : rng.int(-6...6))
                    case "amount" where template == .y2021:
                        v = amount(maxInteger: rng.chance(0.3) ? 20000 : 50)
                    case "amount":
                        v = amount(maxInteger: rng.chance(0.5) ? 900_000 : 300)
                    case "decisions", "previousYearItems":
                        v = .integer(rng.chance(0.3) ? rng.int(100...25000) : rng.count(zeroChance: 0.4, scale: 300))
                    case "inForce", "totalPublished":
                        v = .integer(rng.count(zeroChance: 0.3, scale: 120))
                    default:
                        v = .integer(rng.count(zeroChance: 0.5, scale: 12))
                    }
                    _ = add(t, path, field, v)
                    if field == "amount", template == .y2019 {
                        let unit: Value? = v == .integer(0) ? nil : [Value.text("万元"), .text("元"), nil][rng.int(0...2)]
                        _ = add(t, path, "unit", unit)
                    }
                }
            }
        }
    }

    mutating func applicationValues(_ template: Template) {
        let t = "applications"
        let applicants = Array(OfficialRows.applicantFields.dropLast())
        let leaves = OfficialRows.resultLeaves(template)
        let busy = rng.chance(0.4)
        // Per applicant column: result leaves, carried forward and over; newly received balances them.
        var columns: [[String: Int]] = []
        for (c, _) in applicants.enumerated() {
            let scale = c == 0 ? (busy ? 400 : 12) : (busy ? 40 : 3)
            let zero = c == 0 ? 0.55 : 0.85
            var col: [String: Int] = [:]
            var total = 0
            for leaf in leaves {
                let n = rng.count(zeroChance: zero, scale: scale)
                col[leaf] = n
                total += n
            }
            let forward = rng.count(zeroChance: 0.7, scale: max(2, scale / 5))
            var over = min(total + forward, rng.count(zeroChance: 0.7, scale: max(2, scale / 5)))
            if let forced = carriedOver {
                over = forced[c]
                // More carried over than handled and carried forward: the surplus was granted.
                if over > total + forward, let first = leaves.first {
                    col[first, default: 0] += over - total - forward
                    total = over - forward
                }
            }
            col["results.total"] = total
            col["carriedForward"] = forward
            col["carriedOver"] = over
            col["newlyReceived"] = total + forward - over
            columns.append(col)
        }
        let rows = ["newlyReceived", "carriedOver"] + leaves + ["results.total", "carriedForward"]
        // Template order: the leaves, with 2019's single otherHandling row before the total.
        for row in rows {
            var sum = 0
            for (c, field) in applicants.enumerated() {
                let v = columns[c][row] ?? 0
                sum += v
                _ = add(t, row, field, .integer(v))
            }
            _ = add(t, row, "total", .integer(sum))
        }
    }

    mutating func reviewValues() {
        for group in OfficialRows.reviewGroups {
            var sum = 0
            for field in OfficialRows.reviewFields.dropLast() {
                let v = rng.count(zeroChance: 0.75, scale: 6)
                sum += v
                _ = add("reviewsAndLitigation", group, field, .integer(v))
            }
            _ = add("reviewsAndLitigation", group, "total", .integer(sum))
        }
    }

    /// Breaks one rule of the tables on purpose: a result cell, a row total, a review total or
    /// a negative count.
    mutating func makeInconsistent(_ template: Template) {
        func bump(_ table: String, _ row: String, _ field: String, by delta: Int) {
            guard let i = cells.firstIndex(where: { $0.table == table && $0.row == row && $0.field == field }),
                let v = cells[i].value?.integer
            else { return }
            cells[i].value = .integer(v + delta)
        }
        switch rng.int(0...3) {
        case 0:
            let leaf = rng.pick(OfficialRows.resultLeaves(template))
            bump("applications", leaf, rng.pick(Array(OfficialRows.applicantFields.dropLast())), by: rng.int(1...3))
        case 1:
            bump("applications", rng.pick(["newlyReceived", "carriedForward", "results.total"]), "total", by: rng.pick([-1, 1, 2]))
        case 2:
            bump("reviewsAndLitigation", rng.pick(OfficialRows.reviewGroups), rng.pick(["upheld", "total", "pending"]), by: 1)
        default:
            let field = template == .y2021 ? "repealed" : "newlyMade"
            if let i = cells.firstIndex(where: { $0.table == "activeDisclosure" && $0.row == "regulations" && $0.field == field }) {
                cells[i].value = .integer(-rng.int(1...3))
            }
        }
    }
}
