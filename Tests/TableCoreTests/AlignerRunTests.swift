import DocModel
import Testing
@testable import TableCore

/// Rows placed by their order in a run cut from its labels, and rows printed one column group
/// at a time under captions, on a made-up template (not the official tables).
@Suite struct AlignerRunTests {
    static let fields = [FieldTemplate("a", header: "甲类"), FieldTemplate("b", header: "乙类"), FieldTemplate("total", header: "合计")]
    static let outcome = [FieldTemplate("kept", header: "维持"), FieldTemplate("total", header: "总计")]
    static let templates = [
        TableTemplate(
            key: "cases", title: "案件表", anchors: ["案件情况统计"], groups: [GroupTemplate(id: "done", labels: ["（二）办结情况"])],
            rows: [
                RowTemplate(path: "received", labels: ["一、本年受理案件数量"], fields: fields),
                RowTemplate(path: "done.upheld", labels: ["1.维持原决定并告知申请人复核途径"], group: "done", fields: fields),
                RowTemplate(path: "done.changed", labels: ["2.变更原决定并告知申请人复核途径"], group: "done", fields: fields),
                RowTemplate(path: "done.withdrawn", labels: ["3.申请人撤回"], group: "done", fields: fields),
                RowTemplate(path: "pending", labels: ["三、尚未办结数量"], fields: fields),
            ]),
        TableTemplate(
            key: "appeals", title: "复核表", anchors: ["初次复核", "再次复核"], groups: [],
            rows: [RowTemplate(labels: [], groups: [
                ColumnGroup(path: "first", labels: ["初次复核"], fields: outcome),
                ColumnGroup(path: "second", labels: ["再次复核"], fields: outcome),
            ])]),
    ]

    static func aligner() -> Aligner {
        Aligner(templates: templates) { key in { values in
            guard key == "cases" else { return 0 }
            return values.rows.filter { row in
                guard let a = row["a"]?.integer, let b = row["b"]?.integer, let t = row["total"]?.integer else { return false }
                return a + b != t
            }.count
        } }
    }

    func row(_ texts: String...) -> [InputCell] { texts.enumerated().map { InputCell($0.element, column: $0.offset) } }

    func values(_ a: Alignment, _ table: String, _ path: String) -> [Int?] {
        a.tables[table]?.row(path)?.fields.map { $0.value?.integer } ?? []
    }

    // MARK: - Runs with label fragments

    @Test func runWithLabelFragmentsTakesTheGapRowsInOrder() {
        // Three rows between 一 and 三: one without a label, two with pieces of labels that end
        // alike ("并告知申请人复核途径" is in both 1. and 2.); one with two pieces in two cells.
        let result = Self.aligner().align([
            row("一、本年受理案件数量", "5", "2", "7"),
            row("1", "0", "1"),
            row("并告知申请人复核", "2", "1", "3"),
            row("撤回", "申请人", "0", "1", "1"),
            row("三、尚未办结数量", "2", "1", "3"),
        ])
        #expect(values(result, "cases", "done.upheld") == [1, 0, 1])
        #expect(values(result, "cases", "done.changed") == [2, 1, 3])
        #expect(values(result, "cases", "done.withdrawn") == [0, 1, 1])
        let inferred = result.findings.filter { $0.rule == .tableRowInferred }.map(\.path)
        #expect(inferred == ["cases.done.upheld", "cases.done.changed", "cases.done.withdrawn"])
        #expect(result.tables["cases"]?.extraRows.isEmpty == true)
    }

    @Test func fragmentThatIsNotPartOfItsGapRowKeepsTheRunOut() {
        // The second row's piece is part of 3. only, but the order would make it 2.: nothing placed.
        let result = Self.aligner().align([
            row("一、本年受理案件数量", "5", "2", "7"),
            row("1", "0", "1"),
            row("撤回", "2", "1", "3"),
            row("申请人", "0", "1", "1"),
            row("三、尚未办结数量", "2", "1", "3"),
        ])
        #expect(values(result, "cases", "done.changed") == [nil, nil, nil])
        #expect(result.findings.filter { $0.rule == .tableRowMissing }.count == 3)
        #expect(result.tables["cases"]?.extraRows.count == 3)
    }

    @Test func runTheArithmeticDoesNotAllowIsNotPlaced() {
        // The same run as above, but the row without a label does not add up (2 + 1 ≠ 4):
        // placed, it would break a check that holds without it.
        let result = Self.aligner().align([
            row("一、本年受理案件数量", "5", "2", "7"),
            row("2", "1", "4"),
            row("并告知申请人复核", "2", "1", "3"),
            row("撤回", "申请人", "0", "1", "1"),
            row("三、尚未办结数量", "2", "1", "3"),
        ])
        #expect(values(result, "cases", "done.upheld") == [nil, nil, nil])
        #expect(!result.findings.contains { $0.rule == .tableRowInferred })
        #expect(result.tables["cases"]?.extraRows.count == 3)
    }

    @Test func runShorterThanTheGapIsNotPlacedByOrder() {
        // Two rows for three missing rows: which one is missing cannot be told.
        let result = Self.aligner().align([
            row("一、本年受理案件数量", "5", "2", "7"),
            row("并告知申请人复核", "2", "1", "3"),
            row("申请人", "0", "1", "1"),
            row("三、尚未办结数量", "2", "1", "3"),
        ])
        #expect(values(result, "cases", "done.changed") == [nil, nil, nil])
        #expect(!result.findings.contains { $0.rule == .tableRowInferred })
    }

    // MARK: - Column groups under captions

    @Test func captionSelectsItsColumnGroup() {
        // One small table per group, each with the group's two headers; printed second first.
        let result = Self.aligner().align([
            row("再次复核"), row("维持", "总计"), row("3", "4"),
            row("复核情况（初次复核）"), row("维持", "总计"), row("1", "2"),
        ])
        #expect(values(result, "appeals", "first") == [1, 2])
        #expect(values(result, "appeals", "second") == [3, 4])
        #expect(result.tables["appeals"]?.extraRows.isEmpty == true)
        #expect(!result.findings.contains { $0.rule == .tableAmbiguous })
    }

    @Test func groupNotPrintedIsNull() {
        let result = Self.aligner().align([row("再次复核"), row("维持", "总计"), row("3", "4")])
        #expect(values(result, "appeals", "first") == [nil, nil])
        #expect(values(result, "appeals", "second") == [3, 4])
    }

    @Test func headingThatGoesOnAfterTheGroupNameSelectsNothing() {
        // "初次复核、再次复核情况" names both groups: its row of two is not placed in either.
        let result = Self.aligner().align([row("初次复核、再次复核情况"), row("维持", "总计"), row("3", "4")])
        #expect(values(result, "appeals", "first") != [3, 4])
        #expect(values(result, "appeals", "second") != [3, 4])
    }

    @Test func rowWithTheWholeRowsCellsIsNotAGroup() {
        // A caption above a row of all four cells: the row is read whole, as before.
        let result = Self.aligner().align([row("初次复核"), row("1", "2", "3", "4")])
        #expect(values(result, "appeals", "first") == [1, 2])
        #expect(values(result, "appeals", "second") == [3, 4])
    }
}
