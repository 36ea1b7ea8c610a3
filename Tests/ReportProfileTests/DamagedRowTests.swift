import DocModel
import DoccanonKit
import Testing

/// Rows whose cells do not line up with the template's columns, as web and OCR extractions
/// give them (pipe rows here; the table core sees the same cells from any adapter).
@Suite struct DamagedRowTests {
    static func report(_ text: String) throws -> Report {
        try Pipeline.report(bytes: Array(text.utf8), name: "inline.txt", format: .text)
    }

    static let head2021 = """
        某某县人民政府2021年政府信息公开工作年度报告

        二、主动公开政府信息情况

        | 第二十条第（一）项 | | | |
        | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
        | 规章 | 0 | 0 | 0 |

        """

    @Test func strayTextAfterTheValuesIsDroppedAndReported() throws {
        let r = try Self.report(Self.head2021 + "| 行政规范性文件 | 2 | 0 | 15 | 多余 |\n")
        let t = try #require(r.activeDisclosure)
        #expect(t.value("normativeDocuments", "issued")?.integer == 2)
        #expect(t.value("normativeDocuments", "repealed")?.integer == 0)
        #expect(t.value("normativeDocuments", "inForce")?.integer == 15)
        let finding = try #require(r.findings.first { $0.rule == .tableExtraCell })
        #expect(finding.path == "activeDisclosure.normativeDocuments")
        #expect(finding.detail == .cells(["多余"]))
        #expect(!r.findings.contains { $0.rule == .tableRowMissing && $0.path == "activeDisclosure.normativeDocuments" })
    }

    @Test func textBetweenLabelAndValuesIsNotDropped() throws {
        // Not a stray cell after the values: the row label is unknown, so the row is kept aside.
        let r = try Self.report(Self.head2021 + "| 其他文件 | 2 | 说明 | 15 |\n")
        #expect(!r.findings.contains { $0.rule == .tableExtraCell })
        #expect(r.activeDisclosure?.extraRows.isEmpty == false)
    }

    @Test func inlineColumnLabelPlacesTheValue() throws {
        let text = """
            某某县人民政府2019年政府信息公开工作年度报告

            二、主动公开政府信息情况

            | 第二十条第（一）项 | | | |
            | 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
            | 规章 | 0 | 0 | 0 |
            | 第二十条第（九）项 | | | |
            | 信息内容 | 采购项目数量 | 采购总金额 | |
            | 政府集中采购 | 采购总金额 | 251000元 |
            | 行政许可 | 上一年项目数量 | 3 | 处理决定数量 | 40 |

            """
        let r = try Self.report(text)
        #expect(r.metadata.template == .y2019)
        let t = try #require(r.activeDisclosure)
        #expect(t.value("procurement", "amount") == .integer(251000))
        #expect(t.value("procurement", "unit") == .text("元"))
        #expect(t.value("procurement", "projects") == nil)
        #expect(r.findings.contains { $0.rule == .valueBlank && $0.path == "activeDisclosure.procurement.projects" })
        #expect(t.value("licensing", "previousYearItems")?.integer == 3)
        #expect(t.value("licensing", "change") == nil)
        #expect(t.value("licensing", "decisions")?.integer == 40)
    }
}
