import DocModel

/// The official tables as the generator writes them, stated independently of the reader's own
/// templates (国办公开办函〔2019〕60号 and〔2021〕30号; shared/notes/official-format.md), so
/// that a mistake in one shows up against the other.
enum OfficialRows {
    static let applicantFields = [
        "naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganization",
        "legalServiceAgency", "otherOrganization", "total",
    ]

    /// Table 三's rows: path, label, and the group label that spans it (nil: the row's label
    /// spans the first columns itself).
    struct ApplicationRow {
        var path: String
        var label: String
        var isLeaf: Bool
    }

    struct ApplicationGroup {
        var label: String
        var rows: [ApplicationRow]
    }

    static func applicationGroups(_ template: Template) -> [ApplicationGroup] {
        func leaf(_ path: String, _ label: String) -> ApplicationRow { ApplicationRow(path: path, label: label, isLeaf: true) }
        var groups = [
            ApplicationGroup(label: "（三）不予公开", rows: [
                leaf("results.denied.stateSecret", "1.属于国家秘密"),
                leaf("results.denied.prohibitedByLaw", "2.其他法律行政法规禁止公开"),
                leaf("results.denied.securityOrStability", "3.危及“三安全一稳定”"),
                leaf("results.denied.thirdPartyRights", "4.保护第三方合法权益"),
                leaf("results.denied.internalAffairs", "5.属于三类内部事务信息"),
                leaf("results.denied.processInformation", "6.属于四类过程性信息"),
                leaf("results.denied.enforcementFiles", "7.属于行政执法案卷"),
                leaf("results.denied.administrativeQuery", "8.属于行政查询事项"),
            ]),
            ApplicationGroup(label: "（四）无法提供", rows: [
                leaf("results.unableToProvide.notHeld", "1.本机关不掌握相关政府信息"),
                leaf("results.unableToProvide.needsCreation", "2.没有现成信息需要另行制作"),
                leaf("results.unableToProvide.unclearAfterCorrection", "3.补正后申请内容仍不明确"),
            ]),
            ApplicationGroup(label: "（五）不予处理", rows: [
                leaf("results.notProcessed.petitionOrComplaint", "1.信访举报投诉类申请"),
                leaf("results.notProcessed.duplicate", "2.重复申请"),
                leaf("results.notProcessed.publication", "3.要求提供公开出版物"),
                leaf("results.notProcessed.excessiveRepeated", "4.无正当理由大量反复申请"),
                leaf("results.notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息"),
            ]),
        ]
        if template == .y2021 {
            groups.append(ApplicationGroup(label: "（六）其他处理", rows: [
                leaf("results.otherHandling.overdueCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                leaf("results.otherHandling.unpaidFees", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                leaf("results.otherHandling.other", "3.其他"),
            ]))
        }
        return groups
    }

    /// Every leaf result row of table 三, in order (what （七）总计 sums).
    static func resultLeaves(_ template: Template) -> [String] {
        var out = ["results.granted", "results.partiallyGranted"]
        out += applicationGroups(template).flatMap { $0.rows.map(\.path) }
        if template == .y2019 { out.append("results.otherHandling.other") }
        return out
    }

    static let reviewGroups = ["administrativeReview", "litigationDirect", "litigationAfterReview"]
    static let reviewFields = ["upheld", "corrected", "other", "pending", "total"]
    static let reviewHeaders = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

    /// Table 二: blocks of (block title, header labels, rows of (path, label, fields)).
    struct DisclosureBlock {
        var title: String
        var headers: [String]
        var rows: [(path: String, label: String)]
        var fields: [String]
    }

    static func disclosureBlocks(_ template: Template) -> [DisclosureBlock] {
        switch template {
        case .y2021:
            let documents = ["issued", "repealed", "inForce"]
            return [
                DisclosureBlock(title: "第二十条第（一）项", headers: ["本年制发件数", "本年废止件数", "现行有效件数"],
                                rows: [("regulations", "规章"), ("normativeDocuments", "行政规范性文件")], fields: documents),
                DisclosureBlock(title: "第二十条第（五）项", headers: ["本年处理决定数量"], rows: [("licensing", "行政许可")], fields: ["decisions"]),
                DisclosureBlock(title: "第二十条第（六）项", headers: ["本年处理决定数量"],
                                rows: [("penalties", "行政处罚"), ("coercion", "行政强制")], fields: ["decisions"]),
                DisclosureBlock(title: "第二十条第（八）项", headers: ["本年收费金额（单位：万元）"], rows: [("fees", "行政事业性收费")], fields: ["amount"]),
            ]
        case .y2019:
            let documents = ["newlyMade", "newlyPublished", "totalPublished"]
            let items = ["previousYearItems", "change", "decisions"]
            let itemHeaders = ["上一年项目数量", "本年增/减", "处理决定数量"]
            return [
                DisclosureBlock(title: "第二十条第（一）项", headers: ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                                rows: [("regulations", "规章"), ("normativeDocuments", "规范性文件")], fields: documents),
                DisclosureBlock(title: "第二十条第（五）项", headers: itemHeaders,
                                rows: [("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项")], fields: items),
                DisclosureBlock(title: "第二十条第（六）项", headers: itemHeaders,
                                rows: [("penalties", "行政处罚"), ("coercion", "行政强制")], fields: items),
                DisclosureBlock(title: "第二十条第（八）项", headers: Array(itemHeaders.prefix(2)), rows: [("fees", "行政事业性收费")],
                                fields: ["previousYearItems", "change"]),
                DisclosureBlock(title: "第二十条第（九）项", headers: ["采购项目数量", "采购总金额"], rows: [("procurement", "政府集中采购")],
                                fields: ["projects", "amount"]),
            ]
        }
    }

    static let sectionHeadings: [(SectionID, [String])] = [
        (.overview, ["总体情况"]),
        (.activeDisclosure, ["主动公开政府信息情况", "行政机关主动公开政府信息情况"]),
        (.applications, ["收到和处理政府信息公开申请情况"]),
        (.reviewsAndLitigation, ["政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"]),
        (.problemsAndImprovements, ["存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况"]),
        (.otherMatters, ["其他需要报告的事项"]),
    ]

    static let chineseNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
}
