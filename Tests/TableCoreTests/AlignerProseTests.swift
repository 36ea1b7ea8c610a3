import DocModel
import Testing
@testable import TableCore

/// Numbers the prose states choosing between readings nothing else decides, on the made-up
/// template of `AlignerTests` (rows of "甲 + 乙 = 合计").
@Suite struct AlignerProseTests {
    func aligner(_ statements: [String: StatedValue]) -> Aligner {
        var a = AlignerTests.aligner()
        a.statements = statements
        return a
    }

    func row(_ texts: String...) -> [InputCell] { texts.enumerated().map { InputCell($0.element, column: $0.offset) } }

    func line(_ text: String) -> [InputCell] {
        (RunTogether.pieces(text[...]) ?? []).enumerated().map {
            InputCell($0.element.text, column: $0.offset, source: CellRef(table: 0, cell: $0.offset), runTogether: true)
        }
    }

    func values(_ a: Alignment, _ path: String) -> [Int?] {
        a.tables["cases"]?.row(path)?.fields.map { $0.value?.integer } ?? []
    }

    @Test func aStatedCellKeepsTheReadingsThatGiveIt() throws {
        // "5 | 7" for 甲 | 乙 | 合计: [5, 7, null], [5, null, 7], [null, 5, 7] all keep the
        // arithmetic. The prose says 乙 is 7: only the first reading gives that.
        let result = aligner(["cases.received.b": StatedValue(7, claim: "乙类7件")]).align([row("一、本年受理案件数量", "5", "7")])
        #expect(values(result, "received") == [5, 7, nil])
        let finding = try #require(result.findings.first { $0.rule == .valueFromProse })
        #expect(finding.path == "cases.received.b")
        #expect(finding.detail == .stated(7, claim: "乙类7件"))
        guard case .reading(_, _, let decision, let chosen, _)? = result.findings.first(where: { $0.rule == .tableAmbiguous })?.detail else {
            Issue.record("no table.ambiguous finding")
            return
        }
        #expect(decision == .prose && chosen == [.integer(5), .integer(7), nil])
    }

    @Test func cellsTheKeptReadingsStillDisagreeOnStayNull() {
        // 甲 = 5 is given by two readings, which disagree on 乙 and 合计.
        let result = aligner(["cases.received.a": StatedValue(5, claim: "甲类5件")]).align([row("一、本年受理案件数量", "5", "7")])
        #expect(values(result, "received") == [5, nil, nil])
    }

    @Test func aNumberNoReadingGivesDecidesNothing() {
        let result = aligner(["cases.received.b": StatedValue(9, claim: "乙类9件")]).align([row("一、本年受理案件数量", "5", "7")])
        #expect(values(result, "received") == [nil, nil, nil])
        #expect(!result.findings.contains { $0.rule == .valueFromProse })
    }

    @Test func aRowTheArithmeticDecidedIsNotTouched() {
        // "9 | 4": only [9, 4, null] keeps the arithmetic; a statement against it changes nothing.
        let result = aligner(["cases.received.total": StatedValue(4, claim: "合计4件")]).align([row("一、本年受理案件数量", "9", "4")])
        #expect(values(result, "received") == [9, 4, nil])
        #expect(!result.findings.contains { $0.rule == .valueFromProse })
    }

    @Test func statedCellsChooseASplit() throws {
        // "11213": [1, 12, 13] and [11, 2, 13] both sum. 乙 = 2 leaves one split.
        let result = aligner(["cases.pending.b": StatedValue(2, claim: "乙类2件")]).align([line("三、尚未办结数量11213")])
        #expect(values(result, "pending") == [11, 2, 13])
        #expect(!result.findings.contains { $0.rule == .valueUndecidable })
        #expect(result.findings.contains { $0.rule == .valueFromProse && $0.path == "cases.pending.b" })
    }

    @Test func aStatementAllSplitsAgreeWithDecidesNothing() {
        // "1111112": [1, 111, 112] and [111, 1, 112] both sum, and both give 合计 112: the
        // statement says nothing new; 甲 = 111 picks one.
        let agreed = aligner(["cases.pending.total": StatedValue(112, claim: "合计112件")]).align([line("三、尚未办结数量1111112")])
        #expect(values(agreed, "pending") == [nil, nil, 112])
        #expect(!agreed.findings.contains { $0.rule == .valueFromProse })
        #expect(agreed.findings.contains { $0.rule == .valueUndecidable })
        let picked = aligner(["cases.pending.a": StatedValue(111, claim: "甲类111件")]).align([line("三、尚未办结数量1111112")])
        #expect(values(picked, "pending") == [111, 1, 112])
    }
}
