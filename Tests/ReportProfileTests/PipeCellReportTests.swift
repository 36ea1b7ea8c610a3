import DocModel
import DoccanonKit
import Testing

/// A portal's report as web-to-Markdown tools write it when each table cell holds a paragraph:
/// "|" alone opens a row, every cell follows on its own line closed by " |", merged columns add
/// pipes on their cell's line, a blank cell is a "|" alone. Modelled on a district office's page
/// of 2023 as such a tool gave it (the shape, not its numbers).
@Suite struct PipeCellReportTests {
    /// One row in the shape: `(text, span)` cells; "" is a blank cell.
    static func row(_ cells: [(String, Int)]) -> [String] {
        ["|"] + cells.map { text, span in
            let extra = String(repeating: "|", count: span - 1)
            return text.isEmpty ? "|" + extra : text + " |" + (extra.isEmpty ? "" : " " + extra)
        }
    }

    static func values(_ label: String, _ numbers: [Int], labelSpan: Int = 1) -> [String] {
        row([(label, labelSpan)] + numbers.map { (String($0), 1) })
    }

    static let table2: [String] =
        row([("第二十条第（一）项", 4)]) + row([("信息内容", 1), ("本年制发件数", 1), ("本年废止件数", 1), ("现行有效件数 (历史累计)", 1)])
        + row([("规章", 1), ("0", 1), ("0", 1), ("", 1)]) + values("行政规范性文件", [5, 12, 8])
        + row([("第二十条第（五）项", 4)]) + row([("信息内容", 1), ("本年处理决定数量", 3)]) + row([("行政许可", 1), ("3", 3)])
        + row([("第二十条第（六）项", 4)]) + row([("信息内容", 1), ("本年处理决定数量", 3)]) + row([("行政处罚", 1), ("7", 3)])
        + row([("行政强制", 1), ("0", 3)]) + row([("第二十条第（八）项", 4)]) + row([("信息内容", 1), ("本年收费金额（单位：万元）", 3)])
        + row([("行政事业性收费", 1), ("0", 3)])

    static let zeros = [0, 0, 0, 0, 0, 0, 0]
    static let table3: [String] = {
        var lines = row([("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3), ("申请人情况", 7)])
        lines += row([("自然人", 1), ("法人或其他组织", 5), ("总计", 1)])
        lines += row([("商业企业", 1), ("科研机构", 1), ("社会公益组织", 1), ("法律服务机构", 1), ("其他", 1)])
        lines += values("一、本年新收政府信息公开申请数量", [8, 1, 0, 0, 0, 0, 9], labelSpan: 3)
        lines += values("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1], labelSpan: 3)
        lines += row([("三、本年度办理结果", 1), ("（一）予以公开", 2)] + [3, 1, 0, 0, 0, 0, 4].map { (String($0), 1) })
        lines += values("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 1], labelSpan: 2)
        lines += row([("（三）不予公开", 1), ("1.属于国家秘密", 1)] + zeros.map { (String($0), 1) })
        for label in ["2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益"] { lines += values(label, zeros) }
        lines += values("5.属于三类内部事务信息", [1, 0, 0, 0, 0, 0, 1])
        for label in ["6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"] { lines += values(label, zeros) }
        lines += row([("（四）无法提供", 1), ("1.本机关不掌握相关政府信息", 1)] + [2, 0, 0, 0, 0, 0, 2].map { (String($0), 1) })
        for label in ["2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"] { lines += values(label, zeros) }
        lines += row([("（五）不予处理", 1), ("1.信访举报投诉类申请", 1)] + zeros.map { (String($0), 1) })
        for label in ["2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"] { lines += values(label, zeros) }
        lines += row([("（六）其他处理", 1), ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1)] + zeros.map { (String($0), 1) })
        lines += values("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", zeros)
        lines += values("3.其他", [1, 0, 0, 0, 0, 0, 1])
        lines += values("（七）总计", [8, 1, 0, 0, 0, 0, 9], labelSpan: 2)
        lines += values("四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1], labelSpan: 3)
        return lines
    }()

    static let table4: [String] =
        row([("行政复议", 5), ("行政诉讼", 10)])
        + row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map { ($0, 1) } + [("未经复议直接起诉", 5), ("复议后起诉", 5)])
        + row(Array(repeating: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], count: 2).flatMap { $0 }.map { ($0, 1) })
        + row([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].map { (String($0), 1) })

    static let text = (["某区人民政府办公室2023年政府信息公开工作年度报告", "一、总体情况", "2023年，区政府办公室认真贯彻执行《条例》。", "二、主动公开政府信息情况"]
        + table2 + ["三、收到和处理政府信息公开申请情况", "2023年，区政府办公室共收到10份政府信息公开申请。"] + table3
        + ["四、政府信息公开行政复议、行政诉讼情况"] + table4
        + ["五、存在的主要问题及改进情况", "政策解读形式较为单一。", "六、其他需要报告的事项", "本年度未收取信息处理费。"]).joined(separator: "\n") + "\n"

    @Test func everyTableReadsFromCellsALine() throws {
        let r = try Pipeline.report(bytes: Array(Self.text.utf8), name: "portal.md", format: .text)
        #expect(r.activeDisclosure?.value("regulations", "issued") == .integer(0))
        #expect(r.activeDisclosure?.row("regulations") != nil && r.activeDisclosure?.value("regulations", "inForce") == nil)
        #expect(r.activeDisclosure?.value("normativeDocuments", "repealed") == .integer(12))
        #expect(r.activeDisclosure?.value("licensing", "decisions") == .integer(3))
        #expect(r.activeDisclosure?.value("penalties", "decisions") == .integer(7))
        #expect(r.applications?.value("newlyReceived", "total") == .integer(9))
        #expect(r.applications?.value("results.granted", "commercialEnterprise") == .integer(1))
        #expect(r.applications?.value("results.unableToProvide.notHeld", "total") == .integer(2))
        #expect(r.applications?.value("carriedForward", "naturalPerson") == .integer(1))
        #expect(r.reviewsAndLitigation?.value("administrativeReview", "total") == .integer(1))
        // The blank cell is the only one called blank; nothing is missing or ambiguous.
        #expect(r.findings.filter { $0.rule == .valueBlank }.map(\.path) == ["activeDisclosure.regulations.inForce"])
        #expect(!r.findings.contains { [.tableMissing, .tableRowMissing, .tableAmbiguous].contains($0.rule) })
        #expect(r.sections.count == 6)
    }

    /// A blank cell inside a row ("0 |", "|", "3 |") stays in its row; a row whose label went
    /// (values right after a full row) is a row of its own.
    @Test func loneSeparatorsInsideARowAreBlankCells() throws {
        var text = Self.text
        text = text.replacing("|\n5.属于三类内部事务信息 |\n1 |\n0 |", with: "|\n5.属于三类内部事务信息 |\n1 |\n|")
        let r = try Pipeline.report(bytes: Array(text.utf8), name: "portal.md", format: .text)
        let row = "results.denied.internalAffairs"
        #expect(r.applications?.value(row, "naturalPerson") == .integer(1))
        #expect(r.applications?.row(row) != nil && r.applications?.value(row, "commercialEnterprise") == nil)
        #expect(r.applications?.value(row, "total") == .integer(1))
        #expect(r.findings.contains { $0.rule == .valueBlank && $0.path == "applications.results.denied.internalAffairs.commercialEnterprise" })
    }

    /// The same report from a tool that closes every cell with a pipe and marks no rows at all
    /// ("信息内容 |", "本年制发件数 |", …, "规章 |", "0 |"): the pipes are cut off and the cells,
    /// one a line, are paired with the template's rows.
    @Test func cellsClosedByPipesWithNoRowMarks() throws {
        let lines = Self.text.replacing("|\n规章 |\n0 |\n0 |\n|\n", with: "|\n规章 |\n0 |\n0 |\n0 |\n").split(separator: "\n", omittingEmptySubsequences: false)
        let unmarked = lines.filter { !$0.allSatisfy { $0 == "|" } || $0.isEmpty }.map { line -> String in
            guard let bar = line.firstIndex(of: "|") else { return String(line) }
            return String(line[..<bar]) + "|"
        }
        #expect(!unmarked.contains("|"))
        let r = try Pipeline.report(bytes: Array(unmarked.joined(separator: "\n").utf8), name: "portal.md", format: .text)
        #expect(r.activeDisclosure?.value("regulations", "inForce") == .integer(0))
        #expect(r.activeDisclosure?.value("normativeDocuments", "repealed") == .integer(12))
        #expect(r.activeDisclosure?.value("penalties", "decisions") == .integer(7))
        #expect(r.applications?.value("newlyReceived", "total") == .integer(9))
        #expect(r.applications?.value("results.denied.internalAffairs", "naturalPerson") == .integer(1))
        #expect(r.applications?.value("carriedForward", "naturalPerson") == .integer(1))
        #expect(r.reviewsAndLitigation?.value("administrativeReview", "total") == .integer(1))
        #expect(!r.findings.contains { [.tableMissing, .tableRowMissing, .tableAmbiguous].contains($0.rule) })
    }
}
