import DocModel
import DoccanonKit
import Foundation
import Serialization
import Testing
import TestSupport
import XMLSupport

/// Every output validates against Schemas/, and the schemas reject what the model forbids.
@Suite struct SchemaTests {
    @Test func reportXMLValidatesAgainstXSD() throws {
        for (name, report) in Fixtures.reports {
            let violations = try SchemaCheck.xml(Rendering.render(report, as: .xml), schema: "report.xsd")
            #expect(violations.isEmpty, "\(name): \(violations)")
        }
    }

    @Test func documentXMLValidatesAgainstXSD() throws {
        for (name, document) in Fixtures.documents {
            let violations = try SchemaCheck.xml(Rendering.render(document, as: .xml), schema: "document.xsd")
            #expect(violations.isEmpty, "\(name): \(violations)")
        }
    }

    @Test func reportJSONValidatesAgainstJSONSchema() throws {
        let outputs = Fixtures.reports.map { Rendering.render($0.report, as: .json, pretty: false) }
        let results = try SchemaCheck.json(outputs, schema: "report.schema.json")
        for (fixture, errors) in zip(Fixtures.reports, results) {
            #expect(errors.isEmpty, "\(fixture.name): \(errors)")
        }
    }

    @Test func documentJSONValidatesAgainstJSONSchema() throws {
        let outputs = Fixtures.documents.map { Rendering.render($0.document, as: .json, pretty: false) }
        let results = try SchemaCheck.json(outputs, schema: "document.schema.json")
        for (fixture, errors) in zip(Fixtures.documents, results) {
            #expect(errors.isEmpty, "\(fixture.name): \(errors)")
        }
    }

    // MARK: - Negative tests: JSON Schema

    /// The 2021 report's JSON with one edit applied to its tree.
    static func edited(_ report: Report = Fixtures.report2021, _ edit: (inout CanonicalValue) -> Void) -> String {
        var tree = report.canonical
        edit(&tree)
        return JSONWriter.write(tree, pretty: false)
    }

    static let jsonMutations: [(String, String)] = [
        ("string where a count belongs", edited { $0.set(["applications", "newlyReceived", "naturalPerson"], .string("10")) }),
        ("decimal where a count belongs", edited { $0.set(["reviewsAndLitigation", "administrativeReview", "total"], .number("2.5")) }),
        ("missing table key", edited { $0.remove(["applications"]) }),
        ("missing row", edited { $0.remove(["applications", "results", "denied", "stateSecret"]) }),
        ("missing cell (must be null)", edited { $0.remove(["applications", "carriedOver", "total"]) }),
        ("unknown rule id", edited { $0.set(["findings"], .array(itemName: "finding", [Finding(.textRepaired, "x").canonical.replacing("rule", .string("text.invented"))])) }),
        ("unknown severity", edited { $0.set(["findings"], .array(itemName: "finding", [Finding(.textRepaired, "x").canonical.replacing("severity", .string("fatal"))])) }),
        ("unknown section id", edited { $0.set(["sections"], .array(itemName: "section", [Section(id: .overview, heading: "h", paragraphs: []).canonical.replacing("id", .string("summary"))])) }),
        ("unknown template", edited { $0.set(["metadata", "template"], .string("2020")) }),
        ("2019 table 二 under template 2021", edited { $0.set(["activeDisclosure"], Fixtures.activeDisclosure2019().canonical) }),
        ("2021 table 二 under template 2019", edited(Fixtures.report2019) { $0.set(["activeDisclosure"], Fixtures.activeDisclosure2021().canonical) }),
        ("2019 otherHandling under template 2021", edited { $0.set(["applications"], Fixtures.applications(.y2019).canonical) }),
        ("unknown key in a row", edited { $0.set(["activeDisclosure", "fees", "currency"], .string("CNY")) }),
        ("string amount", edited { $0.set(["activeDisclosure", "fees", "amount"], .string("15996.59")) }),
        ("extra row without label", edited { $0.set(["activeDisclosure", "extraRows"], .array(itemName: "extraRow", [.object([.init("values", .array(itemName: "value", []))])])) }),
        ("wrong schemaVersion", edited { $0.set(["schemaVersion"], .string("2")) }),
        ("bad publishedOn", edited { $0.set(["metadata", "publishedOn"], .string("2022年2月15日")) }),
        ("year as string", edited { $0.set(["metadata", "year"], .string("2021")) }),
    ]

    @Test func reportJSONSchemaRejectsInvalidReports() throws {
        let results = try SchemaCheck.json(Self.jsonMutations.map(\.1), schema: "report.schema.json")
        for ((name, _), errors) in zip(Self.jsonMutations, results) {
            #expect(!errors.isEmpty, "the JSON Schema accepted: \(name)")
        }
    }

    @Test func documentJSONSchemaRejectsInvalidDocuments() throws {
        func edited(_ edit: (inout CanonicalValue) -> Void) -> String {
            var tree = Fixtures.document.canonical
            edit(&tree)
            return JSONWriter.write(tree, pretty: false)
        }
        let heading = Block.heading(level: 1, text: "t").canonical
        let cases: [(String, String)] = [
            ("unknown block type", edited { $0.set(["blocks"], .array(itemName: "block", [heading.replacing("type", .string("list"))])) }),
            ("heading without level", edited { $0.set(["blocks"], .array(itemName: "block", [heading.removing("level")])) }),
            ("rowSpan 0", edited { $0.set(["blocks"], .array(itemName: "block", [Block.table(Table(rowCount: 1, columnCount: 1, cells: [Cell(row: 0, column: 0, rowSpan: 0, text: "")])).canonical])) }),
            ("property not a string", edited { $0.set(["properties", "pages"], .integer(3)) }),
            ("missing findings", edited { $0.remove(["findings"]) }),
        ]
        let results = try SchemaCheck.json(cases.map(\.1), schema: "document.schema.json")
        for ((name, _), errors) in zip(cases, results) {
            #expect(!errors.isEmpty, "the JSON Schema accepted: \(name)")
        }
    }

    // MARK: - Negative tests: XSD

    static func xml(_ edit: (String) -> String) -> String {
        edit(XMLWriter.write(Fixtures.report2021.canonical, root: .report))
    }

    static let xmlMutations: [(String, String)] = [
        ("string where a count belongs", xml { $0.replacingFirst("<naturalPerson>10</naturalPerson>", "<naturalPerson>十</naturalPerson>") }),
        ("decimal where a count belongs", xml { $0.replacingFirst("<naturalPerson>10</naturalPerson>", "<naturalPerson>10.5</naturalPerson>") }),
        ("empty count that is not nil", xml { $0.replacingFirst("<naturalPerson>10</naturalPerson>", "<naturalPerson/>") }),
        ("missing table", xml { $0.removingElement("reviewsAndLitigation") }),
        ("missing row", xml { $0.removingElement("stateSecret") }),
        ("unknown rule id", xml { $0.replacingFirst("<rule>text.repaired</rule>", "<rule>text.invented</rule>") }),
        ("unknown severity", xml { $0.replacingFirst("<severity>info</severity>", "<severity>fatal</severity>") }),
        ("unknown section id", xml { $0.replacingFirst("<id>overview</id>", "<id>summary</id>") }),
        ("unknown template", xml { $0.replacingFirst("<template>2021</template>", "<template>2020</template>") }),
        ("2019 row inside a 2021 table 二", xml { $0.replacingFirst("<penalties>", "<procurement><amount>1</amount><projects>1</projects><unit>元</unit></procurement><penalties>") }),
        ("a row mixing 2019 and 2021 fields", xml { $0.replacingFirst("<inForce>3</inForce>", "<newlyMade>3</newlyMade>") }),
        ("elements out of order", xml { $0.replacingFirst("<schemaVersion>1</schemaVersion>", "").replacingFirst("<metadata>", "<schemaVersion>1</schemaVersion><metadata>") }),
        ("nil where not nillable", xml { $0.removingElement("sections").replacingFirst("<source>", "<sections xsi:nil=\"true\"/><source>") }),
        ("wrong namespace", xml { $0.replacingFirst("urn:doccanon:report:1", "urn:doccanon:report:2") }),
        ("not well-formed", xml { $0.replacingFirst("</metadata>", "") }),
    ]

    @Test func reportXSDRejectsInvalidReports() throws {
        for (name, text) in Self.xmlMutations {
            let violations = try SchemaCheck.xml(text, schema: "report.xsd")
            #expect(!violations.isEmpty, "the XSD accepted: \(name)")
        }
    }

    @Test func xsdViolationsNameTheElementAndLine() throws {
        let text = Self.xml { $0.replacingFirst("<naturalPerson>10</naturalPerson>", "<naturalPerson>十</naturalPerson>") }
        let violations = try SchemaCheck.xml(text, schema: "report.xsd")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("十") }.map { $0 + 1 }
        #expect(violations.first?.line == line)
        #expect(violations.first?.message.contains("naturalPerson") == true)
    }

    @Test func documentXSDRejectsInvalidDocuments() throws {
        let good = XMLWriter.write(Fixtures.document.canonical, root: .document)
        let cases: [(String, String)] = [
            ("heading typed as paragraph", good.replacingFirst("<type>heading</type>", "<type>paragraph</type>")),
            ("negative row", good.replacingFirst("<row>0</row>", "<row>-1</row>")),
            ("rowSpan 0", good.replacingFirst("<rowSpan>1</rowSpan>", "<rowSpan>0</rowSpan>")),
            ("unknown rule", good.replacingFirst("<rule>text.repaired</rule>", "<rule>nope</rule>")),
            ("missing properties", good.removingElement("properties")),
        ]
        for (name, text) in cases {
            #expect(!(try SchemaCheck.xml(text, schema: "document.xsd")).isEmpty, "the XSD accepted: \(name)")
        }
    }

    // MARK: - The schemas list exactly the model's enumerations

    @Test func schemasEnumerateEveryRule() throws {
        for file in ["report.schema.json", "document.schema.json", "report.xsd", "document.xsd"] {
            let text = String(decoding: try SchemaCheck.schemaBytes(file), as: UTF8.self)
            for rule in Rule.allCases {
                #expect(text.contains("\"\(rule.rawValue)\""), "\(file) lacks rule \(rule.rawValue)")
            }
        }
        for file in ["report.schema.json", "report.xsd"] {
            let text = String(decoding: try SchemaCheck.schemaBytes(file), as: UTF8.self)
            for id in SectionID.allCases { #expect(text.contains("\"\(id.rawValue)\""), "\(file) lacks section \(id.rawValue)") }
            for t in Template.allCases { #expect(text.contains("\"\(t.rawValue)\""), "\(file) lacks template \(t.rawValue)") }
        }
    }

    @Test func schemaValidatorRefusesExternalReferencesAndBrokenSchemas() throws {
        let importing = #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="http://example.com/x.xsd"/></xs:schema>"#
        #expect(throws: SchemaError.self) { try SchemaValidator.validate(Array("<a/>".utf8), schema: Array(importing.utf8)) }
        #expect(throws: SchemaError.self) { try SchemaValidator.validate(Array("<a/>".utf8), schema: Array("<xs:schema".utf8)) }
        let schema = try SchemaCheck.schemaBytes("report.xsd")
        let dtd = "<?xml version=\"1.0\"?><!DOCTYPE report [<!ENTITY e \"x\">]><report xmlns=\"urn:doccanon:report:1\"/>"
        #expect(try SchemaValidator.validate(Array(dtd.utf8), schema: schema).first?.message.contains("DTD") == true)
    }
}

// MARK: - Editing helpers

extension CanonicalValue {
    mutating func set(_ path: [String], _ value: CanonicalValue) {
        guard let first = path.first, case .object(var members) = self else { return }
        if path.count == 1 {
            if let i = members.firstIndex(where: { $0.key == first }) { members[i].value = value } else { members.append(.init(first, value)) }
        } else if let i = members.firstIndex(where: { $0.key == first }) {
            members[i].value.set(Array(path.dropFirst()), value)
        }
        self = .object(members)
    }

    mutating func remove(_ path: [String]) {
        guard let first = path.first, case .object(var members) = self else { return }
        if path.count == 1 {
            members.removeAll { $0.key == first }
        } else if let i = members.firstIndex(where: { $0.key == first }) {
            members[i].value.remove(Array(path.dropFirst()))
        }
        self = .object(members)
    }

    func replacing(_ key: String, _ value: CanonicalValue) -> CanonicalValue {
        var copy = self
        copy.set([key], value)
        return copy
    }

    func removing(_ key: String) -> CanonicalValue {
        var copy = self
        copy.remove([key])
        return copy
    }
}

extension String {
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }

    /// Removes the first element with this name, from its start tag to its end tag.
    func removingElement(_ name: String) -> String {
        guard let start = range(of: "<\(name)>") ?? range(of: "<\(name) ") else { return self }
        let close = "</\(name)>"
        guard let end = range(of: close, range: start.upperBound..<endIndex) else { return self }
        return replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
    }
}
