import DocModel
import DoccanonKit
import Foundation
import ReportProfile
import TableCore
import TestSupport
import Testing

/// The reconstructor keeps, for every value it outputs, where it came from (`Report.sources`):
/// checked against the document's own cells on every sample of every format.
@Suite struct ProvenanceTests {
    static let samples: [String] = ["text", "docx", "html"].flatMap { format in
        let dir = TestPaths.samples.appendingPathComponent(format)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { "\(format)/\($0)" }
    }

    @Test(arguments: samples)
    func everyValueNamesTheCellItWasReadFrom(_ sample: String) throws {
        let bytes = try TestPaths.read("Samples/\(sample)")
        let name = String(sample.split(separator: "/").last!)
        let document = try Pipeline.document(bytes: bytes, name: name)
        let report = try ReportReader.read(document)
        let tables = document.blocks.compactMap { block -> Table? in
            if case .table(let t) = block { return t }
            return nil
        }
        var checked = 0
        for (key, values) in report.tables {
            for row in values?.rows ?? [] {
                for field in row.fields where field.value != nil && field.name != "unit" {
                    let path = "\(key).\(row.path).\(field.name)"
                    let source = try #require(report.sources[path], "\(sample): no source for \(path)")
                    let cells: [CellRef]
                    switch source {
                    case .cell(let ref): cells = [ref]
                    case .inferred(_, let from, _): cells = from
                    }
                    let ref = try #require(cells.first, "\(sample): \(path) inferred from nothing")
                    let text = tables[ref.table].cells[ref.cell].text
                    let kinds: [FieldKind] = [.count, .signedCount, .amountWan, .amountAsWritten]
                    #expect(kinds.contains { ValueParser.read(text, as: $0).value == field.value }, "\(sample): \(path) = \(String(describing: field.value)) from “\(text)”")
                    checked += 1
                }
            }
        }
        #expect(checked > 20)
        #expect(report.sources.keys.allSatisfy { $0.split(separator: ".").count >= 3 })
    }
}
