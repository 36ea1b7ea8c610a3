import Foundation
import TestSupport
import Testing

/// The PDF engine (libDoccanonPDF, poppler) is loaded on the first PDF only: the executable
/// does not need it to start, and without it only PDF input fails, with one line and status 2.
@Suite struct PDFEngineLoadingTests {
    static let pdf = "Samples/pdf/011_word_export_gbk.pdf"
    static let text = "Samples/text/002_32e8e180e59a5afa.txt"
    static let missing = ["DOCCANON_PDF_ENGINE": "/nonexistent/libDoccanonPDF.so"]

    @Test func theEngineBesideTheExecutableReadsAPDFUnderAnEmptyEnvironment() throws {
        let result = try Binary.run(["report", Self.pdf], environment: [:])
        #expect(result.status == 0)
        #expect([UInt8](result.stdout) == (try TestPaths.read("Samples/pdf/011_word_export_gbk.report.json")))
    }

    @Test func aMissingEngineFailsPDFInputWithOneLineAndStatus2() throws {
        let result = try Binary.run(["report", Self.pdf], environment: Self.missing)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("cannot read PDF: the PDF engine /nonexistent/libDoccanonPDF.so could not be loaded"))
    }

    @Test func aMissingEngineLeavesOtherFormatsAlone() throws {
        let without = try Binary.run(["report", Self.text], environment: Self.missing)
        let with = try Binary.run(["report", Self.text])
        #expect(without.status == 0)
        #expect(without.stdout == with.stdout)
        #expect(without.stderr.isEmpty)
    }

    @Test func anEngineWithoutTheFunctionsIsRefusedByName() throws {
        // A shared library that loads but is not the engine: libc.
        let result = try Binary.run(["report", Self.pdf], environment: ["DOCCANON_PDF_ENGINE": "libc.so.6"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("lacks the functions of doccanon_pdf.h"))
    }

    @Test func aMissingEngineIsAPerRecordErrorInABatch() throws {
        let input = Data((Self.pdf + "\n" + Self.text + "\n").utf8)
        let result = try Binary.run(["batch", "--jobs", "1"], environment: Self.missing, stdin: input)
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        #expect(result.status == 0)
        #expect(lines.count == 2)
        let pdf = lines.first { $0.contains("\"id\":\"Samples/pdf/011_word_export_gbk.pdf\"") }
        let text = lines.first { $0.contains("\"id\":\"Samples/text/002_32e8e180e59a5afa.txt\"") }
        #expect(pdf?.contains("\"code\":\"input.unsupported\"") == true)
        #expect(pdf?.contains("\"status\":\"error\"") == true)
        #expect(text?.contains("\"status\":\"ok\"") == true)
    }
}
