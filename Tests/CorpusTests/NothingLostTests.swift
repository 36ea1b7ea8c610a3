import CorpusKit
import DocModel
import DoccanonKit
import Foundation
import Normalization
import Testing
import TestSupport

/// Nothing lost (issue 13): every heading and paragraph of a source document appears in the
/// report's sections, or is accounted for as the report's title, its signature or a page
/// property. Tables are the tables' business. Over every sample, every real document and a
/// slice of the damaged-report corpus.
@Suite struct NothingLostTests {
    /// The document's text blocks that the report does not account for.
    static func lost(_ document: Document, _ report: Report) -> [String] {
        let squeeze = { (s: String) in s.filter { $0 != " " && $0 != "　" } }
        var inSections: Set<String> = []
        for s in report.sections {
            inSections.insert(s.heading)
            inSections.formUnion(s.paragraphs)
        }
        let title = squeeze(report.metadata.title ?? "")
        let properties = Set(document.properties.values)
        return document.blocks.compactMap(\.text).filter { text in
            if inSections.contains(text) || properties.contains(text) { return false }
            // The title line, without the Markdown heading marker ("# …") the title reader drops.
            if !title.isEmpty, title.contains(String(squeeze(text).drop { $0 == "#" })) { return false }
            // The signature: the agency line and the date line (or both on one line).
            let agency = report.metadata.agency.map { text.hasPrefix($0) } ?? false
            let dated = report.metadata.publishedOn.map { DateText.first(in: text) == $0 } ?? false
            return !(agency || dated) || text.count > 50
        }
    }

    static func convert(_ bytes: [UInt8], _ name: String, _ format: SourceInfo.Format? = nil) throws -> (Document, Report) {
        let document = try Pipeline.document(bytes: bytes, name: name, format: format)
        return (document, try Pipeline.report(bytes: bytes, name: name, format: format))
    }

    static let samples: [String] = ["text", "html", "docx"].flatMap { dir -> [String] in
        let path = TestPaths.samples.appendingPathComponent(dir).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { "Samples/\(dir)/\($0)" }
    }

    @Test(arguments: samples)
    func everySampleKeepsItsText(_ sample: String) throws {
        let (document, report) = try Self.convert(try TestPaths.read(sample), (sample as NSString).lastPathComponent)
        #expect(Self.lost(document, report) == [], "\(sample)")
    }

    @Test func everyRealDocumentKeepsItsText() throws {
        let directory = TestPaths.root.appendingPathComponent("Tests/Fixtures/real")
        for truth in try RealSet.truths(in: directory.path) where !truth.document.hasSuffix(".pdf") {
            let url = directory.appendingPathComponent(truth.document).standardizedFileURL
            // A document the reader refuses has no report to lose text from; the real set's
            // scores (RealSetTests, scripts/bench-real) count it as read wrong.
            guard let (document, report) = try? Self.convert([UInt8](try Data(contentsOf: url)), url.lastPathComponent) else { continue }
            #expect(Self.lost(document, report) == [], "\(truth.id)")
        }
    }

    @Test func corpusReportsKeepTheirText() throws {
        for index in 0..<24 {
            let generated = Corpus.report(index: index, seed: 13)
            for format in CorpusFormat.allCases {
                guard let (document, report) = try? Self.convert(try format.render(generated), "\(generated.name).\(format.fileExtension)", format.sourceFormat) else { continue }
                #expect(Self.lost(document, report) == [], "\(generated.name) \(format)")
            }
        }
    }

    /// The check itself: a paragraph that no section holds is reported.
    @Test func aDroppedParagraphIsSeen() throws {
        let text = "某县2021年政府信息公开工作年度报告\n一、总体情况\n概述。\n六、其他需要报告的事项\n无。\n"
        var (document, report) = try Self.convert(Array(text.utf8), "t.txt")
        #expect(Self.lost(document, report) == [])
        report.sections[0].paragraphs = []
        #expect(Self.lost(document, report) == ["概述。"])
        document.blocks.append(.paragraph("附：联系电话"))
        #expect(Self.lost(document, report).contains("附：联系电话"))
    }
}
