import DocModel
import Testing
@testable import FormatText

/// Pipe tables written a cell a line, as web-to-Markdown tools write a portal's table whose
/// cells hold paragraphs: how lone "|" lines are told apart (row opening or blank cell).
@Suite struct PipeCellTableTests {
    let source = SourceInfo(format: .text, name: "t.md", sha256: "", bytes: 0)

    func tables(_ lines: [String]) throws -> [[[String]]] {
        let doc = try TextAdapter.read(Array(lines.joined(separator: "\n").utf8), source: source, limits: ReadLimits())
        return doc.blocks.compactMap { block in
            guard case .table(let t) = block else { return nil }
            return t.rows.map { $0.filter { !$0.isPadding }.map(\.text) }
        }
    }

    @Test func rowsOpenAtLonePipesAndMergedColumnsSpan() throws {
        let t = try tables([
            "二、主动公开政府信息情况", "|", "第二十条第（一）项 | |||", "|", "信息内容 |", "本年制发件数 |", "本年废止件数 |", "现行有效件数 |",
            "|", "规章 |", "0 |", "0 |", "|", "|", "行政规范性文件 |", "5 |", "12 |", "8 |", "|", "第二十条第（五）项 | |||",
            "|", "信息内容 |", "本年处理决定数量 | ||", "|", "行政许可 |", "3 | ||", "三、收到和处理政府信息公开申请情况",
        ])
        #expect(t == [[
            ["第二十条第（一）项", "", "", ""], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", ""],
            ["行政规范性文件", "5", "12", "8"], ["第二十条第（五）项", "", "", ""], ["信息内容", "本年处理决定数量", "", ""], ["行政许可", "3", "", ""],
        ]])
    }

    /// "0 |", "|", "3 |": a blank inside a row of values; after a row whose values are all there,
    /// a lone "|" before a value opens a row whose label went.
    @Test func blankCellsInsideARowAndRowsWithoutTheirLabel() throws {
        let t = try tables([
            "|", "信息内容 |", "本年制发件数 |", "本年废止件数 |", "现行有效件数 |",
            "|", "规章 |", "0 |", "|", "4 |", "|", "行政规范性文件 |", "5 |", "12 |", "|", "|", "3 |", "4 |", "5 |", "说明。",
        ])
        #expect(t == [[
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "", "4"], ["行政规范性文件", "5", "12", ""], ["3", "4", "5"],
        ]])
    }

    /// Each cell keeps its own line and range; pipe rows with text between pipes, a single
    /// "|" in prose, and a lone "|" with nothing like a table after it are not this shape.
    @Test func originsAndLinesOfOtherShapes() throws {
        let doc = try TextAdapter.read(Array("|\n规章 |\n  12 |\n|\n行政规范性文件 |\n3 |\n".utf8), source: source, limits: ReadLimits())
        guard case .table(let table)? = doc.blocks.first else { Issue.record("no table"); return }
        let twelve = try #require(table.cells.first { $0.text == "12" })
        #expect(twelve.origin?.location == .text(line: 3, from: 2, to: 4))
        #expect(try tables(["|", "规章 | 0 | 0 | 0 |", "行政规范性文件 | 5 | 1 | 25 |"]) == [[["规章", "0", "0", "0"], ["行政规范性文件", "5", "1", "25"]]])
        #expect(try tables(["甲 | 乙", "|", "说明。"]).isEmpty)
    }

    /// Pipes leading the cells: the first cell alone, "| text" for the others, "|" alone for a
    /// blank cell and, last, for the row's end; a line without a pipe continues a cell; blank
    /// cells between a label and the first value are the label's columns.
    @Test func pipesLeadingTheCells() throws {
        let t = try tables([
            "二、主动公开政府信息情况", "第二十条第（一）项", "|", "|", "|", "|", "信息内容", "| 本年制发件数", "| 本年废止", "件数", "| 现行有效件数", "|",
            "规章", "| 0", "|", "| 0", "|", "行政规范性文件", "| 5", "| 12", "| 8", "|",
            "一、本年新收政府信息公开申请数量", "|", "|", "| 8", "| 1", "|", "三、收到和处理政府信息公开申请情况",
        ])
        #expect(t == [[
            ["第二十条第（一）项", "", "", ""], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "", "0"],
            ["行政规范性文件", "5", "12", "8"], ["一、本年新收政府信息公开申请数量", "8", "1"],
        ]])
        let doc = try TextAdapter.read(Array("规章\n| 0\n|   12\n|\n".utf8), source: source, limits: ReadLimits())
        guard case .table(let table)? = doc.blocks.first else { Issue.record("no table"); return }
        #expect(table.cells.first { $0.text == "12" }?.origin?.location == .text(line: 3, from: 4, to: 6))
        // A paragraph before a Markdown pipe row is no such table.
        #expect(try tables(["说明。", "| 规章 | 0 |", "| 规范性文件 | 1 |"]).count == 1)
    }
}
