import DocModel
import Testing
@testable import FormatText

/// Markdown as OCR and LLM tools write it: ATX headings, and pipe tables under sub-headings.
@Suite struct MarkdownTests {
    let source = SourceInfo(format: .text, name: "t.md", sha256: "", bytes: 0)

    func read(_ text: String) throws -> Document { try TextAdapter.read(Array(text.utf8), source: source, limits: ReadLimits()) }

    func rows(_ block: Block?) -> [[String]] {
        guard case .table(let t)? = block else { return [] }
        return t.rows.map { $0.filter { !$0.isPadding }.map(\.text) }
    }

    @Test func atxHeadingsAreHeadingsWithoutTheirMarker() throws {
        let doc = try read("# 某局年度报告\n\n## 一、概况 ##\n\n###（一）办理情况。\n\n##二、其他事项\n\n正文第一段。\n")
        #expect(doc.blocks == [
            .heading(level: 1, text: "某局年度报告"),
            .heading(level: 2, text: "一、概况"),
            .heading(level: 3, text: "（一）办理情况。"),
            .heading(level: 2, text: "二、其他事项"),
            .paragraph("正文第一段。"),
        ])
    }

    @Test func hashesThatAreNoHeadingStayText() {
        for line in ["#1 号文件", "####### 七级", "#", "##  ", "#hashtag"] {
            #expect(MarkdownTables.heading(Substring(line)) == nil, "\(line)")
        }
        #expect(MarkdownTables.heading("  ### 行政复议")?.text == "行政复议")
        #expect(MarkdownTables.heading("## C# 语言 #")?.text == "C# 语言")
    }

    /// The sub-heading stays a heading, once; the table starts at its header row and keeps the
    /// heading as its caption (the aligner reads it as a column group's name).
    @Test func subHeadingAboveAPipeTableIsItsCaption() throws {
        let doc = try read("## 四、复核情况\n\n### 再次复核\n\n| 维持 | 总计 |\n|---|---|\n| 3 | 4 |\n\n说明。\n")
        #expect(doc.blocks.count == 4)
        #expect(doc.blocks[1] == .heading(level: 3, text: "再次复核"))
        #expect(rows(doc.blocks[2]) == [["维持", "总计"], ["3", "4"]])
        guard case .table(let t) = doc.blocks[2], let first = t.cells.first?.origin else { Issue.record("no table"); return }
        #expect(t.caption == "再次复核")
        #expect(first.location == .text(line: 5, from: 1, to: 5))
    }

    @Test func tableAfterAParagraphHasNoCaption() throws {
        let doc = try read("### 再次复核\n\n说明。\n\n| 维持 | 总计 |\n| 3 | 4 |\n")
        #expect(rows(doc.blocks[2]) == [["维持", "总计"], ["3", "4"]])
        guard case .table(let t) = doc.blocks[2] else { Issue.record("no table"); return }
        #expect(t.caption == nil)
    }
}
