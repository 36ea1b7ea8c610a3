import Foundation
import Testing
import TestSupport
import ZipSupport

@testable import XMLSupport

/// `FlatXMLScanner` reads the plain subset of XML without libxml2. What it accepts must be
/// what libxml2 accepts, read to the same arrays; whatever it refuses goes to libxml2.
@Suite struct FlatXMLScannerTests {
    static let keep: Set<String> = ["val", "space", "id", "x"]

    /// The scanner's arrays, or nil when it left the part to libxml2 (after checking that
    /// libxml2 then reads it, and to the same arrays).
    static func compare(_ bytes: [UInt8], keep: Set<String>? = keep, maxDepth: Int = 256) -> FlatXML? {
        let fast = bytes.withUnsafeBufferPointer { FlatXMLScanner.scan($0, attributes: keep, maxDepth: maxDepth) }
        guard let fast else { return nil }
        let slow = try? FlatXML.parseWithLibXML2(bytes, attributes: keep, maxDepth: maxDepth)
        #expect(slow == fast, "scanner and libxml2 differ on \(String(decoding: bytes.prefix(200), as: UTF8.self))")
        return fast
    }

    static func parts() throws -> [(String, [UInt8])] {
        let files = ["Samples/docx/seed001_numbered.docx", "Samples/docx/seed001_split_gridbefore.docx", "Samples/docx/seed004_wordlike.docx",
                     "Tests/Fixtures/docx/python-docx-word-template.docx"]
        var parts: [(String, [UInt8])] = []
        for file in files {
            let archive = try ZipArchive(bytes: try TestPaths.read(file))
            for name in archive.entryNames where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
                parts.append(("\(file):\(name)", try archive.contents(of: name)))
            }
        }
        return parts
    }

    @Test func everySamplePartIsReadWithoutLibXML2AndTheSame() throws {
        let parts = try Self.parts()
        #expect(parts.count > 20)
        for (name, bytes) in parts {
            for keep in [Self.keep, nil] {
                #expect(Self.compare(bytes, keep: keep) != nil, "\(name) left to libxml2")
            }
        }
    }

    @Test(arguments: [
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<a/>",
        "\u{FEFF}<?xml version='1.0' encoding='utf-8'?><a>x</a>\n",
        "<a b=\"x&amp;y&lt;&gt;&quot;&apos;\" val=\"1&amp;2\"/>",
        "<a val=\"1\t2\n3\"/>",
        "<a xmlns=\"u\"><b xmlns=\"\"><c/></b><d/></a>",
        "<p:a xmlns:p=\"u\" p:val=\"1\" val=\"2\"><p:b xmlns:p=\"v\" p:val=\"3\"/><p:c/></p:a>",
        "<a xml:space=\"preserve\"> t </a>",
        "<a>é一😀\u{85} &amp;&lt; ]] &gt; ></a>",
        "<a val='1'  id = \"2\" ></a >",
        "<w:document xmlns:w=\"urn:w\"><w:body>\n<w:p/>\n</w:body></w:document>\n\n",
        "<a xmlns:p=\"u\" xmlns:q=\"v\" p:val=\"1\" q:val=\"2\"/>",
    ])
    func plainXMLIsReadByTheScanner(_ xml: String) {
        #expect(Self.compare(Array(xml.utf8)) != nil)
    }

    @Test func attributeValuesAreWhatLibXML2Reports() throws {
        let xml = try #require(Self.compare(Array("<a val=\"x&amp;y&lt;&quot;\" id=\"1\t2\n3\"/>".utf8)))
        #expect(xml.attribute(FlatXML.root, local: "val") == "x&#38;y<\"")
        #expect(xml.attribute(FlatXML.root, local: "id") == "1 2 3")
    }

    @Test(arguments: [
        // Well-formed, outside the subset: left to libxml2.
        "<a>&#x4E00;</a>", "<!-- c --><a/>", "<a><!-- c --></a>", "<a><![CDATA[x]]></a>", "<a>x\r\ny</a>",
        "<?xml version=\"1.0\" encoding=\"GB2312\"?><a/>", "<p:a/>", "<a xmlns:p=\"u\" xmlns:q=\"u\" p:x=\"1\" q:x=\"2\"/>",
        "<a><?pi x?></a>", "<a/><!-- c -->", "<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>", "<a xmlns:p=\"\"/>",
        "<!DOCTYPE a><a/>", "<aé/>",
        // Not well-formed.
        "<a b=\"1\" b=\"2\"/>", "<a>]]></a>", "<a>\u{1}</a>", "<a></b>", "<a>", "<a/><b/>", "<a>&nbsp;</a>", "<a b=\"<\"/>",
        "<a b=\"1\"c=\"2\"/>", "<a xmlns:p=\"u\" xmlns:p=\"v\"/>", "<a:b:c/>", "<a>\u{FFFE}</a>", "x<a/>",
    ])
    func otherXMLIsLeftToLibXML2(_ xml: String) {
        #expect(Self.compare(Array(xml.utf8)) == nil)
    }

    @Test func malformedUTF8AndDepthAreLeftToLibXML2() {
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x00]] {
            #expect(Self.compare(Array("<a>".utf8) + bad + Array("</a>".utf8)) == nil)
            #expect(Self.compare(Array("<a b=\"".utf8) + bad + Array("\"/>".utf8)) == nil)
        }
        // A tag with more attributes than Word writes is left to libxml2, which reads it.
        let wide = "<a " + (0..<129).map { "a\($0)=\"\($0)\"" }.joined(separator: " ") + "/>"
        #expect(Self.compare(Array(wide.utf8)) == nil)
        #expect((try? FlatXML.parse(Array(wide.utf8)))?.attributeNames.count == 129)
        let deep = String(repeating: "<a>", count: 12) + String(repeating: "</a>", count: 12)
        #expect(Self.compare(Array(deep.utf8), maxDepth: 10) == nil)
        #expect(Self.compare(Array(deep.utf8), maxDepth: 11) != nil)
    }

    /// Random edits of a real part (insertions of markup pieces, deletions, byte changes):
    /// whatever the scanner still accepts, libxml2 must read to the same arrays.
    @Test func mutatedPartsAgreeWithLibXML2() throws {
        let source = try Self.parts().first { $0.0.hasSuffix("seed001_numbered.docx:word/document.xml") }!.1
        let pieces = ["&", "&amp;", "&#38;", "<", ">", "]]>", "\r", "\t", "\n", "\"", "'", "=", " ", "/", ":", " xmlns:x=\"u\"",
                      " xmlns=\"\"", " a=\"1\"", " x:a=\"1\"", " w:val=\"2\"", "<!-- c -->", "<![CDATA[x]]>", "<?pi?>", "é", "\u{FFFE}",
                      "</w:p>", "<w:p>", "<w:r/>", "\u{0}"].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80]]
        var state: UInt64 = 17
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var accepted = 0, refused = 0
        for _ in 0..<600 {
            var bytes = source
            let at = random(bytes.count)
            switch random(3) {
            case 0: bytes.insert(contentsOf: pieces[random(pieces.count)], at: at)
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random(8)))
            default: bytes[at] = UInt8(truncatingIfNeeded: random(256))
            }
            if Self.compare(bytes) != nil { accepted += 1 } else { refused += 1 }
        }
        // Both outcomes occur, so both sides of the comparison were exercised.
        #expect(accepted > 40 && refused > 40, "accepted \(accepted), refused \(refused)")
    }
}
