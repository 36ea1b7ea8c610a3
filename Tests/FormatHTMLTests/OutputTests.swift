import DocModel
import DoccanonKit
import Foundation
import Serialization
import Testing
import TestSupport

/// Stored outputs, reviewed by eye: `document --format markdown|html` of fixture pages
/// (Tests/Fixtures/html/expected; the samples' JSON is checked by the conformance suite).
/// RECORD_GOLDEN=1 re-records them.
@Suite struct OutputTests {
    @Test(arguments: ["000-trs-utf8", "002-word-gbk"], [OutputFormat.markdown, .html])
    func cleanedPage(name: String, format: OutputFormat) throws {
        let document = try Pipeline.document(bytes: try Page.fixture("\(name).html"), name: "\(name).html")
        let path = "Tests/Fixtures/html/expected/\(name).\(format == .markdown ? "md" : "html")"
        if let diff = Golden.compare(Rendering.render(document, as: format), to: path) { Issue.record("\(diff)") }
    }

    @Test func markdownEscapesAndSpans() {
        let d = Document(source: SourceInfo(format: .html, name: "x.html", sha256: "", bytes: 0), blocks: [
            .heading(level: 2, text: "（一）*重点*"),
            .paragraph("1. 不是列表 | <b>"),
            .table(Table(rowCount: 2, columnCount: 2, cells: [
                Cell(row: 0, column: 0, text: "a|b"), Cell(row: 0, column: 1, text: "1\n2"),
                Cell(row: 1, column: 0, text: "规章"), Cell(row: 1, column: 1, text: "0"),
            ])),
            .table(Table(rowCount: 2, columnCount: 2, cells: [
                Cell(row: 0, column: 0, columnSpan: 2, text: "合 & 计"), Cell(row: 1, column: 0, text: "x"), Cell(row: 1, column: 1, text: "y"),
            ])),
        ])
        #expect(MarkdownWriter.write(d) == """
            ## （一）\\*重点\\*

            1\\. 不是列表 | \\<b\\>

            | a\\|b | 1<br>2 |
            | --- | --- |
            | 规章 | 0 |

            <table>
            <tr><td colspan="2">合 &amp; 计</td></tr>
            <tr><td>x</td><td>y</td></tr>
            </table>

            """)
        let html = HTMLWriter.write(d)
        #expect(html.contains("<title>（一）*重点*</title>"))
        #expect(html.contains("<p>1. 不是列表 | &lt;b&gt;</p>"))
        #expect(html.contains("<tr><td>a|b</td><td>1<br>2</td></tr>"))
    }
}
