import DocModel
import DoccanonKit
import Testing

/// Tables written one cell a line, as `pdftotext` without `-layout` gives a PDF's tables
/// (FormatText's CellStreamTable, TableCore's CellStream*.swift). The inputs are written here:
/// a 2021 report whose tables come out in the orders real extractions show (values before their
/// label, labels gathered at a table's end, a block of rows column by column, 表四's groups
/// interleaved), with page numbers and labels broken over lines. The real extractions are in
/// Tests/Fixtures/real (`*.plain.txt`, scored by RealSetTests).
@Suite struct CellStreamTests {
    // MARK: The report's figures (they add up: row totals, the balance, the results total)

    static let newly = [50, 6, 0, 0, 1, 1, 58], carried = [7, 0, 0, 0, 0, 0, 7], forward = [3, 0, 0, 0, 0, 0, 3]
    static let results: [(String, [Int])] = [
        ("（一）予以公开", [20, 3, 0, 0, 1, 0, 24]), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [5, 0, 0, 0, 0, 0, 5]),
        ("1.属于国家秘密", [1, 0, 0, 0, 0, 0, 1]), ("2.其他法律行政法规禁止公开", [2, 1, 0, 0, 0, 0, 3]),
        ("3.危及“三安全一稳定”", zero), ("4.保护第三方合法权益", zero), ("5.属于三类内部事务信息", zero),
        ("6.属于四类过程性信息", [4, 0, 0, 0, 0, 0, 4]), ("7.属于行政执法案卷", zero), ("8.属于行政查询事项", zero),
        ("1.本机关不掌握相关政府信息", [9, 2, 0, 0, 0, 0, 11]), ("2.没有现成信息需要另行制作", [3, 0, 0, 0, 0, 0, 3]),
        ("3.补正后申请内容仍不明确", zero), ("1.信访举报投诉类申请", [6, 0, 0, 0, 0, 0, 6]), ("2.重复申请", [1, 0, 0, 0, 0, 0, 1]),
        ("3.要求提供公开出版物", zero), ("4.无正当理由大量反复申请", zero), ("5.要求行政机关确认或重新出具已获取信息", zero),
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [2, 0, 0, 0, 0, 0, 2]),
        ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", zero), ("3.其他", [1, 0, 0, 0, 0, 1, 2]),
        ("（七）总计", [54, 6, 0, 0, 1, 1, 62]),
    ]
    static let zero = [0, 0, 0, 0, 0, 0, 0]
    static let reviews = [[40, 25, 9, 6, 80], [5, 3, 0, 2, 10], [7, 1, 1, 0, 9]]

    // MARK: Writing the text

    /// A label cell broken at `width` characters, one piece a line.
    static func broken(_ label: String, _ width: Int = 13) -> [String] {
        var out: [String] = []
        var rest = Substring(label)
        while !rest.isEmpty {
            out.append(String(rest.prefix(width)))
            rest = rest.dropFirst(width)
        }
        return out
    }

    static func numbers(_ values: [Int]) -> [String] { values.map(String.init) }

    static let activeDisclosure: [String] =
        ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "1", "行政规范性文件", "3", "2", "17",
         "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "-2-", "128", "第二十条第（六）项", "信息内容", "本年处理决定数量",
         "行政处罚", "45", "行政强制", "6", "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "12.5", "行政事业性收费"]

    static let applicationsHeader: [String] =
        ["申请人情况", "（本列数据的勾稽关系为：第一项加第二项之和，", "等于第三项加第四项之和）", "法人或其他组织", "自然人", "商业企", "业", "科研机", "构",
         "社会公益", "组织", "法律服务", "机构", "其他", "总计"]

    /// 表三 with rows `block` (indexes into `results`) written column by column, their labels after.
    static func applications(columnMajor block: Range<Int>?) -> [String] {
        var lines = applicationsHeader
        lines += ["一、本年新收政府信息公开申请数量"] + numbers(newly) + ["二、上年结转政府信息公开申请数量"] + numbers(carried) + ["三、本年度办理结果"]
        var k = 0
        while k < results.count {
            if let block, block.lowerBound == k {
                for c in 0..<7 { lines += block.map { String(results[$0].1[c]) } }
                lines += ["-3-"] + block.flatMap { broken(results[$0].0) }
                k = block.upperBound
                continue
            }
            // The first two result rows: values first, their labels gathered at the table's end.
            lines += k < 2 ? numbers(results[k].1) : broken(results[k].0) + numbers(results[k].1)
            k += 1
        }
        lines += ["四、结转下年度继续办理"] + numbers(forward) + broken(results[0].0) + broken(results[1].0)
        return lines
    }

    /// 表四 with its groups interleaved the way one real extraction gives them.
    static let reviewsInterleaved = interleaved(reviews)

    static func interleaved(_ groups: [[Int]]) -> [String] {
        let (a, b, c) = (groups[0], groups[1], groups[2])
        let order = Array(a.prefix(4)) + Array(c.prefix(4)) + [a[4]] + b + [c[4]]
        return ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] + numbers(order)
    }

    static func report(_ active: [String], _ applications: [String], _ reviews: [String], blankBetween: Bool = true) throws -> Report {
        let cells = { (lines: [String]) in blankBetween ? lines.flatMap { [$0, ""] } : lines }
        var text = ["某县人民政府", "2023年政府信息公开工作年度报告", "", "一、总体情况", "本县认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。"]
        text += ["二、主动公开政府信息情况"] + cells(active)
        text += ["三、收到和处理政府信息公开申请情况"] + cells(applications)
        text += ["四、政府信息公开行政复议、行政诉讼情况"] + cells(reviews)
        text += ["五、存在的主要问题及改进情况", "政策解读的形式还不够丰富，下一步将加强培训。", "六、其他需要报告的事项", "本年度未收取信息处理费。", "某县人民政府", "2024年1月20日"]
        return try Pipeline.report(bytes: Array(text.joined(separator: "\n").utf8), name: "plain.txt", format: .text)
    }

    static let resultPaths = OfficialPaths.results

    // MARK: Tests

    @Test func rowsInOrderWithValuesBeforeAndLabelsAfterAreRead() throws {
        for blank in [true, false] {
            let r = try Self.report(Self.activeDisclosure, Self.applications(columnMajor: nil), Self.reviewsInterleaved, blankBetween: blank)
            #expect(r.activeDisclosure?.value("normativeDocuments", "inForce") == .integer(17))
            #expect(r.activeDisclosure?.value("licensing", "decisions") == .integer(128))
            #expect(r.activeDisclosure?.value("fees", "amount") == .decimal("12.5"))
            #expect(r.applications?.value("newlyReceived", "total") == .integer(58))
            #expect(r.applications?.value("results.granted", "naturalPerson") == .integer(20))
            #expect(r.applications?.value("results.partiallyGranted", "total") == .integer(5))
            #expect(r.applications?.value("results.otherHandling.other", "otherOrganization") == .integer(1))
            #expect(r.applications?.value("carriedForward", "naturalPerson") == .integer(3))
            // Values away from their labels are paired by the template's order, and said so.
            #expect(r.findings.contains { $0.rule == .tableRowInferred && $0.path == "applications.results.granted" })
            #expect(!r.findings.contains { $0.rule == .tableMissing || $0.severity == .error })
            #expect(r.sections.map(\.id) == SectionID.allCases)
        }
    }

    @Test func aBlockWrittenColumnByColumnIsReadByTheArithmetic() throws {
        let r = try Self.report(Self.activeDisclosure, Self.applications(columnMajor: 2..<11), Self.reviewsInterleaved)
        let t = try #require(r.applications)
        for (k, (_, values)) in Self.results.enumerated() {
            let row = t.rows.first { $0.path == Self.resultPaths[k] }
            #expect(row?.fields.map(\.value) == values.map { .integer($0) }, "\(Self.resultPaths[k])")
        }
        #expect(r.findings.contains { $0.rule == .tableAmbiguous && $0.path == "applications.results.denied.stateSecret" })
        #expect(!r.findings.contains { $0.severity == .error })
    }

    /// 表四's groups interleaved: the first group is decided (only one way adds up), the other two
    /// add up either way round, so they are null with a finding, never one of the two.
    @Test func interleavedReviewGroupsAreDecidedOnlyWhereTheArithmeticDecides() throws {
        let r = try Self.report(Self.activeDisclosure, Self.applications(columnMajor: nil), Self.reviewsInterleaved)
        let t = try #require(r.reviewsAndLitigation)
        #expect(t.rows.first { $0.path == "administrativeReview" }?.fields.map(\.value) == Self.reviews[0].map { .integer($0) })
        for path in ["litigationDirect", "litigationAfterReview"] {
            #expect(t.rows.first { $0.path == path }?.fields.allSatisfy { $0.value == nil } == true)
            #expect(r.findings.contains { $0.rule == .tableAmbiguous && $0.path == "reviewsAndLitigation.\(path)" })
        }
    }

    /// 表四 heavy with zeros, interleaved: thousands of interleavings add up (too many to list),
    /// yet every one gives the same value to some cells. Those are read, the others stay null
    /// with a finding, and no cell takes a value some interleaving that adds up contradicts.
    @Test func zeroHeavyReviewGroupsAreDecidedWhereEveryInterleavingAgrees() throws {
        let paths = ["administrativeReview", "litigationDirect", "litigationAfterReview"]
        let cases: [(groups: [[Int]], decided: Int)] = [
            ([[5, 0, 0, 0, 5], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], 15),
            ([[3, 1, 0, 0, 4], [0, 0, 0, 1, 1], [0, 0, 0, 0, 0]], 11),
        ]
        for (groups, decided) in cases {
            let r = try Self.report(Self.activeDisclosure, Self.applications(columnMajor: nil), Self.interleaved(groups))
            let t = try #require(r.reviewsAndLitigation)
            var read = 0
            for (path, truth) in zip(paths, groups) {
                let fields = try #require(t.rows.first { $0.path == path }?.fields)
                for (field, value) in zip(fields, truth) where field.value != nil {
                    #expect(field.value == .integer(value), "\(path).\(field.name)")
                    read += 1
                }
                if fields.contains(where: { $0.value == nil }) {
                    #expect(r.findings.contains { $0.rule == .tableAmbiguous && $0.path == "reviewsAndLitigation.\(path)" })
                }
            }
            #expect(read == decided, "\(groups)")
        }
    }

    /// 表二 has no arithmetic: rows written column by column cannot be told from rows in order.
    @Test func uncheckedRowsAwayFromTheirLabelsAreNull() throws {
        var active = Self.activeDisclosure
        let start = try #require(active.firstIndex(of: "规章"))
        active.replaceSubrange(start..<(start + 8), with: ["规章", "行政规范性文件", "0", "3", "0", "2", "1", "17"])
        let r = try Self.report(active, Self.applications(columnMajor: nil), Self.reviewsInterleaved)
        for field in ["issued", "repealed", "inForce"] {
            #expect(r.activeDisclosure?.value("regulations", field) == nil)
            #expect(r.activeDisclosure?.value("normativeDocuments", field) == nil)
        }
        #expect(r.findings.contains { $0.rule == .tableAmbiguous && $0.path == "activeDisclosure.regulations" })
        #expect(r.activeDisclosure?.value("penalties", "decisions") == .integer(45))
    }

    /// A value lost from the stream leaves nothing to pair by: the table is not read (a finding
    /// says why), rather than every value after the gap shifted into the wrong cell.
    @Test func aStreamThatDoesNotCountOutIsNotPaired() throws {
        var applications = Self.applications(columnMajor: nil)
        let lost = try #require(applications.lastIndex(of: "9"))
        applications.remove(at: lost)
        let r = try Self.report(Self.activeDisclosure, applications, Self.reviewsInterleaved)
        #expect(r.findings.contains { $0.rule == .tableRowMissing && $0.path == "applications" })
        let values = r.applications?.rows.flatMap(\.fields).compactMap(\.value) ?? []
        #expect(values.isEmpty)
    }

    /// A few numbers alone on their lines in prose are no table.
    @Test func prosewithShortNumberLinesIsNoTable() throws {
        let text = ["某县人民政府2023年政府信息公开工作年度报告", "一、总体情况", "全年办理：", "12", "件", "二、主动公开政府信息情况", "共计", "5", "条"]
        let document = try Pipeline.document(bytes: Array(text.joined(separator: "\n").utf8), name: "p.txt", format: .text)
        #expect(!document.blocks.contains { if case .table = $0 { return true } else { return false } })
    }
}

enum OfficialPaths {
    static let results = [
        "results.granted", "results.partiallyGranted", "results.denied.stateSecret", "results.denied.prohibitedByLaw",
        "results.denied.securityOrStability", "results.denied.thirdPartyRights", "results.denied.internalAffairs",
        "results.denied.processInformation", "results.denied.enforcementFiles", "results.denied.administrativeQuery",
        "results.unableToProvide.notHeld", "results.unableToProvide.needsCreation", "results.unableToProvide.unclearAfterCorrection",
        "results.notProcessed.petitionOrComplaint", "results.notProcessed.duplicate", "results.notProcessed.publication",
        "results.notProcessed.excessiveRepeated", "results.notProcessed.confirmation", "results.otherHandling.overdueCorrection",
        "results.otherHandling.unpaidFees", "results.otherHandling.other", "results.total",
    ]
}
