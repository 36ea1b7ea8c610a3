import CorpusKit
import DocModel
import DoccanonKit
import Foundation
import TestSupport
import Testing

/// PDFs of the benchmark's PDF column as LibreOffice printed them, committed under
/// Tests/Fixtures/pdf/corpus (`doccanon-corpus generate --start N --count 1 --format pdf`,
/// seed 1), scored against the report they were printed from.
///
/// Tables ruled between rows only (the corpus's Word files with horizontal borders alone,
/// `PaperRenderer` style `rules`). Each has rows whose cells the other rows' columns do not
/// show, which the column gutters alone misread:
/// - 000424-2019 (no damage): 表一 of the 2019 template, blocks of rows under column heads of
///   other widths (三 values, then 二) and a value wider than its column ("624098.2585万元");
/// - 000302-2021: a row broken in two (its cells at other widths than the rows around it);
/// - 000492-2019: rows that lost their label cells, their values where the labels are;
/// - 000143-2019: 表四's value row alone on the next page, under a rule of its own;
/// - 000139-2021: 表三 ends a page; the next opens with its last row, unruled, the heading of
///   section 四 and a paragraph right above 表四: they stay text (the heading a section);
/// - 000464-2019: 表四 without its header rows, one row of values between two rules.
///
/// A portal page printed (style `portal`): 000004-2021, whose side column ("栏目" over "导航")
/// sits beside the title's first line.
///
/// Every border drawn (style `grid`): 000182-2021, a row with a cell fewer, which LibreOffice
/// draws at other widths, its label running over a rule into the next cell; 000051-2019, a
/// label row over its values' row whose text a rule of the row above crosses (most of it
/// past the rule, in its own row's cell).
@Suite struct CorpusPDFTests {
    static let folder = TestPaths.root.appendingPathComponent("Tests/Fixtures/pdf/corpus")

    static func score(_ index: Int, _ year: Int, style: PaperSource.Style = .rules) throws -> (DocumentScore, GeneratedReport) {
        let generated = Corpus.report(index: index, seed: 1)
        let name = String(format: "%06d-%d", index, year)
        #expect(generated.name == name)
        #expect(PaperRenderer.style(generated) == style)
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name + ".pdf")))
        let report = try Pipeline.report(bytes: bytes, name: name + ".pdf", format: .pdf)
        return (Scorer.score(report, generated), generated)
    }

    @Test(arguments: [(424, 2019), (302, 2021), (492, 2019), (143, 2019), (139, 2021), (464, 2019)])
    func everyCellRight(_ index: Int, _ year: Int) throws {
        let (score, _) = try Self.score(index, year)
        #expect(score.cells.total > 150)
        #expect(score.cells.confidentWrong == 0)
        #expect(score.cells.right == score.cells.total, "\(score.wrongCells)")
        #expect(score.metadataWrong.isEmpty, "\(score.metadataWrong)")
    }

    @Test func theFixturesCarryTheirDamage() throws {
        #expect(try Self.score(424, 2019).1.damage.isEmpty)
        #expect(try Self.score(302, 2021).1.damage.contains(.rowBrokenAcrossPages))
        #expect(try Self.score(492, 2019).1.damage.contains(.lostLeadingCells))
    }

    @Test func aPortalSideColumnIsNotPartOfTheTitle() throws {
        let (score, _) = try Self.score(4, 2021, style: .portal)
        #expect(score.metadataWrong.isEmpty, "\(score.metadataWrong)")
        #expect(score.cells.right == score.cells.total, "\(score.wrongCells)")
    }

    @Test(arguments: [(182, 2021, DamageOperator.droppedCells), (51, 2019, .valuesOnNextRow)])
    func aLabelRunningOverARuleStaysInTheCellHoldingMostOfIt(_ index: Int, _ year: Int, _ damage: DamageOperator) throws {
        let (score, generated) = try Self.score(index, year, style: .grid)
        #expect(generated.damage.contains(damage))
        #expect(score.cells.confidentWrong == 0)
        #expect(score.cells.right == score.cells.total, "\(score.wrongCells)")
    }
}
