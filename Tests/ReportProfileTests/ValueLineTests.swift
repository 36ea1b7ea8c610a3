import DocModel
import DoccanonKit
import TestSupport
import Testing

/// `pdftotext -layout` text (a DOCX sample's PDF rendering) with a row's values cut off: a
/// value alone on a line after a page break, and a label's first line printed apart from its
/// values. The values go back to their row when its arithmetic takes them; a stray number
/// does not.
@Suite struct ValueLineTests {
    static let source = "Tests/Fixtures/pdftext/seed001_split_gridbefore.layout.txt"
    static let granted = "三、本年度  （一）予以公开         1          0  0   0    0    0    1\n"
    /// The end of page 2 and the top of page 3 as pdftotext writes them.
    static let pageBreak = "\n\n\n                         - 2-\n\u{0C}              2021 年度政府信息公开工作年度报告\n\n\n"

    static func report(replacing old: String, with new: String) throws -> Report {
        let text = String(decoding: try TestPaths.read(source), as: UTF8.self)
        #expect(text.contains(old))
        return try Pipeline.report(bytes: Array(text.replacingOccurrences(of: old, with: new).utf8), name: "cut.txt")
    }

    static func values(_ report: Report, _ path: String) -> [Int?] {
        report.applications?.row(path)?.fields.map { $0.value?.integer } ?? []
    }

    /// The row's total alone at the top of the next page, under the running header.
    @Test func aValueAfterAPageBreakJoinsItsRow() throws {
        let cut = Self.granted.replacingOccurrences(of: "    1\n", with: "\n") + Self.pageBreak + String(repeating: " ", count: 51) + "1\n"
        let report = try Self.report(replacing: Self.granted, with: cut)
        #expect(Self.values(report, "results.granted") == [1, 0, 0, 0, 0, 0, 1])
        #expect(report.findings.contains { $0.rule == .sourceRestructured && $0.path == "applications.results.granted" })
        #expect(report.applications?.extraRows == [])
    }

    /// A number the row's total does not take is not read into the row.
    @Test func aStrayNumberIsNotTakenForTheMissingCell() throws {
        let cut = Self.granted.replacingOccurrences(of: "    1\n", with: "\n") + Self.pageBreak + String(repeating: " ", count: 51) + "7\n"
        let report = try Self.report(replacing: Self.granted, with: cut)
        #expect(!Self.values(report, "results.granted").contains(7))
        #expect(report.applications?.extraRows.map(\.values) == [[.integer(7)]])
        #expect(!report.findings.contains { $0.rule == .sourceRestructured && $0.path == "applications.results.granted" })
    }

    /// A lone number after a page break under a row without arithmetic (表二's three counts)
    /// breaks nothing wherever it goes: it joins only as the one cell the row lacks. Under a
    /// row lacking two cells it stays apart, with a finding, and the row is not filled by it.
    @Test func aLoneNumberJoinsARowWithoutArithmeticOnlyAsItsOneMissingCell() throws {
        let row = "行政规范性文件       6            0            74\n"
        let one = "行政规范性文件       6            0\n" + Self.pageBreak + String(repeating: " ", count: 45) + "74\n"
        let joined = try Self.report(replacing: row, with: one)
        #expect(joined.activeDisclosure?.row("normativeDocuments")?.fields.map { $0.value?.integer } == [6, 0, 74])
        #expect(joined.findings.contains { $0.rule == .sourceRestructured && $0.path == "activeDisclosure.normativeDocuments" })
        let two = "行政规范性文件       6\n" + Self.pageBreak + String(repeating: " ", count: 45) + "74\n"
        let apart = try Self.report(replacing: row, with: two)
        #expect(apart.activeDisclosure?.row("normativeDocuments")?.fields.contains { $0.value?.integer == 74 } == false)
        #expect(apart.activeDisclosure?.extraRows.map(\.values) == [[.integer(74)]])
        #expect(apart.findings.contains { $0.rule == .tableExtraRow && ($0.path ?? "").hasPrefix("activeDisclosure") })
        #expect(!apart.findings.contains { $0.rule == .sourceRestructured && $0.path == "activeDisclosure.normativeDocuments" })
    }

    /// Two numbered label pieces on a line ("（四）无法 | 1.本机关不") whose values come lines
    /// later, beside the group label's last piece: the row's label, not a header.
    @Test func aLabelsFirstLineApartFromItsValues() throws {
        let old = """
                  （四）无法   1.本机关不   0          0    0   0   0    0    0
                  提供      掌握相关政
                          府信息

            """
        let new = """
                  （四）无法   1.本机关不
                          掌握相关政
                          府信息
                  提供                  0          0    0   0   0    0    0

            """
        let report = try Self.report(replacing: old, with: new)
        #expect(Self.values(report, "results.unableToProvide.notHeld") == [0, 0, 0, 0, 0, 0, 0])
        #expect(report.applications?.extraRows == [])
    }
}
