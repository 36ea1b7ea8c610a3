import DocModel
import DoccanonKit
import TestSupport
import Testing

/// Tables in an appendix (issue 13, item 4): the six prose sections first, then "附表" and the
/// tables under their own numbering ("一、主动公开政府信息情况" a second time). The input is
/// written for this test (Tests/Fixtures/text/appendix-tables.txt).
@Suite struct AppendixTablesTests {
    static func report() throws -> Report {
        try Pipeline.report(bytes: TestPaths.read("Tests/Fixtures/text/appendix-tables.txt"), name: "appendix.txt", format: .text)
    }

    @Test func theSectionsAreTheProseOnesInOrder() throws {
        let r = try Self.report()
        #expect(r.sections.map(\.id) == SectionID.allCases)
        #expect(r.metadata.agency == "某市生态环境局" && r.metadata.publishedOn == "2023-01-15" && r.metadata.year == 2022)
    }

    @Test func theAppendixTablesAreRead() throws {
        let r = try Self.report()
        #expect(r.activeDisclosure?.value("normativeDocuments", "inForce") == .integer(11))
        #expect(r.activeDisclosure?.value("penalties", "decisions") == .integer(15))
        #expect(r.applications?.value("newlyReceived", "total") == .integer(5))
        #expect(r.applications?.value("results.granted", "commercialEnterprise") == .integer(1))
        #expect(r.reviewsAndLitigation?.value("litigationAfterReview", "total") == .integer(0))
        #expect(!r.findings.contains { $0.rule == .tableMissing || $0.severity == .error })
    }

    /// The appendix's headings repeat the sections' titles: each stays as text in the section it
    /// names, said so, and no prose paragraph moves or disappears.
    @Test func repeatedHeadingsAreKeptAsTextWithAFinding() throws {
        let r = try Self.report()
        let repeated = r.findings.filter { $0.rule == .sectionRepeated }
        #expect(repeated.count == 3)
        let active = try #require(r.sections.first { $0.id == .activeDisclosure })
        #expect(active.paragraphs.first == "全年制发规范性文件2件，行政处罚决定15件，详见附表。")
        #expect(active.paragraphs.contains("一、主动公开政府信息情况"))
        let other = try #require(r.sections.first { $0.id == .otherMatters })
        #expect(other.paragraphs.first == "本年度未收取信息处理费。")
    }
}
