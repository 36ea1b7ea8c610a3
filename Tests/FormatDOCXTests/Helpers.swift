import DOCXFixtures
import DocModel
import DoccanonKit
import FormatDOCX
import Foundation
import TestSupport

/// Builds a .docx from fixture text (see `DOCXFixture`) and reads it.
enum Fixture {
    static func docx(_ source: String) throws -> [UInt8] { try DOCXFixture.build(source) }

    static func document(_ source: String) throws -> Document {
        try Pipeline.document(bytes: try docx(source), name: "fixture.docx")
    }

    /// A body-only fixture.
    static func body(_ xml: String, styles: String? = nil, numbering: String? = nil) throws -> Document {
        var source = ""
        if let styles { source += "=== styles\n\(styles)\n" }
        if let numbering { source += "=== numbering\n\(numbering)\n" }
        source += "=== body\n\(xml)\n"
        return try document(source)
    }

    /// The texts of the non-table blocks.
    static func texts(_ document: Document) -> [String] { document.blocks.compactMap(\.text) }

    static func tables(_ document: Document) -> [Table] {
        document.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    static func file(_ name: String) throws -> [UInt8] {
        try docx(String(decoding: try TestPaths.read("Tests/Fixtures/docx/\(name).xml"), as: UTF8.self))
    }

    static func error(_ bytes: [UInt8]) -> ConversionError? {
        do {
            _ = try Pipeline.document(bytes: bytes, name: "bad.docx")
            return nil
        } catch {
            return error
        }
    }
}

extension Table {
    /// Rows as text, non-padding cells only, "text@column" when the column is not the next one.
    var grid: [[String]] {
        rows.map { row in row.filter { !$0.isPadding }.map { $0.text } }
    }

    func cell(_ row: Int, _ column: Int) -> Cell? { cells.first { $0.row == row && $0.column == column } }
}

/// The built `doccanon` binary, next to the test bundle.
enum Binary {
    static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("doccanon")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, String(decoding: stderr, as: UTF8.self))
    }
}
