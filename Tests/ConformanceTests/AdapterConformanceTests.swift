import DocModel
import DoccanonKit
import Foundation
import Serialization
import Testing
import TestSupport

/// What every adapter registered in `Pipeline.adapters` must do, checked on every sample found
/// under `Samples/<format>/` (scanned, never listed: a new sample file is tested as soon as it
/// is there, a new adapter as soon as it is registered and has samples):
/// - its document and report JSON equal the stored `<name>.document.json` and
///   `<name>.report.json` byte for byte (RECORD_GOLDEN=1 re-records them, and fails);
/// - its format is detected from content;
/// - both outputs validate against `Schemas/` (JSON Schema and XSD);
/// - the same bytes give the same output, under any directory;
/// - a rendering of a text seed gives the seed's report values;
/// - every limit is enforced by behaviour (`LimitConformanceTests`).
@Suite struct AdapterConformanceTests {
    @Test func everyRegisteredAdapterHasSamples() {
        for adapter in Pipeline.adapters {
            #expect(ConformanceSample.all.contains { $0.format == adapter.format }, "no sample under Samples/\(adapter.format.rawValue)/")
        }
    }

    @Test(arguments: ConformanceSample.all) func goldens(_ sample: ConformanceSample) throws {
        let bytes = try sample.bytes()
        #expect(Pipeline.detectFormat(bytes) == sample.format, "\(sample.path) is not detected as \(sample.format)")
        let document = try Pipeline.document(bytes: bytes, name: sample.fileName)
        if let problem = Golden.compare(Rendering.render(document, as: .json), to: sample.golden("document")) {
            Issue.record(Comment(rawValue: problem))
        }
        let report = try Pipeline.report(bytes: bytes, name: sample.fileName)
        if let problem = Golden.compare(Rendering.render(report, as: .json), to: sample.golden("report")) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The same bytes twice, and under another directory, give the same bytes out.
    @Test(arguments: ConformanceSample.all) func determinism(_ sample: ConformanceSample) throws {
        let bytes = try sample.bytes()
        let first = try Pipeline.report(bytes: bytes, name: sample.fileName)
        let second = try Pipeline.report(bytes: bytes, name: "elsewhere/deeper/" + sample.fileName)
        #expect(Rendering.render(first, as: .json) == Rendering.render(second, as: .json))
        #expect(Rendering.render(first, as: .xml) == Rendering.render(second, as: .xml))
        let document = try Pipeline.document(bytes: bytes, name: sample.fileName)
        #expect(document == (try Pipeline.document(bytes: bytes, name: sample.fileName)))
    }

    /// Documents and reports of every sample validate against the schemas, JSON and XML.
    @Test func everySampleValidates() throws {
        var documents: [String] = []
        var reports: [String] = []
        for sample in ConformanceSample.all {
            let bytes = try sample.bytes()
            let document = try Pipeline.document(bytes: bytes, name: sample.fileName)
            let report = try Pipeline.report(bytes: bytes, name: sample.fileName)
            let documentXML = try SchemaCheck.xml(Rendering.render(document, as: .xml), schema: "document.xsd")
            #expect(documentXML.isEmpty, "\(sample.path): \(documentXML.prefix(3))")
            let reportXML = try SchemaCheck.xml(Rendering.render(report, as: .xml), schema: "report.xsd")
            #expect(reportXML.isEmpty, "\(sample.path): \(reportXML.prefix(3))")
            documents.append(Rendering.render(document, as: .json, pretty: false))
            reports.append(Rendering.render(report, as: .json, pretty: false))
        }
        let documentErrors = try SchemaCheck.json(documents, schema: "document.schema.json")
        let reportErrors = try SchemaCheck.json(reports, schema: "report.schema.json")
        for (sample, (d, r)) in zip(ConformanceSample.all, zip(documentErrors, reportErrors)) {
            #expect(d.isEmpty, "\(sample.path) document: \(d.prefix(3))")
            #expect(r.isEmpty, "\(sample.path) report: \(r.prefix(3))")
        }
    }

    /// A sample in another format whose report has a text seed's title and year is a rendering
    /// of that seed: it gives the seed's values in every table, and the seed's agency.
    @Test func renderingsOfASeedGiveTheSeedsValues() throws {
        let seeds = try ConformanceSample.all.filter { $0.format == .text }.map { try $0.report() }
        var matched = 0
        for sample in ConformanceSample.all where sample.format != .text {
            let report = try sample.report()
            guard let seed = seeds.first(where: { $0.metadata.title == report.metadata.title && $0.metadata.year == report.metadata.year })
            else { continue }
            matched += 1
            #expect(report.metadata.agency == seed.metadata.agency, "\(sample.path)")
            #expect(report.activeDisclosure == seed.activeDisclosure, "\(sample.path)")
            #expect(report.applications == seed.applications, "\(sample.path)")
            #expect(report.reviewsAndLitigation == seed.reviewsAndLitigation, "\(sample.path)")
        }
        // Samples/docx and Samples/html hold renderings of seeds 000, 001, 003 and 004.
        #expect(matched >= 5)
    }
}

/// One input file under `Samples/<format>/` (every file but the stored `*.json` outputs).
struct ConformanceSample: Sendable, CustomTestStringConvertible {
    var format: SourceInfo.Format
    /// Relative to the repository root: "Samples/docx/seed004_wordlike.docx".
    var path: String

    var fileName: String { String(path.split(separator: "/").last ?? "") }
    var testDescription: String { path }

    /// The stored output beside the input: `kind` "document" or "report".
    func golden(_ kind: String) -> String {
        let base = path.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        return "\(base).\(kind).json"
    }

    func bytes() throws -> [UInt8] { try TestPaths.read(path) }

    func report() throws -> Report { try Pipeline.report(bytes: try bytes(), name: fileName) }

    /// Every sample of every format, in path order.
    static let all: [ConformanceSample] = SourceInfo.Format.allCases.flatMap { format -> [ConformanceSample] in
        let folder = TestPaths.samples.appendingPathComponent(format.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".json") }.sorted()
            .map { ConformanceSample(format: format, path: "Samples/\(format.rawValue)/\($0)") }
    }
}
