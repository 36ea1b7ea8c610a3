import DocModel
import DoccanonKit
import Testing

/// A crawler's page text with the whole article on one line (`textContent`): after the last
/// sentence come the signature and the page's footer, apart by spaces alone
/// ("某某县统计局 2023年1月20日 来源：某某县统计局 附件下载").
@Suite struct PageFooterTests {
    static func page(tail: String, glue: String = " ") -> String {
        let article = RunTogetherTextTests.report(
            applications: RunTogetherTextTests.applicationLines(),
            reviews: RunTogetherTextTests.reviewHeader + [RunTogetherTextTests.reviewValues])
        // The made-up report ends with its signature on two lines; the page puts it on the article's line.
        let body = article.split(separator: "\n").dropLast(2).filter { !$0.isEmpty }.joined(separator: glue)
        return "标题: 某某县统计局2022年政府信息公开工作年度报告\n发布时间: 2023-01-30 09:12\n发布机构: 某某县统计局\n" + body + " " + tail + "\n"
    }

    @Test func theSignatureAfterTheLastSentenceIsReadAndTheFooterDropped() throws {
        let r = try RunTogetherTextTests.read(Self.page(tail: "某某县统计局 2023年1月20日 来源：某某县统计局 附件下载"))
        // The signature's date, not the page's.
        #expect(r.metadata.publishedOn == "2023-01-20")
        #expect(r.metadata.agency == "某某县统计局")
        let paragraphs = r.sections.flatMap(\.paragraphs)
        #expect(!paragraphs.contains { $0.contains("附件下载") || $0.contains("来源") })
        RunTogetherTextTests.expectTables(r, "the page on one line")
    }

    @Test func sectionHeadingsGluedToWhatFollowsAreCutFromIt() throws {
        // Nothing between the lines: "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持…",
        // "六、其他需要报告的事项无。".
        let r = try RunTogetherTextTests.read(Self.page(tail: "某某县统计局 2023年1月20日", glue: ""))
        #expect(r.sections.map(\.id) == [.overview, .activeDisclosure, .applications, .reviewsAndLitigation, .problemsAndImprovements, .otherMatters])
        #expect(r.sections.last?.paragraphs == ["无。"])
        #expect(!r.findings.contains { $0.rule == .sectionMissing })
        RunTogetherTextTests.expectTables(r, "the page glued on one line")
    }

    @Test func digitsApartBySpacesInTheTailAreNotCut() throws {
        // A tail that is a table row's cells apart by spaces stays one line, and the page's date stays.
        let r = try RunTogetherTextTests.read(Self.page(tail: "合计 3 0 3"))
        #expect(r.metadata.publishedOn == "2023-01-30")
    }
}
