import DocModel
import Testing
@testable import TableCore

/// Cells run together (`RunTogether`, the `digitSplit` generator) on the made-up template of
/// `AlignerTests`: rows of "甲 + 乙 = 合计", and a second table with one unlabelled row.
@Suite struct DigitSplitTests {
    /// One source row of a run-together table: its pieces as the text adapter cuts them.
    func line(_ text: String) -> [InputCell] {
        (RunTogether.pieces(text[...]) ?? [RunTogether.Piece(text: text, from: 0, to: text.count, isValues: RunTogether.isValueRun(text[...]))])
            .enumerated().map { InputCell($0.element.text, column: $0.offset, source: CellRef(table: 0, cell: $0.offset), runTogether: true) }
    }

    func values(_ a: Alignment, _ table: String, _ path: String) -> [Int?] {
        a.tables[table]?.row(path)?.fields.map { $0.value?.integer } ?? []
    }

    @Test func theCutterFindsLabelsAndValueRuns() throws {
        let pieces = try #require(RunTogether.pieces("规章000行政规范性文件6233440"))
        #expect(pieces.map(\.text) == ["规章", "000", "行政规范性文件", "6233440"])
        #expect(pieces.map(\.isValues) == [false, true, false, true])
        #expect(pieces[3].from == 12 && pieces[3].to == 19)
        // A digit before "." and a label is the label's numbering.
        let numbered = try #require(RunTogether.pieces("（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000"))
        #expect(numbered.map(\.text) == ["（三）不予公开1.属于国家秘密", "0000000", "2.其他法律行政法规禁止公开", "0000000"])
        // An amount keeps its decimal point and unit.
        #expect(try #require(RunTogether.pieces("本年收费金额（单位：万元）7730.28")).map(\.text) == ["本年收费金额（单位：万元）", "7730.28"])
    }

    @Test func numberingBrokenBySpacesOrAnOCRCommaStaysWithItsLabel() throws {
        // "2 .其他…": a label broken by a space; "4,保护…": an OCR slip for "4.".
        let spaced = try #require(RunTogether.pieces("2 .其他法律行政法规禁 止公开1000001"))
        #expect(spaced.map(\.text) == ["2 .其他法律行政法规禁 止公开", "1000001"])
        let glued = try #require(RunTogether.pieces("1.属于国家秘密30000032 .其他法律行政法规禁止公开1000001"))
        #expect(glued.map(\.text) == ["1.属于国家秘密", "3000003", "2 .其他法律行政法规禁止公开", "1000001"])
        let comma = try #require(RunTogether.pieces("3.危及“三安全一稳定”0031000314,保护第三方合法权益0710140031"))
        #expect(comma.map(\.text) == ["3.危及“三安全一稳定”", "003100031", "4,保护第三方合法权益", "0710140031"])
        // Thousands separators are still part of a value.
        #expect(try #require(RunTogether.pieces("行政事业性收费1,8782,000")).map(\.text) == ["行政事业性收费", "1,8782,000"])
    }

    @Test func aLabelMayHoldOneClauseMark() throws {
        let row = try #require(RunTogether.pieces("2.没有现成信息，需要另行制作0000606"))
        #expect(row.map(\.text) == ["2.没有现成信息，需要另行制作", "0000606"])
        let extra = try #require(RunTogether.pieces("本年新收政府信息公开申请数量220712234其中：通过互联网提交申请70371107"))
        #expect(extra.map(\.text) == ["本年新收政府信息公开申请数量", "220712234", "其中：通过互联网提交申请", "70371107"])
        // Prose keeps its marks: a sentence's end, two clauses, a mark not glued to digits, a
        // mark with no words on one side.
        #expect(RunTogether.pieces("全年共受理申请21，办结20。") == nil)
        #expect(RunTogether.pieces("其中，自然人申请，法人申请24") == nil)
        #expect(RunTogether.pieces("联系电话：0591 87654321") == nil)
        #expect(RunTogether.pieces("说明，3") == nil)
        #expect(RunTogether.pieces("规章3，其他") == nil)
    }

    @Test func proseAndDatesAreNotRunTogetherRows() {
        #expect(RunTogether.pieces("2023年全区受理政府信息公开申请21件，办结21件。") == nil)
        #expect(RunTogether.pieces("二〇二二年一月二十日") == nil)
        #expect(RunTogether.pieces("2022年2月15日") == nil)
        #expect(RunTogether.pieces("某某县人民政府2021年政府信息公开工作年度报告") == nil)
        #expect(RunTogether.pieces("第3季度共发布12条") == nil)
    }

    @Test func theRowTotalDecidesTheSplit() {
        // "5217" for 甲 | 乙 | 合计: 5 + 2 = 17? no; 5 + 21 = 7? no; 52 + 1 = 7? no... only 5 | 2 | 17 fails,
        // the text allows [5, 2, 17], [5, 21, 7], [52, 1, 7]; none sums. "3710": [3, 7, 10] sums.
        let result = AlignerTests.aligner().align([line("案件情况统计甲类乙类合计"), line("一、本年受理案件数量3710")])
        #expect(values(result, "cases", "received") == [3, 7, 10])
        #expect(result.findings.contains { $0.rule == .tableAmbiguous && $0.path == "cases.received" })
        #expect(!result.findings.contains { $0.rule == .valueUndecidable })
        guard case .inferred(.digitSplit, let cells, _)? = result.sources["cases.received.total"] else {
            Issue.record("a split value says it was split: \(String(describing: result.sources["cases.received.total"]))")
            return
        }
        #expect(cells == [CellRef(table: 0, cell: 1)])
    }

    @Test func aSplitTheArithmeticDoesNotDecideIsNullWithTheCompetingSplits() throws {
        // "11213": [1, 12, 13] and [11, 2, 13] both sum; the first cell agrees on nothing.
        let result = AlignerTests.aligner().align([line("三、尚未办结数量11213")])
        #expect(values(result, "cases", "pending") == [nil, nil, 13])
        let finding = try #require(result.findings.first { $0.rule == .valueUndecidable })
        #expect(finding.path == "cases.pending")
        guard case .splits(let digits, let columns, let splits, let count)? = finding.detail else {
            Issue.record("detail \(String(describing: finding.detail))")
            return
        }
        #expect(digits == "11213" && columns == 3 && count == 2)
        #expect(Set(splits.map { $0.map { $0?.integer } }) == [[1, 12, 13], [11, 2, 13]])
    }

    @Test func zerosSplitOneWayWithoutAFinding() {
        let result = AlignerTests.aligner().align([line("1.维持原决定000")])
        #expect(values(result, "cases", "done.upheld") == [0, 0, 0])
        #expect(result.findings.filter { $0.path == "cases.done.upheld" }.isEmpty)
    }

    @Test func tooFewDigitsForTheColumnsIsUndecidableNotAGuess() throws {
        // A blank cell prints nothing: "12" cannot fill three columns.
        let result = AlignerTests.aligner().align([line("三、尚未办结数量12")])
        #expect(values(result, "cases", "pending") == [nil, nil, nil])
        let finding = try #require(result.findings.first { $0.rule == .valueUndecidable })
        guard case .splits(_, _, let splits, let count)? = finding.detail else { return }
        #expect(splits.isEmpty && count == 0)
    }

    @Test func gluedLabelsAreFoundByTheVocabulary() {
        // A header, a group and a row label glued together, the whole table on one line.
        let result = AlignerTests.aligner().align([line("案件情况统计甲类乙类合计（二）办结情况1.维持原决定3252.变更原决定000三、尚未办结数量101")])
        #expect(values(result, "cases", "done.upheld") == [3, 2, 5])
        #expect(values(result, "cases", "done.changed") == [0, 0, 0])
        #expect(values(result, "cases", "pending") == [1, 0, 1])
    }

    @Test func anUnlabelledRowAfterItsHeaderIsPlacedAndSplit() {
        // The second table's header run together with its one unlabelled row: "专职兼职" + "30".
        let result = AlignerTests.aligner().align([line("人员配备情况专职兼职30")])
        #expect(values(result, "staff", "all") == [3, 0])
    }

    @Test func longRunsAreBoundedAndUndecidable() throws {
        // Forty digits into three columns: the splits are cut off, the row is null, with a finding.
        let digits = String(repeating: "1234", count: 10)
        let result = AlignerTests.aligner().align([line("三、尚未办结数量" + digits)])
        #expect(values(result, "cases", "pending") == [nil, nil, nil])
        #expect(result.findings.contains { $0.rule == .valueUndecidable && $0.path == "cases.pending" })
        // A hostile run: 6,000 digits. The parts tried are short and the steps counted, so the
        // row is refused as undecidable instead of enumerated.
        let hostile = AlignerTests.aligner().align([line("三、尚未办结数量" + String(repeating: "12345", count: 1_200))])
        #expect(values(hostile, "cases", "pending") == [nil, nil, nil])
        #expect(hostile.findings.contains { $0.rule == .valueUndecidable })
    }
}
