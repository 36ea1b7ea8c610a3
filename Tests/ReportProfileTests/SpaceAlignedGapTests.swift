import DocModel
import DoccanonKit
import TestSupport
import Testing

/// `pdftotext -layout` of a real report (huaian2024) with one row's values changed the way a
/// lost cell changes them: the values after it moved one column left, the last column empty.
/// The text alone cannot tell that from a blank last cell, so the tables' arithmetic chooses
/// where the hole is; what it does not decide is null with `table.ambiguous`, never a guess.
@Suite struct SpaceAlignedGapTests {
    static let source = "Tests/Fixtures/real/huaian2024.layout.txt"

    static func report(replacing old: String, with new: String) throws -> Report {
        let text = String(decoding: try TestPaths.read(source), as: UTF8.self)
        #expect(text.contains(old))
        return try Pipeline.report(bytes: Array(text.replacingOccurrences(of: old, with: new).utf8), name: "gap.txt")
    }

    /// The line with its `k`-th value removed and every later value written where the one before
    /// it began (the row's cells shifted left; its last column prints nothing).
    static func losing(_ k: Int, of line: String) -> String {
        let newline = line.hasSuffix("\n")
        var chars = Array(newline ? line.dropLast() : line[...])
        var starts: [Int] = []
        // Values: the words of digits alone (not the "1." of a label).
        for i in chars.indices where (i == 0 || chars[i - 1] == " ") && chars[i] != " " {
            let word = chars[i...].prefix { $0 != " " }
            if word.allSatisfy({ $0.isASCII && $0.isNumber }) { starts.append(i) }
        }
        let values = starts.map { s in String(chars[s...].prefix { $0 != " " }) }
        var kept = values
        kept.remove(at: k)
        chars = Array(chars[..<starts[0]])
        for (j, v) in kept.enumerated() {
            chars += Array(repeating: " ", count: max(starts[j] - chars.count, j == 0 ? 0 : 2))
            chars += Array(v)
        }
        return String(chars) + (newline ? "\n" : "")
    }

    static let notHeld = "             1.本机关不掌握相关政府信息     746         12       0        0    10       1   769\n"

    static func findings(_ report: Report, _ path: String) -> [Finding] {
        report.findings.filter { $0.rule == .tableAmbiguous && $0.path == path }
    }

    @Test func shiftingHelperKeepsTheColumns() {
        let cut = Self.losing(1, of: Self.notHeld)
        #expect(cut == "             1.本机关不掌握相关政府信息     746         0        0        10   1        769\n")
    }

    /// Only a hole under 商业企业 keeps every column's total: the arithmetic places the values,
    /// and the lost cell is null.
    @Test func theArithmeticFindsTheLostCell() throws {
        let path = "applications.results.unableToProvide.notHeld"
        let report = try Self.report(replacing: Self.notHeld, with: Self.losing(1, of: Self.notHeld))
        let row = try #require(report.applications?.row("results.unableToProvide.notHeld"))
        #expect(row.fields.map { $0.value?.integer } == [746, nil, 0, 0, 10, 1, 769])
        let finding = try #require(Self.findings(report, path).first)
        guard case .reading(let cells, let columns, let decision, _, let others)? = finding.detail else {
            Issue.record("no reading detail"); return
        }
        #expect((cells, columns, decision) == (6, 7, .arithmetic))
        // The reading the layout gives (the last column blank) is named among the others.
        #expect(others.contains([.integer(746), .integer(0), .integer(0), .integer(10), .integer(1), .integer(769), nil]))
        #expect(!report.findings.contains { $0.rule == .applicationsResultsTotal || $0.rule == .applicationsBalance })
    }

    /// A lost 0 among 0s: the holes the arithmetic allows disagree on those columns, which are
    /// null; the cells every allowed reading agrees on keep their values.
    @Test func aHoleAmongEqualValuesIsNullWithTheCandidates() throws {
        let path = "applications.results.unableToProvide.notHeld"
        let report = try Self.report(replacing: Self.notHeld, with: Self.losing(2, of: Self.notHeld))
        let row = try #require(report.applications?.row("results.unableToProvide.notHeld"))
        #expect(row.fields.map { $0.value?.integer } == [746, 12, nil, nil, 10, 1, 769])
        let finding = try #require(Self.findings(report, path).first)
        guard case .reading(_, _, let decision, _, let others)? = finding.detail else { Issue.record("no reading detail"); return }
        #expect(decision == .undecided)
        #expect(others.count >= 2)
    }

    /// 表二 has no arithmetic: a row whose last column prints nothing may have lost any of its
    /// cells, and the cells its readings disagree on are null.
    @Test func withoutArithmeticTheRowIsNotGuessed() throws {
        let line = "规章            1          0        11\n"
        let report = try Self.report(replacing: line, with: Self.losing(1, of: line))
        let table = try #require(report.activeDisclosure)
        #expect(table.row("regulations")?.fields.allSatisfy { $0.value == nil } == true)
        #expect(!Self.findings(report, "activeDisclosure.regulations").isEmpty)
        // The row below, complete, is read as it stands.
        #expect(table.value("normativeDocuments", "inForce")?.integer == 66)
    }

    /// A blank cell between two values prints nothing where it stands, and the gaps between the
    /// row's own values say which column is empty (pdftotext drifts whole rows against each
    /// other, not the values of one row): null with `value.blank`, no ambiguity.
    @Test func aGapBetweenValuesIsABlankCell() throws {
        let line = "     （七）总计                           2932        53        0         0        61        4   3050\n"
        let report = try Self.report(replacing: line, with: "     （七）总计                           2932        53        0                  61        4   3050\n")
        let row = try #require(report.applications?.row("results.total"))
        #expect(row.fields.map { $0.value?.integer } == [2932, 53, 0, nil, 61, 4, 3050])
        #expect(Self.findings(report, "applications.results.total").isEmpty)
        #expect(report.findings.contains { $0.rule == .valueBlank && $0.path == "applications.results.total.publicInterestOrganization" })
    }

    /// A gap the row's shape does not clearly place (this row stands five columns left of the
    /// rows around it) is not trusted: the row is fitted every way and the arithmetic places it.
    @Test func anUnclearGapIsLeftToTheArithmetic() throws {
        let line = "      （一）予以公开                   1288        21       0        0    50       3   1362\n"
        let report = try Self.report(replacing: line, with: line.replacingOccurrences(of: "21", with: "  "))
        let row = try #require(report.applications?.row("results.granted"))
        #expect(row.fields.map { $0.value?.integer } == [1288, nil, 0, 0, 50, 3, 1362])
        let finding = try #require(Self.findings(report, "applications.results.granted").first)
        guard case .reading(_, _, let decision, _, _)? = finding.detail else { Issue.record("no reading detail"); return }
        #expect(decision == .arithmetic)
    }
}
