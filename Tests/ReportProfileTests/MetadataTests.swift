import DocModel
import DoccanonKit
import Testing

/// Metadata as real reports write their titles, signatures and page headers (issue 13),
/// on short texts written for each shape.
@Suite struct MetadataTests {
    static let body = "\n一、总体情况\n本年度工作概述。\n二、主动公开政府信息情况\n说明。\n五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n"

    func metadata(_ head: String, tail: String = "") throws -> Metadata {
        try Pipeline.report(bytes: Array((head + Self.body + tail).utf8), name: "m.txt", format: .text).metadata
    }

    @Test func yearFirstTitleNamesTheAgency() throws {
        let m = try metadata("2019年某市人民政府办公厅政府信息公开工作年度报告")
        #expect(m.title == "2019年某市人民政府办公厅政府信息公开工作年度报告")
        #expect(m.agency == "某市人民政府办公厅")
        #expect(m.year == 2019)
    }

    @Test func yearFirstTitleWhereTheAgencyEndsIn政府() throws {
        #expect(try metadata("2021年某市人民政府信息公开工作年度报告").agency == "某市人民政府")
        #expect(try metadata("2021年度某区人民政府政府信息公开工作年度报告").agency == "某区人民政府")
        // A year first with nothing that reads as an agency: unknown, not guessed.
        #expect(try metadata("2021年政府信息公开工作年度报告").agency == nil)
    }

    @Test func titleOverTwoAndThreeLines() throws {
        let two = try metadata("某市人民政府\n2024 年政府信息公开工作年度报告")
        #expect(two.title == "某市人民政府2024年政府信息公开工作年度报告")
        #expect(two.agency == "某市人民政府")
        let three = try metadata("某县人民政府\n2021年政府信息公开\n工作年度报告")
        #expect(three.title == "某县人民政府2021年政府信息公开工作年度报告")
        #expect(three.agency == "某县人民政府" && three.year == 2021)
    }

    @Test func aMarkerOrABannerAboveTheTitleIsNotPartOfIt() throws {
        let marked = try metadata("正文\n某区人民政府\n2022年政府信息公开工作年度报告")
        #expect(marked.title == "某区人民政府2022年政府信息公开工作年度报告")
        #expect(marked.agency == "某区人民政府")
        let bannered = try metadata("某市人民政府信息公开网\n2022年某市交通运输局政府信息公开工作年度报告")
        #expect(bannered.title == "2022年某市交通运输局政府信息公开工作年度报告")
        #expect(bannered.agency == "某市交通运输局")
        #expect(bannered.year == 2022)
    }

    @Test func aMarkdownHeadingMarkerIsNotPartOfTheTitle() throws {
        let one = try metadata("# 某县人民政府 2025 年 政府信息公开工作年度报告")
        #expect(one.title == "某县人民政府2025年政府信息公开工作年度报告")
        #expect(one.agency == "某县人民政府" && one.year == 2025)
        let two = try metadata("## 某区人民政府\n## 2023年政府信息公开工作年度报告")
        #expect(two.title == "某区人民政府2023年政府信息公开工作年度报告")
        // Seven or more "#" are not a heading marker: the line is left as written.
        #expect(try metadata("#######2023年政府信息公开工作年度报告").title?.hasPrefix("#") == true)
    }

    @Test func aTitleGluedToThePreambleIsTheTitle() throws {
        // Page text cut from one line: the title runs into the preamble's first sentence.
        let glued = try metadata("某区2019年政府信息公开工作年度报告根据《中华人民共和国政府信息公开条例》要求编制本报告。")
        #expect(glued.title == "某区2019年政府信息公开工作年度报告")
        #expect(glued.agency == "某区" && glued.year == 2019)
        // A centred title that PDF text flow joined to a preamble opening with 本报告: the title
        // ends at its own 报告.
        let pdf = try metadata("雄关乡2021年政府信息公开工作年度报告本报告根据《中华人民共和国政府信息公开条例》编制。")
        #expect(pdf.title == "雄关乡2021年政府信息公开工作年度报告")
        // A sentence that merely mentions a report is not a title.
        let sentence = try metadata("本报告根据《中华人民共和国政府信息公开条例》编制。")
        #expect(sentence.title == nil)
        // Lines of one or two characters before the first section are not a title (and do not trap).
        #expect(try metadata("某\n区").title == nil)
    }

    /// A title taken from the document's properties (a PDF's Title printed from a web page, a
    /// scraper's 标题) loses the site named after a separator.
    @Test func aPropertyTitleLosesItsSiteName() throws {
        let m = try metadata("标题: 某县2021年政府信息公开工作年度报告_政府信息公开\n一、总体情况\n2021年，我县扎实推进政务公开。")
        #expect(m.title == "某县2021年政府信息公开工作年度报告")
    }

    @Test func signatureDatesInEveryForm() throws {
        for (line, iso) in [("二〇二二年一月二十日", "2022-01-20"), ("2022年1月20日", "2022-01-20"), ("2022-01-20", "2022-01-20"), ("2022.1.20", "2022-01-20")] {
            let m = try metadata("某县2021年政府信息公开工作年度报告", tail: "某县人民政府\n\(line)\n")
            #expect(m.publishedOn == iso, "\(line)")
            #expect(m.agency == "某县人民政府")
        }
        let oneLine = try metadata("某县2021年政府信息公开工作年度报告", tail: "某县人民政府　2022年2月15日\n")
        #expect(oneLine.agency == "某县人民政府" && oneLine.publishedOn == "2022-02-15")
    }

    @Test func agencyFromThePagesPublisherWhenNothingElseNamesIt() throws {
        let m = try metadata("标题：2021年政府信息公开工作年度报告\n发布机构：某镇人民政府\n发布时间：2022-01-28 09:00\n2021年政府信息公开工作年度报告")
        #expect(m.agency == "某镇人民政府")
        #expect(m.publishedOn == "2022-01-28")
        #expect(m.title == "2021年政府信息公开工作年度报告")
        // The signature outranks the page.
        let signed = try metadata("发布机构：某镇人民政府办公室\n2021年政府信息公开工作年度报告", tail: "某镇人民政府\n2022年1月5日\n")
        #expect(signed.agency == "某镇人民政府" && signed.publishedOn == "2022-01-05")
    }
}
