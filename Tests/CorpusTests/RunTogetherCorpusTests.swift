import CorpusKit
import DocModel
import DoccanonKit
import Testing

/// Reports whose tables are run together (`RunTogetherRenderer`: a page's `textContent`) read
/// as reports, with no value confidently wrong: a split the text and the arithmetic do not
/// decide is null with `value.undecidable`. Run-together text is not in the default mix of the
/// accuracy corpus (`TextShape.mixed`); this slice holds it to its floor.
@Suite struct RunTogetherCorpusTests {
    static let result: BenchmarkResult = {
        var result = BenchmarkResult()
        for index in 0..<16 {
            let report = Corpus.report(index: index, seed: 13, textShape: .runTogether)
            result.measure(report, format: .text, convert: AccuracyTests.convert)
        }
        return result
    }()

    @Test func everyReportConvertsWithNoConfidentWrongValue() {
        #expect(Self.result.failures.isEmpty, "\(Self.result.failures)")
        #expect(Self.result.cellsByRenderer["text/runTogether"]?.total ?? 0 > 0)
        #expect(Self.result.cells.confidentWrong == 0, "\(Self.result.summary(details: 5))")
    }

    @Test func mostCellsAreRight() {
        let t = Self.result.cells
        #expect(Double(t.right) >= 0.85 * Double(t.total), "\(Self.result.summary(details: 5))")
    }

    @Test func undecidedSplitsSayWhichSplitsCompete() throws {
        let report = Corpus.report(index: 3, seed: 13, textShape: .runTogether)
        let converted = try Pipeline.report(bytes: CorpusFormat.text.render(report), name: "r.txt", format: .text)
        for finding in converted.findings where finding.rule == .valueUndecidable {
            guard case .splits(let digits, let columns, let splits, _)? = finding.detail else {
                Issue.record("\(finding)")
                continue
            }
            #expect(!digits.isEmpty && columns > 0)
            #expect(splits.allSatisfy { $0.count == columns })
        }
    }
}
