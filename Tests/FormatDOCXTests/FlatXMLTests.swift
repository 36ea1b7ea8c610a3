import Testing
import XMLSupport

/// The SAX-built flat XML tree the DOCX adapter reads.
@Suite struct FlatXMLTests {
    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <w:document xmlns:w="urn:w" xmlns:x="urn:x"><w:body><w:p w:rsidR="00AB" w:val="1"><w:t xml:space="preserve"> a &amp; b </w:t>\
        <x:t w:val="2">&#x4E00;<![CDATA[<c>]]></x:t></w:p><w:p/></w:body></w:document>
        """

    @Test func structureNamesAttributesAndText() throws {
        let flat = try FlatXML.parse(Array(Self.xml.utf8), attributes: ["val", "space"])
        #expect(flat.names[Int(flat.nodes[FlatXML.root].name)] == XMLName(namespace: "urn:w", local: "document"))
        let body = try #require(Array(flat.children(FlatXML.root)).first)
        let paragraphs = Array(flat.children(body))
        #expect(paragraphs.count == 2)
        let p = paragraphs[0]
        #expect(flat.attribute(p, local: "val") == "1")
        #expect(flat.attribute(p, local: "rsidR") == nil)  // filtered out
        let kids = Array(flat.children(p))
        #expect(kids.map { flat.names[Int(flat.nodes[$0].name)].namespace } == ["urn:w", "urn:x"])
        #expect(flat.textContent(kids[0]) == " a & b ")
        #expect(flat.textContent(kids[1]) == "一<c>")
        #expect(flat.textContent(FlatXML.root) == " a & b 一<c>")
        #expect(Array(flat.children(paragraphs[1])).isEmpty)
        // The same qualified name is one id wherever it appears.
        #expect(flat.nodes[paragraphs[0]].name == flat.nodes[paragraphs[1]].name)
    }

    @Test func refusals() {
        func kind(_ text: String, maxDepth: Int = 256) -> XMLParseError.Kind? {
            do {
                _ = try FlatXML.parse(Array(text.utf8), maxDepth: maxDepth)
                return nil
            } catch {
                return error.kind
            }
        }
        #expect(kind("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>") == .doctypeForbidden)
        #expect(kind("<!DOCTYPE a SYSTEM \"http://example.com/a.dtd\"><a/>") == .doctypeForbidden)
        #expect(kind("<a><b></a>") == .malformed)
        #expect(kind("") == .empty)
        // As in XMLReader: the root is at depth 0, so maxDepth 10 allows 11 nested elements.
        #expect(kind(String(repeating: "<a>", count: 12) + String(repeating: "</a>", count: 12), maxDepth: 10) == .tooDeep(limit: 10))
        #expect(kind(String(repeating: "<a>", count: 11) + String(repeating: "</a>", count: 11), maxDepth: 10) == nil)
    }
}
