import DocModel
import DoccanonKit
import Testing

/// A heading must look like a heading before it starts a section, and no line is lost.
@Suite struct SectionTests {
    func report(_ text: String) throws -> Report {
        try Pipeline.report(bytes: Array(text.utf8), name: "s.txt", format: .text)
    }

    @Test func aSentenceAnnouncingAListIsNotAHeading() throws {
        let r = try report("""
        某县2021年政府信息公开工作年度报告
        一、总体情况
        概述。
        五、存在的主要问题及改进情况
        一是公开不够及时。
        针对上述问题，我们将采取以下措施加以改进：
        一是加强培训。
        六、其他需要报告的事项
        无。
        """)
        #expect(!r.findings.contains { $0.rule == .sectionRepeated })
        let problems = try #require(r.sections.first { $0.id == .problemsAndImprovements })
        #expect(problems.paragraphs == ["一是公开不够及时。", "针对上述问题，我们将采取以下措施加以改进：", "一是加强培训。"])
    }

    @Test(arguments: ["存在的主要问题及改进情况如下：", "关于存在的问题和改进情况，说明如下", "政府信息公开工作存在的主要问题及改进情况。", "无其他需要报告的事项", "暂无其他需要报告的事项"])
    func sentencesAreNotHeadings(_ line: String) throws {
        let r = try report("某县2021年政府信息公开工作年度报告\n一、总体情况\n\(line)\n六、其他需要报告的事项\n无。\n")
        #expect(r.sections.map(\.id) == [.overview, .otherMatters])
        #expect(r.sections[0].paragraphs == [line])
    }

    @Test func theTitleIsNotSectionTextAndThePreambleOpensTheFirstSection() throws {
        let r = try report("某县人民政府\n2021年政府信息公开工作年度报告\n本报告依据《条例》编制。\n一、总体情况\n概述。\n六、其他需要报告的事项\n无。\n")
        #expect(r.metadata.title == "某县人民政府2021年政府信息公开工作年度报告")
        #expect(r.sections[0].paragraphs == ["本报告依据《条例》编制。", "概述。"])
    }

    @Test func aRepeatedHeadingStaysAsText() throws {
        let r = try report("某县2021年政府信息公开工作年度报告\n一、总体情况\n概述。\n二、主动公开政府信息情况\n说明。\n一、总体情况\n补充。\n")
        #expect(r.findings.contains { $0.rule == .sectionRepeated })
        #expect(r.sections[0].paragraphs == ["概述。", "一、总体情况", "补充。"])
    }

    /// The 表四 section's heading as real reports word it, one with a stray character inside
    /// the words (a real portal page prints "行政法复议").
    @Test(arguments: [
        "四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "四、政府信息公开复议、诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况",
    ])
    func reviewHeadingVariants(_ heading: String) throws {
        let r = try report("某县2021年政府信息公开工作年度报告\n一、总体情况\n概述。\n\(heading)\n无复议诉讼。\n五、存在的主要问题及改进情况\n不足。\n")
        #expect(r.sections.map(\.id) == [.overview, .reviewsAndLitigation, .problemsAndImprovements])
        #expect(r.sections[1].heading == heading)
        #expect(r.sections[1].paragraphs == ["无复议诉讼。"])
    }

    @Test func aLitigationGroupHeaderIsNoHeading() throws {
        let r = try report("某县2021年政府信息公开工作年度报告\n一、总体情况\n概述。\n行政诉讼（复议后起诉）\n六、其他需要报告的事项\n无。\n")
        #expect(r.sections.map(\.id) == [.overview, .otherMatters])
    }
}
