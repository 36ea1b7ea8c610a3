import DocModel
import Testing
@testable import TableCore

/// Run-together rows whose cells carry a count's unit ("1个") or a signed change ("+17"), on a
/// made-up table of two rows: 许可 (上年 | 增减 | 决定, the middle column signed) and 采购
/// (项目 | 金额 with its unit).
@Suite struct RunTogetherUnitTests {
    static let templates = [
        TableTemplate(
            key: "items", title: "事项表", anchors: ["事项情况"], groups: [],
            rows: [
                RowTemplate(path: "permits", labels: ["许可事项"], fields: [
                    FieldTemplate("before", header: "上年数量"), FieldTemplate("change", .signedCount, header: "本年增减"),
                    FieldTemplate("decided", header: "决定数量"),
                ]),
                RowTemplate(path: "buying", labels: ["集中采购"], fields: [
                    FieldTemplate("projects", header: "项目数量"), FieldTemplate("amount", .amountAsWritten, header: "总金额"),
                    FieldTemplate("unit", .unitOfPrevious, header: ""),
                ]),
            ]),
    ]

    static func aligner() -> Aligner { Aligner(templates: templates) { _ in { _ in 0 } } }

    func line(_ text: String) -> [InputCell] {
        (RunTogether.pieces(text[...]) ?? []).enumerated().map {
            InputCell($0.element.text, column: $0.offset, source: CellRef(table: 0, cell: $0.offset), runTogether: true)
        }
    }

    @Test func aCountsUnitBeforeTheNextCellsDigitsIsPartOfTheRun() throws {
        let pieces = try #require(RunTogether.pieces("集中采购3个120500元"))
        #expect(pieces.map(\.text) == ["集中采购", "3个120500元"])
        // Prose keeps its counts: a unit followed by words, a date's words.
        #expect(RunTogether.pieces("共采购3个项目120500元") == nil)
        #expect(RunTogether.pieces("2020年1月2日") == nil)
    }

    @Test func theUnitEndsItsCell() {
        let result = Self.aligner().align([line("事项情况项目数量总金额集中采购3个120500元")])
        let row = result.tables["items"]?.row("buying")
        #expect(row?.fields.first?.value?.integer == 3)
        #expect(row?.fields.dropFirst().first?.value?.integer == 120_500)
        #expect(!result.findings.contains { $0.rule == .valueUndecidable })
    }

    @Test func aSignStartsOnlyTheSignedColumn() {
        // "20+1737": the change starts at "+"; how 1737 splits between it and the decisions is
        // open (+1 737, +17 37, +173 7), but the year before is 20 in every split.
        let result = Self.aligner().align([line("事项情况上年数量本年增减决定数量许可事项20+1737")])
        let cells = result.tables["items"]?.row("permits")?.fields.map { $0.value?.integer }
        #expect(cells == [20, nil, nil])
        #expect(result.findings.contains { $0.rule == .valueUndecidable && $0.path == "items.permits" })
        #expect(!ReadingGenerator.signFits("+1737", .count))
        #expect(ReadingGenerator.signFits("+17", .signedCount) && ReadingGenerator.signFits("37", .count))
    }
}
