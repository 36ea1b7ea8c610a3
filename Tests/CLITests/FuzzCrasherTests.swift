import DocModel
import DoccanonKit
import Foundation
import TestSupport
import Testing

/// Every input the fuzzers (Fuzz/, scripts/fuzz) found crashing, hanging or leaking, replayed
/// through the same conversion as its fuzz target. Each lives under
/// Tests/Fixtures/crashers/<target>/ (text, docx, html, pdf, record; a docxparts finding is stored as
/// the package its harness wrote, under docx/) and must now convert or fail with a clear error
/// code, quickly.
@Suite struct FuzzCrasherTests {
    static let directory = TestPaths.root.appendingPathComponent("Tests/Fixtures/crashers")

    static func inputs(_ target: String) -> [URL] {
        let dir = directory.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// What the fuzz target does with an input (Fuzz/Sources/FuzzSupport): nil when it
    /// converts, else the error.
    static func replay(_ bytes: [UInt8], target: String) -> ConversionError? {
        if target == "record" {
            switch BatchRecord.parse(bytes[...], mode: .ndjson) {
            case .failure(let failure): return failure.error
            case .success(let record):
                guard case .bytes = record.content else { return nil }
                let line = BatchConverter.convert(record, options: BatchOptions(input: .ndjson))
                #expect(line.last == 0x0A)
                #expect(!line.dropLast().contains(0x0A))
                return nil
            }
        }
        let format = SourceInfo.Format(rawValue: target)
        do {
            let document = try Pipeline.document(bytes: bytes, name: "fuzz.\(target)", format: format)
            _ = Rendering.render(document, as: .json)
            _ = Rendering.render(document, as: .xml)
            let report = try Pipeline.report(bytes: bytes, name: "fuzz.\(target)", format: format)
            _ = Rendering.render(report, as: .json)
            _ = Rendering.render(report, as: .xml)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["text", "docx", "html", "pdf", "record"])
    func crashersNowConvertOrFailCleanly(target: String) throws {
        for url in Self.inputs(target) {
            let bytes = [UInt8](try Data(contentsOf: url))
            let clock = ContinuousClock()
            let start = clock.now
            let error = Self.replay(bytes, target: target)
            let elapsed = clock.now - start
            #expect(error?.code != .internal, "\(url.lastPathComponent): \(error?.message ?? "")")
            #expect(error.map { !$0.message.isEmpty && !$0.message.contains("\n") } ?? true, "\(url.lastPathComponent)")
            // A debug build is ~10x slower than release; the fuzzers' timeout is 10 s.
            #expect(elapsed < .seconds(60), "\(url.lastPathComponent) took \(elapsed)")
        }
    }
}
