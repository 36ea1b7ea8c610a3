import DocModel
import DoccanonKit
import Foundation
import TestSupport
import Testing

/// Every limit of README "Limits" refuses with `input.tooLarge`, in process and in a batch.
@Suite struct LimitsTests {
    static let seed = "Samples/text/001_7097c5c10f7e9ea9.txt"

    @Test func inputSize() throws {
        let bytes = try TestPaths.read(Self.seed)
        var limits = Limits()
        limits.maxInputBytes = bytes.count - 1
        #expect(throws: ConversionError.self) { try Pipeline.report(bytes: bytes, name: "a.txt", limits: limits) }
        do {
            _ = try Pipeline.report(bytes: bytes, name: "a.txt", limits: limits)
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message == "a.txt: input is \(bytes.count) bytes (limit \(bytes.count - 1))")
        }
        limits.maxInputBytes = bytes.count
        #expect(try Pipeline.report(bytes: bytes, name: "a.txt", limits: limits).metadata.year == 2021)
    }

    @Test func textSize() throws {
        let bytes = try TestPaths.read(Self.seed)
        var limits = Limits()
        limits.maxTextBytes = 1000
        do {
            _ = try Pipeline.document(bytes: bytes, name: "a.txt", limits: limits)
            Issue.record("a text over the limit was accepted")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message == "a.txt: text input is \(bytes.count) bytes (limit for text 1000)")
        }
        // DOCX packages and HTML pages are held to maxInputBytes only.
        let html = try TestPaths.read("Samples/html/010_trs_portal_utf8.html")
        #expect(html.count > 1000)
        #expect(try Pipeline.report(bytes: html, name: "a.html", limits: limits).metadata.year != nil)
        let docx = try TestPaths.read("Samples/docx/seed001_numbered.docx")
        #expect(docx.count > 1000)
        #expect(try Pipeline.report(bytes: docx, name: "a.docx", limits: limits).metadata.year == 2021)
    }

    @Test func tableSize() throws {
        let bytes = try TestPaths.read(Self.seed)
        var limits = Limits()
        limits.maxTableCells = 20  // the seed's table 二 alone has 14×4 positions
        do {
            _ = try Pipeline.document(bytes: bytes, name: "a.txt", limits: limits)
            Issue.record("a table over the limit was accepted")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message.contains("exceeds the limit of 20"))
        }
    }

    @Test func defaultsAreTheDocumentedOnes() {
        let limits = Limits()
        #expect(limits.maxInputBytes == 64 << 20)
        #expect(limits.maxTextBytes == 16 << 20)
        #expect(limits.zip.maxEntryBytes == 64 << 20)
        #expect(limits.zip.maxTotalBytes == 160 << 20)
        #expect(limits.zip.maxRatio == 200)
        #expect(limits.zip.maxEntries == 10_000)
        #expect(limits.maxTableCells == 200_000)
        #expect(limits.maxXMLDepth == 256)
        #expect(limits.maxHTMLDepth == 512)
        #expect(limits.maxHTMLElements == 1_000_000)
    }

    @Test func aFileOverTheLimitIsRefusedWithoutReadingIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-limit-\(getpid()).txt")
        // A sparse file: 65 MiB long, nothing written, so the test costs no disk or memory.
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(65 << 20))
        try handle.close()
        defer { try? FileManager.default.removeItem(at: url) }
        switch FileInput.read(url.path, limit: 64 << 20) {
        case .success: Issue.record("a file over the limit was read")
        case .failure(let error):
            #expect(error.code == .tooLarge)
            #expect(error.message.hasSuffix("input is \(65 << 20) bytes (limit \(64 << 20))"))
        }
        let result = try Binary.run(["batch"], stdin: Data((url.path + "\n").utf8))
        #expect(String(decoding: result.stdout, as: UTF8.self).contains("\"code\":\"input.tooLarge\""))
        let single = try Binary.run(["report", url.path])
        #expect(single.status == 2)
    }
}
