import DocModel
import DoccanonKit
import FormatDOCX
import Foundation
import Testing
import TestSupport
import ZipSupport
import ZipWriting

/// Parts are found through relationships, in transitional and Strict packages; hostile input
/// is refused with one clear error, never a crash or a hang.
@Suite struct PackageTests {
    @Test func mainDocumentFoundThroughRelationships() throws {
        let doc = try Fixture.document("""
            === options main=content/main.xml
            === styles
            <w:style w:type="paragraph" w:styleId="H"><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            === body
            <para style="H">总体情况</para>
            """)
        #expect(doc.blocks == [.heading(level: 1, text: "总体情况")])
    }

    @Test func strictNamespaces() throws {
        let doc = try Fixture.document("""
            === options strict
            === numbering
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            === body
            <para num="1">主动公开政府信息情况</para>
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><cell span="2">合并</cell></w:tr><w:tr><cell>a</cell><cell>b</cell></w:tr></w:tbl>
            """)
        #expect(doc.blocks.first == .heading(level: 1, text: "二、主动公开政府信息情况"))
        #expect(Fixture.tables(doc).first?.cells.first?.columnSpan == 2)
    }

    /// Without a package relationship the content types name the main part.
    @Test func contentTypesFallback() throws {
        let doc = try Fixture.document("""
            === body
            <para>正文</para>
            === part _rels/.rels
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>
            """)
        #expect(Fixture.texts(doc) == ["正文"])
    }

    @Test func coreTitleBecomesAProperty() throws {
        let doc = try Fixture.document("""
            === body
            <para>正文</para>
            === part _rels/.rels
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
            === part docProps/core.xml
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>2021年政府信息公开工作年度报告</dc:title></cp:coreProperties>
            """)
        #expect(doc.properties["title"] == "2021年政府信息公开工作年度报告")
    }

    // MARK: Hostile input

    static func zip(_ entries: [(String, String)]) throws -> [UInt8] {
        try ZipWriter.archive(entries.map { (path: $0.0, data: Array($0.1.utf8)) })
    }

    @Test func packageWithoutMainDocument() throws {
        let error = try #require(Fixture.error(try Self.zip([("hello.txt", "hi")])))
        #expect(error.code == .corrupt)
        #expect(error.message.contains("no main document"))
    }

    @Test func documentWithoutBody() throws {
        let bytes = try Fixture.docx("=== part word/document.xml\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>\n=== body\n")
        let error = try #require(Fixture.error(bytes))
        #expect(error.code == .corrupt)
    }

    @Test func corruptAndTruncatedArchives() throws {
        let good = try Fixture.file("seed001_plain")
        for bytes in [Array(good.prefix(good.count / 2)), Array(good.prefix(100)), [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0xAB, count: 400)] {
            let error = try #require(Fixture.error(bytes))
            #expect(error.code == .corrupt, "\(error)")
            #expect(error.message.contains("truncated or damaged"), "\(error)")
            #expect(!error.message.contains("\n"))
        }
        // A damaged entry: flip bytes inside the compressed document part.
        var damaged = good
        for i in stride(from: 200, to: min(damaged.count - 200, 1200), by: 7) { damaged[i] ^= 0x5A }
        if let error = Fixture.error(damaged) { #expect(error.code == .corrupt || error.code == .unreadable, "\(error)") }
    }

    @Test func zipBombIsRefused() throws {
        // 3 MiB of one repeated paragraph deflates about 1000:1.
        let paragraph = "<w:p><w:r><w:t>0</w:t></w:r></w:p>"
        let body = String(repeating: paragraph, count: (3 << 20) / paragraph.utf8.count)
        let bytes = try Fixture.docx("=== body\n\(body)\n")
        #expect(bytes.count < 200_000)
        let error = try #require(Fixture.error(bytes))
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("ratio"))
    }

    /// Entry size, total size and entry count are capped before anything is inflated.
    @Test func oversizedEntriesAndArchivesAreRefused() throws {
        let bytes = try Fixture.file("seed001_plain")
        let source = SourceInfo(format: .docx, name: "x.docx", sha256: "", bytes: bytes.count)
        func limits(_ change: (inout ReadLimits) -> Void) -> ReadLimits {
            var limits = ReadLimits()
            change(&limits)
            return limits
        }
        let cases: [(ReadLimits, String)] = [
            (limits { $0.maxZipEntryBytes = 20_000 }, "inflates to"),
            (limits { $0.maxZipTotalBytes = 30_000 }, "beyond"),
            (limits { $0.maxZipEntries = 3 }, "entries"),
        ]
        for (limits, words) in cases {
            #expect {
                _ = try DOCXAdapter.read(bytes, source: source, limits: limits)
            } throws: { error in
                guard let error = error as? AdapterFailure else { return false }
                return error.code == .tooLarge && error.message.contains(words)
            }
        }
    }

    @Test func oleCompoundFilesAreNamed() throws {
        func ole(_ streamName: String) -> [UInt8] {
            var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 1016)
            bytes += streamName.utf8.flatMap { [$0, 0] } + Array(repeating: 0, count: 512)
            return bytes
        }
        let doc = try #require(Fixture.error(ole("WordDocument")))
        #expect(doc.code == .unsupported)
        #expect(doc.message.contains("legacy Word 97-2003 .doc"))
        let encrypted = try #require(Fixture.error(ole("EncryptedPackage")))
        #expect(encrypted.code == .unsupported)
        #expect(encrypted.message.contains("encrypted"))
    }

    @Test func dtdAndExternalEntitiesAreNeverLoaded() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;&lol;</w:t></w:r></w:p></w:body></w:document>
            """
        let error = try #require(Fixture.error(try Fixture.docx("=== body\n\n=== part word/document.xml\n\(xxe)\n")))
        #expect(error.code == .unsupported)
        #expect(error.message.contains("DTD"))
        #expect(!error.message.contains("root:"))
    }

    @Test func pathologicalNestingIsRefused() throws {
        let depth = 5000
        let body = String(repeating: "<w:sdt><w:sdtContent>", count: depth) + String(repeating: "</w:sdtContent></w:sdt>", count: depth)
        let error = try #require(Fixture.error(try Fixture.docx("=== body\n\(body)\n")))
        #expect(error.code == .tooLarge || error.code == .corrupt, "\(error)")
    }

    /// Just inside the depth limit: content controls 120 deep (240 elements) and tables nested 60 deep are read
    /// without exhausting the stack.
    @Test func deepButAllowedNestingIsRead() throws {
        let sdt = String(repeating: "<w:sdt><w:sdtContent>", count: 120) + "<w:p><w:r><w:t>深</w:t></w:r></w:p>"
            + String(repeating: "</w:sdtContent></w:sdt>", count: 120)
        #expect(Fixture.texts(try Fixture.body(sdt)) == ["深"])
        let open = "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><cell>x</cell><w:tc>"
        let tables = String(repeating: open, count: 60) + "<w:p><w:r><w:t>最内层</w:t></w:r></w:p>" + String(repeating: "</w:tc></w:tr></w:tbl>", count: 60)
        let doc = try Fixture.body(tables)
        #expect(Fixture.tables(doc).count == 60)
    }

    /// A body that only imports another part (w:altChunk, as some web exports do) is refused
    /// by name rather than read as an empty document.
    @Test func altChunkOnlyDocumentIsNamed() throws {
        let error = try #require(Fixture.error(try Fixture.docx("=== body\n<w:altChunk r:id=\"rId9\"/>\n")))
        #expect(error.code == .unsupported)
        #expect(error.message.contains("w:altChunk"))
    }

    @Test func malformedXMLNamesThePart() throws {
        let error = try #require(Fixture.error(try Fixture.docx("=== body\n<w:p><w:r><w:t>unclosed</w:r></w:p>\n")))
        #expect(error.code == .corrupt)
        #expect(error.message.contains("word/document.xml"))
    }

    /// Through the CLI: exit status 2 and exactly one line on stderr.
    @Test func cliRefusesWithOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docx-cli-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let legacy = dir.appendingPathComponent("old.doc")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 600) + "WordDocument".utf8.flatMap { [$0, 0] }).write(to: legacy)
        let truncated = dir.appendingPathComponent("cut.docx")
        try Data(try Fixture.file("seed001_plain").prefix(3000)).write(to: truncated)
        for file in [legacy, truncated] {
            let result = try Binary.run(["report", file.path])
            #expect(result.status == 2)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let good = dir.appendingPathComponent("good.docx")
        try Data(try Fixture.file("seed001_numbered")).write(to: good)
        let ok = try Binary.run(["report", good.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(String(decoding: ok.stdout, as: UTF8.self).contains("\"format\": \"docx\""))
    }
}
