import Foundation
import TestSupport
import Testing

/// Runs the built `doccanon` binary (it sits next to the test bundle).
enum Binary {
    static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("doccanon")
    }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String]? = nil, stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.root
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite struct DeterminismTests {
    static let sample = "Samples/text/002_32e8e180e59a5afa.txt"

    @Test func sameBytesAcrossRunsAndUnderAnEmptyEnvironment() throws {
        let first = try Binary.run(["report", Self.sample])
        let second = try Binary.run(["report", Self.sample])
        let bare = try Binary.run(["report", Self.sample], environment: [:])
        let foreign = try Binary.run(["report", Self.sample], environment: ["LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "Pacific/Kiritimati"])
        #expect(first.status == 0)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout == bare.stdout)
        #expect(first.stdout == foreign.stdout)
    }

    @Test func outputDoesNotDependOnTheInputsDirectory() throws {
        let direct = try Binary.run(["report", Self.sample])
        let piped = try Binary.run(["report", "-"], stdin: try Data(contentsOf: TestPaths.root.appendingPathComponent(Self.sample)))
        // Only the source name differs ("stdin"); the path never appears.
        #expect(!String(decoding: direct.stdout, as: UTF8.self).contains(TestPaths.root.path))
        #expect(String(decoding: piped.stdout, as: UTF8.self).contains("\"name\": \"stdin\""))
    }

    @Test func unreadableInputIsOneLineAndStatus2() throws {
        let missing = try Binary.run(["report", "no/such/file.txt"])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        let binary = try Binary.run(["report", "-"], stdin: Data([0, 1, 2, 3, 0xFF, 0xFE, 0]))
        #expect(binary.status == 2)
        #expect(binary.stderr.split(separator: "\n").count == 1)
        let prose = try Binary.run(["report", "-"], stdin: Data("这是一段普通的文字，不是年度报告。\n".utf8))
        #expect(prose.status == 2)
        #expect(prose.stderr.contains("not a report"))
    }

    @Test func badFlagsExit64() throws {
        #expect(try Binary.run(["report", "--format", "yaml", Self.sample]).status == 64)
        #expect(try Binary.run(["report", "--no-such-flag", Self.sample]).status == 64)
    }

    @Test func strictTurnsErrorFindingsIntoStatus1() throws {
        #expect(try Binary.run(["report", "--strict", Self.sample]).status == 1)  // 规章 本年废止件数 -1
        #expect(try Binary.run(["report", "--strict", "Samples/text/001_7097c5c10f7e9ea9.txt"]).status == 0)
    }
}
