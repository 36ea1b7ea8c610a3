import DocModel
import Testing
@testable import FormatText

/// A running header the pages repeat, in pdftotext output (each page after the first opens
/// with a form feed): dropped, so that what it interrupts goes on; the first page's line stays.
@Suite struct RunningHeadersTests {
    let source = SourceInfo(format: .text, name: "t.txt", sha256: "", bytes: 0)

    func read(_ text: String) throws -> Document { try TextAdapter.read(Array(text.utf8), source: source, limits: ReadLimits()) }

    func texts(_ doc: Document) -> [String] {
        doc.blocks.compactMap { block in
            switch block {
            case .paragraph(let t), .heading(_, let t): return t
            default: return nil
            }
        }
    }

    @Test func aHeaderEveryPageRepeatsIsDroppedAndTheTitleKept() throws {
        let text = """
                 某县2021年政府信息公开工作年度报告
            一、总体情况
            本年度主动公开政府信息1200条。
            \u{0C}         某县2021年政府信息公开工作年度报告
            二、主动公开政府信息情况
            本年制发规范性文件3件。
            \u{0C}         某县2021年政府信息公开工作年度报告

            三、收到和处理政府信息公开申请情况
            """
        let doc = try read(text)
        let kept = texts(doc)
        #expect(kept.filter { $0.contains("年度报告") }.count == 1)
        #expect(kept.contains("二、主动公开政府信息情况"))
        #expect(doc.findings.contains { $0.rule == .sourceRestructured && $0.message.contains("页眉 2 行") })
    }

    @Test func aLabelGoesOnAcrossTheHeader() throws {
        // "2." and its values end a page; the label's words open the next, under the header.
        let page = "\u{0C}      政府信息公开工作年度报告\n"
        let text = "规章  0  0  0\n" + page + "行政规范性文件  1  0  5\n" + "        2.\n                 0   0   0\n" + page
            + "\n      重复申\n      请\n        3.\n                 0   0   0\n"
        let doc = try read(text)
        #expect(!texts(doc).contains { $0.contains("年度报告") })
        let cells = doc.blocks.flatMap { block -> [String] in
            if case .table(let t) = block { return t.cells.map(\.text) }
            return []
        }
        #expect(!cells.contains { $0.contains("年度报告") })
    }

    @Test func aLineOnOnePageOnlyOrSetInColumnsStays() throws {
        // Opening one page only, it is content; a repeated row of columns is a table's header.
        let text = "标题\n\u{0C}第二页的第一句话\n正文。\n\u{0C}申请人情况   自然人   法人或其他组织\n正文。\n\u{0C}申请人情况   自然人   法人或其他组织\n"
        #expect(RunningHeaders.lines(text.split(separator: "\n", omittingEmptySubsequences: false)).isEmpty)
        #expect(texts(try read(text)).contains("第二页的第一句话"))
    }
}
