import DocModel
import Testing

/// Word tables as logical grids: spans, vertical and legacy horizontal merges, grid
/// before/after, extra cells, nested tables.
@Suite struct TableTests {
    static func table(_ xml: String) throws -> Table {
        try #require(Fixture.tables(try Fixture.body(xml)).first)
    }

    /// The origin of a cell of the body's first table at a grid position: the part, table,
    /// grid row and column, and the text before normalisation.
    static func origin(_ raw: String, _ row: Int, _ column: Int) -> CellOrigin {
        CellOrigin(raw: raw, location: .docx(part: "word/document.xml", table: 0, row: row, cell: column))
    }

    @Test func spansAndVerticalMerges() throws {
        let t = try Self.table("""
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><cell span="2" vmerge="restart">申请人情况</cell><cell span="2">法人或其他组织</cell></w:tr>
            <w:tr><cell span="2" vmerge="continue"></cell><cell>商业企业</cell><cell vmerge="restart">其他</cell></w:tr>
            <w:tr><cell span="2" vmerge="bare"></cell><cell>1</cell><cell vmerge="bare"></cell></w:tr>
            <w:tr><cell>a</cell><cell>b</cell><cell>c</cell><cell>d</cell></w:tr>
            </w:tbl>
            """)
        #expect(t.rowCount == 4 && t.columnCount == 4)
        #expect(t.cell(0, 0) == Cell(row: 0, column: 0, rowSpan: 3, columnSpan: 2, text: "申请人情况", origin: Self.origin("申请人情况", 0, 0)))
        #expect(t.cell(0, 2) == Cell(row: 0, column: 2, rowSpan: 1, columnSpan: 2, text: "法人或其他组织", origin: Self.origin("法人或其他组织", 0, 2)))
        // The third cell of row 1 in the source (its first spans two grid columns) is at grid column 3.
        #expect(t.cell(1, 3) == Cell(row: 1, column: 3, rowSpan: 2, columnSpan: 1, text: "其他", origin: Self.origin("其他", 1, 3)))
        #expect(t.grid == [["申请人情况", "法人或其他组织"], ["商业企业", "其他"], ["1"], ["a", "b", "c", "d"]])
        #expect(t.cells.count == 9)
    }

    /// Every position is covered exactly once, whatever the merges.
    @Test func everyPositionCoveredOnce() throws {
        let t = try Self.table("""
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr><cell>中</cell></w:tr>
            <w:tr><cell vmerge="restart">左</cell><cell span="2">右</cell></w:tr>
            <w:tr><cell vmerge="continue"></cell></w:tr>
            <w:tr><cell>1</cell><cell>2</cell><cell>3</cell><cell>多出的单元格</cell></w:tr>
            </w:tbl>
            """)
        var covered = Array(repeating: 0, count: t.rowCount * t.columnCount)
        for c in t.cells {
            for r in c.row..<(c.row + c.rowSpan) {
                for k in c.column..<(c.column + c.columnSpan) { covered[r * t.columnCount + k] += 1 }
            }
        }
        #expect(covered.allSatisfy { $0 == 1 })
        #expect(t.columnCount == 4)  // the extra cell is kept and widens the grid
        #expect(t.cell(0, 1)?.text == "中")
        #expect(t.cell(0, 0)?.isPadding == true && t.cell(0, 2)?.isPadding == true)
        #expect(t.cell(1, 0)?.rowSpan == 2)
        #expect(t.cell(2, 1)?.isPadding == true)
        #expect(t.cell(3, 3)?.text == "多出的单元格")
    }

    @Test func legacyHorizontalMerge() throws {
        let t = try Self.table("""
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc>\
            <w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><cell>右</cell></w:tr>
            <w:tr><cell>a</cell><cell>b</cell><cell>c</cell></w:tr>
            </w:tbl>
            """)
        #expect(t.cell(0, 0)?.columnSpan == 2)
        #expect(t.grid == [["合并", "右"], ["a", "b", "c"]])
    }

    /// gridBefore positions are absolute: a header row that starts after the label columns.
    @Test func gridBeforeWithVerticalMerge() throws {
        let t = try Self.table("""
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><cell vmerge="restart">标签</cell><cell vmerge="restart">自然人</cell><cell>商业企业</cell></w:tr>
            <w:tr><cell vmerge="continue"></cell><cell vmerge="continue"></cell><cell>1</cell></w:tr>
            <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><cell>2</cell><cell>3</cell></w:tr>
            </w:tbl>
            """)
        #expect(t.cell(0, 1)?.rowSpan == 2)
        #expect(t.cell(2, 1)?.text == "2")
        #expect(t.cell(2, 2)?.text == "3")
    }

    @Test func cellParagraphsAndWrappedLabels() throws {
        let t = try Self.table("""
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><cell>（三）不
            予公开</cell><cell>商业
            企业</cell></w:tr>
            <w:tr><cell>Line one
            line two</cell><cell>１２３</cell></w:tr>
            </w:tbl>
            """)
        #expect(t.grid == [["（三）不予公开", "商业企业"], ["Line one line two", "123"]])
    }

    @Test func nestedTables() throws {
        let doc = try Fixture.body("""
            <w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>
              <w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
              <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><cell>规章</cell><cell>0</cell></w:tr></w:tbl>
            </w:tc></w:tr></w:tbl>
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
              <w:tr><w:tc><w:p><w:r><w:t>外层</w:t></w:r></w:p>\
            <w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><cell>内层1</cell></w:tr><w:tr><cell>内层2</cell></w:tr></w:tbl></w:tc><cell>x</cell></w:tr>
              <w:tr><cell>y</cell><cell>z</cell></w:tr>
            </w:tbl>
            """)
        // A one-cell table is a layout frame: its content is read in place.
        #expect(doc.blocks.first == .heading(level: 1, text: "一、总体情况"))
        let tables = Fixture.tables(doc)
        #expect(tables.map(\.grid) == [[["规章", "0"]], [["外层", "x"], ["y", "z"]], [["内层1"], ["内层2"]]])
        // Both changes of structure are said: the frame unwrapped, the inner table moved.
        #expect(doc.findings.map(\.rule) == [.sourceRestructured, .sourceRestructured])
        #expect(doc.findings.first?.detail == .quantity(2, of: "blocks"))
        #expect(doc.findings.last?.detail == .quantity(2, of: "outerTable"))
    }

    /// A table continued after a page break is a second table; repeated header rows appear
    /// once in the file and once in the grid.
    @Test func splitTablesStayTwoTables() throws {
        let doc = try Fixture.body("""
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><w:trPr><w:tblHeader/></w:trPr><cell>信息内容</cell><cell>数量</cell></w:tr>
            <w:tr><cell>规章</cell><cell>1</cell></w:tr></w:tbl>
            <w:p><w:r><w:br w:type="page"/></w:r></w:p>
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><cell>行政许可</cell><cell>2</cell></w:tr></w:tbl>
            """)
        #expect(doc.blocks.count == 2)
        #expect(Fixture.tables(doc).map(\.grid) == [[["信息内容", "数量"], ["规章", "1"]], [["行政许可", "2"]]])
    }

    @Test func continueWithoutACellAboveIsReadAsItsOwnCellWithAFinding() throws {
        let doc = try Fixture.body("""
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><cell vmerge="continue">孤立</cell><cell>a</cell></w:tr></w:tbl>
            """)
        #expect(Fixture.tables(doc).first?.grid == [["孤立", "a"]])
        #expect(doc.findings.map(\.rule) == [.sourceRestructured])
    }

    @Test func hostileSpansAreBounded() throws {
        let doc = try Fixture.body("""
            <w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999999"/></w:tcPr><w:p/></w:tc></w:tr>
            <w:tr><w:trPr><w:gridBefore w:val="-5"/></w:trPr><cell>x</cell></w:tr></w:tbl>
            """)
        let t = try #require(Fixture.tables(doc).first)
        #expect(t.columnCount == 1000)
        #expect(t.cell(1, 0)?.text == "x")
    }
}

/// Tracked property changes keep the old properties inside `*PrChange`: the accepted view
/// uses the current ones only.
@Suite struct TrackedPropertyChangeTests {
    @Test func oldPropertiesAreIgnored() throws {
        let doc = try Fixture.body("""
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:tblGridChange w:id="1"><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/>\
            </w:tblGrid></w:tblGridChange></w:tblGrid>
            <w:tr><w:trPr><w:trPrChange w:id="2" w:author="a"><w:trPr><w:gridBefore w:val="1"/></w:trPr></w:trPrChange></w:trPr>\
            <w:tc><w:tcPr><w:gridSpan w:val="2"/><w:tcPrChange w:id="3" w:author="a"><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>\
            </w:tcPrChange></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><cell>a</cell><cell>b</cell></w:tr>
            </w:tbl>
            <w:p><w:pPr><w:pPrChange w:id="4" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>\
            <w:outlineLvl w:val="0"/></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:rPrChange w:id="5" w:author="a"><w:rPr><w:vanish/>\
            </w:rPr></w:rPrChange></w:rPr><w:t>不再编号的段落。</w:t></w:r></w:p>
            """, numbering: """
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """)
        let table = try #require(Fixture.tables(doc).first)
        #expect(table.columnCount == 2)
        #expect(table.cell(0, 0) == Cell(row: 0, column: 0, rowSpan: 1, columnSpan: 2, text: "合并", origin: TableTests.origin("合并", 0, 0)))
        #expect(Fixture.texts(doc) == ["不再编号的段落。"])
    }
}
