import DocModel
import DoccanonKit
import TestSupport
import Testing

/// Tables printed with their labels and no values (Tests/Fixtures/unfilled): present, every
/// cell null, `table.unfilled` each, never `table.missing`; a list of row labels in prose is
/// no table.
@Suite struct UnfilledTablesTests {
    static let keys = ["activeDisclosure", "applications", "reviewsAndLitigation"]

    static func report(_ name: String) throws -> Report {
        try Pipeline.report(bytes: TestPaths.read("Tests/Fixtures/unfilled/\(name)"), name: name, format: .text)
    }

    @Test(arguments: ["blank-form.plain.txt", "blank-form.layout.txt"])
    func aBlankFormExtractedAsTextReadsAsBlankTables(_ name: String) throws {
        let report = try Self.report(name)
        let tables = [report.activeDisclosure, report.applications, report.reviewsAndLitigation]
        #expect(tables.allSatisfy { $0 != nil })
        for table in tables.compactMap({ $0 }) {
            #expect(table.rows.allSatisfy { $0.fields.allSatisfy { $0.value == nil } })
        }
        #expect(!report.findings.contains { $0.rule == .tableMissing })
        let unfilled = report.findings.filter { $0.rule == .tableUnfilled }.compactMap(\.path).sorted()
        #expect(unfilled == Self.keys.sorted())
        #expect(report.findings.filter { $0.rule == .valueBlank }.count >= 100)
        // 表二's rows are named one by one on the page: every one of them is found.
        #expect(!report.findings.contains { $0.rule == .tableRowMissing && ($0.path ?? "").hasPrefix("activeDisclosure") })
    }

    @Test func theBlankFormAsPDFHasTheSameBlankTables() throws {
        // Read from the PDF's positioned text and rulings, the tables are found as tables, every
        // cell blank: the text extraction reads the same.
        let pdf = try Pipeline.report(bytes: TestPaths.read("Tests/Fixtures/unfilled/blank-form.pdf"), name: "blank-form.pdf")
        let text = try Self.report("blank-form.plain.txt")
        #expect(!pdf.findings.contains { $0.rule == .tableMissing || $0.rule == .tableUnfilled })
        for report in [pdf, text] {
            let tables = [report.activeDisclosure, report.applications, report.reviewsAndLitigation]
            #expect(tables.allSatisfy { $0 != nil })
            #expect(tables.compactMap { $0 }.allSatisfy { $0.rows.allSatisfy { $0.fields.allSatisfy { $0.value == nil } } })
        }
    }

    @Test func thePlainExtractionFindsEveryLabelledRowThePDFDoes() throws {
        // Labels wrapped over lines ("一、本年新收政府信息" / "公开申请数量") are joined; a
        // numbered one alone on its line reads as a heading and is a label all the same. Only
        // 表四's row, which has no label of its own, is not named.
        let pdf = try Pipeline.report(bytes: TestPaths.read("Tests/Fixtures/unfilled/blank-form.pdf"), name: "blank-form.pdf")
        let text = try Self.report("blank-form.plain.txt")
        #expect(text.findings.filter { $0.rule == .tableRowMissing }.compactMap(\.path) == ["reviewsAndLitigation"])
        let blanks = { (r: Report) in r.findings.filter { $0.rule == .valueBlank }.count }
        #expect(blanks(text) == blanks(pdf))
    }

    @Test func theSamePageWithItsNumbersReadsAsBefore() throws {
        // The page the blank form was made from: its tables are read from its values, and no
        // table is said to be unfilled.
        let report = try Pipeline.report(
            bytes: TestPaths.read("Samples/html/010_trs_portal_utf8.html"), name: "010.html", format: .html)
        #expect(!report.findings.contains { $0.rule == .tableUnfilled })
        #expect(report.applications?.value("newlyReceived", "total") != nil)
    }

    @Test func rowLabelsListedInProseAreNoTable() throws {
        let report = try Self.report("prose-list.txt")
        #expect(report.activeDisclosure == nil)
        #expect(report.findings.filter { $0.rule == .tableMissing }.count == 3)
        #expect(!report.findings.contains { $0.rule == .tableUnfilled })
    }
}
