import DocModel
import Foundation
import DoccanonKit
import TestSupport
import Testing

/// A row cut in two (a page break inside "2.其他法律行政法规禁止公开", as a PDF or its text
/// extraction gives it): the second part's values are not merged, so the cut row is flagged,
/// never silently taken as complete.
@Suite struct RowCutTests {
    static let whole = "\t2.其他法律行政法规禁止公开\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n"

    static func report(replacing row: String) throws -> Report {
        let seed = String(decoding: try TestPaths.read("Samples/text/001_7097c5c10f7e9ea9.txt"), as: UTF8.self)
        #expect(seed.contains(whole))
        return try Pipeline.report(bytes: Array(seed.replacingOccurrences(of: whole, with: row).utf8), name: "cut.txt")
    }

    static let path = "applications.results.denied.prohibitedByLaw"

    @Test func theCutRowIsFlagged() throws {
        let cut = "\t2.其他法律行政\n\t0\n\t1\n\t0\n\t0\n\t0\n\t0\n\t1\n\n\t法规禁止公开\n\t0\n\t\n\t\n\t\n\t\n\t\n\t0\n"
        let report = try Self.report(replacing: cut)
        let flagged = report.findings.filter { $0.rule == .tableAmbiguous && $0.path == Self.path }
        #expect(flagged.count == 1)
        #expect(flagged.first?.message.contains("法规禁止公开") == true)
        #expect(report.applications?.extraRows.map(\.label) == ["法规禁止公开"])
    }

    /// A row outside the template after a complete row is only an extra row.
    @Test func anExtraRowAfterAWholeRowIsNot() throws {
        let extra = Self.whole + "\n\t法规禁止公开\n\t0\n\t\n\t\n\t\n\t\n\t\n\t0\n"
        let report = try Self.report(replacing: extra)
        #expect(!report.findings.contains { $0.rule == .tableAmbiguous && $0.path == Self.path })
        #expect(report.findings.contains { $0.rule == .tableExtraRow })
    }
}
