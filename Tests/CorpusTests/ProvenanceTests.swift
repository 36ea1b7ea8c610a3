import CorpusKit
import DocModel
import DoccanonKit
import Foundation
import Normalization
import ReportProfile
import TableCore
import TestSupport
import Testing

/// Provenance (`--provenance`, spec §9) over every sample and a corpus slice in every format:
/// each non-null value has a source; a value read from its cell has the cell's raw text, which
/// normalised and read by the project's own value parser gives the value exactly; an inferred
/// value says from what.
@Suite struct ProvenanceTests {
    /// The field kind of every table path of a template (the kind the value parser reads by).
    static func kinds(_ template: Template) -> [String: FieldKind] {
        var out: [String: FieldKind] = [:]
        for table in OfficialTemplates.tables(template) {
            for row in table.rows {
                for (path, range) in row.reportRows {
                    for f in range { out["\(table.key).\(path.isEmpty ? "" : path + ".")\(row.fields[f].name)"] = row.fields[f].kind }
                }
            }
        }
        return out
    }

    /// Checks one conversion; returns the number of values checked.
    static func check(_ bytes: [UInt8], name: String, format: SourceInfo.Format?) throws -> Int {
        let (report, sources) = try Pipeline.reportWithSources(bytes: bytes, name: name, format: format)
        let kinds = Self.kinds(report.metadata.template ?? .y2021)
        var checked = 0
        for (key, table) in report.tables {
            for row in table?.rows ?? [] {
                for field in row.fields {
                    guard let value = field.value else { continue }
                    let path = "\(key).\(row.path).\(field.name)"
                    checked += 1
                    guard let source = sources[path] else {
                        Issue.record("\(name): \(path) = \(value) has no source")
                        continue
                    }
                    if source.isInferred {
                        #expect(!source.from.isEmpty, "\(name): \(path) inferred (\(source.inference ?? "")) from nothing")
                    }
                    guard source.inference == nil || source.inference == "rowPosition" || source.inference == "arithmetic" else { continue }
                    // Read from one cell: its raw text, normalised and parsed, is the value.
                    guard let raw = source.raw, let kind = kinds[path] else {
                        Issue.record("\(name): \(path) read from a cell but has no raw text or no template field")
                        continue
                    }
                    if kind == .unitOfPrevious { continue }
                    let reread = ValueParser.read(Normalizer.clean(raw), as: kind).value
                    #expect(reread == value, "\(name): \(path) = \(value), raw “\(raw)” reads as \(String(describing: reread))")
                    #expect(source.location != nil, "\(name): \(path) has no location")
                }
            }
        }
        // Without provenance the report is the same, and its output bytes do not change.
        let plain = try Pipeline.report(bytes: bytes, name: name, format: format)
        #expect(plain == report)
        #expect(Rendering.render(plain, as: .json) == Rendering.render(report, as: .json))
        return checked
    }

    static let samples: [String] = ["text", "docx", "html", "pdf"].flatMap { format in
        let dir = TestPaths.samples.appendingPathComponent(format)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { "Samples/\(format)/\($0)" }
    }

    @Test(arguments: samples)
    func everySampleValueHasItsSource(_ sample: String) throws {
        let bytes = try TestPaths.read(sample)
        do {
            #expect(try Self.check(bytes, name: sample, format: nil) > 10)
        } catch let error as ConversionError where error.code == .unsupported || sample.hasSuffix(".pdf") {
            // A format whose adapter is not on main yet.
            return
        }
    }

    @Test(arguments: CorpusFormat.allCases)
    func everyCorpusValueHasItsSource(_ format: CorpusFormat) throws {
        var checked = 0
        for report in AccuracyTests.slice {
            checked += try Self.check(try format.render(report), name: "\(report.name).\(format.fileExtension)", format: format.sourceFormat)
        }
        #expect(checked > 10_000)
    }
}
