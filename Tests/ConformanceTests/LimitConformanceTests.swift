import DocModel
import DoccanonKit
import Testing
import TestSupport

/// Every limit of README "Limits" is enforced by behaviour: with the limit lowered below what a
/// sample needs, the sample is refused through `Pipeline` with the limit's code, for every
/// sample of every format the limit applies to. Nothing here checks a default value.
@Suite struct LimitConformanceTests {
    struct LimitCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// The formats it applies to; nil for every format.
        var formats: Set<SourceInfo.Format>?
        /// Lowers the limit below a sample of `size` bytes.
        var lower: @Sendable (_ limits: inout Limits, _ size: Int) -> Void
        var testDescription: String { name }

        func applies(to sample: ConformanceSample) -> Bool { formats?.contains(sample.format) ?? true }
    }

    static let cases: [LimitCase] = [
        LimitCase(name: "input size", formats: nil) { $0.maxInputBytes = $1 - 1 },
        LimitCase(name: "text input size", formats: [.text]) { $0.maxTextBytes = $1 - 1 },
        // A report's tables have about 300 positions; the smallest of the three, 表二, about 56.
        LimitCase(name: "table positions", formats: nil) { limits, _ in limits.reading.maxTableCells = 20 },
        LimitCase(name: "XML nesting depth", formats: [.docx]) { limits, _ in limits.reading.maxXMLDepth = 4 },
        LimitCase(name: "inflated bytes of a ZIP entry", formats: [.docx]) { limits, _ in limits.reading.maxZipEntryBytes = 2_000 },
        LimitCase(name: "inflated bytes of a package", formats: [.docx]) { limits, _ in limits.reading.maxZipTotalBytes = 2_000 },
        LimitCase(name: "entries of a package", formats: [.docx]) { limits, _ in limits.reading.maxZipEntries = 3 },
        LimitCase(name: "HTML elements", formats: [.html]) { limits, _ in limits.reading.maxHTMLElements = 50 },
    ]

    @Test(arguments: cases) func overTheLimitIsRefused(_ limit: LimitCase) throws {
        let samples = ConformanceSample.all.filter(limit.applies)
        #expect(!samples.isEmpty, "no sample to hold to \(limit.name)")
        for sample in samples {
            let bytes = try sample.bytes()
            var limits = Limits()
            limit.lower(&limits, bytes.count)
            #expect(try Pipeline.report(bytes: bytes, name: sample.fileName).metadata.year != nil, "\(sample.path)")
            do {
                _ = try Pipeline.document(bytes: bytes, name: sample.fileName, limits: limits)
                Issue.record("\(sample.path) was read over the limit of \(limit.name)")
            } catch {
                #expect(error.code == .tooLarge, "\(sample.path): \(error)")
                #expect(error.message.hasPrefix(sample.fileName + ": ") && !error.message.contains("\n"), "\(error.message)")
            }
        }
    }

    /// The text limit is for text only: DOCX packages and pages over it are read.
    @Test func theTextLimitHoldsTextOnly() throws {
        for sample in ConformanceSample.all where sample.format != .text {
            var limits = Limits()
            limits.maxTextBytes = 100
            #expect(try Pipeline.report(bytes: try sample.bytes(), name: sample.fileName, limits: limits).metadata.year != nil)
        }
    }

    /// HTML nested deeper than the limit is not refused (real pages are broken that way): the
    /// elements below the limit are flattened into their ancestor and their text kept.
    @Test func htmlBeyondTheDepthLimitIsFlattenedKeepingItsText() throws {
        for sample in ConformanceSample.all where sample.format == .html {
            let bytes = try sample.bytes()
            var limits = Limits()
            limits.reading.maxHTMLDepth = 3
            let flat = try Pipeline.document(bytes: bytes, name: sample.fileName, limits: limits)
            let full = try Pipeline.document(bytes: bytes, name: sample.fileName)
            #expect(flat.blocks.count < full.blocks.count, "\(sample.path)")
            let text = flat.blocks.compactMap(\.text).joined()
            let labels = full.blocks.flatMap { block -> [String] in
                guard case .table(let table) = block else { return [] }
                return table.cells.map(\.text).filter { $0.count >= 4 && !$0.contains("\n") }
            }
            #expect(!labels.isEmpty)
            for label in labels where !text.contains(label) {
                Issue.record("\(sample.path): \(label) lost when flattened")
                break
            }
        }
    }
}
