import DocModel
import DoccanonKit
import Testing

/// A crawled page's 表二 (2019 template) with its cells run together, where the procurement
/// row's digits under two columns split several ways and 表二 has no arithmetic to choose.
@Suite struct RunTogetherUnitKeptTests {
    static func page(procurement: String) -> String {
        [
            "某某区财政局2019年政府信息公开工作年度报告", "",
            "一、总体情况", "本年度依法做好政府信息公开工作。",
            "二、主动公开政府信息情况",
            "第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件222"
                + "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可20+1737其他对外管理服务事项000"
                + "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚000行政强制000"
                + "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00"
                + "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购" + procurement,
            "三、收到和处理政府信息公开申请情况", "无。",
            "六、其他需要报告的事项", "无。", "某某区财政局", "2020年1月10日",
        ].joined(separator: "\n") + "\n"
    }

    static func procurement(_ r: Report) -> [Value?] {
        r.activeDisclosure?.row("procurement")?.fields.map(\.value) ?? []
    }

    /// "2284777万元": the count and the amount are undecided (null, with the splits in
    /// `value.undecidable`), but every split ends in 万元, so the unit is the text's.
    @Test func theUnitEverySplitCarriesIsKept() throws {
        let r = try Pipeline.report(bytes: Array(Self.page(procurement: "2284777万元").utf8), name: "p.txt", format: .text)
        #expect(Self.procurement(r) == [nil, nil, .text("万元")])
        let finding = try #require(r.findings.first { $0.rule == .valueUndecidable && $0.path == "activeDisclosure.procurement" })
        #expect(finding.message.contains("2284777万元"))
        // A decided split keeps its unit as before ("1个246900元": the count's unit ends it).
        let decided = try Pipeline.report(bytes: Array(Self.page(procurement: "1个246900元").utf8), name: "p.txt", format: .text)
        #expect(Self.procurement(decided) == [.integer(1), .integer(246900), .text("元")])
    }

    /// Digits with no unit leave the unit null too.
    @Test func noUnitIsMadeUpForBareDigits() throws {
        let r = try Pipeline.report(bytes: Array(Self.page(procurement: "2284777").utf8), name: "p.txt", format: .text)
        #expect(Self.procurement(r) == [nil, nil, nil])
        #expect(r.findings.contains { $0.rule == .valueUndecidable && $0.path == "activeDisclosure.procurement" })
    }
}
