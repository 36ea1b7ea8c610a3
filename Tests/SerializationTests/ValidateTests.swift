import DocModel
import DoccanonKit
import Foundation
import Serialization
import Testing
import TestSupport

/// `doccanon validate` on reports given as JSON or XML, including hand-edited ones.
@Suite struct ValidateTests {
    @Test func inputKindIsDetected() {
        #expect(Validation.inputKind(Array("\u{FEFF}  {\"schemaVersion\": \"1\"}".utf8), format: nil) == .reportJSON)
        #expect(Validation.inputKind(Array(Rendering.render(Fixtures.report2021, as: .xml).utf8), format: nil) == .reportXML)
        #expect(Validation.inputKind(Array("<html><body>报告</body></html>".utf8), format: nil) == .document)
        #expect(Validation.inputKind(Array("一、总体情况".utf8), format: nil) == .document)
        #expect(Validation.inputKind(Array("{}".utf8), format: .text) == .document)
    }

    @Test func balancedReportHasNoErrorFindings() throws {
        let json = Rendering.render(Fixtures.report2021, as: .json)
        let findings = try Validation.findings(bytes: Array(json.utf8), name: "ok.json", format: nil)
        #expect(!findings.contains { $0.severity == .error })
        #expect(findings.map(\.rule) == [.textRepaired, .valuePlaceholder])
    }

    /// Someone changes 本年新收 for 自然人 from 10 to 12 in the JSON: the report no longer
    /// balances, and validate says which column of which rows.
    @Test func handEditedJSONNoLongerBalances() throws {
        let json = Rendering.render(Fixtures.report2021, as: .json)
        let edited = json.replacingFirst(#""naturalPerson": 10,"#, #""naturalPerson": 12,"#)
        #expect(edited != json)
        let findings = try Validation.findings(bytes: Array(edited.utf8), name: "edited.json", format: nil)
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.contains { $0.rule == .applicationsBalance && $0.path?.contains("naturalPerson") == true })
        #expect(errors.contains { $0.rule == .applicationsRowTotal && $0.path?.hasPrefix("applications.newlyReceived") == true })
        // The conversion findings are carried over, in file order, before the recomputed ones.
        #expect(Array(findings.prefix(2).map(\.rule)) == [.textRepaired, .valuePlaceholder])
        let text = Validation.render(findings, json: false)
        #expect(text.contains("error: [applications.balance] at applications."))
        #expect(text.hasSuffix("2 errors, 0 warnings, 2 info\n"))
    }

    @Test func handEditedXMLNoLongerBalances() throws {
        let xml = Rendering.render(Fixtures.report2021, as: .xml)
        // 行政复议 总计 2 → 3: upheld + corrected + other + pending = 2.
        let edited = xml.replacingFirst("<total>2</total>\n      <upheld>1</upheld>", "<total>3</total>\n      <upheld>1</upheld>")
        #expect(edited != xml)
        let findings = try Validation.findings(bytes: Array(edited.utf8), name: "edited.xml", format: nil)
        #expect(findings.contains { $0.rule == .reviewsTotal && $0.path == "reviewsAndLitigation.administrativeReview.total" })
    }

    /// Findings claimed in the file do not count: validator rules are recomputed.
    @Test func claimedValidatorFindingsAreRecomputed() throws {
        var report = Fixtures.report2021
        report.findings.append(Finding(.applicationsBalance, "forged", path: "applications"))
        let json = Rendering.render(report, as: .json)
        let findings = try Validation.findings(bytes: Array(json.utf8), name: "forged.json", format: nil)
        #expect(!findings.contains { $0.message == "forged" })
    }

    @Test func structuralEditsAreRefusedWithTheirPath() {
        let json = Rendering.render(Fixtures.report2021, as: .json)
        let xml = Rendering.render(Fixtures.report2021, as: .xml)
        let cases: [(String, String, String)] = [
            ("misspelt row", json.replacingFirst(#""newlyReceived""#, #""newlyRecieved""#), "applications.newlyRecieved"),
            ("count as string", json.replacingFirst(#""naturalPerson": 10,"#, #""naturalPerson": "10","#), "applications.newlyReceived.naturalPerson"),
            ("missing cell", json.replacingFirst(#""naturalPerson": 10,"#, ""), "applications.newlyReceived.naturalPerson"),
            ("missing table key", json.replacingFirst(#""reviewsAndLitigation": {"#, #""reviews": {"#), "reviewsAndLitigation"),
            ("unknown rule", json.replacingFirst(#""text.repaired""#, #""text.invented""#), "findings.0.rule"),
            ("not JSON", "{\"schemaVersion\": \"1\",", "line 1"),
            ("XML count as text", xml.replacingFirst("<naturalPerson>10</naturalPerson>", "<naturalPerson>十</naturalPerson>"), "naturalPerson"),
            ("XML row of the other template", xml.replacingFirst("<inForce>3</inForce>", "<newlyMade>3</newlyMade>"), "activeDisclosure.regulations"),
        ]
        for (name, text, mention) in cases {
            do {
                _ = try Validation.findings(bytes: Array(text.utf8), name: "dir/edited", format: nil)
                Issue.record("accepted: \(name)")
            } catch {
                #expect(error.message.hasPrefix("edited: "), "\(name): \(error)")
                #expect(error.message.contains(mention), "\(name): \(error)")
            }
        }
    }

    @Test func jsonRenderingValidatesAsFindings() throws {
        let findings = Validation.findings(for: Fixtures.reportUnbalanced)
        let json = Validation.render(findings, json: true)
        guard case .array(_, let items) = try JSONReader.parse(Array(json.utf8)) else {
            Issue.record("not an array")
            return
        }
        #expect(items.count == findings.count)
        #expect(items.first?["rule"] == .string(findings[0].rule.rawValue))
        #expect(Set(findings.map(\.rule)).isSuperset(of: [.applicationsBalance, .applicationsRowTotal, .reviewsTotal, .valueNegative, .valueBlank, .sectionMissing]))
    }
}

/// Damaged report files: every one is read or refused with one error, never a crash.
@Suite struct DamagedInputTests {
    @Test(arguments: ["json", "xml"])
    func byteMutationsAreReadOrRefused(format: String) throws {
        let original = try TestSupport.TestPaths.read("Tests/SerializationTests/Golden/report-2019.\(format)")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(Int.max))
        }
        var refused = 0
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<(1 + next() % 4) {
                let i = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[i] = UInt8(truncatingIfNeeded: next())
                case 1: bytes.remove(at: i)
                default:
                    let inserts = Array("{}[]<>\"0-.,:/x\n".utf8)
                    bytes.insert(inserts[next() % inserts.count], at: i)
                }
            }
            do {
                _ = try Validation.findings(bytes: bytes, name: "damaged.\(format)", format: nil)
            } catch {
                refused += 1
                #expect(!error.message.contains("\n"), "\(error.message)")
            }
        }
        #expect(refused > 0)
    }
}
