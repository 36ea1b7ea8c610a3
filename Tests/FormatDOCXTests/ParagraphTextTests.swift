import DocModel
import Testing

/// Paragraph text as Word displays it: runs, special characters, fields, content controls,
/// alternate content, text boxes, tracked changes in the accepted view.
@Suite struct ParagraphTextTests {
    @Test func runsAndSpecialCharacters() throws {
        let doc = try Fixture.body("""
            <w:p><w:r><w:t>合</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:t>计</w:t></w:r>\
            <w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:r><w:tab/><w:t>12</w:t><w:noBreakHyphen/><w:t>3</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">line one</w:t><w:br/><w:t>two</w:t><w:cr/><w:t>three</w:t></w:r></w:p>
            <w:p><w:r><w:t>hyphen</w:t><w:softHyphen/><w:t>ation</w:t><w:sym w:font="Wingdings" w:char="2460"/></w:r></w:p>
            <w:p><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>北京</w:t></w:r></w:smartTag>\
            <w:hyperlink r:id="rId9"><w:r><w:t>市</w:t></w:r></w:hyperlink><w:customXml w:element="x"><w:r><w:t>政府</w:t></w:r></w:customXml></w:p>
            """)
        #expect(Fixture.texts(doc) == ["合计12-3", "line one two three", "hyphenation①", "北京市政府"])
    }

    @Test func fieldsKeepTheirDisplayedResult() throws {
        let doc = try Fixture.body("""
            <w:p><w:fldSimple w:instr=" DOCPROPERTY Company "><w:r><w:t>某某局</w:t></w:r></w:fldSimple></w:p>
            <w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> = 2 + 3 </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>件</w:t></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>IF </w:instrText><w:fldChar w:fldCharType="begin"/>\
            <w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>9</w:t><w:fldChar w:fldCharType="end"/>\
            <w:instrText> = 1 "a" "b"</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>结果</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p>
            <w:p><w:r><w:t>页码</w:t><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """)
        #expect(Fixture.texts(doc) == ["某某局", "共5件", "结果", "页码"])
    }

    /// A complex field's result may span paragraphs; the instruction state carries across.
    @Test func fieldSpanningParagraphs() throws {
        let doc = try Fixture.body("""
            <w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>TOC \\o "1-3"</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>目录一</w:t></w:r></w:p>
            <w:p><w:r><w:t>目录二</w:t><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>正文</w:t></w:r></w:p>
            """)
        #expect(Fixture.texts(doc) == ["目录一", "目录二正文"])
    }

    @Test func contentControlsAtEveryLevel() throws {
        let doc = try Fixture.body("""
            <w:sdt><w:sdtPr><w:alias w:val="block"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>块级</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:p><w:r><w:t>行内：</w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>值</w:t></w:r></w:sdtContent></w:sdt></w:p>
            <w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:sdt><w:sdtContent><w:tr><cell>行级</cell><w:sdt><w:sdtContent><cell>单元格级</cell></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>
            <w:tr><cell>a</cell><cell>b</cell></w:tr>
            </w:tbl>
            """)
        #expect(Fixture.texts(doc) == ["块级", "行内：值"])
        #expect(Fixture.tables(doc).first?.grid == [["行级", "单元格级"], ["a", "b"]])
    }

    /// mc:AlternateContent gives one branch (the first Choice); text boxes follow the
    /// paragraph that anchors them, once, whether DrawingML or VML.
    @Test func alternateContentAndTextBoxes() throws {
        let doc = try Fixture.body("""
            <w:p><w:r><w:t>正文前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>\
            <a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>\
            </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>\
            <w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
            <w:r><w:t>正文后</w:t></w:r></w:p>
            <w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>仅VML</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
            <mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:r><w:t>选择</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>后备</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>
            """)
        #expect(Fixture.texts(doc) == ["正文前正文后", "文本框内容", "仅VML", "选择"])
    }

    @Test func trackedChangesAcceptedView() throws {
        let doc = try Fixture.body("""
            <w:p><w:r><w:t>本年</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>新收</w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="a"><w:r><w:t>受理</w:t></w:r></w:ins><w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧处</w:t></w:r></w:moveFrom>\
            <w:moveTo w:id="4" w:author="a"><w:r><w:t>申请</w:t></w:r></w:moveTo></w:p>
            <w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr><w:r><w:t>被删除段落标记的</w:t></w:r></w:p>
            <w:p><w:r><w:t>下一段</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r><w:r><w:t>可见</w:t></w:r></w:p>
            <w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>
            <w:tr><cell>保留</cell><cell>x</cell></w:tr>
            <w:tr><w:trPr><w:del w:id="6" w:author="a"/></w:trPr><cell>删除的行</cell><cell>y</cell></w:tr>
            <w:tr><w:tc><w:tcPr><w:cellDel w:id="7" w:author="a"/></w:tcPr><w:p><w:r><w:t>删除的单元格</w:t></w:r></w:p></w:tc><cell>z</cell></w:tr>
            <w:tr><w:tc><w:p><w:pPr><w:rPr><w:del w:id="8" w:author="a"/></w:rPr></w:pPr><w:r><w:t>末段</w:t></w:r></w:p></w:tc><cell>w</cell></w:tr>
            </w:tbl>
            """)
        #expect(Fixture.texts(doc) == ["本年受理申请", "被删除段落标记的下一段", "可见"])
        #expect(Fixture.tables(doc).first?.grid == [["保留", "x"], ["z"], ["末段", "w"]])
    }

    /// Headers, footers, footnotes and comments are other parts: never in the body.
    @Test func otherPartsStayOut() throws {
        let doc = try Fixture.document("""
            === body
            <w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/>\
            <w:r><w:commentReference w:id="0"/></w:r></w:p>
            === part word/footer1.xml
            <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>页脚</w:t></w:r></w:p></w:ftr>
            === part word/footnotes.xml
            <w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>脚注</w:t></w:r></w:p></w:footnote></w:footnotes>
            """)
        #expect(Fixture.texts(doc) == ["正文"])
    }
}
