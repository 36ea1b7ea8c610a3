import CorpusKit
import DocModel
import Testing

/// Reports written as `pdftotext` without `-layout` writes a PDF's tables (`PlainExtractRenderer`:
/// one cell a line, values away from their labels, blocks column by column, 表四 interleaved) read
/// with no value confidently wrong. The shape is not in the default mix of the accuracy corpus
/// (`TextShape.mixed`); this slice holds it to its floor (measured on 1,000 reports: README).
@Suite struct PlainExtractCorpusTests {
    static let result: BenchmarkResult = {
        var result = BenchmarkResult()
        for index in 0..<24 {
            let report = Corpus.report(index: index, seed: 17, textShape: .plainExtract)
            result.measure(report, format: .text, convert: AccuracyTests.convert)
        }
        return result
    }()

    @Test func everyReportConvertsWithNoConfidentWrongValue() {
        #expect(Self.result.failures.isEmpty, "\(Self.result.failures)")
        #expect(Self.result.cellsByRenderer["text/plainExtract"]?.total ?? 0 > 1000)
        #expect(Self.result.cells.confidentWrong == 0, "\(Self.result.summary(details: 5))")
    }

    @Test func mostCellsAreRight() {
        let t = Self.result.cells
        #expect(Double(t.right) >= 0.97 * Double(t.total), "\(Self.result.summary(details: 5))")
    }
}
