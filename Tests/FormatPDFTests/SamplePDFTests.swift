import DocModel
import DoccanonKit
import Foundation
import Testing
import TestSupport

/// Samples/pdf: the DOCX and HTML samples as LibreOffice renders them (scripts/make-pdfs),
/// with their expected document and report JSON beside them (reviewed by eye).
@Suite struct SamplePDFTests {
    static let samples = ["seed001_numbered", "seed001_split_gridbefore", "seed004_wordlike", "011_word_export_gbk"]
    /// Renderings whose report values still differ from their sample's (EquivalenceTests), kept
    /// out of Samples/ (whose every rendering must give its seed's values) until they do not.
    static let renderings = [
        "010_trs_portal_utf8", "010_trs_portal_utf8.repeatheader", "010_trs_portal_utf8.borderless",
        "011_word_export_gbk.borderless",
    ]

    /// The PDF's path without its extension.
    static func path(_ name: String) -> String {
        samples.contains(name) ? "Samples/pdf/\(name)" : "Tests/Fixtures/pdf/renderings/\(name)"
    }

    @Test(arguments: samples + renderings)
    func expectedOutputs(_ name: String) throws {
        let bytes = try TestPaths.read("\(Self.path(name)).pdf")
        let document = try Pipeline.document(bytes: bytes, name: "\(name).pdf")
        if let problem = Golden.compare(Rendering.render(document, as: .json), to: "\(Self.path(name)).document.json") {
            Issue.record(Comment(rawValue: problem))
        }
        let report = try Pipeline.report(bytes: bytes, name: "\(name).pdf")
        if let problem = Golden.compare(Rendering.render(report, as: .json), to: "\(Self.path(name)).report.json") {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// Every table cell carries its page and box, and the text as drawn.
    @Test func cellsCarryTheirPlaceOnThePage() throws {
        let document = try Pipeline.document(bytes: try TestPaths.read("Samples/pdf/seed001_numbered.pdf"), name: "a.pdf")
        let cells = document.blocks.flatMap { block -> [Cell] in
            if case .table(let t) = block { return t.cells }
            return []
        }
        #expect(cells.count > 250)
        for cell in cells where !cell.text.isEmpty {
            guard case .pdf(let page, let x0, let y0, let x1, let y1)? = cell.origin?.location else {
                Issue.record("cell without a PDF origin: \(cell.text)")
                continue
            }
            #expect((1...4).contains(page) && x0 < x1 && y0 < y1 && x1 <= 595.5 && y1 <= 842.5)
        }
        let licensing = try #require(cells.first { $0.text == "1878" })
        #expect(licensing.origin?.raw == "1878")
    }

    /// Running headers and the three page-number styles go, with one finding each document.
    @Test(arguments: ["seed001_numbered", "seed001_split_gridbefore", "seed004_wordlike"])
    func runningHeadersAndFootersAreDropped(_ name: String) throws {
        let document = try Pipeline.document(bytes: try TestPaths.read("Samples/pdf/\(name).pdf"), name: "a.pdf")
        let texts = document.blocks.compactMap(\.text)
        #expect(!texts.contains { $0.hasPrefix("—") || $0.hasPrefix("-") || $0.hasPrefix("第") && $0.hasSuffix("页") })
        #expect(texts.filter { $0 == "政府信息公开工作年度报告" || $0 == "2021年度政府信息公开工作年度报告" }.isEmpty)
        #expect(document.findings.contains { $0.rule == .sourceRestructured && $0.message.contains("页眉、页脚、页码") })
    }

    @Test func propertiesFromTheInformationDictionary() throws {
        let document = try Pipeline.document(bytes: try TestPaths.read("Samples/pdf/011_word_export_gbk.pdf"), name: "a.pdf")
        #expect(document.properties["pdfProducer"] == "LibreOffice 7.4")
        #expect(document.properties["title"] == "枣岭乡2020年政府信息公开工作报告")
        #expect(document.properties["pdfCreated"]?.count == 20)
        #expect(document.properties["publishedOn"] == nil)
        let report = try Pipeline.report(bytes: try TestPaths.read("Samples/pdf/011_word_export_gbk.pdf"), name: "a.pdf")
        #expect(report.metadata.publishedOn == nil)
    }
}
