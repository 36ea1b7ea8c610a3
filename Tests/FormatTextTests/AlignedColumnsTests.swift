import DocModel
import Testing
@testable import FormatText

/// Tables whose columns are set by spaces, on small inputs written for the purpose.
@Suite struct AlignedColumnsTests {
    let source = SourceInfo(format: .text, name: "t.txt", sha256: "", bytes: 0)

    func read(_ text: String) throws -> Document { try TextAdapter.read(Array(text.utf8), source: source, limits: ReadLimits()) }

    func rows(_ doc: Document) -> [[String]] {
        doc.blocks.flatMap { block -> [[String]] in
            guard case .table(let t) = block else { return [] }
            return t.rows.map { $0.filter { !$0.isPadding }.map(\.text) }
        }
    }

    @Test func fieldsByGapsAndTrailingValues() {
        #expect(AlignedColumns.fields("行政许可 97").map(\.text) == ["行政许可", "97"])
        #expect(AlignedColumns.fields("规章 0 -1 0").map(\.text) == ["规章", "0", "-1", "0"])
        #expect(AlignedColumns.fields("三、本年度办理结果 (一) 予以公开 0 0").map(\.text) == ["三、本年度办理结果", "(一) 予以公开", "0", "0"])
        #expect(AlignedColumns.fields("2021 年，我县共发布信息 2199 条").count == 1)
        let f = AlignedColumns.fields("行政    ６   0")
        #expect(f.map(\.text) == ["行政", "６", "0"])
        // Display columns: a Chinese character and a full-width digit are two wide.
        #expect(f.map(\.start) == [0, 8, 13])
        #expect(f.map(\.isValue) == [false, true, true])
    }

    @Test func markers() {
        for m in ["（一）予以", "(二)", "1.属", "3、", "四、本年"] { #expect(AlignedColumns.isMarker(m.unicodeScalars), "\(m)") }
        for m in ["1.5", "2021", "第二十条", "（本列"] { #expect(!AlignedColumns.isMarker(m.unicodeScalars), "\(m)") }
    }

    /// pdftotext -layout of a table with narrow label cells: values on a label's first line,
    /// the rest of the label below, an outer merged label stacked down the left.
    @Test func wrappedAndStackedLabelsJoin() throws {
        let text = """
            前言。

            信息    本年  本年  现行
            内容    制发  废止  有效
            规章    0     0     0
            行政    6     0     74
            规范
            性文件
            六、本 （一）予以    1   0   0
            年度   公开
            办理   （二）部分    0   0   0
            结果   公开
            后文很长很长很长很长很长很长很长很长很长很长很长很长很长。
            """
        let doc = try read(text)
        let r = rows(doc)
        #expect(r.contains(["规章", "0", "0", "0"]))
        #expect(r.contains(["行政规范性文件", "6", "0", "74"]))
        #expect(r.contains(["六、本年度", "（一）予以公开", "1", "0", "0"]))
        #expect(r.contains(["办理结果", "（二）部分公开", "0", "0", "0"]))
        #expect(doc.blocks.first == .paragraph("前言。"))
        #expect(doc.blocks.last?.text?.hasPrefix("后文") == true)
    }

    /// Values centred beside a label wrapped over three lines: the label's numbered first
    /// line stands above its values.
    @Test func numberedLabelAboveItsValues() throws {
        let text = """
                 申请人情况
                 自然人   商业企业   总计
            一、本年
            新收政府信息   1   0   1
            公开申请数量
            二、上年
            结转政府信息   0   0   0
            公开申请数量
            """
        let r = rows(try read(text))
        #expect(r.contains(["一、本年新收政府信息公开申请数量", "1", "0", "1"]))
        #expect(r.contains(["二、上年结转政府信息公开申请数量", "0", "0", "0"]))
    }

    /// A blank cell prints nothing: the value keeps the column its position says.
    @Test func blankCellKeepsItsColumn() throws {
        let text = """
            规章              1      2      3
            行政规范性文件    4             6
            """
        let doc = try read(text)
        #expect(rows(doc) == [["规章", "1", "2", "3"], ["行政规范性文件", "4", "", "6"]])
        guard case .table(let t)? = doc.blocks.first else { Issue.record("no table"); return }
        let six = try #require(t.cells.first { $0.text == "6" })
        #expect(six.origin == CellOrigin(raw: "6", location: .text(line: 2, from: 25, to: 26)))
    }

    /// Tabs replaced by a fixed number of spaces: a double gap is an empty cell.
    @Test func tabExpandedTextKeepsEmptyCells() throws {
        let text = "规章    0    -1    0\n行政许可    5        \n        2.其他        0    0\n"
        #expect(rows(try read(text)) == [["规章", "0", "-1", "0"], ["行政许可", "5", "", ""], ["", "", "2.其他", "", "0", "0"]])
    }

    /// Prose that happens to end with a number is not a table.
    @Test func proseEndingInANumberStaysProse() throws {
        let text = "在县政府网站主要栏目共发布各类信息，其中公开的政府文件总数为 2199\n条，政务要闻 345 条。\n"
        let doc = try read(text)
        #expect(rows(doc).isEmpty)
        #expect(doc.blocks.count == 2)
    }

    /// A running header at a page's start inside a table is dropped and said.
    @Test func runningHeaderInsideATable() throws {
        let text = "规章    0   0   0\n\u{0C}       某某县2021年政府信息公开工作年度报告（页眉）\n行政许可    5   1   0\n"
        let doc = try read(text)
        #expect(rows(doc) == [["规章", "0", "0", "0"], ["行政许可", "5", "1", "0"]])
        #expect(doc.findings.map(\.rule) == [.sourceRestructured])
    }

    /// 表四 printed without its header: its section heading, then one line of fifteen values.
    /// The heading is no label wrapped above the last rows' values (they have seven), so the
    /// table above ends before it and the values are a table of their own.
    @Test func aHeadingAboveALongerRowStartsTheNextTable() throws {
        let text = """
                       （七）总计                 3     0      1     0     0     0     4
            四、结转下年度继续办理                0     0      0     0     0     0     0

            　　四、政府信息公开行政复议、行政诉讼情况

                0    1    0    0    1    1    0    0    0    1    0    0    0    0    0

            五、存在的主要问题及改进情况
            """
        let doc = try read(text)
        let tables = doc.blocks.compactMap { block -> [[String]]? in
            guard case .table = block else { return nil }
            return rows(Document(source: doc.source, blocks: [block]))
        }
        #expect(tables.count == 2)
        #expect(tables.first?.last == ["四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"])
        #expect(tables.last == [["0", "1", "0", "0", "1", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]])
        #expect(doc.blocks.contains { $0.text == "四、政府信息公开行政复议、行政诉讼情况" })
    }

    /// Labels written on their own line above their values (a table whose label cells are
    /// taller than its value cells, as some extractions print them): a label line before a
    /// row of values alone names it when a header stands above it or the row before is values
    /// alone too; it does not continue the row above.
    @Test func labelsAboveTheirValues() throws {
        let text = """
            第二十条第（一）项
            信息内容        本年     本年     对外
                            新制     新公     公开
            规章
                                0        8        2
            规范性文件
                                9        2       12
            第二十条第（六）项
            信息内容      上一年  本年增/  处理
                          项目数  减       决定
            行政处罚
                            0       +5     23407
            行政强制        0        4       0
            """
        let r = rows(try read(text))
        #expect(r.contains(["规章", "0", "8", "2"]))
        #expect(r.contains(["规范性文件", "9", "2", "12"]))
        #expect(r.contains(["行政处罚", "0", "+5", "23407"]))
        #expect(r.contains(["行政强制", "0", "4", "0"]))
    }

    /// A label whose values stand on its last line, beside pieces of the labels stacked down
    /// the outer columns: its numbered first line starts it even though the line begins with
    /// an outer piece ("理结").
    @Test func aNumberedInnerPieceStartsTheNextRow() throws {
        let text = """
              三、    （一）予以公开              3        0         1       0       0         0          4
              本年    （二）部分公开（区分处      0        1         0       0       1         0          2
                      理的，只计这一情形，不
                      计其他情形）
              度办    （三    1.属于国家秘密      3        0         0       0       0         0          3
              理结    ）不    2.其他法律行政
                              法规禁止公开
              果      予公                        0        0         0       0       0         1          1
                      开      3.危及“三安全      3        0         0       0       0         1          4
                              一稳定”
            """
        let r = rows(try read(text))
        #expect(r.contains { Array($0.suffix(8)) == ["2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "1", "1"] })
        #expect(r.contains { Array($0.suffix(8)) == ["1.属于国家秘密", "3", "0", "0", "0", "0", "0", "3"] })
    }

    /// 表三 printed without its header right under its section heading, after 表二's last rows:
    /// the heading is no label of 表三's first row (that row has more values than 表二's rows).
    @Test func aHeadingAboveALongerLabelledRowStartsTheNextTable() throws {
        let text = """
                 信息内容  采购项目  采购总金额
                           数量
                 政府集中     2            0
                 采购

            三、收到和处理政府信息公开申请情况

               一、本年新收政府信息公    298       55         8        24        54        1    440
               开申请数量
            """
        let doc = try read(text)
        #expect(doc.blocks.contains { $0.text == "三、收到和处理政府信息公开申请情况" })
        let r = rows(doc)
        #expect(r.contains(["一、本年新收政府信息公开申请数量", "298", "55", "8", "24", "54", "1", "440"]))
    }

    /// A header repeated at the top of the next page, its first line holding the note and the
    /// group cell: a header line, not the label of the row above (the rows below have two label
    /// columns, so two pieces could be a label's).
    @Test func aRepeatedHeaderIsNoLabelOfTheRowAbove() throws {
        let text = """
                （本列数据的勾稽关系为：第一项加第    申请人情况
                二项之和，等于第三项加第四项之和）    自然人      法人或其他组织                                         总计
                                                                  商业企业    科研机     社会公益    法律服    其他
                                                                              构         组织        务机构
                一、本年新收政府信息公开申请数量         17          3           4          3          7         2        36
                二、上年结转政府信息公开申请数量         0           0           0          1          0         0        1

            （本列数据的勾稽关系为：第一项    申请人情况
            加第二项之和，等于第三项加第四    自然     法人或其他组织                                    总计
            项之和）                          人       商业企    科研机    社会     法律服     其他
                                                       业        构        公益     务机构
                                                                           组织
            三、本    （一）予以公开              0         0         0        0          3         1         4
            年度办    （二）部分公开（区分        0         0         0        0          0         0         0
                      处理的，只计这一情形
                      ，不计其他情形）
            """
        let r = rows(try read(text))
        #expect(r.contains { Array($0.suffix(8)) == ["二、上年结转政府信息公开申请数量", "0", "0", "0", "1", "0", "0", "1"] && !$0.contains { $0.contains("勾稽") } })
        #expect(r.contains { Array($0.suffix(8)) == ["（一）予以公开", "0", "0", "0", "0", "3", "1", "4"] })
    }

    /// A remarks column right of the values, its text wrapped onto the label's next lines: the
    /// remark's pieces beside label pieces are no labels or headers, and every row keeps its
    /// whole label. (A line holding only a remark's piece stays a row of its own, without values.)
    @Test func aWrappedRemarkIsNoLabel() throws {
        let text = """
             三、本    （一）予以公开              388        5       0        0          0          0      393    按期
                                                                                                                  答复
             年度办    （二）部分公开（区           22        0       0        0          0          0       22
                       分处理的，只计这一
                       情形，不计其他情形
                       ）
             理结果    （三）    1.属于国           29        0       0        0          0          0       29    见说
                                 家秘密                                                                            明
                       不予公    2.其他法            0        6       0       27          0          0       33
                                 律行政法
                                 规禁止公
                                 开
            """
        let r = rows(try read(text))
        #expect(r.contains { $0.contains("1.属于国家秘密") && $0.contains("29") && !$0.contains { $0.contains("明") } })
        #expect(r.contains { $0.contains("2.其他法律行政法规禁止公开") && $0.contains("27") })
        // The remark's pieces on label lines stay out of the rows of values and their labels.
        #expect(!r.contains { row in row.contains { $0.contains("答复") || $0.contains("家秘密") && $0 != "1.属于国家秘密" } && row.contains("29") })
        #expect(!r.contains { $0.first == "家秘密" })
    }
}
