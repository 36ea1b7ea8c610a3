import Collections
import CorpusKit
import DocModel
import DoccanonKit
import Foundation
import Normalization
import Serialization
import TableCore
import TestSupport
import Testing

/// `check --provenance`: every table value a finding compares carries where it was read, in
/// documents of every format and in reports read back from `report --provenance` JSON and XML;
/// without the flag nothing changes. The output validates against Schemas/check.schema.json.
@Suite(.serialized) struct CheckProvenanceTests {
    static let options = SeriesOptions(agencies: 6, seed: 5, breakChance: 0.4, proseChance: 0.6, formats: [.text, .html, .docx])

    /// Table values compared by findings (prose quotes and metadata are not table values).
    static func tableValues(_ result: CheckResult) -> [ComparedValue] {
        result.findings.flatMap(\.values).filter { $0.quote == nil && !$0.path.hasPrefix("metadata.") }
    }

    @Test func everyComparedTableValueHasItsSource() throws {
        let (folder, _, truth) = try SeriesSupport.write(Self.options)
        defer { SeriesSupport.remove(folder) }
        #expect(truth.carryOverBreaks.count >= 2 && truth.proseMismatches.count >= 2)
        let plain = CheckResult.run(paths: [folder], jobs: 2)
        let traced = CheckResult.run(paths: [folder], jobs: 2, provenance: true)
        let values = Self.tableValues(traced)
        #expect(values.count >= 30)
        #expect(Set(traced.findings.map(\.rule)).isSuperset(of: [.crossYearCarryOver, .proseMismatch]))
        for v in values {
            guard let value = v.value else { continue }
            guard let source = v.source, let raw = source.raw else {
                Issue.record("\(v.report) \(v.path) = \(value) has no source")
                continue
            }
            #expect(source.location != nil, "\(v.report) \(v.path): no location")
            #expect(ValueParser.read(Normalizer.clean(raw), as: .count).value == value, "\(v.path): raw “\(raw)” is not \(value)")
        }
        // Formats all seen: a DOCX, an HTML and a text location among the sources.
        let kinds = Set(values.compactMap { v -> String? in
            switch v.source?.location {
            case .docx?: return "docx"
            case .html?: return "html"
            case .text?: return "text"
            default: return nil
            }
        })
        #expect(kinds == ["docx", "html", "text"])
        // Without the flag: the same findings and values, no source anywhere.
        #expect(Self.tableValues(plain).allSatisfy { $0.source == nil })
        var stripped = traced
        for i in stripped.findings.indices {
            for j in stripped.findings[i].values.indices { stripped.findings[i].values[j].source = nil }
        }
        #expect(stripped.json == plain.json)
        #expect(!plain.json.contains("\"raw\""))
        let violations = try SchemaCheck.json([traced.json, plain.json], schema: "check.schema.json")
        #expect(violations == [[], []], "\(violations)")
    }

    /// Reports written by `report --provenance` (JSON and XML) and read back give the same
    /// sources as their documents.
    @Test func sourcesSurviveReportsReadBack() throws {
        let (folder, _, _) = try SeriesSupport.write(Self.options)
        defer { SeriesSupport.remove(folder) }
        let direct = CheckResult.run(paths: [folder], jobs: 2, provenance: true)
        for format in [OutputFormat.json, .xml] {
            let out = folder + "-\(format)"
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            defer { SeriesSupport.remove(out) }
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                let (report, sources) = try Pipeline.reportWithSources(bytes: bytes, name: name)
                let text = Rendering.render(report, as: format, sources: sources)
                try text.write(toFile: out + "/" + name + "." + format.rawValue, atomically: true, encoding: .utf8)
            }
            let readBack = CheckResult.run(paths: [out], jobs: 2, provenance: true)
            let a = Self.tableValues(direct).map { [$0.path, "\($0.value.map(ReportDigest.show) ?? "")", $0.source?.described ?? "-"] }
            let b = Self.tableValues(readBack).map { [$0.path, "\($0.value.map(ReportDigest.show) ?? "")", $0.source?.described ?? "-"] }
            #expect(a.count > 20 && a == b, "\(format)")
        }
    }

    @Test func locationsReadBackFromEveryForm() throws {
        let locations: [DocModel.SourceLocation] = [
            .docx(part: "word/document.xml", table: 1, row: 27, cell: 3), .html(table: 0, row: 4, cell: 2, line: 120),
            .text(line: 75, from: 20, to: 23), .pdf(page: 3, x0: 72, y0: 101.25, x1: 120.5, y1: 115),
        ]
        for location in locations {
            let provenance = Provenance(raw: "１，８７８件", location: location)
            #expect(Provenance(canonical: provenance.canonical) == provenance)
        }
        let inferred = Provenance(
            raw: nil, location: nil, inference: "digitSplit",
            from: [.path("applications.newlyReceived.total"), .cell(raw: "1213", location: .text(line: 3, from: 0, to: 4))])
        #expect(Provenance(canonical: inferred.canonical) == inferred)
        #expect(Provenance(canonical: .object([.init("line", .integer(3))])) == nil)
        #expect(DocModel.SourceLocation.pdf(page: 2, x0: 72, y0: 101.25, x1: 120, y1: 115).described == "第2页 [72, 101.25, 120, 115]")
        #expect(DocModel.SourceLocation.text(line: 12, from: 4, to: 9).described == "第12行 第5–9列")
    }
}
