import DocModel
@testable import FormatDOCX
import Testing

/// Headings from outline levels and numbers materialised from numbering.xml as Word shows them.
@Suite struct NumberingTests {
    static let styles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="T1"><w:name w:val="一级标题"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="T1x"><w:name w:val="一级标题变体"/><w:basedOn w:val="T1"/></w:style>
        <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文缩进"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="N"><w:name w:val="编号"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        """

    static let numbering = """
        <w:abstractNum w:abstractNumId="0">\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>\
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>\
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/><w:suff w:val="space"/></w:lvl>\
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1.%2.%3"/><w:isLgl/><w:suff w:val="space"/></w:lvl>\
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>\
        <w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl></w:lvlOverride></w:num>
        """

    @Test func outlineLevelsThroughBasedOn() throws {
        let doc = try Fixture.body("""
            <para style="T1">总体情况</para>
            <para style="T1x">变体样式的标题</para>
            <para style="H2">内置标题名称</para>
            <para style="Body">一、看似标题但大纲级别为正文</para>
            <w:p><w:pPr><w:pStyle w:val="T1"/><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>段落自身的大纲级别</w:t></w:r></w:p>
            <para>二、无样式但有编号的短行</para>
            <para>普通段落。</para>
            """, styles: Self.styles)
        #expect(doc.blocks == [
            .heading(level: 1, text: "总体情况"), .heading(level: 1, text: "变体样式的标题"), .heading(level: 2, text: "内置标题名称"),
            // Outline level 9 is body text: the text decides, as in the text adapter.
            .heading(level: 1, text: "一、看似标题但大纲级别为正文"),
            .heading(level: 3, text: "段落自身的大纲级别"), .heading(level: 1, text: "二、无样式但有编号的短行"), .paragraph("普通段落。"),
        ])
    }

    @Test func chineseListNumbersContinueAcrossInterruptions() throws {
        let doc = try Fixture.body("""
            <para num="1">总体情况</para>
            <para num="1" ilvl="1">完善制度</para>
            <para>正文打断编号。</para>
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><cell>a</cell><cell>b</cell></w:tr></w:tbl>
            <para num="1" ilvl="1">多项措施</para>
            <para num="1" ilvl="2">第一条</para>
            <para num="1" ilvl="2">第二条</para>
            <para num="1">主动公开政府信息情况</para>
            <para num="1" ilvl="1">重新从一开始</para>
            <para style="N">样式带来的编号</para>
            <w:p><w:pPr><w:pStyle w:val="N"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>编号被关闭。</w:t></w:r></w:p>
            <para num="2">起始值覆盖</para>
            <para num="2">再一项</para>
            """, styles: Self.styles, numbering: Self.numbering)
        #expect(Fixture.texts(doc) == [
            "一、总体情况", "（一）完善制度", "正文打断编号。", "（二）多项措施", "1.第一条", "2.第二条", "二、主动公开政府信息情况",
            "（一）重新从一开始", "三、样式带来的编号", "编号被关闭。", "五、起始值覆盖", "六、再一项",
        ])
    }

    @Test func multiLevelTextLegalNumbersAndOverriddenLevels() throws {
        let doc = try Fixture.body("""
            <para num="3">first</para>
            <para num="3" ilvl="1">second</para>
            <para num="3" ilvl="1">third</para>
            <para num="3" ilvl="2">legal</para>
            <para num="4">圆圈</para>
            <para num="4">圆圈</para>
            <para num="99">unknown list</para>
            """, numbering: Self.numbering)
        // The default suffix is a tab (a space once normalised); isLgl shows every level as decimal.
        #expect(Fixture.texts(doc) == ["1 first", "1.a) second", "1.b) third", "1.2.1 legal", "①圆圈", "②圆圈", "unknown list"])
    }

    @Test func numberFormats() {
        let cases: [(Int, String, String)] = [
            (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCountingThousand", "十一"),
            (20, "chineseCountingThousand", "二十"), (21, "chineseCounting", "二十一"), (100, "chineseCountingThousand", "一百"),
            (101, "chineseCountingThousand", "一百零一"), (110, "chineseCounting", "一百一十"), (1001, "chineseCountingThousand", "一千零一"),
            (1, "ideographTraditional", "甲"), (10, "ideographTraditional", "癸"), (1, "decimalEnclosedCircle", "①"),
            (20, "decimalEnclosedCircle", "⑳"), (21, "decimalEnclosedCircle", "21"), (3, "decimal", "3"), (28, "upperLetter", "BB"),
            (3, "lowerLetter", "c"), (14, "upperRoman", "XIV"), (1999, "lowerRoman", "mcmxcix"), (12, "chineseLegalSimplified", "壹拾贰"),
            (105, "ideographDigital", "一〇五"), (7, "decimalFullWidth", "７"), (4, "decimalZero", "04"), (5, "none", ""),
        ]
        for (n, format, expected) in cases {
            #expect(NumberFormat.format(n, as: format) == expected, "\(n) as \(format)")
        }
    }
}

/// A heading style linked to a list level (`w:lvl/w:pStyle`) whose numPr gives no ilvl.
@Suite struct LinkedStyleNumberingTests {
    @Test func levelFoundThroughTheLevelsPStyle() throws {
        let doc = try Fixture.body("""
            <para style="H1">总体情况</para>
            <para style="H2">完善制度</para>
            <para style="H2">多项措施</para>
            <para style="H1">主动公开政府信息情况</para>
            """, styles: """
            <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            """, numbering: """
            <w:abstractNum w:abstractNumId="3">\
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:pStyle w:val="H1"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:pStyle w:val="H2"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>\
            </w:abstractNum>
            <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
            """)
        #expect(doc.blocks == [
            .heading(level: 1, text: "一、总体情况"), .heading(level: 2, text: "（一）完善制度"), .heading(level: 2, text: "（二）多项措施"),
            .heading(level: 1, text: "二、主动公开政府信息情况"),
        ])
    }
}

/// Numbering styles (`w:numStyleLink`), `w:lvlRestart` and bullets.
@Suite struct NumberingStyleLinkTests {
    @Test func styleLinkRestartAndBullets() throws {
        let doc = try Fixture.body("""
            <para num="2">甲项</para>
            <para num="2" ilvl="1">子项</para>
            <para num="2">乙项</para>
            <para num="2" ilvl="1">不重新开始</para>
            <para num="3">列表项</para>
            """, styles: """
            <w:style w:type="numbering" w:styleId="ListStyle"><w:name w:val="公文编号"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            """, numbering: """
            <w:abstractNum w:abstractNumId="0"><w:styleLink w:val="ListStyle"/>\
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/><w:lvlRestart w:val="0"/><w:suff w:val="nothing"/></w:lvl>\
            </w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>
            <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F06C}"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
            """)
        #expect(Fixture.texts(doc) == ["甲、甲项", "①子项", "乙、乙项", "②不重新开始", "•列表项"])
    }
}
