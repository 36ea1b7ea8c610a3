import DocModel
import DoccanonKit
import Foundation
import Serialization
import Testing
import TestSupport

/// `report --provenance` output (spec §9): one sample of each format as golden files (reviewed
/// by eye), valid against both schemas, read back by `validate`; without the flag nothing changes.
@Suite struct ProvenanceOutputTests {
    static let samples = [
        ("Samples/text/001_7097c5c10f7e9ea9.txt", "text-001"), ("Samples/docx/seed001_numbered.docx", "docx-seed001"),
        ("Samples/html/011_word_export_gbk.html", "html-011"),
    ]

    static func read(_ sample: String) throws -> (Report, [String: Provenance]) {
        try Pipeline.reportWithSources(bytes: TestPaths.read(sample), name: sample)
    }

    /// The `sources` member as golden JSON (the rest of the output is the sample's own golden,
    /// checked below), and the full output is the report's output with `sources` added.
    @Test(arguments: samples)
    func provenanceOutputIsItsGolden(_ sample: String, _ golden: String) throws {
        let (report, sources) = try Self.read(sample)
        let tree = report.canonical(sources: sources)
        let path = "Tests/SerializationTests/Golden/provenance-\(golden).json"
        if let difference = Golden.compare(JSONWriter.write(tree["sources"] ?? .null), to: path) { Issue.record("\(difference)") }
        guard case .object(let members) = tree, case .object(let plain) = report.canonical else { return }
        #expect(members.filter { $0.key != "sources" } == plain)
    }

    @Test func withoutTheFlagTheOutputIsTheSampleGolden() throws {
        for (sample, _) in Self.samples {
            let (report, _) = try Self.read(sample)
            let expected = try String(contentsOf: TestPaths.root.appendingPathComponent(sample.split(separator: ".").dropLast().joined(separator: ".") + ".report.json"), encoding: .utf8)
            #expect(Rendering.render(report, as: .json) == expected, "\(sample)")
        }
    }

    @Test func provenanceOutputValidatesAgainstBothSchemas() throws {
        var outputs: [String] = []
        for (sample, _) in Self.samples {
            let (report, sources) = try Self.read(sample)
            #expect(!sources.isEmpty)
            outputs.append(Rendering.render(report, as: .json, pretty: false, sources: sources))
            let violations = try SchemaCheck.xml(Rendering.render(report, as: .xml, sources: sources), schema: "report.xsd")
            #expect(violations.isEmpty, "\(sample): \(violations)")
        }
        // An inferred value's shape, and a PDF location, which the samples may not hold.
        let (report, _) = try Self.read(Self.samples[0].0)
        let inferred: [String: Provenance] = [
            "activeDisclosure.fees.amount": Provenance(
                raw: nil, location: nil, inference: "digitSplit",
                from: [.cell(raw: "１５９９６.５９７", location: .pdf(page: 2, x0: 72, y0: 101.25, x1: 140.5, y1: 118))]),
            "activeDisclosure.licensing.decisions": Provenance(raw: "1878", location: .pdf(page: 1, x0: 1, y0: 2, x1: 3, y1: 4.125)),
        ]
        outputs.append(Rendering.render(report, as: .json, pretty: false, sources: inferred))
        #expect(try SchemaCheck.xml(Rendering.render(report, as: .xml, sources: inferred), schema: "report.xsd").isEmpty)
        for (output, errors) in zip(outputs, try SchemaCheck.json(outputs, schema: "report.schema.json")) {
            #expect(errors.isEmpty, "\(errors) in \(output.prefix(200))")
        }
        // The schema refuses a source without raw that is not inferred, and an unknown key.
        let bad = Rendering.render(report, as: .json, pretty: false, sources: ["applications.newlyReceived.total": Provenance(raw: nil, location: .text(line: 1, from: 0, to: 1))])
        let unknown = Rendering.render(report, as: .json, pretty: false, sources: [:]).replacingOccurrences(of: "\"sources\":{}", with: "\"sources\":{\"applications.newlyReceived.total\":{\"raw\":\"1\",\"colour\":1}}")
        for errors in try SchemaCheck.json([bad, unknown], schema: "report.schema.json") { #expect(!errors.isEmpty) }
    }

    @Test func aReportWithSourcesReadsBack() throws {
        let (report, sources) = try Self.read(Self.samples[2].0)
        for format in [OutputFormat.json, .xml] {
            let bytes = Array(Rendering.render(report, as: format, sources: sources).utf8)
            let back = try Validation.report(bytes: bytes, name: "back.\(format.rawValue)", format: nil)
            #expect(back == report)
        }
    }

    @Test func pdfBoxesAreWrittenWithTwoDecimalsAtMost() {
        #expect(SourceLocation.decimal(101.25) == "101.25" && SourceLocation.decimal(72) == "72" && SourceLocation.decimal(0.1 + 0.2) == "0.3")
        #expect(SourceLocation.decimal(-3.456) == "-3.46" && SourceLocation.decimal(-0.001) == "0" && SourceLocation.decimal(.nan) == "0")
    }
}
