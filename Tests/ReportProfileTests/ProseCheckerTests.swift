import DocModel
import DoccanonKit
import ReportProfile
import TestSupport
import Testing

/// prose.mismatch on seed 001's tables (安泽县 2021: 1 application received and granted,
/// nothing carried; 行政复议 1, pending; 许可 1878, 处罚 228, 强制 7) with the prose replaced.
@Suite struct ProseCheckerTests {
    static func seed(overview: [String]) throws -> Report {
        var report = try Pipeline.report(bytes: TestPaths.read("Samples/text/001_7097c5c10f7e9ea9.txt"), name: "001.txt")
        report.sections = [Section(id: .overview, heading: "一、总体情况", paragraphs: overview)]
        return report
    }

    static func mismatches(_ text: String) throws -> [ProseMismatch] {
        ProseChecker.mismatches(in: try seed(overview: [text]))
    }

    @Test func agreeingProseSaysNothing() throws {
        let prose = [
            "2021年全年共受理政府信息公开申请1件，上年结转0件，办结1件，结转下年度0件。",
            "其中予以公开1件、部分公开0件、不予公开0件。",
            "全年共办理行政许可1878件，作出行政处罚决定228件，行政强制7件。",
            "收到行政复议申请1件，尚未审结1件；未发生行政诉讼。",
            "2021年我县共收到公民、法人和其他组织通过各种形式提出的信息公开申请1件。",
        ]
        for p in prose { #expect(try Self.mismatches(p).isEmpty, "\(p)") }
    }

    @Test func disagreeingNumbersAreFound() throws {
        let cases: [(String, ProseQuantity, Int, Int)] = [
            ("全年共受理政府信息公开申请749件，均已按期答复。", .received, 749, 1),
            ("本年度上年结转申请3件。", .carriedOver, 3, 0),
            ("截至年底结转下年度继续办理2件。", .carriedForward, 2, 0),
            ("收到申请1件，已办结4件。", .handled, 4, 1),
            ("其中予以公开5件。", .granted, 5, 1),
            ("部分公开2件、不予公开3件。", .partiallyGranted, 2, 0),
            ("全年行政复议3件。", .reviews, 3, 1),
            ("行政复议1件，纠正1件。", .reviewsCorrected, 1, 0),
            ("本机关作出行政处罚决定300件。", .penalties, 300, 228),
            ("办理行政许可二百零五件。", .licensing, 205, 1878),
        ]
        for (text, quantity, stated, table) in cases {
            let found = try Self.mismatches(text)
            #expect(found.contains { $0.quantity == quantity && $0.stated == stated && $0.table == table }, "\(text): \(found)")
        }
    }

    /// 受理 counts the carried-over applications in some reports (沭阳县 2025: 受理749 = 新收713 +
    /// 上年结转36) and not in others: both readings agree, any other number is a mismatch.
    @Test func receivedMayIncludeCarriedOver() throws {
        var report = try Self.seed(overview: [])
        let carried = try #require(report.applications?.rows.firstIndex { $0.path == "carriedOver" })
        let total = try #require(report.applications?.rows[carried].fields.firstIndex { $0.name == "total" })
        report.applications?.rows[carried].fields[total].value = .integer(36)
        func found(_ text: String) -> [ProseMismatch] {
            report.sections = [Section(id: .overview, heading: "一、总体情况", paragraphs: [text])]
            return ProseChecker.mismatches(in: report).filter { $0.quantity == .received }
        }
        #expect(found("全县全年共受理政府信息公开申请37件。").isEmpty)
        #expect(found("全县全年共受理政府信息公开申请1件。").isEmpty)
        let wrong = found("全县全年共受理政府信息公开申请38件。")
        #expect(wrong.count == 1)
        #expect(wrong.first?.stated == 38)
        #expect(wrong.first?.table == 1)
    }

    @Test func allUpheldAgainstPending() throws {
        let found = try Self.mismatches("行政复议1件、诉讼0件均获维持。")
        #expect(found.count == 1)
        #expect(found.first?.quantity == .reviewsUpheld)
        #expect(found.first?.stated == 1)
        #expect(found.first?.table == 0)
        #expect(found.first?.finding.message.contains("原句：“行政复议1件、诉讼0件均获维持”") == true)
        #expect(found.first?.finding.path == "reviewsAndLitigation.administrativeReview.upheld")
    }

    /// Numbers that may mean something else, estimates, other years, changes: silence.
    @Test func leansToSilence() throws {
        let prose = [
            "全年共主动公开政府信息1136条。",
            "主动公开行政许可信息500件。",
            "2020年共受理政府信息公开申请600件。",
            "受理申请数量较上年增长20件。",
            "共受理政府信息公开申请约800件。",
            "共受理政府信息公开申请1.2万件。",
            "共收到申请749件（含上年结转0件）。",
            "上年受理申请20件。",
            "共收到并办理申请8件。",
            "行政复议和行政诉讼中维持5件。",
            "行政许可事项128项，行政处罚事项300项。",
            "平均答复时间5个工作日。",
            "累计受理申请900件。",
        ]
        for p in prose { #expect(try Self.mismatches(p).isEmpty, "\(p)") }
    }

    @Test func blankTableCellsAreNotCompared() throws {
        var report = try Self.seed(overview: ["全年共受理政府信息公开申请749件。"])
        if var t = report.applications, let r = t.rows.firstIndex(where: { $0.path == "newlyReceived" }),
            let f = t.rows[r].fields.firstIndex(where: { $0.name == "total" })
        {
            t.rows[r].fields[f].value = nil
            report.applications = t
        }
        #expect(ProseChecker.mismatches(in: report).isEmpty)
    }

    @Test func reportAndValidateEmitIt() throws {
        let report = try Self.seed(overview: ["全年共受理政府信息公开申请749件。"])
        let findings = ReportValidator.findings(for: report).filter { $0.rule == .proseMismatch }
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.path == "applications.newlyReceived.total")
    }
}
