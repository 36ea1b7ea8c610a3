import DocModel
import DoccanonKit
import Foundation
import Serialization
import TestSupport
import Testing

/// `doccanon batch` end to end (spec §6), through the built binary.
@Suite struct BatchTests {
    static let seeds = [
        "Samples/text/000_349c54217d600586.txt", "Samples/text/001_7097c5c10f7e9ea9.txt",
        "Samples/text/002_32e8e180e59a5afa.txt", "Samples/text/003_2c1bade6c9c5d287.txt",
        "Samples/text/004_604213c82ade96a7.txt",
    ]
    /// One of each other format (their adapters' samples).
    static let others = [
        "Samples/docx/seed001_numbered.docx", "Samples/html/011_word_export_gbk.html", "Samples/docx/seed004_wordlike.docx",
        "Samples/html/010_trs_portal_utf8.html",
    ]

    /// Inputs that must each become an error record, written once into a temporary directory.
    static let hostile: [(name: String, bytes: [UInt8])] = [
        ("corrupt.docx", Array("PK\u{03}\u{04}".utf8) + Array(repeating: 0x41, count: 200)),
        ("garbage.bin", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ ($0 >> 3)) }),
        ("prose.txt", Array("这是一段普通的文字，不是年度报告。\n第二段也不是。\n".utf8)),
        ("empty.txt", []),
    ]

    static let scratch: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-batch-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for input in hostile { try? Data(input.bytes).write(to: dir.appendingPathComponent(input.name)) }
        return dir
    }()

    static var hostilePaths: [String] { hostile.map { scratch.appendingPathComponent($0.name).path } }

    static func lines(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    static func record(_ line: String) throws -> CanonicalValue {
        try JSONReader.parse(Array(line.utf8))
    }

    static func batch(_ records: [String], _ flags: [String] = []) throws -> Binary.Result {
        try Binary.run(["batch"] + flags, stdin: Data((records.joined(separator: "\n") + "\n").utf8))
    }

    @Test func sameBytesWhateverTheNumberOfJobs() throws {
        let records = Self.seeds + Self.others + Self.hostilePaths + ["no/such/file.txt"] + Self.others.reversed() + Self.seeds.reversed()
        let one = try Self.batch(records, ["--jobs", "1"])
        let two = try Self.batch(records, ["--jobs", "2"])
        let four = try Self.batch(records, ["--jobs", "4"])
        let all = try Self.batch(records, ["--jobs", "0"])
        #expect(one.status == 0)
        #expect(one.stderr.isEmpty)  // no progress line: standard error is not a terminal
        #expect(Self.lines(one.stdout).count == records.count)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout == four.stdout)
        #expect(one.stdout == all.stdout)
        // In input order: each line carries its record's id.
        for (line, path) in zip(Self.lines(one.stdout), records) {
            #expect(try Self.record(line)["id"] == .string(path))
        }
    }

    @Test func aRecordsLineDoesNotDependOnTheRestOfTheBatch() throws {
        let records = Self.seeds + Self.hostilePaths + Self.others
        let together = Self.lines(try Self.batch(records, ["--jobs", "3"]).stdout)
        let shuffled = [6, 0, 8, 2, 4, 11, 1, 7, 9, 3, 12, 5, 10]
        let reordered = Self.lines(try Self.batch(shuffled.map { records[$0] }, ["--jobs", "2"]).stdout)
        #expect(together.count == records.count)
        for (position, original) in shuffled.enumerated() {
            #expect(reordered[position] == together[original])
        }
        for (i, path) in records.enumerated() {
            #expect(Self.lines(try Self.batch([path]).stdout) == [together[i]])
        }
    }

    @Test func reportsAreThoseOfTheReportCommand() throws {
        let inputs = Self.seeds + Self.others
        let lines = Self.lines(try Self.batch(inputs).stdout)
        #expect(lines.count == inputs.count)
        for (line, seed) in zip(lines, inputs) {
            let single = try Binary.run(["report", seed])
            let record = try Self.record(line)
            #expect(record["status"] == .string("ok"))
            #expect(record["exitCode"] == .integer(0))
            #expect(record["report"] == (try JSONReader.parse([UInt8](single.stdout))))
            #expect(!line.contains("\n"))
        }
        let documents = Self.lines(try Self.batch([Self.seeds[1]], ["--kind", "document"]).stdout)
        let single = try Binary.run(["document", Self.seeds[1]])
        #expect(try Self.record(documents[0])["document"] == (try JSONReader.parse([UInt8](single.stdout))))
    }

    @Test func badInputsAreErrorRecordsAndTheRunGoesOn() throws {
        let records = [Self.seeds[0]] + Self.hostilePaths + ["no/such/file.txt", "Samples", Self.seeds[1]]
        let result = try Self.batch(records)
        #expect(result.status == 0)
        let lines = try Self.lines(result.stdout).map(Self.record)
        #expect(lines.count == records.count)
        func code(_ i: Int) -> CanonicalValue? { lines[i]["error"]?["code"] }
        #expect(lines[0]["status"] == .string("ok"))
        #expect(code(1) == .string("input.corrupt"))
        if case .string(let message)? = lines[1]["error"]?["message"] {
            #expect(message.hasPrefix("corrupt.docx: ") && message.contains("ZIP"))
        } else {
            Issue.record("no message for the corrupt package")
        }
        #expect(code(2) == .string("input.unreadable"))
        #expect(code(3) == .string("input.notAReport"))
        #expect(code(4) != nil)
        #expect(code(5) == .string("input.unreadable"))
        #expect(lines[5]["error"]?["message"] == .string("no/such/file.txt: no such file"))
        #expect(code(6) == .string("input.unreadable"))
        #expect(lines[7]["status"] == .string("ok"))
        for line in lines.dropFirst().dropLast() {
            #expect(line["status"] == .string("error"))
            #expect(line["exitCode"] == .integer(2))
        }
    }

    @Test func strictGivesExitCode1AndStillTheReport() throws {
        // Seed 002 has 规章 本年废止件数 -1, an error finding; seed 001 has none.
        let lines = try Self.lines(try Self.batch([Self.seeds[2], Self.seeds[1]], ["--strict"]).stdout).map(Self.record)
        #expect(lines[0]["exitCode"] == .integer(1))
        #expect(lines[0]["status"] == .string("ok"))
        #expect(lines[0]["report"] != nil)
        #expect(lines[1]["exitCode"] == .integer(0))
        let lax = try Self.lines(try Self.batch([Self.seeds[2]]).stdout).map(Self.record)
        #expect(lax[0]["exitCode"] == .integer(0))
    }

    @Test func ndjsonRecordsGivePathsOrContent() throws {
        let bytes = try TestPaths.read(Self.seeds[3])
        let content = Data(bytes).base64EncodedString()
        let records = [
            #"{"id": "a", "path": "\#(Self.seeds[3])"}"#,
            #"{"id": 7, "name": "003_2c1bade6c9c5d287.txt", "contentBase64": "\#(content)"}"#,
            #"{"id": ["x", 1], "name": "empty", "contentBase64": ""}"#,
            #"{"id": "bad64", "name": "x.txt", "contentBase64": "a$b="}"#,
            #"{"id": "both", "path": "x", "name": "x", "contentBase64": "eA=="}"#,
            #"{"id": "typo", "pth": "x"}"#,
            #"{"name": "x.txt", "contentBase64": "eA=="}"#,
            #"["not", "an", "object"]"#,
            "{broken",
        ]
        let result = try Self.batch(records, ["--input", "ndjson"])
        #expect(result.status == 0)
        let lines = try Self.lines(result.stdout).map(Self.record)
        #expect(lines.count == records.count)
        // The same bytes under the same name give the same report, by path or by content.
        #expect(lines[0]["report"] != nil)
        #expect(lines[0]["report"] == lines[1]["report"])
        #expect(lines[1]["id"] == .integer(7))
        #expect(lines[2]["id"] == .array(itemName: "item", [.string("x"), .integer(1)]))
        #expect(lines[2]["error"]?["code"] == .string("input.notAReport"))
        for i in [3, 4, 5, 7, 8] {
            #expect(lines[i]["error"]?["code"] == .string("input.unreadable"))
        }
        // A record without an id is read; its line says id null.
        #expect(lines[6]["error"]?["code"] == .string("input.notAReport"))
        #expect(lines[3]["id"] == .string("bad64"))
        #expect(lines[6]["id"] == .null)
        #expect(lines[7]["id"] == .null)
        #expect(lines[8]["id"] == .null)
    }

    @Test func blankLinesAreNotRecordsAndCarriageReturnsAreDropped() throws {
        let input = "\n\(Self.seeds[0])\r\n  \n\n\(Self.seeds[1])"  // no final line break
        let result = try Binary.run(["batch"], stdin: Data(input.utf8))
        let lines = try Self.lines(result.stdout).map(Self.record)
        #expect(lines.map { $0["id"] } == [.string(Self.seeds[0]), .string(Self.seeds[1])])
        #expect(lines.allSatisfy { $0["status"] == .string("ok") })
    }

    @Test func aPathThatIsNotUTF8IsOpenedAsGiven() throws {
        // "报告.txt" with its name in GBK, as archives from Windows machines hold them.
        let path = Array(Self.scratch.path.utf8) + Array("/".utf8) + [0xB1, 0xA8, 0xB8, 0xE6] + Array(".txt".utf8)
        let content = try TestPaths.read(Self.seeds[1])
        let fd = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        #expect(fd >= 0)
        _ = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let result = try Binary.run(["batch"], stdin: Data(path + [0x0A]))
        let line = try Self.record(String(decoding: result.stdout, as: UTF8.self))
        #expect(line["status"] == .string("ok"))
        #expect(line["id"] == .string(String(decoding: path, as: UTF8.self)))
        #expect(line["report"]?["source"]?["name"] == .string("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}.txt"))
    }

    @Test func anOverlongLineIsOneErrorRecord() throws {
        let long = String(repeating: "a/", count: 40_000)
        let result = try Self.batch([Self.seeds[0], long, Self.seeds[1]])
        let lines = try Self.lines(result.stdout).map(Self.record)
        #expect(lines.count == 3)
        #expect(lines[1]["error"]?["code"] == .string("input.tooLarge"))
        #expect(lines[2]["status"] == .string("ok"))
    }

    @Test func badFlagsExit64() throws {
        #expect(try Binary.run(["batch", "--jobs=-1"], stdin: Data()).status == 64)
        #expect(try Binary.run(["batch", "--kind", "pdf"], stdin: Data()).status == 64)
        #expect(try Binary.run(["batch", "--input", "csv"], stdin: Data()).status == 64)
        #expect(try Binary.run(["batch", "stray-argument"], stdin: Data()).status == 64)
    }

    @Test func emptyInputIsEmptyOutput() throws {
        let result = try Binary.run(["batch"], stdin: Data())
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func unwritableOutputExits74() throws {
        let full = try Self.runWithOutput(FileHandle(forWritingAtPath: "/dev/full").unwrap(), records: Self.seeds)
        #expect(full.status == 74)
        #expect(full.stderr.contains("cannot write output"))
        #expect(full.stderr.split(separator: "\n").count == 1)
        // A reader that went away: the closed pipe is an output error too, not a crash.
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let closed = try Self.runWithOutput(pipe.fileHandleForWriting, records: Self.seeds)
        #expect(closed.status == 74)
    }

    static func runWithOutput(_ output: FileHandle, records: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["batch", "--jobs", "2"]
        process.currentDirectoryURL = TestPaths.root
        let err = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = err
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data((records.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }
}

/// The pieces of the batch engine, in process.
@Suite struct BatchEngineTests {
    final class Source: @unchecked Sendable {
        var bytes: [UInt8]
        var position = 0
        let chunk: Int
        init(_ text: String, chunk: Int) {
            bytes = Array(text.utf8)
            self.chunk = chunk
        }
        func read(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
            let n = min(chunk, buffer.count, bytes.count - position)
            for i in 0..<n { buffer[i] = bytes[position + i] }
            position += n
            return n
        }
    }

    static func split(_ text: String, maxLine: Int, chunk: Int) -> [LineSplitter.Line] {
        let source = Source(text, chunk: chunk)
        var splitter = LineSplitter(maxLine: maxLine)
        var lines: [LineSplitter.Line] = []
        while let line = splitter.next({ source.read($0) }) { lines.append(line) }
        return lines
    }

    @Test(arguments: [1, 2, 3, 7, 65536])
    func linesSplitTheSameWhateverTheChunks(chunk: Int) {
        let text = "a\r\n\nbb\n \t\r\nccc\n" + String(repeating: "x", count: 11) + "\ndddd"
        let lines = Self.split(text, maxLine: 10, chunk: chunk)
        #expect(lines == [.record(Array("a".utf8)), .record(Array("bb".utf8)), .record(Array("ccc".utf8)), .oversized(11), .record(Array("dddd".utf8))])
        let source = Source(text, chunk: chunk)
        #expect(LineSplitter.countRecords { source.read($0) } == 5)
    }

    @Test func aLineAtTheLimitIsKept() {
        #expect(Self.split("0123456789\r\n", maxLine: 10, chunk: 4) == [.record(Array("0123456789".utf8))])
        #expect(Self.split("0123456789A", maxLine: 10, chunk: 4) == [.oversized(11)])
    }

    @Test func base64DecodesWhatFoundationEncodes() {
        for count in 0..<40 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let encoded = Data(bytes).base64EncodedString()
            #expect(Base64.decode(encoded.utf8) == bytes)
            #expect(Base64.decode(encoded.replacingOccurrences(of: "=", with: "").utf8) == bytes)
        }
        for bad in ["Q", "QQ=", "QQ===", "QR==", "Q$==", "QUJD=QUJD", "QUJD\nQUJD"] {
            #expect(Base64.decode(bad.utf8) == nil, "\(bad)")
        }
    }

    @Test func engineKeepsInputOrderWithManyJobs() {
        let seeds = BatchTests.seeds.map { TestPaths.root.appendingPathComponent($0).path }
        let records = (0..<40).map { i in i % 7 == 3 ? "/no/such/\(i)" : seeds[i % seeds.count] }
        let text = records.joined(separator: "\n")
        var outputs: [[String]] = []
        for jobs in [1, 3, 8] {
            let source = Source(text, chunk: 100)
            let engine = BatchEngine(options: BatchOptions(), jobs: jobs)
            var lines: [String] = []
            let outcome = engine.run(read: { source.read($0) }, write: { lines.append(String(decoding: $0, as: UTF8.self)); return true })
            #expect(outcome == .completed(records: 40, errors: 6))
            outputs.append(lines)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        for (line, path) in zip(outputs[0], records) {
            #expect(line.contains("\"id\":\"\(path)\""))
        }
    }

    @Test func engineStopsAtTheFirstFailedWrite() {
        let seed = TestPaths.root.appendingPathComponent(BatchTests.seeds[0]).path
        let source = Source(Array(repeating: seed, count: 100).joined(separator: "\n"), chunk: 1000)
        let engine = BatchEngine(options: BatchOptions(), jobs: 2)
        var count = 0
        let outcome = engine.run(read: { source.read($0) }, write: { _ in count += 1; return count <= 3 })
        #expect(outcome == .outputFailed(written: 3))
    }
}

extension Optional {
    struct Missing: Error {}
    func unwrap() throws -> Wrapped {
        guard let value = self else { throw Missing() }
        return value
    }
}
