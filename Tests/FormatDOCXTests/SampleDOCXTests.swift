import DocModel
import DoccanonKit
import Foundation
import Testing
import TestSupport

/// Samples/docx holds a few generated Word documents (their outputs are checked by the
/// conformance suite). Each .docx is exactly what the generator writes from its fixture
/// source, so the samples cannot drift from Tests/Fixtures/docx.
@Suite struct SampleDOCXTests {
    static let samples = ["seed001_numbered", "seed001_split_gridbefore", "seed004_wordlike"]

    @Test(arguments: samples)
    func sampleIsTheGeneratorsOutput(_ name: String) throws {
        let generated = try Fixture.file(name)
        let path = "Samples/docx/\(name).docx"
        if Golden.recording {
            try Data(generated).write(to: TestPaths.root.appendingPathComponent(path))
        }
        #expect(try TestPaths.read(path) == generated, "\(path) differs from its fixture: regenerate with RECORD_GOLDEN=1")
    }

}

/// A document from an independent writer (python-docx on Word's default template).
@Suite struct IndependentWriterTests {
    @Test func wordTemplateStylesMergesAndListNumbers() throws {
        let bytes = try TestPaths.read("Tests/Fixtures/docx/python-docx-word-template.docx")
        let doc = try Pipeline.document(bytes: bytes, name: "p.docx")
        #expect(doc.blocks.compactMap(\.text) == ["2021年政府信息公开工作年度报告", "一、总体情况", "正文。", "（一）完善制度", "1.列表一", "2.列表二"])
        #expect(doc.blocks[1] == .heading(level: 1, text: "一、总体情况"))
        #expect(doc.blocks[3] == .heading(level: 2, text: "（一）完善制度"))
        let table = try #require(Fixture.tables(doc).first)
        #expect(table.cells.filter { !$0.isPadding }.map { [$0.row, $0.column, $0.rowSpan, $0.columnSpan] } == [
            [0, 0, 2, 1], [0, 1, 1, 2], [1, 1, 1, 1], [1, 2, 1, 1], [2, 0, 1, 1], [2, 1, 1, 1], [2, 2, 1, 1],
        ])
        #expect(table.cells.map(\.text) == ["申请人情况", "法人或其他组织", "商业企业", "科研机构", "总计", "1", "2"])
    }
}
