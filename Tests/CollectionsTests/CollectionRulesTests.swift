import Collections
import CorpusKit
import DocModel
import DoccanonKit
import Foundation
import Serialization
import Testing

/// The collection rules on small collections made from one generated series, some reports
/// written back as report JSON with a change: duplicates, copies, agency variants, region
/// prefixes; and the real 洪泽区 series.
@Suite struct CollectionRulesTests {
    /// Agency 0's five reports (2019–2023), converted.
    static func series() throws -> [(file: String, report: Report)] {
        let (reports, _) = Series.agency(0, options: SeriesOptions(agencies: 1, planted: false))
        return try reports.map { r in
            (r.fileName, try Pipeline.report(bytes: r.format.render(r.generated), name: r.fileName))
        }
    }

    static func check(_ reports: [(name: String, report: Report)]) throws -> CheckResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, report) in reports {
            try Rendering.render(report, as: .json).write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return CheckResult.run(paths: [folder.path], jobs: 2)
    }

    static func setCell(_ report: inout Report, _ row: String, _ field: String, _ value: Int) {
        guard var t = report.applications, let r = t.rows.firstIndex(where: { $0.path == row }),
            let f = t.rows[r].fields.firstIndex(where: { $0.name == field })
        else { return }
        t.rows[r].fields[f].value = .integer(value)
        report.applications = t
    }

    @Test func copiesAndDuplicates() throws {
        let s = try Self.series()
        var changed = s[2].report
        Self.setCell(&changed, "newlyReceived", "naturalPerson", 9999)
        let result = try Self.check(
            s.map { ($0.file + ".json", $0.report) } + [("copy-2019.json", s[0].report), ("changed-2021.json", changed)])
        let copy = try #require(result.findings.first { $0.rule == .collectionDuplicateCopy })
        #expect(Set(copy.reports.map { $0.id.split(separator: "/").last.map(String.init) ?? "" }) == ["copy-2019.json", s[0].file + ".json"])
        let duplicate = try #require(result.findings.first { $0.rule == .collectionDuplicate })
        #expect(duplicate.severity == .warning && duplicate.reports.count == 2)
        let cell = duplicate.values.filter { $0.path == "applications.newlyReceived.naturalPerson" }
        #expect(cell.count == 2 && cell.contains { $0.value == .integer(9999) })
        // Which of the two 2021 reports holds is unknown: no carry-over is checked into or out of 2021.
        #expect(!result.findings.contains { $0.rule == .crossYearCarryOver })
        #expect(result.findings.filter { $0.rule == .crossYearTemplateMismatch }.count == 0)
    }

    @Test func aBrokenCarryOverNamesBothReportsAndColumns() throws {
        var s = try Self.series()
        Self.setCell(&s[3].report, "carriedOver", "commercialEnterprise", 77)
        let result = try Self.check(s.map { ($0.file + ".json", $0.report) })
        let found = result.findings.filter { $0.rule == .crossYearCarryOver }
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.reports.map(\.id).map { $0.hasSuffix(s[2].file + ".json") || $0.hasSuffix(s[3].file + ".json") } == [true, true])
        #expect(f.values.count == 14)
        #expect(f.values.contains { $0.path == "applications.carriedOver.commercialEnterprise" && $0.value == .integer(77) })
        #expect(f.message.contains("商业企业 77≠"))
        #expect(result.count(.error) == 1)
    }

    @Test func nearNamesAreReportedNotMerged() throws {
        var s = try Self.series()
        let name = s[0].report.metadata.agency ?? ""
        // One character changed in the 2022 and 2023 reports' agency: two agencies, one finding.
        let variant = String(name.prefix(3)) + "雨" + String(name.dropFirst(4))
        for i in 3...4 { s[i].report.metadata.agency = variant }
        let result = try Self.check(s.map { ($0.file + ".json", $0.report) })
        #expect(Set(result.reports.compactMap(\.agencyKey)).count == 2)
        let f = try #require(result.findings.first { $0.rule == .collectionAgencyVariant })
        #expect(f.reports.count == 5 && f.message.contains("未合并"))
        #expect(!result.findings.contains { $0.rule == .crossYearCarryOver })
    }

    @Test func aRegionPrefixJoinsUnlessAmbiguous() {
        let joined = AgencyIdentity.regionAliases(["淮安市洪泽区政府", "洪泽区政府"])
        #expect(joined == ["洪泽区政府": "淮安市洪泽区政府"])
        #expect(AgencyIdentity.regionAliases(["南京市鼓楼区政府", "福州市鼓楼区政府", "鼓楼区政府"]).isEmpty)
    }

    /// 洪泽区's 2023 and 2024 reports as published (Tests/Fixtures/real, the values the PDFs
    /// print, hand-typed): one agency under rule 6 (signed 洪泽区人民政府, then
    /// 淮安市洪泽区人民政府), and the 2024 上年结转 equals the 2023 结转下年度 in every column.
    @Test func realSeriesCarryOverHolds() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/real")
        var reports: [(name: String, report: Report)] = []
        for id in ["hongze2023", "hongze2024"] {
            let text = try String(contentsOf: root.appendingPathComponent("\(id).truth"), encoding: .utf8)
            reports.append(("\(id).json", Self.report(try RealTruthParser.parse(text, id: id))))
        }
        let result = try Self.check(reports)
        #expect(result.errors.isEmpty && result.reports.count == 2)
        #expect(Set(result.reports.compactMap(\.agencyKey)) == ["淮安市洪泽区政府"])
        #expect(result.reports.map(\.year) == [2023, 2024])
        #expect(result.reports[0].carriedForward.allSatisfy { $0 != nil })
        #expect(result.reports[1].carriedOver == result.reports[0].carriedForward)
        #expect(result.findings.map(\.rule) == [.collectionAgencyVariant])
    }

    /// A report holding what a real document prints (its truth's cells and metadata).
    static func report(_ truth: RealTruth) -> Report {
        func table(_ key: String) -> TableValues? {
            var rows: [RowValues] = []
            for cell in truth.cells where cell.table == key {
                if rows.last?.path != cell.row { rows.append(RowValues(path: cell.row, fields: [])) }
                rows[rows.count - 1].fields.append(FieldValue(name: cell.field, value: cell.value))
            }
            return rows.isEmpty ? nil : TableValues(rows: rows)
        }
        return Report(
            source: SourceInfo(format: .text, name: truth.document, sha256: "", bytes: 0),
            metadata: Metadata(title: truth.title, agency: truth.agency, year: truth.year, publishedOn: truth.publishedOn, template: truth.template),
            sections: [], activeDisclosure: table("activeDisclosure"), applications: table("applications"),
            reviewsAndLitigation: table("reviewsAndLitigation"), findings: [])
    }

    @Test func outputIsTheSameWhateverTheJobs() throws {
        let s = try Self.series()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (file, report) in s {
            try Rendering.render(report, as: .json).write(to: folder.appendingPathComponent(file + ".json"), atomically: true, encoding: .utf8)
        }
        let one = CheckResult.run(paths: [folder.path], jobs: 1).json
        let three = CheckResult.run(paths: [folder.path], jobs: 3).json
        #expect(one == three)
        #expect(one.hasPrefix("{\n  \"errors\": []"))
    }
}

@Suite struct CheckRenderingTests {
    /// The streamed JSON is the whole-tree writer's output, byte for byte.
    @Test func streamedJSONEqualsTheTree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (reports, _) = Series.agency(3, options: SeriesOptions(agencies: 4, breakChance: 1, proseChance: 1))
        for r in reports { try Data(r.format.render(r.generated)).write(to: folder.appendingPathComponent(r.fileName)) }
        try Data("not a report".utf8).write(to: folder.appendingPathComponent("zz.txt"))
        let result = CheckResult.run(paths: [folder.path])
        #expect(!result.findings.isEmpty && !result.errors.isEmpty)
        #expect(result.json == JSONWriter.write(result.canonical))
    }
}
