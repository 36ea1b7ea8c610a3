import DocModel
import DoccanonKit
import Testing
import TestSupport

/// Word versions of seed 001 (the official template with Word's merged cells, written by
/// scripts/docx-template-fixture) give the report values of the seed's text.
@Suite struct SeedEquivalenceTests {
    static let seed = "001_7097c5c10f7e9ea9"

    static func seedReport() throws -> Report {
        try Pipeline.report(bytes: try TestPaths.read("Samples/text/\(seed).txt"), name: "\(seed).txt")
    }

    @Test(arguments: [
        "seed001_plain", "seed001_numbered", "seed001_charruns_fullwidth", "seed001_tracked_sdt", "seed001_split_gridbefore",
    ])
    func sameValuesAsTheTextSeed(_ name: String) throws {
        let expected = try Self.seedReport()
        let report = try Pipeline.report(bytes: try Fixture.file(name), name: "\(name).docx")
        #expect(report.source.format == .docx)
        #expect(report.metadata == expected.metadata)
        #expect(report.activeDisclosure == expected.activeDisclosure)
        #expect(report.applications == expected.applications)
        #expect(report.reviewsAndLitigation == expected.reviewsAndLitigation)
        // No label needed a repair: the Word tables carry the template's wording.
        #expect(!report.findings.contains { $0.rule == .textRepaired || $0.rule == .tableRowMissing || $0.rule == .tableExtraRow })
    }

    @Test func sectionsMatchTheSeedWhereTheTextIsTheSame() throws {
        let expected = try Self.seedReport()
        for name in ["seed001_plain", "seed001_tracked_sdt", "seed001_charruns_fullwidth"] {
            let report = try Pipeline.report(bytes: try Fixture.file(name), name: "\(name).docx")
            #expect(report.sections == expected.sections, "\(name)")
        }
    }

    /// The auto-numbered variant adds the headings 三、 and 四、 that seed 001 lacks; Word's
    /// numbering continues 一、二、三、四、五、六 across the tables.
    @Test func autoNumberedHeadingsAreMaterialised() throws {
        let report = try Pipeline.report(bytes: try Fixture.file("seed001_numbered"), name: "n.docx")
        #expect(report.sections.map(\.heading) == [
            "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
        ])
        let document = try Pipeline.document(bytes: try Fixture.file("seed001_numbered"), name: "n.docx")
        #expect(document.blocks.contains(.heading(level: 2, text: "（二）多项措施，将政务公开工作落到实处")))
        let labels = Fixture.tables(document)[1].cells.filter { $0.column <= 2 }.map(\.text)
        #expect(labels.contains("（三）不予公开"))
        #expect(labels.contains("8.属于行政查询事项"))
        #expect(labels.contains("（七）总计"))
        #expect(labels.contains("四、结转下年度继续办理"))
    }

    /// The 2019 format (seed 003: 其他对外管理服务事项, 政府集中采购 with its unit, a single
    /// （六）其他处理 row, blank cells), with gridBefore header rows and tracked changes.
    @Test func seed003In2019Format() throws {
        let seed = "003_2c1bade6c9c5d287"
        let expected = try Pipeline.report(bytes: try TestPaths.read("Samples/text/\(seed).txt"), name: "\(seed).txt")
        let report = try Pipeline.report(bytes: try Fixture.file("seed003_2019"), name: "s.docx")
        #expect(report.metadata == expected.metadata)
        #expect(report.sections == expected.sections)
        #expect(report.activeDisclosure == expected.activeDisclosure)
        #expect(report.applications == expected.applications)
        #expect(report.reviewsAndLitigation == expected.reviewsAndLitigation)
        #expect(report.findings.filter { $0.rule == .valueBlank }.count == expected.findings.filter { $0.rule == .valueBlank }.count)
    }

    /// Distinct values (1, 2, 3 … in template order) catch any column or row shift; the
    /// Strict variant and the everything-at-once variant must agree cell for cell.
    @Test func distinctValuesLandInTheirTemplateFields() throws {
        let strict = try Pipeline.report(bytes: try Fixture.file("distinct_strict"), name: "s.docx")
        let all = try Pipeline.report(bytes: try Fixture.file("distinct_all"), name: "a.docx")
        #expect(all.activeDisclosure == strict.activeDisclosure)
        #expect(all.applications == strict.applications)
        #expect(all.reviewsAndLitigation == strict.reviewsAndLitigation)
        let apps = try #require(strict.applications)
        // newlyReceived is values 11…17, stateSecret 39…45, the last review group 196…200.
        #expect(apps.value("newlyReceived", "naturalPerson") == .integer(11))
        #expect(apps.value("newlyReceived", "total") == .integer(17))
        #expect(apps.value("results.denied.stateSecret", "commercialEnterprise") == .integer(40))
        #expect(apps.value("results.otherHandling.other", "total") == (.integer(171)))
        #expect(apps.value("carriedForward", "total") == .integer(185))
        #expect(strict.activeDisclosure?.value("fees", "amount") == .integer(10))
        #expect(strict.activeDisclosure?.value("normativeDocuments", "inForce") == .integer(6))
        #expect(strict.reviewsAndLitigation?.value("litigationAfterReview", "corrected") == .integer(197))
    }
}
