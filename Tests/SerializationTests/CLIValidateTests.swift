import Foundation
import Testing
import TestSupport

/// `doccanon report --format xml` and `doccanon validate`, end to end through the built binary.
@Suite struct CLIValidateTests {
    static let sample = "Samples/text/001_7097c5c10f7e9ea9.txt"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("doccanon")
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.root
        process.environment = [:]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporary(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-schemas-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func reportXMLFromTheCLIValidatesAndValidatesBack() throws {
        let xml = try Self.run(["report", "--format", "xml", Self.sample])
        #expect(xml.status == 0)
        #expect(try SchemaCheck.xml(xml.stdout, schema: "report.xsd").isEmpty)
        let document = try Self.run(["document", "--format", "xml", Self.sample])
        #expect(try SchemaCheck.xml(document.stdout, schema: "document.xsd").isEmpty)

        let direct = try Self.run(["validate", "--format", "json", Self.sample])
        let fromXML = try Self.run(["validate", "--format", "json", try Self.temporary("r.xml", xml.stdout)])
        let json = try Self.run(["report", Self.sample])
        let fromJSON = try Self.run(["validate", "--format", "json", try Self.temporary("r.json", json.stdout)])
        #expect(!direct.stdout.isEmpty)
        #expect(fromXML.stdout == direct.stdout)
        #expect(fromJSON.stdout == direct.stdout)
        #expect(fromXML.status == direct.status)
    }

    @Test func handEditedReportExits1AndSaysWhere() throws {
        let json = try Self.run(["report", Self.sample]).stdout
        // Raise 本年新收 总计 by one: the row no longer adds up, nor does the column balance.
        guard let range = json.range(of: #""newlyReceived": {"#),
            let total = json.range(of: #""total": "#, range: range.upperBound..<json.endIndex),
            let end = json.range(of: "\n", range: total.upperBound..<json.endIndex),
            let value = Int(json[total.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces))
        else {
            Issue.record("sample has no integer newlyReceived.total")
            return
        }
        let edited = json.replacingCharacters(in: total.upperBound..<end.lowerBound, with: String(value + 1))
        let result = try Self.run(["validate", try Self.temporary("edited.json", edited)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: [applications.rowTotal] at applications.newlyReceived.total"))
        #expect(result.stdout.contains("error: [applications.balance] at applications."))
    }

    @Test func brokenReportExits2WithOneLine() throws {
        let json = try Self.run(["report", Self.sample]).stdout.replacingOccurrences(of: #""carriedOver""#, with: #""carriedOverr""#)
        let result = try Self.run(["validate", try Self.temporary("broken.json", json)])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "doccanon: broken.json: applications.carriedOverr: not a row of table applications in the 2021 template\n")
    }
}
