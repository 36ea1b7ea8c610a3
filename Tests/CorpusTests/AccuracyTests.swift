import CorpusKit
import DocModel
import DoccanonKit
import Testing

/// Issue 6's targets on a fast slice of the damaged-report corpus: every damage operator
/// alone on both templates, clean and deliberately inconsistent reports, and a few random
/// combinations, in every format whose adapter is on main (the others are skipped).
@Suite struct AccuracyTests {
    static func convert(_ bytes: [UInt8], _ name: String, _ format: SourceInfo.Format) -> ConversionOutcome {
        do {
            return .report(try Pipeline.report(bytes: bytes, name: name, format: format))
        } catch {
            return error.code == .unsupported ? .unsupported : .failed("\(error.code.rawValue): \(error.message)")
        }
    }

    static let slice: [GeneratedReport] = {
        var reports: [GeneratedReport] = []
        var index = 0
        for op in DamageOperator.allCases {
            for template in Template.allCases {
                reports.append(Corpus.report(index: index, seed: 6, operators: [op], inconsistent: false, template: template))
                index += 1
            }
        }
        for template in Template.allCases {
            for inconsistent in [false, true] {
                reports.append(Corpus.report(index: index, seed: 6, operators: [], inconsistent: inconsistent, template: template))
                index += 1
            }
        }
        for _ in 0..<8 {
            reports.append(Corpus.report(index: index, seed: 6))
            index += 1
        }
        return reports
    }()

    static let result: BenchmarkResult = {
        var result = BenchmarkResult()
        for report in slice {
            for format in CorpusFormat.allCases { result.measure(report, format: format, convert: convert) }
        }
        return result
    }()

    @Test func sliceCoversEveryOperatorAndBothTemplates() {
        let ops = Set(Self.slice.flatMap(\.damage))
        #expect(ops.count == DamageOperator.allCases.count)
        #expect(Set(Self.slice.map(\.truth.template)).count == 2)
        #expect(Self.slice.contains { $0.isClean })
        #expect(Self.slice.contains { $0.truth.inconsistent })
    }

    @Test func noReportFailsToConvert() {
        #expect(Self.result.failures.isEmpty, "\(Self.result.failures)")
        #expect(Self.result.documents > 0)
    }

    @Test func cellsAreRightOverall() {
        let t = Self.result.cells
        #expect(Double(t.right) >= 0.995 * Double(t.total), "\(Self.result.summary(details: 10))")
    }

    @Test func noOperatorBelowTarget() {
        let weak = Self.result.weakOperators(below: 0.98)
        #expect(weak.isEmpty, "\(weak.map { "\($0.0.rawValue) \($0.1)" })\n\(Self.result.summary(details: 10))")
        // Operators that damage the page, not the tables: metadata and sections.
        for op in DamageOperator.allCases where op.isPageDamage {
            let m = Self.result.metadataByOperator[op] ?? (0, 0)
            #expect(Double(m.right) >= 0.98 * Double(m.fields), "\(op.rawValue): metadata \(m.right)/\(m.fields)")
        }
    }

    @Test func cleanReportsHaveNoErrorFinding() {
        #expect(Self.result.cleanReports > 0)
        #expect(Self.result.cleanWithErrors.isEmpty, "\(Self.result.cleanWithErrors)")
    }

    @Test func inconsistentValuesAreReported() {
        // Every finding the values call for (arithmetic, negatives, blanks) is given.
        let t = Self.result.findings
        #expect(Double(t.recalled) >= 0.95 * Double(t.expected), "recall \(t.recalled)/\(t.expected)")
    }
}

@Suite struct GeneratorTests {
    @Test func splitMix64IsTheReferenceSequence() {
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSeedSameReport() throws {
        for index in [0, 7, 42] {
            let a = Corpus.report(index: index, seed: 9), b = Corpus.report(index: index, seed: 9)
            #expect(TextRenderer.render(a) == TextRenderer.render(b))
            #expect(a.truth == b.truth)
        }
        #expect(TextRenderer.render(Corpus.report(index: 1, seed: 9)) != TextRenderer.render(Corpus.report(index: 1, seed: 10)))
    }

    @Test func consistentValuesKeepTheTablesArithmetic() {
        for index in 0..<20 {
            let r = Corpus.report(index: index, seed: 3, operators: [], inconsistent: false)
            let arithmetic: Set<Rule> = [.applicationsBalance, .applicationsRowTotal, .applicationsResultsTotal, .reviewsTotal]
            #expect(!r.truth.findings.contains { arithmetic.contains($0.rule) }, "\(r.name)")
        }
    }

    @Test func inconsistentValuesBreakARule() {
        for index in 0..<20 {
            let r = Corpus.report(index: index, seed: 3, operators: [], inconsistent: true)
            let rules: Set<Rule> = [.applicationsBalance, .applicationsRowTotal, .applicationsResultsTotal, .reviewsTotal, .valueNegative]
            #expect(r.truth.findings.contains { rules.contains($0.rule) }, "\(r.name)")
        }
    }

    @Test func damageShowsInTheText() {
        func text(_ op: DamageOperator) -> String { TextRenderer.render(Corpus.report(index: 5, seed: 4, operators: [op])) }
        #expect(["—", "/", "无", "-", "——", "／"].contains { p in text(.placeholders).split(separator: "\n").contains { $0.hasSuffix("\t" + p) || $0.contains("| \(p) |") || $0.contains("\t\(p)\t") } })
        #expect(text(.fullWidthDigits).contains { ("０"..."９").contains($0) })
        #expect(text(.chineseDate).contains("〇") || text(.chineseDate).contains("○"))
        #expect(text(.ocrLabels).contains("冇") || text(.ocrLabels).contains(","))
    }
}
