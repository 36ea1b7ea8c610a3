import Collections
import CorpusKit
import DocModel
import DoccanonKit
import Foundation
import ReportProfile
import Testing
import WideExport

@Suite struct ExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A corpus slice (both templates, damaged: blanks, placeholders, units, lost cells) in
    /// text, HTML and DOCX, exported to CSV and XLSX and read back by Python's csv module and
    /// openpyxl: every cell equals the report JSON's value, nulls are empty.
    @Test func csvAndXLSXEqualTheReportJSON() throws {
        let (folder, inputs) = try Self.corpus(count: 36, seed: 15)
        defer { try? FileManager.default.removeItem(at: folder) }
        var expected = ""
        var templates = Set<Template>()
        CollectionReader(paths: [inputs.path], jobs: 1).forEach { entry in
            guard case .success(let loaded) = entry.result else { return }
            templates.insert(loaded.report.metadata.template ?? .y2021)
            let json = Rendering.render(loaded.report, as: .json, pretty: false)
            expected += "{\"id\": \(Self.quoted(entry.id)), \"report\": \(json)}\n"
        }
        #expect(templates.count == 2)
        let expectedPath = folder.appendingPathComponent("expected.jsonl").path
        try expected.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        let csv = folder.appendingPathComponent("all.csv").path, xlsx = folder.appendingPathComponent("all.xlsx").path
        let a = try Exporter.run(paths: [inputs.path], format: .csv, output: csv)
        let b = try Exporter.run(paths: [inputs.path], format: .xlsx, output: xlsx)
        #expect(a.rows == 36 && b.rows == 36 && a.errors.isEmpty)
        let (status, output) = try Self.python(["scripts/check-export.py", expectedPath, csv, xlsx])
        #expect(status == 0, "\(output)")
        #expect(output.contains("36 reports"))
    }

    /// `--provenance`: the sources sheet and the companion CSV hold, in each cell's place, where
    /// the value was read (checked by Python against each report's `sources`); the reports
    /// themselves are written byte for byte as without the flag.
    @Test func provenanceSheetMirrorsTheReports() throws {
        let (folder, inputs) = try Self.corpus(count: 12, seed: 21)
        defer { try? FileManager.default.removeItem(at: folder) }
        var expected = ""
        CollectionReader(paths: [inputs.path], jobs: 1, provenance: true).forEach { entry in
            guard case .success(let loaded) = entry.result else { return }
            let json = Rendering.render(loaded.report, as: .json, pretty: false, sources: loaded.sources)
            expected += "{\"id\": \(Self.quoted(entry.id)), \"report\": \(json)}\n"
        }
        let expectedPath = folder.appendingPathComponent("expected.jsonl").path
        try expected.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        let csv = folder.appendingPathComponent("all.csv").path, xlsx = folder.appendingPathComponent("all.xlsx").path
        let plain = folder.appendingPathComponent("plain.csv").path
        _ = try Exporter.run(paths: [inputs.path], format: .csv, output: csv, provenance: true)
        _ = try Exporter.run(paths: [inputs.path], format: .xlsx, output: xlsx, provenance: true)
        _ = try Exporter.run(paths: [inputs.path], format: .csv, output: plain)
        #expect(Exporter.sourcesPath(for: csv) == folder.appendingPathComponent("all.sources.csv").path)
        #expect(!FileManager.default.fileExists(atPath: Exporter.sourcesPath(for: plain)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)) == Data(contentsOf: URL(fileURLWithPath: plain)))
        let (status, output) = try Self.python(["scripts/check-export.py", expectedPath, csv, xlsx, "--sources"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("12 reports"))
    }

    @Test func aReportOfThe2019TemplateLeavesThe2021ColumnsEmpty() throws {
        let generated = Corpus.report(index: 0, seed: 3, operators: [], template: .y2019)
        let report = try Pipeline.report(bytes: Array(CorpusFormat.text.render(generated)), name: "r.txt")
        let row = ExportColumns.row(id: "r.txt", report: report)
        #expect(row.count == ExportColumns.names.count)
        let column = { (name: String) in row[ExportColumns.names.firstIndex(of: name)!] }
        #expect(column("activeDisclosure.regulations.issued") == .empty)
        #expect(column("applications.results.otherHandling.unpaidFees.total") == .empty)
        #expect(column("activeDisclosure.regulations.newlyMade") != .empty)
        #expect(column("template") == .text("2019"))
        #expect(ExportColumns.names.prefix(6) == ["id", "source", "agency", "year", "template", "publishedOn"])
        #expect(ExportColumns.names.suffix(3) == ["errors", "warnings", "infos"])
        #expect(Set(ExportColumns.names).count == ExportColumns.names.count)
    }

    @Test func nothingReadableWritesNoFile() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-empty-\(UUID().uuidString).csv").path
        let summary = try Exporter.run(paths: ["/nonexistent/doccanon"], format: .csv, output: out)
        #expect(summary.rows == 0 && summary.errors.count == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A fresh folder with `count` corpus reports (both templates, damaged) in text, HTML and
    /// DOCX in turn under its `in/`.
    static func corpus(count: Int, seed: UInt64) throws -> (folder: URL, inputs: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-export-\(UUID().uuidString)")
        let inputs = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let formats = CorpusFormat.allCases
        for i in 0..<count {
            let report = Corpus.report(index: i, seed: seed)
            let format = formats[i % formats.count]
            try Data(format.render(report)).write(to: inputs.appendingPathComponent("\(report.name).\(format.fileExtension)"))
        }
        return (folder, inputs)
    }

    static func quoted(_ s: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [s])
        return String(decoding: (data ?? Data()).dropFirst().dropLast(), as: UTF8.self)
    }

    static func python(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
