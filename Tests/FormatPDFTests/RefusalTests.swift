import DocModel
import DoccanonKit
@testable import FormatPDF
import Testing
import TestSupport

/// Every PDF refusal of spec §7, each with its code and one line; an owner password alone is
/// no obstacle.
@Suite struct RefusalTests {
    static func code(_ bytes: [UInt8], limits: ReadLimits = ReadLimits()) -> (AdapterErrorCode, String)? {
        let source = SourceInfo(format: .pdf, name: "a.pdf", sha256: "", bytes: bytes.count)
        do {
            _ = try PDFAdapter.read(bytes, source: source, limits: limits)
            return nil
        } catch {
            return (error.code, error.message)
        }
    }

    @Test func scannedPDFHasNoTextLayer() throws {
        let bytes = try TestPaths.read("Tests/Fixtures/pdf/scanned.pdf")
        let failure = Self.code(bytes)
        #expect(failure?.0 == .noTextLayer)
        #expect(failure?.1.hasPrefix("scanned: no text layer; run OCR first") == true)
        do {
            _ = try Pipeline.report(bytes: bytes, name: "scan.pdf")
            Issue.record("a scan was read")
        } catch {
            #expect(error.code == .noTextLayer)
            #expect(error.code.rawValue == "input.noTextLayer")
        }
    }

    @Test func userPasswordIsRefused() throws {
        let failure = Self.code(try TestPaths.read("Tests/Fixtures/pdf/user_password.pdf"))
        #expect(failure?.0 == .encrypted)
        #expect(ConversionError.Code.encrypted.rawValue == "input.encrypted")
    }

    @Test func ownerPasswordAloneIsRead() throws {
        let restricted = try Pipeline.report(bytes: try TestPaths.read("Tests/Fixtures/pdf/owner_password_only.pdf"), name: "a.pdf")
        let open = try Pipeline.report(bytes: try TestPaths.read("Samples/pdf/seed001_numbered.pdf"), name: "a.pdf")
        #expect(restricted.applications == open.applications)
        #expect(restricted.activeDisclosure == open.activeDisclosure)
        #expect(restricted.metadata == open.metadata)
    }

    @Test func truncatedAndGarbageAreCorrupt() throws {
        #expect(Self.code(try TestPaths.read("Tests/Fixtures/pdf/truncated.pdf"))?.0 == .corrupt)
        var garbage = Array("%PDF-1.4\n".utf8)
        var state: UInt32 = 7
        for _ in 0..<4000 {
            state = state &* 1_103_515_245 &+ 12345
            garbage.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        #expect(Self.code(garbage)?.0 == .corrupt)
        #expect(Self.code(Array("%PDF-".utf8))?.0 == .corrupt)
    }

    @Test func pagesOverTheLimit() throws {
        var limits = ReadLimits()
        limits.maxPDFPages = 2
        let failure = Self.code(try TestPaths.read("Samples/pdf/seed001_numbered.pdf"), limits: limits)
        #expect(failure?.0 == .tooLarge)
        #expect(failure?.1 == "PDF of 4 pages exceeds the limit of 2")
    }

    @Test func streamsInflatingPastTheLimit() throws {
        var limits = ReadLimits()
        limits.maxPDFStreamBytes = 10_000
        let failure = Self.code(try TestPaths.read("Samples/pdf/seed001_numbered.pdf"), limits: limits)
        #expect(failure?.0 == .tooLarge)
        #expect(failure?.1.contains("inflate past the limit of 10000 bytes") == true)
    }

    @Test func formsNestedTooDeeplyOrInACycle() {
        #expect(Self.code(MinimalPDF.nestedForms(depth: 3)) == nil)
        #expect(Self.code(MinimalPDF.nestedForms(depth: 40))?.0 == .tooLarge)
        #expect(Self.code(MinimalPDF.nestedForms(depth: 2, cycle: true))?.0 == .tooLarge)
    }

    @Test func detection() throws {
        #expect(PDFAdapter.detect(Array("%PDF-1.7\n".utf8)))
        #expect(PDFAdapter.detect(Array("\r\n\r\n%PDF-1.4".utf8)))
        #expect(!PDFAdapter.detect(Array("PDF-1.7 is a format".utf8)))
        #expect(Pipeline.detectFormat(try TestPaths.read("Samples/pdf/seed001_numbered.pdf")) == .pdf)
    }
}
