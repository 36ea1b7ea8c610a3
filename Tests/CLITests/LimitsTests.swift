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

    @Test func aFileOverTheLimitIsRefusedWithoutReadingIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-limit-\(getpid()).txt")
        // A sparse file: 65 MiB long, nothing written, so the test costs no disk or memory.
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
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
