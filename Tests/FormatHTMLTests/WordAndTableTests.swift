import DocModel
import DoccanonKit
@testable import FormatHTML
import XMLSupport
import Testing

/// Word's "save as web page" markup, and tables as portals and Word write them.
@Suite struct WordMarkupTests {
    @Test func msoParagraphsSpansAndConditionals() throws {
        let html = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><body><div class=WordSection1>
            <p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>本年度共受理政府信息公开申请</span><span
            lang=EN-US style='font-family:"Times New Roman"'>1</span><span lang=EN-US>2</span><span style='font-family:仿宋_GB2312'>件，同比增长</span><font
            face="宋体"><span lang=EN-US>3</span><span lang=EN-US>.</span><span lang=EN-US>5%</span></font>。<span lang=EN-US><o:p></o:p></span></p>
            <p class=MsoNormal><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></p>
            <p class=MsoListParagraph><![if !supportLists]><span lang=EN-US>（一）<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>主动公开情况<o:p></o:p></p>
            <!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
            <p class=MsoNormal>主动公开政府信息2510
            00条，其中<span style='mso-spacerun:yes'>&nbsp; </span>文件<o:p>&nbsp;</o:p></p>
            </div></body></html>
            """
        #expect(Page.texts(try Page.document(html)) == ["本年度共受理政府信息公开申请12件，同比增长3.5%。", "（一）主动公开情况", "主动公开政府信息251000条，其中文件"])
    }

    @Test func trackedChangesReadAccepted() throws {
        let html = "<p class=MsoNormal>本年度公开信息<span class=msoDel><del cite=\"mailto:user\" datetime=\"2022-01-10T10:00\">85</del></span><span class=msoIns><ins cite=\"mailto:user\">86</ins></span>条。</p>"
        #expect(Page.texts(try Page.document(html)) == ["本年度公开信息86条。"])
    }

    @Test func wordPageEqualsItsSeed() throws {
        let d = try Page.document(bytes: try Page.fixture("002-word-gbk.html"))
        #expect(d.blocks.count == 25)
        #expect(Page.tables(d).count == 3)
        #expect(!Page.texts(d).contains { $0.contains("mso") || $0.contains("[if") || $0.contains("Administrator") })
    }
}

@Suite struct TableTests {
    /// The 2021 applications table's head: rowspan and colspan placed into a logical grid.
    @Test func rowspanAndColspanMakeALogicalGrid() throws {
        let html = """
            <div id="zoom"><table border=1>
            <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
            <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
            <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
            <tr><th colspan="3">一、本年新收政府信息公开申请数量</th><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
            <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>2</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
            <tr><td colspan="2">（二）部分公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
            </table></div>
            """
        let t = try #require(Page.tables(try Page.document(html)).first)
        #expect(t.rowCount == 6 && t.columnCount == 10)
        let head = try #require(t.cells.first)
        #expect((head.rowSpan, head.columnSpan) == (3, 3))
        #expect(t.cells.first { $0.text == "自然人" }.map { ($0.row, $0.column, $0.rowSpan) } ?? (0, 0, 0) == (1, 3, 2))
        #expect(t.cells.first { $0.text == "商业企业" }.map { ($0.row, $0.column) } ?? (0, 0) == (2, 4))
        #expect(t.cells.first { $0.text == "总计" }.map { ($0.row, $0.column) } ?? (0, 0) == (1, 9))
        #expect(Page.rows(t)[4] == ["三、本年度办理结果", "（一）予以公开", "2", "1", "0", "0", "0", "0", "3"])
        #expect(t.cells.first { $0.text == "（二）部分公开" }.map { ($0.row, $0.column) } ?? (0, 0) == (5, 1))
        // Every position covered exactly once.
        var covered = Set<Int>()
        for c in t.cells {
            for r in c.row..<(c.row + c.rowSpan) { for k in c.column..<(c.column + c.columnSpan) { #expect(covered.insert(r * 100 + k).inserted) } }
        }
        #expect(covered.count == 60)
    }

    @Test func unclosedTagsAndThTdMixed() throws {
        let html = "<div class=TRS_Editor><p>二、主动公开政府信息情况<table><tr><th>信息内容<th>本年制发件数<th>本年废止件数<th>现行有效件数<tr><th>规章<td>0<td>0<td>3<tr><td>行政规范性文件<td>2<td>0<td>15</table><p>三、收到和处理政府信息公开申请情况</div>"
        let d = try Page.document(html)
        #expect(Page.texts(d) == ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"])
        #expect(Page.rows(try #require(Page.tables(d).first)) == [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "3"], ["行政规范性文件", "2", "0", "15"]])
    }

    @Test func raggedRowsArePaddedAndValuesWithUnitsKeptAsWritten() throws {
        let html = """
            <div id=zoom><table><tr><td>行政规范性文件</td><td>2</td><td>0</td><td>15</td><td>多余</td></tr>
            <tr><td>政府集中采购</td><td>采购总金额</td><td>251000元</td></tr></table></div>
            """
        let t = try #require(Page.tables(try Page.document(html)).first)
        #expect(t.columnCount == 5)
        #expect(Page.rows(t) == [["行政规范性文件", "2", "0", "15", "多余"], ["政府集中采购", "采购总金额", "251000元", "", ""]])
        #expect(t.cells.filter(\.isPadding).count == 2)
    }

    @Test func tableSplitInTwoIsJoined() throws {
        let html = """
            <div id=zoom><table><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
            <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>
            <p>&nbsp;</p>
            <table><tr><td>规范性文件</td><td>2</td><td>2</td><td>15</td></tr></table>
            <p>三、收到和处理政府信息公开申请情况</p>
            <table><tr><td>行政许可</td><td>10</td></tr></table></div>
            """
        let d = try Page.document(html)
        let tables = Page.tables(d)
        #expect(tables.count == 2)
        #expect(tables.first?.rowCount == 3)
        #expect(Page.rows(tables[0])[2] == ["规范性文件", "2", "2", "15"])
        #expect(d.findings.contains { $0.rule == .sourceRestructured && $0.detail == .quantity(4, of: "columns") })
    }

    @Test func layoutTableWrappingTheReportIsReadAsFlow() throws {
        let html = """
            <html><body><table width=980><tr><td><img src=logo.png></td></tr>
            <tr><td><p>一、总体情况</p><p>本年度主动公开政府信息86条，其中规范性文件2件。</p>
            <table border=1><tr><td>规章</td><td>0</td></tr><tr><td>行政规范性文件</td><td>2</td></tr></table>
            <p>二、存在的主要问题及改进情况</p><p>公开内容还不够全面，下一年度将进一步加强。</p></td></tr></table></body></html>
            """
        let d = try Page.document(html)
        #expect(Page.texts(d) == ["一、总体情况", "本年度主动公开政府信息86条，其中规范性文件2件。", "二、存在的主要问题及改进情况", "公开内容还不够全面，下一年度将进一步加强。"])
        #expect(Page.tables(d).map(Page.rows) == [[["规章", "0"], ["行政规范性文件", "2"]]])
    }

    @Test func cellParagraphsAndBreaksJoinAsTheTextAdapterDoes() throws {
        let html = "<div id=zoom><table><tr><td><p>（三）不</p><p>予公开</p></td><td>1<br>2</td><td><span>1</span><span>2</span><span>3</span></td></tr></table></div>"
        #expect(Page.rows(try #require(Page.tables(try Page.document(html)).first)) == [["（三）不予公开", "1 2", "123"]])
    }
}

@Suite struct CaptionTests {
    @Test func captionIsTheLineAboveTheTable() throws {
        let html = "<div id=zoom><table><caption>表一 主动公开政府信息情况</caption><tr><td>规章</td><td>0</td></tr></table></div>"
        let d = try Page.document(html)
        #expect(Page.texts(d) == ["表一主动公开政府信息情况"])  // Normalizer joins Chinese across spaces
        #expect(d.blocks.count == 2)
        if case .table(let t)? = d.blocks.last { #expect(Page.rows(t) == [["规章", "0"]]) } else { Issue.record("no table") }
    }
}

@Suite struct HiddenStyleTests {
    @Test(arguments: [
        ("display:none", true), ("DISPLAY : NONE", true), ("color:red;display: none;", true), ("visibility:hidden", true),
        ("mso-hide:all", true), ("border:none;mso-border-alt:solid windowtext .5pt", false), ("display:block", false),
        ("mso-display:none-ish", true), ("", false), ("d", false),
    ])
    func styles(style: String, hidden: Bool) {
        #expect(HTMLText.isHidden(.p, [HTMLTree.Attribute(name: .style, value: style)][...]) == hidden)
    }
}

/// The 2021 applications table as portals publish it, with Word's merged cells, through the
/// report profile: every value lands in its field, with no ambiguity.
@Suite struct MergedCellReportTests {
    @Test func applicationsTableWithSpans() throws {
        let r = try Pipeline.report(bytes: try Page.fixture("008-spans-gbk.html"), name: "008-spans-gbk.html")
        func value(_ row: String, _ field: String) -> Int? { r.applications?.value(row, field)?.integer }
        #expect(value("newlyReceived", "naturalPerson") == 5)
        #expect(value("newlyReceived", "commercialEnterprise") == 1)
        #expect(value("newlyReceived", "total") == 6)
        #expect(value("carriedForward", "total") == 1)
        #expect(r.metadata.agency == "某某市生态环境局")
        #expect(r.metadata.publishedOn == "2022-01-25")  // the signature wins over the page's 公开日期
        #expect(!r.findings.contains { $0.rule == .tableAmbiguous || $0.rule == .applicationsBalance || $0.rule == .valueBlank })
        let t = try #require(Page.tables(try Page.document(bytes: try Page.fixture("008-spans-gbk.html"))).first)
        #expect((t.rowCount, t.columnCount) == (28, 10))
        #expect(t.cells.first { $0.text == "（三）不予公开" }.map { ($0.row, $0.column, $0.rowSpan) } ?? (0, 0, 0) == (7, 1, 8))
    }
}
