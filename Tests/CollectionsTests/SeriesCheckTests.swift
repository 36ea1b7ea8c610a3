import Collections
import CorpusKit
import DocModel
import Testing

/// `doccanon check` on generated collections: agencies' reports for 2019–2023 in text, HTML and
/// DOCX, with carry-over breaks and prose mismatches planted (issue 15's acceptance).
@Suite(.serialized) struct SeriesCheckTests {
    @Test func plantedDefectsAreFound() throws {
        let options = SeriesOptions(agencies: 24, seed: 7, breakChance: 0.25, proseChance: 0.5, formats: [.text, .html, .docx])
        let (folder, reports, truth) = try SeriesSupport.write(options)
        defer { SeriesSupport.remove(folder) }
        let result = CheckResult.run(paths: [folder])
        #expect(result.errors.isEmpty, "\(result.errors.map(\.error.message))")
        #expect(result.reports.count == reports.count)
        #expect(Set(result.reports.compactMap(\.agencyKey)).count == options.agencies)
        #expect(truth.carryOverBreaks.count >= 10)
        #expect(truth.proseMismatches.count >= 30)
        let scores = Dictionary(uniqueKeysWithValues: SeriesScoring.score(SeriesSupport.checked(result), truth: truth).map { ($0.rule, $0) })
        let carry = try #require(scores["crossYear.carryOver"])
        #expect(carry.precision == 1 && carry.recall == 1, "\(carry)")
        let prose = try #require(scores["prose.mismatch"])
        #expect(prose.precision >= 0.98 && prose.recall >= 0.9, "\(prose)")
        let template = try #require(scores["crossYear.templateMismatch"])
        #expect(template.precision == 1 && template.recall == 1, "\(template)")
        for rule in ["collection.duplicate", "collection.duplicateCopy", "collection.agencyVariant"] {
            #expect(scores[rule]?.falsePositives == 0, "\(rule)")
        }
    }

    @Test func cleanCollectionRaisesNothing() throws {
        let options = SeriesOptions(agencies: 12, seed: 11, planted: false, formats: [.text, .docx, .html])
        let (folder, reports, truth) = try SeriesSupport.write(options)
        defer { SeriesSupport.remove(folder) }
        #expect(truth.carryOverBreaks.isEmpty && truth.proseMismatches.isEmpty)
        #expect(truth.proseStatements >= reports.count * 10)
        let result = CheckResult.run(paths: [folder])
        #expect(result.reports.count == reports.count)
        let serious = result.findings.filter { $0.severity != .info }
        #expect(serious.isEmpty, "\(serious.map(\.message))")
        #expect(result.findings.allSatisfy { $0.rule == .crossYearTemplateMismatch })
        #expect(result.findings.count == options.agencies)
    }
}
