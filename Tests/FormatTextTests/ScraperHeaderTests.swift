import DocModel
import Testing
@testable import FormatText

/// A scraper's header, the site's menus and footer around a text dump become document
/// properties or are dropped; the report's own lines stay.
@Suite struct ScraperHeaderTests {
    let source = SourceInfo(format: .text, name: "dump.txt", sha256: "", bytes: 0)

    func read(_ text: String) throws -> Document { try TextAdapter.read(Array(text.utf8), source: source, limits: ReadLimits()) }

    @Test func labelledHeaderLinesBecomeProperties() throws {
        let doc = try read("""
        标题: 2021年某县人民政府政府信息公开工作年度报告
        发布时间: 2022-01-18 10:35:07
        发布机构: 某县人民政府办公室
        链接: http://www.example.gov.cn/art/2022/1/18/art_1.html
        正文
        一、总体情况
        2021年，我县扎实推进政务公开。
        """)
        #expect(doc.properties["title"] == "2021年某县人民政府政府信息公开工作年度报告")
        #expect(doc.properties["publishedOn"] == "2022-01-18")
        #expect(doc.properties["publisher"] == "某县人民政府办公室")
        #expect(doc.properties["url"] == "http://www.example.gov.cn/art/2022/1/18/art_1.html")
        #expect(doc.blocks.compactMap(\.text) == ["一、总体情况", "2021年，我县扎实推进政务公开。"])
        #expect(doc.findings.contains { $0.rule == .sourceRestructured && $0.message.contains("发布日期") })
    }

    /// A crawler's header with a label this reader does not know, a note about its own files
    /// and a ruled 正文 marker (the 平潭 archive's layout): properties and dropped lines.
    @Test func crawlerHeaderWithUnknownLabelsAndRuledMarker() throws {
        let doc = try read("""
        标题: 某区2021年度政府信息公开工作年度报告
        发布时间: 2022-02-08 16:34
        文号:\u{20}
        发布机构:\u{20}
        栏目: 政府信息公开年报
        原文链接: https://www.example.gov.cn/zwgk/202202/t20220208_1.htm
        本地目录: zwgk/zfxxgknb/202202/1_某区2021年度政府信息公开工作年度报告
        页面链接与图片详见 links.tsv(同目录)
        ==================== 正文 ====================
        某区2021年度政府信息公开工作年度报告
        一、总体情况
        2021年，我区扎实推进政务公开。
        ------
        """)
        #expect(doc.properties["title"] == "某区2021年度政府信息公开工作年度报告")
        #expect(doc.properties["publishedOn"] == "2022-02-08")
        #expect(doc.blocks.compactMap(\.text) == ["某区2021年度政府信息公开工作年度报告", "一、总体情况", "2021年，我区扎实推进政务公开。"])
        #expect(doc.findings.contains { $0.rule == .sourceRestructured })
    }

    /// A line with a colon that follows no header label, and a file name in prose, stay.
    @Test func unknownLabelsOnlyInsideTheHeader() throws {
        let doc = try read("某县2021年政府信息公开工作年度报告\n联系单位：某县人民政府办公室\n一、总体情况\n正文。\n")
        #expect(doc.blocks.compactMap(\.text).contains("联系单位：某县人民政府办公室"))
        #expect(doc.properties.isEmpty)
    }

    @Test func severalLabelsOnOneLineAndTheTitleBetweenThem() throws {
        let doc = try read("""
        首页 > 政务公开 > 政府信息公开年报
        某区2022年政府信息公开工作年度报告
        来源：某区人民政府办公室　发布日期：2023年1月30日　浏览次数：128
        【字体：大 中 小】【打印】【关闭】
        一、总体情况
        正文第一段。
        """)
        #expect(doc.properties["publisher"] == "某区人民政府办公室")
        #expect(doc.properties["publishedOn"] == "2023-01-30")
        #expect(doc.blocks.compactMap(\.text) == ["某区2022年政府信息公开工作年度报告", "一、总体情况", "正文第一段。"])
    }

    @Test func footerChromeIsDropped() throws {
        let doc = try read("""
        一、总体情况
        正文。
        六、其他需要报告的事项
        无。
        【打印本页】【关闭窗口】
        主办单位：某县人民政府办公室  网站标识码：1234000001
        版权所有：某县人民政府  ICP备12345678号
        """)
        #expect(doc.blocks.compactMap(\.text) == ["一、总体情况", "正文。", "六、其他需要报告的事项", "无。"])
    }

    /// A report's own lines that merely contain a colon are content, not a header.
    @Test func reportTextIsLeftAlone() throws {
        let text = "某县2021年政府信息公开工作年度报告\n根据《条例》要求，现将本年度报告公布如下：\n一、总体情况\n时间紧、任务重。\n"
        let doc = try read(text)
        #expect(doc.properties.isEmpty)
        #expect(doc.blocks.count == 4)
        #expect(!doc.findings.contains { $0.rule == .sourceRestructured })
    }

    /// A portal's name is not a publisher; a line naming the site is chrome.
    @Test func portalNamesAreNotPublishers() throws {
        let doc = try read("某市人民政府门户网站\n信息来源：某市人民政府网\n某市2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n")
        #expect(doc.properties["publisher"] == nil)
        #expect(doc.blocks.first?.text == "某市2021年政府信息公开工作年度报告")
    }

    /// A portal's information table copied as a web-to-Markdown tool writes it, a row a line,
    /// labels with spaces inside them and empty values left out: properties, no table.
    @Test func informationTableAsPipeRows() throws {
        let doc = try read("""
        索 引 号 | 014416330/2024-04736 | 分 类 | 政府信息公开年报 综合政务,文秘工作 其他 |
        发布机构 | 市政府办 | 发文日期 | 2024-02-28 |
        文 号 | 有 效 性 |
        某市人民政府2023年政府信息公开工作年度报告
        一、总体情况
        2023年，我市扎实推进政务公开。
        规章 | 0 | 0 | 0 |
        """)
        #expect(doc.properties == ["indexNumber": "014416330/2024-04736", "publishedOn": "2024-02-28", "publisher": "市政府办"])
        #expect(doc.blocks.compactMap(\.text) == ["某市人民政府2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我市扎实推进政务公开。"])
        #expect(doc.blocks.count == 4)  // the report's own pipe row stays a table
    }
}
