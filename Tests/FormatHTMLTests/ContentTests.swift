import DocModel
import DoccanonKit
import Foundation
import Serialization
import Testing
import TestSupport

/// Real-looking portal pages (Tests/Fixtures/html, written by make-fixtures.py from the text
/// seeds): the main content's document equals the text adapter's document of the same report,
/// block for block; the portal's furniture is gone; the page's information becomes properties.
@Suite struct ContentTests {
    static let pages: [(page: String, seed: String)] = [
        ("000-trs-utf8.html", "000_349c54217d600586"), ("001-ucap-gbk.html", "001_7097c5c10f7e9ea9"),
        ("002-word-gbk.html", "002_32e8e180e59a5afa"), ("003-layout-undeclared.html", "003_2c1bade6c9c5d287"),
        ("004-mislabeled-gbk.html", "004_604213c82ade96a7"), ("005-undeclared-gbk.html", "001_7097c5c10f7e9ea9"),
    ]

    static func seedDocument(_ seed: String) throws -> Document {
        try Pipeline.document(bytes: try TestPaths.read("Samples/text/\(seed).txt"), name: "\(seed).txt")
    }

    static func json(_ blocks: ArraySlice<Block>) -> String {
        let d = Document(source: SourceInfo(format: .html, name: "x", sha256: "", bytes: 0), blocks: Array(blocks))
        return JSONWriter.write(d.canonical, pretty: true)
    }

    @Test(arguments: pages) func contentEqualsTheTextAdaptersDocument(page: String, seed: String) throws {
        let html = try Page.document(bytes: try Page.fixture(page), name: page)
        let text = try Self.seedDocument(seed)
        // The seeds open with the title (one or two lines); the pages show it as a heading.
        let titleLines = text.blocks.prefix(2).filter { ($0.text ?? "").contains("政府信息公开工作") || $0.text == "年度报告" }.count
        let title = text.blocks.prefix(titleLines).compactMap(\.text).joined()
        #expect(html.blocks.first?.text == title)
        let actual = Self.json(html.blocks.dropFirst())
        let expected = Self.json(text.blocks.dropFirst(titleLines))
        #expect(actual == expected, "\(page): \(Golden.firstDifference(actual, expected))")
    }

    @Test(arguments: pages) func portalFurnitureIsGone(page: String, seed: String) throws {
        let d = try Page.document(bytes: try Page.fixture(page), name: page)
        let all = Page.texts(d).joined(separator: "\n") + Page.tables(d).flatMap { $0.cells.map(\.text) }.joined()
        for furniture in [
            "网站标识码", "ICP备", "公网安备", "分享到", "上一篇", "下一篇", "当前位置", "您现在的位置", "网站首页", "打印本页", "【打印】", "关闭窗口",
            "主办单位", "主办：", "相关文章", "相关链接", "统计代码", "隐藏的统计文字", "索引号", "发布时间", "发布日期", "请输入关键字", "公众互动",
            "网站地图", "版权所有", "浏览次数", "【字体",
        ] {
            #expect(!all.contains(furniture), "\(page): \(furniture)")
        }
    }

    @Test func informationTableBecomesProperties() throws {
        let d = try Page.document(bytes: try Page.fixture("000-trs-utf8.html"))
        #expect(d.properties == [
            "indexNumber": "11410922MB1C42051P/2022-00031", "publisher": "玉溪市江川区人民政府", "publishedOn": "2022-01-28",
            "title": "雄关乡2021年政府信息公开工作年度报告",
        ])
        let ucap = try Page.document(bytes: try Page.fixture("001-ucap-gbk.html"))
        #expect(ucap.properties["publishedOn"] == "2022-01-19")  // 公开日期 wins over 发文日期 2022/01/19
        #expect(ucap.properties["indexNumber"] == "001008003010001/2022-00012")
    }

    @Test func aDateLineAloneGivesPublishedOn() throws {
        let d = try Page.document(bytes: try Page.fixture("004-mislabeled-gbk.html"))
        #expect(d.properties["publishedOn"] == "2022-01-30")
        #expect(d.properties["publisher"] == nil)  // one label is not an information table
    }

    @Test func portalNamesNeverBecomeThePublisher() throws {
        let html = """
            <html><head><meta name="ContentSource" content="某某市人民政府门户网站"></head><body>
            <table><tr><td>索引号：</td><td>123</td></tr><tr><td>发布机构：</td><td>某某市人民政府网</td></tr>
            <tr><td>公开日期：</td><td>2022-02-01</td></tr></table>
            <div id="zoom"><p>某某市2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度公开信息86条，公开工作有序推进。</p></div></body></html>
            """
        let d = try Page.document(html)
        #expect(d.properties["publisher"] == nil)
        #expect(d.properties["publishedOn"] == "2022-02-01")
        #expect(d.properties["indexNumber"] == "123")
    }

    @Test func reportFromAPageUsesThePagesDateWhenTheReportHasNoSignatureDate() throws {
        let r = try Pipeline.report(bytes: try Page.fixture("000-trs-utf8.html"), name: "000-trs-utf8.html")
        #expect(r.metadata.publishedOn == "2022-01-28")
        #expect(r.metadata.agency == "玉溪市江川区雄关乡人民政府")  // from the title, not the portal
    }

    /// The report of a page equals the report of the same report as text: same sections and
    /// the same numbers in every table.
    @Test(arguments: pages) func reportEqualsTheTextReport(page: String, seed: String) throws {
        let html = try Pipeline.report(bytes: try Page.fixture(page), name: page)
        let text = try Pipeline.report(bytes: try TestPaths.read("Samples/text/\(seed).txt"), name: "\(seed).txt")
        #expect(html.sections == text.sections)
        #expect(html.activeDisclosure == text.activeDisclosure)
        #expect(html.applications == text.applications)
        #expect(html.reviewsAndLitigation == text.reviewsAndLitigation)
        #expect(html.metadata.title == text.metadata.title)
        #expect(html.metadata.agency == text.metadata.agency)
        #expect(html.metadata.year == text.metadata.year)
    }

    @Test func textDensityFindsContentWithoutAKnownContainer() throws {
        let html = """
            <html><body><div class="top"><a href="/">首页</a> | <a href="/a">机构概况</a> | <a href="/b">政务公开</a></div>
            <div class="wrap"><div class="left"><ul><li><a>通知公告</a></li><li><a>政策解读</a></li></ul></div>
            <div class="right"><div class="box">
            <p>一、总体情况</p><p>2021年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息356条，其中政策文件12件。</p>
            <p>二、主动公开政府信息情况</p><p>本年度新制发规范性文件2件，废止0件，现行有效15件。</p>
            </div></div></div>
            <div class="bottom">Copyright 某某局 版权所有</div></body></html>
            """
        #expect(Page.texts(try Page.document(html)) == [
            "一、总体情况", "2021年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息356条，其中政策文件12件。",
            "二、主动公开政府信息情况", "本年度新制发规范性文件2件，废止0件，现行有效15件。",
        ])
    }

    @Test func hiddenScriptsAndStylesAreDropped() throws {
        let html = """
            <div class="TRS_Editor"><style>p{color:red}</style><script>document.write('<p>脚本</p>')</script>
            <p>一、总体情况</p><p style="display: none">隐藏段落</p><span hidden>隐藏</span><noscript>请启用脚本</noscript>
            <p>本年度公开信息86条。</p></div>
            """
        #expect(Page.texts(try Page.document(html)) == ["一、总体情况", "本年度公开信息86条。"])
    }
}

extension Golden {
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where (i < x.count ? x[i] : "<end>") != (i < y.count ? y[i] : "<end>") {
            return "line \(i + 1): \(i < x.count ? x[i] : "<end>") vs \(i < y.count ? y[i] : "<end>")"
        }
        return "equal"
    }
}

@Suite struct PortalFooterTests {
    /// A footer without any class or id, in the same box as the report (no CMS container to
    /// find), after the report's own signature: its office name
    /// must not become the report's agency or date.
    @Test func unmarkedFooterIsNotTheSignature() throws {
        let html = """
            <html><body><div><a href="/">首页</a> | <a href="/wza">无障碍</a> | <a href="/old">适老化</a></div>
            <div><p>某某镇2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度公开信息86条。</p>
            <p>六、其他需要报告的事项</p><p>无。</p><p>某某镇人民政府</p><p>2022年1月15日</p>
            <p>某某县人民政府办公室主办 县大数据中心承办</p><p>网站标识码：3412210007 皖ICP备06001234号-1 联系我们</p><p>您是第 123456 位访问者</p></div>
            </body></html>
            """
        let d = try Page.document(html)
        #expect(Page.texts(d).last == "2022年1月15日")
        let r = try Pipeline.report(bytes: Array(html.utf8), name: "page.html")
        #expect(r.metadata.agency == "某某镇人民政府")
        #expect(r.metadata.publishedOn == "2022-01-15")
    }
}

@Suite struct ContainerTests {
    /// gov.cn-style page: the content box is `pages_content` / `UCAP-CONTENT`, the info table a
    /// list of label/value spans, the date in a meta tag.
    @Test func govCnStyle() throws {
        let html = """
            <html><head><meta name="firstpublishedtime" content="2022-01-26-16:20:15"><title>国家某某局2021年政府信息公开工作年度报告_部门政务_中国政府网</title></head>
            <body><div class="header">中国政府网 | 国务院 | 总理 | 新闻 | 政策 | 互动 | 服务 | 数据 | 国情</div>
            <ul class="xxgk"><li><span>索  引  号：</span>000014349/2022-00007</li><li><span>主题分类：</span>综合政务</li>
            <li><span>发文机关：</span>国家某某局</li><li><span>成文日期：</span>2022年01月20日</li></ul>
            <div class="pages_content" id="UCAP-CONTENT"><p>一、总体情况</p><p>2021年，国家某某局主动公开政府信息120条。</p></div>
            <div class="pages_print"><span>【我要打印】</span><span>【关闭窗口】</span></div></body></html>
            """
        let d = try Page.document(html)
        #expect(Page.texts(d) == ["国家某某局2021年政府信息公开工作年度报告", "一、总体情况", "2021年，国家某某局主动公开政府信息120条。"])
        #expect(d.properties == ["indexNumber": "000014349/2022-00007", "publisher": "国家某某局", "publishedOn": "2022-01-26", "title": "国家某某局2021年政府信息公开工作年度报告"])
    }
}
