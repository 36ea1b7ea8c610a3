import DocModel
import DoccanonKit
import Testing

/// Reports whose tables were run together (a page's `textContent`): each row's label and its
/// digits on one line, or the whole table on one line. The tables here are made up for the
/// tests: their rows are single digits (one split each) except where a test needs a choice.
@Suite struct RunTogetherTextTests {
    /// 表三 (2021) row labels as the template writes them, and their paths.
    static let resultRows: [(label: String, path: String)] = [
        ("三、本年度办理结果（一）予以公开", "results.granted"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "results.partiallyGranted"),
        ("（三）不予公开1.属于国家秘密", "results.denied.stateSecret"),
        ("2.其他法律行政法规禁止公开", "results.denied.prohibitedByLaw"),
        ("3.危及“三安全一稳定”", "results.denied.securityOrStability"),
        ("4.保护第三方合法权益", "results.denied.thirdPartyRights"),
        ("5.属于三类内部事务信息", "results.denied.internalAffairs"),
        ("6.属于四类过程性信息", "results.denied.processInformation"),
        ("7.属于行政执法案卷", "results.denied.enforcementFiles"),
        ("8.属于行政查询事项", "results.denied.administrativeQuery"),
        ("（四）无法提供1.本机关不掌握相关政府信息", "results.unableToProvide.notHeld"),
        ("2.没有现成信息需要另行制作", "results.unableToProvide.needsCreation"),
        ("3.补正后申请内容仍不明确", "results.unableToProvide.unclearAfterCorrection"),
        ("（五）不予处理1.信访举报投诉类申请", "results.notProcessed.petitionOrComplaint"),
        ("2.重复申请", "results.notProcessed.duplicate"),
        ("3.要求提供公开出版物", "results.notProcessed.publication"),
        ("4.无正当理由大量反复申请", "results.notProcessed.excessiveRepeated"),
        ("5.要求行政机关确认或重新出具已获取信息", "results.notProcessed.confirmation"),
        ("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "results.otherHandling.overdueCorrection"),
        ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "results.otherHandling.unpaidFees"),
        ("3.其他", "results.otherHandling.other"),
    ]

    /// Per result row, its six applicant columns (the row total is their sum). The column sums
    /// are 30, 0, 3, 9, 3, 2: the 总计 row "300393247" splits several ways that each sum to 47
    /// ([3, 0, 0, 39, 3, 2], [3, 0, 0, 3, 9, 32], …); only the column sums tell them apart.
    static let results: [String: [Int]] = [
        "results.granted": [9, 0, 0, 0, 0, 0],
        "results.partiallyGranted": [9, 0, 0, 0, 0, 0],
        "results.denied.stateSecret": [9, 0, 0, 0, 0, 0],
        "results.denied.prohibitedByLaw": [3, 0, 0, 0, 0, 0],
        "results.denied.thirdPartyRights": [0, 0, 3, 0, 0, 0],
        "results.unableToProvide.notHeld": [0, 0, 0, 9, 0, 0],
        "results.unableToProvide.needsCreation": [0, 0, 0, 0, 3, 0],
        "results.otherHandling.other": [0, 0, 0, 0, 0, 2],
    ]
    static let carriedForward = [1, 0, 0, 0, 0, 0]

    static func withTotal(_ v: [Int]) -> [Int] { v + [v.reduce(0, +)] }
    static func digits(_ v: [Int]) -> String { v.map(String.init).joined() }

    /// The values of every row of 表三 by path (newlyReceived balances the table).
    static func values() -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        var total = Array(repeating: 0, count: 6)
        for (_, path) in resultRows {
            let v = results[path] ?? Array(repeating: 0, count: 6)
            out["applications." + path] = withTotal(v)
            total = zip(total, v).map(+)
        }
        out["applications.results.total"] = withTotal(total)
        out["applications.carriedOver"] = withTotal(Array(repeating: 0, count: 6))
        out["applications.carriedForward"] = withTotal(carriedForward)
        out["applications.newlyReceived"] = withTotal(zip(total, carriedForward).map(+))
        return out
    }

    /// 表三's lines run together, labels as given (`relabel` rewrites some).
    static func applicationLines(relabel: [String: String] = [:]) -> [String] {
        let v = values()
        func line(_ label: String, _ path: String) -> String { (relabel[path] ?? label) + digits(v["applications." + path] ?? []) }
        var lines = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况", "自然人法人或其他组织总计", "商业企业科研机构社会公益组织法律服务机构其他"]
        lines.append(line("一、本年新收政府信息公开申请数量", "newlyReceived"))
        lines.append(line("二、上年结转政府信息公开申请数量", "carriedOver"))
        lines += resultRows.map { line($0.label, $0.path) }
        lines.append(line("（七）总计", "results.total"))
        lines.append(line("四、结转下年度继续办理", "carriedForward"))
        return lines
    }

    static let reviewHeader = [
        "行政复议行政诉讼", "结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉",
        "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计",
    ]
    static let reviewValues = "010010000000011"

    static func report(applications: [String], reviews: [String]) -> String {
        ([
            "某某县统计局2022年政府信息公开工作年度报告", "",
            "一、总体情况", "", "本年度依法做好政府信息公开工作。", "",
            "二、主动公开政府信息情况", "", "第二十条第（一）项", "信息内容本年制发件数本年废止件数现行有效件数",
            "规章000", "行政规范性文件000", "",
            "三、收到和处理政府信息公开申请情况", "",
        ] + applications + ["", "四、政府信息公开行政复议、行政诉讼情况", ""] + reviews + [
            "", "五、政府信息公开工作存在的主要问题及改进情况", "", "无。", "",
            "六、其他需要报告的事项", "", "无。", "", "某某县统计局", "2023年1月20日",
        ]).joined(separator: "\n") + "\n"
    }

    static func read(_ text: String) throws -> Report {
        try Pipeline.report(bytes: Array(text.utf8), name: "r.txt", format: .text)
    }

    /// Every cell of 表三 is the made-up table's; 表四's are "010010000000011".
    static func expectTables(_ r: Report, _ comment: Comment? = nil) {
        for (path, want) in values() {
            let row = String(path.dropFirst("applications.".count))
            let got = r.applications?.row(row)?.fields.map { $0.value?.integer } ?? []
            #expect(got == want.map { Optional($0) }, "\(path) \(comment?.rawValue ?? "")")
        }
        let reviews = r.reviewsAndLitigation?.rows.flatMap { $0.fields.map { $0.value?.integer } } ?? []
        #expect(reviews == reviewValues.map { Int(String($0)) }, "表四 \(comment?.rawValue ?? "")")
        #expect(r.applications?.extraRows == [], "\(comment?.rawValue ?? "")")
    }

    @Test func theTotalRowSplitsAsTheColumnSumsSay() throws {
        let r = try Self.read(Self.report(applications: Self.applicationLines(), reviews: Self.reviewHeader + [Self.reviewValues]))
        Self.expectTables(r)
        #expect(!r.findings.contains { $0.rule == .valueUndecidable && ($0.path ?? "").hasPrefix("applications") })
        #expect(!r.findings.contains { $0.rule == .applicationsResultsTotal || $0.rule == .applicationsBalance })
    }

    @Test func headerWordsAloneBeforeDigitsAreRowLabelsThatLostTheirNumbering() throws {
        // "其他" and "总计" are also 表三's column headers.
        let lines = Self.applicationLines(relabel: ["results.otherHandling.other": "其他", "results.total": "总计"])
        let r = try Self.read(Self.report(applications: lines, reviews: Self.reviewHeader + [Self.reviewValues]))
        Self.expectTables(r)
        #expect(!r.findings.contains { ($0.rule == .tableRowMissing || $0.rule == .tableExtraRow) && ($0.path ?? "").hasPrefix("applications") })
    }

    @Test func aLabelWithAClauseMarkIsARowLabel() throws {
        let lines = Self.applicationLines(relabel: ["results.unableToProvide.needsCreation": "2.没有现成信息，需要另行制作"])
        let rows = try Self.read(Self.report(applications: lines, reviews: Self.reviewHeader + [Self.reviewValues]))
        Self.expectTables(rows, "a row a line")
        // The whole table on one line: the mark no longer makes the line prose.
        let oneLine = try Self.read(Self.report(applications: [lines.joined()], reviews: [(Self.reviewHeader + [Self.reviewValues]).joined()]))
        Self.expectTables(oneLine, "the table on one line")
    }

    /// A row's label alone on its line and its digits on the next (values moved down a row):
    /// the table's first row under its header, a group's first row, a plain row; 表二's "规章"
    /// under its header.
    @Test func aLabelAboveItsDigitsIsOneRow() throws {
        var lines = Self.applicationLines()
        for label in ["一、本年新收政府信息公开申请数量", "（五）不予处理1.信访举报投诉类申请", "3.其他"] {
            let k = try #require(lines.firstIndex { $0.hasPrefix(label) })
            lines.replaceSubrange(k...k, with: [label, String(lines[k].dropFirst(label.count))])
        }
        let text = Self.report(applications: lines, reviews: Self.reviewHeader + [Self.reviewValues])
            .replacingOccurrences(of: "规章000\n", with: "规章\n102\n")
        let r = try Self.read(text)
        Self.expectTables(r)
        #expect(r.activeDisclosure?.row("regulations")?.fields.map { $0.value?.integer } == [1, 0, 2])
        #expect(!r.findings.contains { $0.rule == .tableRowMissing && ($0.path ?? "").hasPrefix("applications") })
        #expect(!r.findings.contains { $0.path == "activeDisclosure.regulations" })
    }

    @Test func theReviewTableWithoutItsHeaderIsItsFifteenDigits() throws {
        let r = try Self.read(Self.report(applications: Self.applicationLines(), reviews: [Self.reviewValues]))
        Self.expectTables(r)
        #expect(r.findings.contains { $0.rule == .tableRowInferred && $0.path == "reviewsAndLitigation" })
        // Shorter digit lines under a heading are prose (a phone number, a postal code).
        let phone = try Self.read(Self.report(applications: Self.applicationLines(), reviews: ["87654321"]))
        #expect(phone.reviewsAndLitigation == nil)
    }

    @Test func cellsOfAnUndecidedRowAreNotReportedBlank() throws {
        // "693665" under three columns of 表二 (no arithmetic): null with `value.undecidable`, which
        // says why; the cells are not blank in the source, so no `value.blank` for them.
        let text = Self.report(applications: Self.applicationLines(), reviews: Self.reviewHeader + [Self.reviewValues])
            .replacingOccurrences(of: "行政规范性文件000", with: "行政规范性文件693665")
        let r = try Self.read(text)
        #expect(r.activeDisclosure?.row("normativeDocuments")?.fields.map(\.value) == [nil, nil, nil])
        #expect(r.findings.contains { $0.rule == .valueUndecidable && $0.path == "activeDisclosure.normativeDocuments" })
        #expect(!r.findings.contains { $0.rule == .valueBlank && ($0.path ?? "").hasPrefix("activeDisclosure.normativeDocuments") })
    }

    @Test func aReviewHeaderBrokenOverTwoRowsStillEndsBeforeItsDigits() throws {
        // splitHeaderRows run together: "结果维持" printed as "结果" over "维持", on one line with the digits.
        let broken = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果结果其他尚未总计结果结果其他尚未总计维持纠正结果审结维持纠正结果审结"
        let r = try Self.read(Self.report(applications: Self.applicationLines(), reviews: [broken + Self.reviewValues]))
        Self.expectTables(r)
    }
}
