import DocModel
import TableCore

/// The official tables of both template versions, as data for the aligner
/// (国办公开办函〔2019〕60号 and〔2021〕30号; layouts in shared/notes/official-format.md).
public enum OfficialTemplates {
    public static func tables(_ template: Template) -> [TableTemplate] {
        switch template {
        case .y2019: return tables2019
        case .y2021: return tables2021
        }
    }

    /// The label vocabulary of `tables(template)`, built once per process.
    public static func vocabulary(_ template: Template) -> Vocabulary {
        switch template {
        case .y2019: return vocabulary2019
        case .y2021: return vocabulary2021
        }
    }

    static let tables2019 = [activeDisclosure(.y2019), applications(.y2019), reviews]
    static let tables2021 = [activeDisclosure(.y2021), applications(.y2021), reviews]
    static let vocabulary2019 = Vocabulary(tables2019)
    static let vocabulary2021 = Vocabulary(tables2021)

    // MARK: 表二 主动公开政府信息情况

    static func activeDisclosure(_ template: Template) -> TableTemplate {
        let groups = [
            GroupTemplate(id: "item1", labels: ["第二十条第（一）项"]),
            GroupTemplate(id: "item5", labels: ["第二十条第（五）项"]),
            GroupTemplate(id: "item6", labels: ["第二十条第（六）项"]),
            GroupTemplate(id: "item8", labels: ["第二十条第（八）项"]),
            GroupTemplate(id: "item9", labels: ["第二十条第（九）项"]),
        ]
        switch template {
        case .y2021:
            let documents = [
                FieldTemplate("issued", header: "本年制发件数"), FieldTemplate("repealed", header: "本年废止件数"),
                FieldTemplate("inForce", header: "现行有效件数"),
            ]
            let decisions = [FieldTemplate("decisions", header: "本年处理决定数量")]
            return TableTemplate(
                key: "activeDisclosure", title: "表二（主动公开）", anchors: ["信息内容"], groups: groups,
                rows: [
                    RowTemplate(path: "regulations", labels: ["规章"], group: "item1", fields: documents),
                    RowTemplate(path: "normativeDocuments", labels: ["行政规范性文件", "规范性文件"], group: "item1", fields: documents),
                    RowTemplate(path: "licensing", labels: ["行政许可"], group: "item5", fields: decisions),
                    RowTemplate(path: "penalties", labels: ["行政处罚"], group: "item6", fields: decisions),
                    RowTemplate(path: "coercion", labels: ["行政强制"], group: "item6", fields: decisions),
                    RowTemplate(
                        path: "fees", labels: ["行政事业性收费"], group: "item8",
                        fields: [FieldTemplate("amount", .amountWan, header: "本年收费金额（单位：万元）")]),
                ])
        case .y2019:
            let documents = [
                FieldTemplate("newlyMade", header: "本年新制作数量"), FieldTemplate("newlyPublished", header: "本年新公开数量"),
                FieldTemplate("totalPublished", header: "对外公开总数量"),
            ]
            let items = [
                FieldTemplate("previousYearItems", header: "上一年项目数量"), FieldTemplate("change", .signedCount, header: "本年增/减"),
                FieldTemplate("decisions", header: "处理决定数量"),
            ]
            return TableTemplate(
                key: "activeDisclosure", title: "表二（主动公开）", anchors: ["信息内容"], groups: groups,
                rows: [
                    RowTemplate(path: "regulations", labels: ["规章"], group: "item1", fields: documents),
                    RowTemplate(path: "normativeDocuments", labels: ["规范性文件", "行政规范性文件"], group: "item1", fields: documents),
                    RowTemplate(path: "licensing", labels: ["行政许可"], group: "item5", fields: items),
                    RowTemplate(path: "otherServices", labels: ["其他对外管理服务事项"], group: "item5", fields: items),
                    RowTemplate(path: "penalties", labels: ["行政处罚"], group: "item6", fields: items),
                    RowTemplate(path: "coercion", labels: ["行政强制"], group: "item6", fields: items),
                    RowTemplate(path: "fees", labels: ["行政事业性收费"], group: "item8", fields: Array(items.prefix(2))),
                    RowTemplate(
                        path: "procurement", labels: ["政府集中采购"], group: "item9",
                        fields: [
                            FieldTemplate("projects", header: "采购项目数量"), FieldTemplate("amount", .amountAsWritten, header: "采购总金额"),
                            FieldTemplate("unit", .unitOfPrevious, header: ""),
                        ]),
                ])
        }
    }

    // MARK: 表三 收到和处理政府信息公开申请情况

    static let applicantFields = [
        FieldTemplate("naturalPerson", header: "自然人"), FieldTemplate("commercialEnterprise", header: "商业企业"),
        FieldTemplate("researchInstitution", header: "科研机构"), FieldTemplate("publicInterestOrganization", header: "社会公益组织"),
        FieldTemplate("legalServiceAgency", header: "法律服务机构"), FieldTemplate("otherOrganization", header: "其他"),
        FieldTemplate("total", header: "总计"),
    ]

    static func applications(_ template: Template) -> TableTemplate {
        func row(_ path: String, _ labels: [String], _ group: String? = nil) -> RowTemplate {
            RowTemplate(path: path, labels: labels, group: group, fields: applicantFields)
        }
        var rows = [
            row("newlyReceived", ["一、本年新收政府信息公开申请数量"]),
            row("carriedOver", ["二、上年结转政府信息公开申请数量"]),
            row("results.granted", ["（一）予以公开"], "results"),
            row("results.partiallyGranted", ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开"], "results"),
            row("results.denied.stateSecret", ["1.属于国家秘密"], "denied"),
            row("results.denied.prohibitedByLaw", ["2.其他法律行政法规禁止公开"], "denied"),
            row("results.denied.securityOrStability", ["3.危及“三安全一稳定”"], "denied"),
            row("results.denied.thirdPartyRights", ["4.保护第三方合法权益"], "denied"),
            row("results.denied.internalAffairs", ["5.属于三类内部事务信息"], "denied"),
            row("results.denied.processInformation", ["6.属于四类过程性信息"], "denied"),
            row("results.denied.enforcementFiles", ["7.属于行政执法案卷"], "denied"),
            row("results.denied.administrativeQuery", ["8.属于行政查询事项"], "denied"),
            row("results.unableToProvide.notHeld", ["1.本机关不掌握相关政府信息"], "unableToProvide"),
            row("results.unableToProvide.needsCreation", ["2.没有现成信息需要另行制作"], "unableToProvide"),
            row("results.unableToProvide.unclearAfterCorrection", ["3.补正后申请内容仍不明确"], "unableToProvide"),
            row("results.notProcessed.petitionOrComplaint", ["1.信访举报投诉类申请"], "notProcessed"),
            row("results.notProcessed.duplicate", ["2.重复申请"], "notProcessed"),
            row("results.notProcessed.publication", ["3.要求提供公开出版物"], "notProcessed"),
            row("results.notProcessed.excessiveRepeated", ["4.无正当理由大量反复申请"], "notProcessed"),
            row("results.notProcessed.confirmation", ["5.要求行政机关确认或重新出具已获取信息"], "notProcessed"),
        ]
        var groups = [
            GroupTemplate(id: "results", labels: ["三、本年度办理结果"]),
            GroupTemplate(id: "denied", labels: ["（三）不予公开"]),
            GroupTemplate(id: "unableToProvide", labels: ["（四）无法提供"]),
            GroupTemplate(id: "notProcessed", labels: ["（五）不予处理"]),
        ]
        switch template {
        case .y2021:
            groups.append(GroupTemplate(id: "otherHandling", labels: ["（六）其他处理"]))
            rows += [
                row("results.otherHandling.overdueCorrection", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"], "otherHandling"),
                row("results.otherHandling.unpaidFees", ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"], "otherHandling"),
                row("results.otherHandling.other", ["3.其他"], "otherHandling"),
            ]
        case .y2019:
            rows.append(row("results.otherHandling.other", ["（六）其他处理"], "results"))
        }
        rows += [
            row("results.total", ["（七）总计"], "results"),
            row("carriedForward", ["四、结转下年度继续办理"]),
        ]
        return TableTemplate(
            key: "applications", title: "表三（依申请公开）",
            anchors: ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "法人或其他组织"],
            groups: groups, rows: rows)
    }

    // MARK: 表四 行政复议、行政诉讼

    public static let reviewGroups = ["administrativeReview", "litigationDirect", "litigationAfterReview"]
    /// What names each group alone: "行政诉讼" names neither litigation group.
    static let reviewGroupLabels = [["行政复议"], ["未经复议直接起诉", "直接起诉"], ["复议后起诉", "经复议后起诉"]]

    static let reviews: TableTemplate = {
        let outcome = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计")]
        let fields = outcome.map { FieldTemplate($0.0, header: $0.1) }
        // One source row of fifteen cells: three column groups of five, each a report row.
        return TableTemplate(
            key: "reviewsAndLitigation", title: "表四（行政复议、行政诉讼）",
            anchors: ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"], groups: [],
            rows: [RowTemplate(labels: [], groups: zip(reviewGroups, reviewGroupLabels).map { ColumnGroup(path: $0, labels: $1, fields: fields) })])
    }()

    /// Template markers: labels only one version has.
    static let markers2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "其他对外管理服务事项", "政府集中采购", "采购项目数量", "第二十条第（九）项"]
    static let markers2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "缴纳费用"]
}
