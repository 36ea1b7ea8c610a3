import DocModel
import TableCore
import Testing
@testable import ReportProfile

/// The numbers the prose states for 表二's documents cells (`ProseStatements`), which may
/// choose between readings of a row its text leaves open.
@Suite struct ProseStatementsTests {
    func read(_ paragraphs: [String], template: Template = .y2021) -> [String: Int] {
        ProseStatements.read([Section(id: .overview, heading: "一、总体情况", paragraphs: paragraphs)], year: 2023, template: template)
            .mapValues(\.value)
    }

    @Test func aCountNamingOneRowAndOneColumnIsStated() {
        let stated = read(["集中公开现行有效行政规范性文件612件，动态更新本年度制发的规范性文件41件；废止规章2件。"])
        #expect(stated == [
            "activeDisclosure.normativeDocuments.inForce": 612,
            "activeDisclosure.normativeDocuments.issued": 41,
            "activeDisclosure.regulations.repealed": 2,
        ])
        let claim = ProseStatements.read([Section(id: .overview, heading: "", paragraphs: ["动态更新本年度制发的规范性文件41件。"])], year: 2023, template: .y2021)
        #expect(claim["activeDisclosure.normativeDocuments.issued"]?.claim == "动态更新本年度制发的规范性文件41件")
    }

    @Test func countsThatNameNoColumnOrBothRowsOrAnotherThingStateNothing() {
        let silent = [
            "全年主动公开市政府规章22件、行政规范性文件34件。",  // no column named
            "制发规章、行政规范性文件共9件。",  // two rows
            "公开规范性文件类信息68条。",  // not a count of cases
            "本年制发规范性文件同比增长12件。",  // a change
            "2022年制发行政规范性文件30件。",  // another year
            "制发行政规范性文件约30件。",  // an estimate
            "现行有效规范性文件200余件。",
            "共受理政府信息公开申请21件。",  // another table
        ]
        for p in silent { #expect(read([p]).isEmpty, "\(p)") }
    }

    @Test func aCellStatedTwoWaysIsLeftOut() {
        #expect(read(["本年度制发行政规范性文件8件。", "全年制发行政规范性文件9件。"]).isEmpty)
        #expect(read(["本年度制发行政规范性文件8件。", "全年制发行政规范性文件8件。"]) == ["activeDisclosure.normativeDocuments.issued": 8])
    }

    @Test func theColumnsAreTheTemplates() {
        #expect(read(["本年新制作规范性文件5件。"], template: .y2019) == ["activeDisclosure.normativeDocuments.newlyMade": 5])
        #expect(read(["本年新制作规范性文件5件。"]).isEmpty)
        #expect(read(["已宣布废止规范性文件5件。"], template: .y2019).isEmpty)
    }
}
