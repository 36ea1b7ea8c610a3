import Foundation
import DocModel
import Testing
@testable import FormatText
import TextLayout

/// The three table shapes of extracted text, on small inputs that are not the seeds.
@Suite struct TextAdapterTests {
    let source = SourceInfo(format: .text, name: "t.txt", sha256: "", bytes: 0)

    func read(_ text: String) throws -> Document { try TextAdapter.read(Array(text.utf8), source: source, limits: ReadLimits()) }

    func rows(_ block: Block?) -> [[String]] {
        guard case .table(let t)? = block else { return [] }
        return t.rows.map { $0.filter { !$0.isPadding }.map(\.text) }
    }

    @Test func oneCellPerLineWithContinuations() throws {
        let doc = try read("标题\n\t行政\n复议\n\t总 计\n\n\t3\n\t\u{3000}\n\n后文。\n")
        #expect(doc.blocks.first == .paragraph("标题"))
        #expect(rows(doc.blocks[1]) == [["行政复议", "总计"], ["3", ""]])
        #expect(doc.blocks.last == .paragraph("后文。"))
    }

    /// Windows line ends ("\r\n" is one Character in Swift) and old Mac ones read the same.
    @Test func lineEndingsDoNotMatter() throws {
        let unix = "标题\n\t行政\n复议\n\t总 计\n\n\t3\n\t\u{3000}\n\n后文。\n"
        let expected = try read(unix).blocks
        #expect(try read(unix.replacingOccurrences(of: "\n", with: "\r\n")).blocks == expected)
        #expect(try read(unix.replacingOccurrences(of: "\n", with: "\r")).blocks == expected)
    }

    /// Page numbers of a paged original are dropped wherever they fall, never read as a
    /// continuation of the cell above, and said once.
    @Test func pageNumberLinesAreDropped() throws {
        let doc = try read("报告\n\n\t行政\n复议\n— 8 —\n\t3\n\n- 9 -\n\n\t总计\n\n\t5\n第 3 页 共 12 页\n正文。\n12/30\n")
        #expect(doc.blocks.count == 3)
        #expect(rows(doc.blocks[1]) == [["行政复议", "3"], ["总计"], ["5"]])
        #expect(doc.blocks.last == .paragraph("正文。"))
        #expect(doc.findings.map(\.rule) == [.sourceRestructured])
        #expect(doc.findings.first?.detail == .quantity(4, of: "pageNumberLines"))
        for line in ["— 3 —", "－3－", "-12-", "第3页", "第 3 页 共 12 页", "3/12", "～ 5 ～"] {
            #expect(PageNumber.matches(Substring(line)), "\(line)")
        }
        for line in ["3", "一、总体情况", "— 说明 —", "2021/2022年", "第二十条第（九）项", "12345/1"] {
            #expect(!PageNumber.matches(Substring(line)), "\(line)")
        }
    }

    @Test func spaceBeforeTabStartsANewTable() throws {
        let doc = try read("\t甲\n\t1\n \t乙\n\t2\n")
        #expect(doc.blocks.count == 2)
        #expect(rows(doc.blocks[1]) == [["乙", "2"]])
    }

    @Test func tabSeparatedRowsKeepEmptyCells() throws {
        let doc = try read("规章\t0\t\t5\n\t\t自然人\n")
        guard case .table(let t)? = doc.blocks.first else { Issue.record("no table"); return }
        #expect(t.columnCount == 4)
        #expect(t.rows[0].map(\.text) == ["规章", "0", "", "5"])
        #expect(t.rows[0][2].isPadding == false)
        #expect(t.rows[1].last?.isPadding == true)
    }

    @Test func pipeRowsWithMarkdownSeparator() throws {
        let doc = try read("| 信息内容 | 本年制发件数 |\n|---|:--:|\n| 规章 | ０ |\n")
        #expect(rows(doc.blocks.first) == [["信息内容", "本年制发件数"], ["规章", "0"]])
    }

    @Test func shortNumberedLinesAreHeadings() throws {
        let doc = try read("一、总体情况\n（二）依申请公开\n1、 总体情况\n2、部门信息公开支出及收费情况。由于我乡未发生…\n")
        #expect(doc.blocks[0] == .heading(level: 1, text: "一、总体情况"))
        #expect(doc.blocks[1] == .heading(level: 2, text: "（二）依申请公开"))
        #expect(doc.blocks[2] == .heading(level: 1, text: "1、总体情况"))
        if case .paragraph = doc.blocks[3] {} else { Issue.record("a sentence is not a heading") }
    }

    @Test func markersAndFullWidthDigitsCleaned() throws {
        let doc = try read("[bookmark: _GoBack]共发布信息２１９９条。\n")
        #expect(doc.blocks == [.paragraph("共发布信息2199条。")])
    }

    @Test func binaryAndInvalidUTF8AreRefused() {
        #expect(throws: AdapterFailure.self) { try read("abc\u{0}def") }
        #expect(throws: AdapterFailure.self) { try TextAdapter.read([0xC4, 0xE3, 0xBA, 0xC3], source: source, limits: ReadLimits()) }
    }

    @Test func utf16WithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "规章".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try TextAdapter.read(bytes, source: source, limits: ReadLimits()).blocks == [.paragraph("规章")])
    }
}
