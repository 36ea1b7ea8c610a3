import DocModel
import DoccanonKit
import Foundation
import Serialization
import Testing
import TestSupport
import XMLSupport

@Suite struct XMLWriterTests {
    @Test func smallTreeIsWrittenExactly() {
        let tree = CanonicalValue.object([
            .init("zeta", .string("a<b & c>\"d\"")),
            .init("alpha", .null),
            .init("list", .array(itemName: "item", [.integer(1), .number("2.50"), .null])),
            .init("empty", .array(itemName: "item", [])),
            .init("nested", .object([.init("b", .bool(true)), .init("a", .object([]))])),
        ])
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <report xmlns="urn:doccanon:report:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <alpha xsi:nil="true"/>
              <empty/>
              <list>
                <item>1</item>
                <item>2.50</item>
                <item xsi:nil="true"/>
              </list>
              <nested>
                <a/>
                <b>true</b>
              </nested>
              <zeta>a&lt;b &amp; c&gt;"d"</zeta>
            </report>

            """
        #expect(XMLWriter.write(tree, root: .report) == expected)
    }

    @Test func keysSortLikeTheJSONWriter() {
        let keys = ["b", "B", "a", "é", "a1", "_x", "Z", "aa"]
        let tree = CanonicalValue.object(keys.map { .init($0, .integer(0)) })
        let json = JSONWriter.write(tree, pretty: true)
        let xml = XMLWriter.write(tree, root: .document)
        func order(_ text: String, _ marker: (String) -> String) -> [String] {
            keys.filter(XMLWriter.isXMLName).sorted { text.range(of: marker($0))!.lowerBound < text.range(of: marker($1))!.lowerBound }
        }
        #expect(order(json) { "\"\($0)\":" } == order(xml) { "<\($0)>" })
    }

    @Test func outputDoesNotDependOnMemberOrder() {
        let report = Fixtures.report2021
        var shuffled = report.canonical
        if case .object(let members) = shuffled { shuffled = .object(members.reversed()) }
        #expect(XMLWriter.write(shuffled, root: .report) == XMLWriter.write(report.canonical, root: .report))
        #expect(Rendering.render(report, as: .xml) == Rendering.render(report, as: .xml))
    }

    /// Control characters from damaged sources: never ill-formed XML, replaced by U+FFFD.
    @Test func forbiddenCharactersBecomeReplacementCharacters() throws {
        var scalars = String.UnicodeScalarView()
        for v in UInt32(0)..<0x20 { scalars.append(Unicode.Scalar(v)!) }
        scalars.append("\u{FFFE}")
        scalars.append("\u{FFFF}")
        scalars.append("\u{7F}")
        let raw = String(scalars)
        let tree = CanonicalValue.object([.init("text", .string(raw)), .init(raw, .string("key with controls"))])
        let xml = XMLWriter.write(tree, root: .document)
        let parsed = try XMLReader.parse(Array(xml.utf8))
        let text = parsed.elements.first { $0.name == "text" }?.textContent
        let expected = String(String.UnicodeScalarView(raw.unicodeScalars.map { v -> Unicode.Scalar in
            [0x9, 0xA, 0xD, 0x7F].contains(v.value) ? v : "\u{FFFD}"
        }))
        #expect(text == expected)
        let escapedKey = parsed.elements.first { $0.name == "_" }
        #expect(escapedKey?.attribute("key") == expected)
        #expect(escapedKey?.textContent == "key with controls")
    }

    @Test func damagedReportStillValidatesAgainstTheXSD() throws {
        var report = Fixtures.report2021
        report.metadata.title = "报告\u{0}\u{1}\u{B}\u{C}\u{1F}\u{FFFE}"
        report.sections[0].paragraphs.append("\u{8}退格")
        report.findings.append(Finding(.textRepaired, "原文 “\u{2}”", path: "metadata.title"))
        let violations = try SchemaCheck.xml(Rendering.render(report, as: .xml), schema: "report.xsd")
        #expect(violations.isEmpty, "\(violations)")
        let errors = try SchemaCheck.json([Rendering.render(report, as: .json, pretty: false)], schema: "report.schema.json")
        #expect(errors == [[]])
    }

    @Test func keysThatAreNotXMLNamesRoundTrip() throws {
        let document = Fixtures.document
        let xml = Rendering.render(document, as: .xml)
        #expect(xml.contains("<_ key=\"发布 机构\">雄关乡人民政府</_>"))
        let tree = try XMLModelReader.parse(Array(xml.utf8), root: .document)
        #expect(tree["properties"]?["发布 机构"] == .string("雄关乡人民政府"))
    }
}

@Suite struct JSONReaderTests {
    @Test func numbersKeepTheirLiterals() throws {
        let tree = try JSONReader.parse(Array(#"{"a": 15996.59, "b": 0.10, "c": -7, "d": 1e3, "e": 99999999999999999999, "f": -0.0}"#.utf8))
        #expect(tree["a"] == .number("15996.59"))
        #expect(tree["b"] == .number("0.10"))
        #expect(tree["c"] == .integer(-7))
        #expect(tree["d"] == .number("1e3"))
        #expect(tree["e"] == .number("99999999999999999999"))
        #expect(tree["f"] == .number("-0.0"))
    }

    @Test func stringsAndEscapes() throws {
        let tree = try JSONReader.parse(Array(#"{"s": "a\"b\\c\/\n\t\u00e9\ud83d\ude00雄关", "t": true, "n": null, "sections": []}"#.utf8))
        #expect(tree["s"] == .string("a\"b\\c/\n\té😀雄关"))
        #expect(tree["t"] == .bool(true))
        #expect(tree["n"] == .null)
        #expect(tree["sections"] == .array(itemName: "section", []))
    }

    @Test func errorsSayWhere() {
        let cases: [(String, String, Int)] = [
            ("{\n  \"a\": 1,\n}", "expected a key", 3),
            ("{\"a\": 1, \"a\": 2}", "duplicate key", 1),
            ("{\"a\": 01}", "leading zero", 1),
            ("{\"a\": \"x\ny\"}", "control character", 1),
            ("{\"a\": tru}", "invalid literal", 1),
            ("{\"a\": \"\\ud800\"}", "surrogate", 1),
            ("{\"a\": 1} x", "after the JSON value", 1),
            ("", "end of input", 1),
            ("{\"a\": 1.}", "digits must follow", 1),
        ]
        for (text, message, line) in cases {
            do {
                _ = try JSONReader.parse(Array(text.utf8))
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.message.contains(message), "\(text): \(error)")
                #expect(error.line == line, "\(text): \(error)")
            }
        }
    }

    @Test func invalidUTF8AndDeepNestingAreErrorsNotCrashes() {
        #expect(throws: ModelReadError.self) { try JSONReader.parse([0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: ModelReadError.self) { try JSONReader.parse([UInt8](repeating: UInt8(ascii: "["), count: 100_000)) }
        #expect(throws: ModelReadError.self) { try JSONReader.parse(Array("{\"a\": [1, 2".utf8)) }
    }
}

@Suite struct XMLModelReaderTests {
    @Test func leavesAreTypedByTheModel() throws {
        let xml = """
            <report xmlns="urn:doccanon:report:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <applications><carriedOver><naturalPerson> +5 </naturalPerson><total>.5</total><other>007.50</other></carriedOver>
                <extraRows><extraRow><label>12</label><values><value>3</value><value>—</value><value xsi:nil="true"/></values></extraRow></extraRows>
              </applications>
              <metadata><title>2021</title><year>2021</year><template>2021</template></metadata>
              <findings/>
            </report>
            """
        let tree = try XMLModelReader.parse(Array(xml.utf8), root: .report)
        let row = tree["applications"]?["carriedOver"]
        #expect(row?["naturalPerson"] == .integer(5))
        #expect(row?["total"] == .number("0.5"))
        #expect(row?["other"] == .number("7.50"))
        #expect(tree["metadata"]?["title"] == .string("2021"))
        #expect(tree["metadata"]?["year"] == .integer(2021))
        #expect(tree["findings"] == .array(itemName: "finding", []))
        guard case .array(_, let extras)? = tree["applications"]?["extraRows"] else {
            Issue.record("extraRows is not an array")
            return
        }
        #expect(extras.first?["label"] == .string("12"))
        #expect(extras.first?["values"] == .array(itemName: "value", [.integer(3), .string("—"), .null]))
    }

    @Test func errorsNameTheElementAndLine() {
        let cases: [(String, String)] = [
            ("<report xmlns=\"urn:doccanon:report:1\">\n<applications><carriedOver><total>五</total></carriedOver></applications></report>", "expected a number"),
            ("<report xmlns=\"urn:doccanon:report:1\">\n<metadata><year>二〇二一</year></metadata></report>", "expected an integer"),
            ("<report xmlns=\"urn:doccanon:report:other\"/>", "root element"),
            ("<document xmlns=\"urn:doccanon:document:1\"/>", "root element"),
            ("<report xmlns=\"urn:doccanon:report:1\">\n<findings><item/></findings></report>", "expected <finding>"),
            ("<report xmlns=\"urn:doccanon:report:1\">\n<metadata>text<title/></metadata></report>", "text mixed"),
            ("<report xmlns=\"urn:doccanon:report:1\">\n<metadata/><metadata/></report>", "duplicate"),
            ("<report xmlns=\"urn:doccanon:report:1\"><a>", "not well-formed"),
        ]
        for (text, message) in cases {
            do {
                _ = try XMLModelReader.parse(Array(text.utf8), root: .report)
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.description.contains(message), "\(text): \(error)")
            }
        }
    }
}
