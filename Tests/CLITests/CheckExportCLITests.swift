import Foundation
import TestSupport
import Testing

/// `doccanon check` and `doccanon export` as users run them: output, exit statuses, errors.
@Suite struct CheckExportCLITests {
    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-cli-\(UUID().uuidString)-\(name)")
    }

    @Test func checkOfTheSamples() throws {
        let run = try Binary.run(["check", "Samples/text"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(Set(object.keys) == ["reports", "findings", "errors"])
        let reports = try #require(object["reports"] as? [[String: Any]])
        #expect(reports.count == 10)
        #expect(reports.allSatisfy { $0["id"] is String && $0["source"] is [String: Any] && $0.keys.contains("year") })
        // Each seed is there as text and as its report JSON: five copies.
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["rule"] as? String == "collection.duplicateCopy" }.count == 5)
        // The canonical documents beside them are not reports: listed, not fatal.
        #expect((object["errors"] as? [Any])?.count == 5)
        let text = try Binary.run(["check", "--format", "text", "Samples/text"])
        #expect(String(decoding: text.stdout, as: UTF8.self).hasPrefix("10 份报告，5 个机构，5 份无法读取"))
    }

    @Test func aCarryOverBreakExitsOne() throws {
        let folder = Self.temporary("break")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Data(contentsOf: TestPaths.root.appendingPathComponent("Samples/text/001_7097c5c10f7e9ea9.report.json"))
        var previous = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var meta = try #require(previous["metadata"] as? [String: Any])
        meta["year"] = 2020
        previous["metadata"] = meta
        var applications = try #require(previous["applications"] as? [String: Any])
        var forward = try #require(applications["carriedForward"] as? [String: Any])
        forward["naturalPerson"] = 3
        forward["total"] = 3
        applications["carriedForward"] = forward
        previous["applications"] = applications
        try JSONSerialization.data(withJSONObject: previous).write(to: folder.appendingPathComponent("2020.json"))
        try data.write(to: folder.appendingPathComponent("2021.json"))
        let run = try Binary.run(["check", "--format", "text", folder.path])
        #expect(run.status == 1)
        let out = String(decoding: run.stdout, as: UTF8.self)
        #expect(out.contains("error crossYear.carryOver: 安泽县人民政府2021年报告的“上年结转政府信息公开申请数量”与2020年报告的“结转下年度继续办理”不一致：自然人 0≠3，总计 0≠3"))
    }

    @Test func checkRefusals() throws {
        let missing = try Binary.run(["check", "/nonexistent/doccanon"])
        #expect(missing.status == 2 && missing.stdout.isEmpty)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(try Binary.run(["check"]).status == 64)
        #expect(try Binary.run(["check", "--jobs", "-1", "Samples"]).status == 64)
        let rules = try Binary.run(["check", "--explain-agencies"])
        #expect(rules.status == 0 && String(decoding: rules.stdout, as: UTF8.self).contains("人民政府办公厅 → 政府办公室"))
    }

    @Test func exportWritesAFileOrNothing() throws {
        let csv = Self.temporary("out.csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        let run = try Binary.run(["export", "Samples/text", "--format", "csv", "-o", csv.path])
        #expect(run.status == 0)
        let bytes = try Data(contentsOf: csv)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").count == 12)
        #expect(run.stderr.components(separatedBy: "skipped").count - 1 == 5)
        let none = Self.temporary("none.csv")
        let missing = try Binary.run(["export", "/nonexistent/doccanon", "--format", "xlsx", "-o", none.path])
        #expect(missing.status == 2 && !FileManager.default.fileExists(atPath: none.path))
        #expect(try Binary.run(["export", "Samples/text", "--format", "ods", "-o", none.path]).status == 64)
        let unwritable = try Binary.run(["export", "Samples/text", "--format", "csv", "-o", "/nonexistent/dir/out.csv"])
        #expect(unwritable.status == 74)
    }

    /// `--provenance` on the command line: check's compared values carry `source` (text: one
    /// line each), export writes the sources file beside the CSV; without it, neither.
    @Test func provenanceFlags() throws {
        let folder = Self.temporary("prov")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Seed 001 twice with one number changed: a duplicate finding lists the differing cell.
        let text = try String(contentsOf: TestPaths.root.appendingPathComponent("Samples/text/001_7097c5c10f7e9ea9.txt"), encoding: .utf8)
        try text.write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "15996.59", with: "15996.58").write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let plain = try Binary.run(["check", folder.path])
        let traced = try Binary.run(["check", "--provenance", folder.path])
        #expect(plain.status == 0 && traced.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: traced.stdout) as? [String: Any])
        let values = ((object["findings"] as? [[String: Any]]) ?? []).flatMap { ($0["values"] as? [[String: Any]]) ?? [] }
        let amounts = values.filter { $0["path"] as? String == "activeDisclosure.fees.amount" }
        #expect(amounts.count == 2 && amounts.allSatisfy { (($0["source"] as? [String: Any])?["line"] as? Int ?? 0) > 0 })
        #expect(!String(decoding: plain.stdout, as: UTF8.self).contains("\"raw\""))
        let lines = try Binary.run(["check", "--provenance", "--format", "text", folder.path])
        #expect(String(decoding: lines.stdout, as: UTF8.self).contains("activeDisclosure.fees.amount = 15996.58　「"))
        let csv = folder.appendingPathComponent("out.csv")
        #expect(try Binary.run(["export", folder.path, "--format", "csv", "-o", csv.path, "--provenance"]).status == 0)
        let sources = try String(contentsOf: folder.appendingPathComponent("out.sources.csv"), encoding: .utf8)
        #expect(sources.components(separatedBy: "\r\n").count == 4 && sources.contains("「15996.58」 第"))
    }
}
