import DocModel
import DoccanonKit
import Foundation
import ReportProfile
import Serialization
import Testing
import TestSupport
import XMLSupport

/// report → JSON/XML → read back → the same model and the same findings.
@Suite struct RoundTripTests {
    @Test func jsonReadsBackToTheSameTreeAndReport() throws {
        for (name, report) in Fixtures.reports {
            for pretty in [true, false] {
                let text = Rendering.render(report, as: .json, pretty: pretty)
                #expect(try JSONReader.parse(Array(text.utf8)) == report.canonical.sortedKeys, "\(name) pretty=\(pretty)")
                #expect(try Validation.report(bytes: Array(text.utf8), name: "r.json", format: nil) == report.numbersAsRead, "\(name)")
            }
        }
    }

    @Test func xmlReadsBackToTheSameTreeAndReport() throws {
        for (name, report) in Fixtures.reports {
            let text = Rendering.render(report, as: .xml)
            #expect(try XMLModelReader.parse(Array(text.utf8), root: .report) == report.canonical.sortedKeys, "\(name)")
            #expect(try Validation.report(bytes: Array(text.utf8), name: "r.xml", format: nil) == report.numbersAsRead, "\(name)")
        }
    }

    @Test func findingsOfJSONAndXMLEqualThoseOfTheReport() throws {
        for (name, report) in Fixtures.reports {
            let expected = Validation.findings(for: report)
            let json = try Validation.findings(bytes: Array(Rendering.render(report, as: .json).utf8), name: "r.json", format: nil)
            let xml = try Validation.findings(bytes: Array(Rendering.render(report, as: .xml).utf8), name: "r.xml", format: nil)
            #expect(json == expected, "\(name) (JSON)")
            #expect(xml == expected, "\(name) (XML)")
            // And, as the report command writes findings = conversion + validator, the same again.
            #expect(expected == report.findings, "\(name)")
        }
    }

    @Test func documentXMLReadsBackToTheSameTree() throws {
        for (name, document) in Fixtures.documents {
            let tree = try XMLModelReader.parse(Array(Rendering.render(document, as: .xml).utf8), root: .document)
            #expect(tree.sortedKeys == document.canonical.sortedKeys, "\(name)")
            let json = try JSONReader.parse(Array(Rendering.render(document, as: .json).utf8))
            #expect(json.sortedKeys == document.canonical.sortedKeys, "\(name)")
        }
    }

    @Test func numberLiteralsSurviveBothFormats() throws {
        var report = Fixtures.report2021
        for literal in ["15996.59", "0.10", "1200.0000", "-0.5", "0"] {
            report.activeDisclosure = Fixtures.activeDisclosure2021(fees: .decimal(literal))
            let json = Rendering.render(report, as: .json)
            #expect(json.contains("\"amount\": \(literal)\n"))
            let xml = Rendering.render(report, as: .xml)
            #expect(xml.contains("<amount>\(literal)</amount>"))
            let fromJSON = try Validation.report(bytes: Array(json.utf8), name: "r.json", format: nil)
            let fromXML = try Validation.report(bytes: Array(xml.utf8), name: "r.xml", format: nil)
            let amount = report.numbersAsRead.activeDisclosure?.value("fees", "amount")
            #expect(fromJSON.activeDisclosure?.value("fees", "amount") == amount)
            #expect(fromXML.activeDisclosure?.value("fees", "amount") == amount)
        }
    }
}

extension CanonicalValue {
    /// The tree with object members sorted as the writers sort them (readers return them in
    /// file order, which is sorted).
    var sortedKeys: CanonicalValue {
        switch self {
        case .object(let members):
            return .object(
                members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
                    .map { .init($0.key, $0.value.sortedKeys) })
        case .array(let name, let items): return .array(itemName: name, items.map(\.sortedKeys))
        // A decimal amount without a fraction ("0") reads back as an integer literal.
        case .number(let s): return Int(s).map(CanonicalValue.integer) ?? self
        default: return self
        }
    }
}


/// The exact bytes of both formats, reviewed by eye (RECORD_GOLDEN=1 re-records).
@Suite struct GoldenTests {
    @Test(arguments: ["2021", "2019", "empty"])
    func reportGolden(name: String) throws {
        let report = try #require(Fixtures.reports.first { $0.name == name }?.report)
        for format in [OutputFormat.json, .xml] {
            let path = "Tests/SerializationTests/Golden/report-\(name).\(format.rawValue)"
            if let difference = Golden.compare(Rendering.render(report, as: format), to: path) { Issue.record("\(difference)") }
        }
    }

    @Test func documentGolden() throws {
        for format in [OutputFormat.json, .xml] {
            let path = "Tests/SerializationTests/Golden/document-page.\(format.rawValue)"
            if let difference = Golden.compare(Rendering.render(Fixtures.document, as: format), to: path) { Issue.record("\(difference)") }
        }
    }
}

extension Report {
    /// The report as JSON or XML can carry it: a decimal written without a fraction ("0") is
    /// the same number literal as the integer 0, so it reads back as `.integer`.
    var numbersAsRead: Report {
        var r = self
        func fix(_ t: TableValues?) -> TableValues? {
            guard var t else { return nil }
            for i in t.rows.indices {
                for j in t.rows[i].fields.indices {
                    if case .decimal(let s)? = t.rows[i].fields[j].value, let n = Int(s) { t.rows[i].fields[j].value = .integer(n) }
                }
            }
            for i in t.extraRows.indices {
                t.extraRows[i].values = t.extraRows[i].values.map { v in
                    if case .decimal(let s)? = v, let n = Int(s) { return .integer(n) }
                    return v
                }
            }
            return t
        }
        r.activeDisclosure = fix(activeDisclosure)
        r.applications = fix(applications)
        r.reviewsAndLitigation = fix(reviewsAndLitigation)
        return r
    }
}
