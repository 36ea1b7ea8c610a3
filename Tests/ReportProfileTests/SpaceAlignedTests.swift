import DocModel
import DoccanonKit
import Foundation
import TestSupport
import Testing

/// Reports whose table columns are set by spaces read as the tables they came from: the seed
/// with its tabs expanded, and `pdftotext -layout` of the DOCX samples' PDF renderings.
@Suite struct SpaceAlignedTests {
    static func report(_ bytes: [UInt8], _ name: String, _ format: SourceInfo.Format? = nil) throws -> Report {
        try Pipeline.report(bytes: bytes, name: name, format: format)
    }

    /// Every table cell of a report: (table.row.field, value).
    static func cells(_ r: Report) -> [String: Value?] {
        var out: [String: Value?] = [:]
        for (key, table) in [("a", r.activeDisclosure), ("b", r.applications), ("c", r.reviewsAndLitigation)] {
            for row in table?.rows ?? [] {
                for f in row.fields { out["\(key).\(row.path).\(f.name)"] = f.value }
            }
        }
        return out
    }

    static let seed002 = "002_32e8e180e59a5afa"

    /// Tabs replaced by four spaces: the gaps' widths restore every empty cell.
    @Test func seed002WithTabsAsSpaces() throws {
        let bytes = try TestPaths.read("Samples/text/\(Self.seed002).txt")
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t", with: "    ")
        let original = try Self.report(bytes, "s.txt")
        let spaced = try Self.report(Array(text.utf8), "s.txt")
        #expect(Self.cells(spaced) == Self.cells(original))
        #expect(!spaced.findings.contains { $0.rule == .tableMissing })
    }

    /// Runs of spaces and tabs collapsed to one space: every value the text still decides is
    /// the original's; the rows that lost the position of a blank cell are null with
    /// `table.ambiguous`, never a guess.
    @Test func seed002WithOneSpace() throws {
        let bytes = try TestPaths.read("Samples/text/\(Self.seed002).txt")
        let text = String(decoding: bytes, as: UTF8.self).replacing(/[ \t]+/, with: " ")
        let original = Self.cells(try Self.report(bytes, "s.txt"))
        let collapsed = try Self.report(Array(text.utf8), "s.txt")
        let cells = Self.cells(collapsed)
        #expect(!collapsed.findings.contains { $0.rule == .tableMissing })
        #expect(cells.keys.sorted() == original.keys.sorted())
        var same = 0
        for (k, v) in cells {
            if v == original[k] { same += 1; continue }
            #expect(v == nil, "\(k): \(String(describing: v)) against \(String(describing: original[k]))")
            let row = k.split(separator: ".").dropFirst().dropLast().joined(separator: ".")
            #expect(collapsed.findings.contains { $0.rule == .tableAmbiguous && ($0.path ?? "").hasSuffix(row) }, "\(k)")
        }
        #expect(same >= 74)
    }

    /// pdftotext -layout of LibreOffice's PDFs of the DOCX samples (Tests/Fixtures/pdftext).
    @Test(arguments: ["seed001_numbered", "seed001_split_gridbefore"])
    func pdfLayoutTextGivesTheDOCXValues(sample: String) throws {
        let docx = try Self.report(try TestPaths.read("Samples/docx/\(sample).docx"), "\(sample).docx")
        let layout = try Self.report(try TestPaths.read("Tests/Fixtures/pdftext/\(sample).layout.txt"), "\(sample).txt", .text)
        #expect(Self.cells(layout) == Self.cells(docx))
        #expect(layout.applications?.extraRows == [])
    }

    /// A borderless table of one-character-wide columns, centred: not every label is joined
    /// back yet, but no value the layout text gives is wrong (only nulls differ).
    @Test func pdfLayoutOfNarrowColumnsIsNeverWrong() throws {
        let sample = "seed004_wordlike"
        let docx = Self.cells(try Self.report(try TestPaths.read("Samples/docx/\(sample).docx"), "\(sample).docx"))
        let layout = Self.cells(try Self.report(try TestPaths.read("Tests/Fixtures/pdftext/\(sample).layout.txt"), "\(sample).txt", .text))
        let agreeing = layout.filter { $0.value != nil && $0.value == docx[$0.key] }.count
        for (k, v) in layout where v != nil { #expect(v == docx[k], "\(k)") }
        #expect(agreeing >= 193)  // 186 before running headers were dropped across a label
    }
}
