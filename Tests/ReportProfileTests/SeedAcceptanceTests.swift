import DocModel
import DoccanonKit
import Foundation
import TestSupport
import Testing

/// Issue 2's acceptance, each on an unmodified seed file (Samples/text/ holds the seeds).
@Suite struct SeedAcceptanceTests {
    static func report(_ seed: String) throws -> Report {
        let dir = TestPaths.samples.appendingPathComponent("text")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(seed) && $0.hasSuffix(".txt") })
        let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
        return try Pipeline.report(bytes: bytes, name: name)
    }

    func int(_ t: TableValues?, _ row: String, _ field: String) -> Int? { t?.value(row, field)?.integer }

    /// The same seeds with Windows line ends (as many extraction tools write them).
    @Test(arguments: ["000", "001", "002", "003", "004"])
    func windowsLineEndsReadTheSame(seed: String) throws {
        let dir = TestPaths.samples.appendingPathComponent("text")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(seed) && $0.hasSuffix(".txt") })
        let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
        var crlf: [UInt8] = []
        for b in bytes {
            if b == 0x0A { crlf.append(0x0D) }
            crlf.append(b)
        }
        let plain = try Pipeline.report(bytes: bytes, name: name)
        let windows = try Pipeline.report(bytes: crlf, name: name)
        #expect(windows.metadata == plain.metadata)
        #expect(windows.sections == plain.sections)
        #expect(windows.activeDisclosure == plain.activeDisclosure)
        #expect(windows.applications == plain.applications)
        #expect(windows.reviewsAndLitigation == plain.reviewsAndLitigation)
        #expect(windows.findings == plain.findings)
    }

    @Test func seed001() throws {
        let r = try Self.report("001")
        let t = r.activeDisclosure
        #expect(int(t, "normativeDocuments", "issued") == 6)
        #expect(int(t, "normativeDocuments", "repealed") == 0)
        #expect(int(t, "normativeDocuments", "inForce") == 74)
        #expect(int(t, "licensing", "decisions") == 1878)
        #expect(int(t, "penalties", "decisions") == 228)
        #expect(int(t, "coercion", "decisions") == 7)
        #expect(t?.value("fees", "amount") == .decimal("15996.59"))
        #expect(int(r.applications, "newlyReceived", "naturalPerson") == 1)
        #expect(int(r.applications, "newlyReceived", "total") == 1)
        #expect(int(r.reviewsAndLitigation, "administrativeReview", "pending") == 1)
        #expect(int(r.reviewsAndLitigation, "administrativeReview", "total") == 1)
        #expect(r.metadata.agency == "安泽县人民政府")
        #expect(r.metadata.publishedOn == "2022-02-15")
        #expect(r.findings.contains { $0.rule == .textRepaired })
        #expect(!r.findings.contains { $0.severity == .error })
        // The amount is written with exactly the source's digits.
        #expect(Rendering.render(r, as: .json).contains("\"amount\": 15996.59\n"))
    }

    @Test func seed002() throws {
        let r = try Self.report("002")
        #expect(int(r.activeDisclosure, "regulations", "repealed") == -1)
        #expect(r.findings.contains { $0.rule == .valueNegative && $0.path == "activeDisclosure.regulations.repealed" })
        #expect(r.activeDisclosure != nil && r.applications != nil && r.reviewsAndLitigation != nil)
        #expect(!r.findings.contains { $0.rule == .tableMissing })
        // Misaligned rows are reported, not silently fixed.
        #expect(r.findings.contains { $0.rule == .tableAmbiguous && $0.path == "applications.results.granted" })
        #expect(r.findings.contains { $0.rule == .tableAmbiguous && $0.path == "reviewsAndLitigation" })
        #expect(int(r.applications, "results.total", "total") == 0)
        #expect(r.metadata.agency == "白璧镇人民政府")
    }

    @Test func seed003() throws {
        let r = try Self.report("003")
        #expect(r.metadata.template == .y2019)
        #expect(r.activeDisclosure?.row("regulations")?.fields.map(\.name) == ["newlyMade", "newlyPublished", "totalPublished"])
        #expect(r.activeDisclosure?.row("otherServices") != nil)
        #expect(r.activeDisclosure?.row("procurement")?["unit"] == .text("万元"))
        #expect(r.applications?.row("results.otherHandling.other") != nil)
        #expect(r.applications?.row("results.otherHandling.overdueCorrection") == nil)
        #expect(r.applications?.row("results.otherHandling.unpaidFees") == nil)
        #expect(int(r.applications, "results.otherHandling.other", "total") == 0)
        #expect(!r.findings.contains { $0.rule == .templateOutdated })
        #expect(r.metadata.year == 2020)
    }

    @Test func seed004() throws {
        let r = try Self.report("004")
        #expect(int(r.applications, "results.denied.thirdPartyRights", "naturalPerson") == 1)
        #expect(int(r.applications, "results.denied.thirdPartyRights", "total") == 1)
        let ids = r.sections.map(\.id)
        #expect(ids.contains(.problemsAndImprovements) && ids.contains(.otherMatters))
        #expect(r.sections.first { $0.id == .problemsAndImprovements }?.heading == "存在的主要问题及改进情况")
        #expect(r.metadata.title == "富阳区上官乡2021年政府信息公开工作年度报告")
        #expect(r.metadata.agency == "富阳区上官乡")
        #expect(r.metadata.year == 2021)
        #expect(!r.findings.contains { $0.rule == .sectionMissing })
    }

    @Test func seed000() throws {
        let r = try Self.report("000")
        let t = r.applications
        for row in ["newlyReceived", "carriedOver", "results.granted", "results.total", "carriedForward"] {
            #expect(int(t, row, "naturalPerson") == nil)
            #expect(t?.row(row)?["naturalPerson"] == nil)
            #expect(int(t, row, "total") == 0)
        }
        #expect(r.activeDisclosure?.row("regulations")?.fields.allSatisfy { $0.value == nil } == true)
        #expect(r.findings.contains { $0.rule == .valueBlank && $0.path == "applications.newlyReceived.naturalPerson" })
        #expect(!r.findings.contains { $0.severity == .error })
        #expect(r.metadata.agency == "玉溪市江川区雄关乡人民政府")
        #expect(r.metadata.publishedOn == nil)
    }
}
