import DocModel
import DoccanonKit
import FormatHTML
import Foundation
import TestSupport

/// Reading pages in the tests: through the pipeline, as the CLI does.
enum Page {
    static func document(_ html: String, name: String = "page.html") throws(ConversionError) -> Document {
        try Pipeline.document(bytes: Array(html.utf8), name: name, format: .html)
    }

    static func document(bytes: [UInt8], name: String = "page.html") throws(ConversionError) -> Document {
        try Pipeline.document(bytes: bytes, name: name, format: .html)
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        try TestPaths.read("Tests/Fixtures/html/\(name)")
    }

    /// Texts of the paragraphs and headings.
    static func texts(_ d: Document) -> [String] { d.blocks.compactMap(\.text) }

    static func tables(_ d: Document) -> [Table] {
        d.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    /// A table's rows as texts, for compact expectations.
    static func rows(_ t: Table) -> [[String]] { t.rows.map { $0.map(\.text) } }

    /// GBK bytes of a string, via the C library's iconv (the machine's, not ours).
    static func gbk(_ text: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GBK"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
