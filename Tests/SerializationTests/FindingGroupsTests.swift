import DocModel
import DoccanonKit
import Testing

/// `validate --format text` groups cell findings by rule, table and columns; JSON keeps one
/// finding per cell.
@Suite struct FindingGroupsTests {
    static let legalPerson = ["commercialEnterprise", "researchInstitution", "publicInterestOrganization", "legalServiceAgency", "otherOrganization"]
    static let rows = ["newlyReceived", "carriedOver", "results.granted", "results.partiallyGranted", "results.denied.stateSecret", "results.total", "carriedForward"]

    static func blanks(_ rows: [String], _ fields: [String]) -> [Finding] {
        rows.flatMap { row in fields.map { Finding(.valueBlank, "空白单元格（值为 null）", path: "applications.\(row).\($0)") } }
    }

    @Test func blankLegalPersonColumnsAreOneLine() {
        let findings = Self.blanks(Self.rows, Self.legalPerson)
        let text = Validation.render(findings, json: false)
        #expect(text == """
        warning: [value.blank] 表三 法人或其他组织 5 列空白：7 行（一、本年新收政府信息公开申请数量 至 四、结转下年度继续办理）
        35 findings: 0 errors, 35 warnings, 0 info

        """)
        // JSON keeps every cell.
        #expect(Validation.render(findings, json: true).components(separatedBy: "\"rule\"").count - 1 == 35)
    }

    @Test func rowsWithOtherBlankColumnsAreTheirOwnGroup() {
        var findings = Self.blanks(Array(Self.rows.prefix(5)), Self.legalPerson)
        findings += Self.blanks(["results.total"], ["naturalPerson", "total"])
        findings.append(Finding(.applicationsBalance, "本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年", path: "applications.naturalPerson"))
        let lines = Validation.render(findings, json: false).split(separator: "\n").map(String.init)
        #expect(lines == [
            "warning: [value.blank] 表三 法人或其他组织 5 列空白：5 行（一、本年新收政府信息公开申请数量 至 1.属于国家秘密）",
            "warning: [value.blank] 表三 自然人、总计 2 列空白：1 行（（七）总计）",
            "error: [applications.balance] at applications.naturalPerson: 本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年",
            "28 findings: 1 error, 27 warnings, 0 info",
        ])
    }

    /// A column is named by the header its rows give it: "amount" heads 采购总金额 in the 2019
    /// 政府集中采购 row and 本年收费金额 in 2021's 收费 row; "decisions" 处理决定数量 beside a 2019 本年增/减.
    @Test func columnsAreNamedByTheirRowsHeaders() {
        let blank = { (path: String) in Finding(.valueBlank, "空白单元格（值为 null）", path: "activeDisclosure." + path) }
        let findings = [blank("procurement.amount"), blank("procurement.projects"),
                        blank("licensing.change"), blank("licensing.decisions"), blank("penalties.change"), blank("penalties.decisions")]
        let lines = Validation.render(findings, json: false).split(separator: "\n").map(String.init)
        #expect(lines == [
            "warning: [value.blank] 表二 采购项目数量、采购总金额 2 列空白：1 行（政府集中采购）",
            "warning: [value.blank] 表二 本年增/减、处理决定数量 2 列空白：2 行（行政许可、行政处罚）",
            "6 findings: 0 errors, 6 warnings, 0 info",
        ])
    }

    /// A single cell keeps the old line with its path; 表四 cells read by group and outcome.
    @Test func singleCellsAndTable四() {
        let findings = [
            Finding(.valueNegative, "数值为负：-1", path: "activeDisclosure.regulations.repealed"),
            Finding(.valueBlank, "空白单元格（值为 null）", path: "reviewsAndLitigation.administrativeReview.total"),
            Finding(.valueBlank, "空白单元格（值为 null）", path: "reviewsAndLitigation.litigationDirect.total"),
        ]
        let lines = Validation.render(findings, json: false).split(separator: "\n").map(String.init)
        #expect(lines == [
            "error: [value.negative] at activeDisclosure.regulations.repealed: 数值为负：-1",
            "warning: [value.blank] 表四 总计 列空白：2 行（行政复议、未经复议直接起诉）",
            "3 findings: 1 error, 2 warnings, 0 info",
        ])
    }
}
