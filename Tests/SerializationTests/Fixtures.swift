import DocModel
import Foundation
import ReportProfile

/// Hand-made reports and documents shaped like real ones, for the schema and round-trip tests.
enum Fixtures {
    static let sha = String(repeating: "ab", count: 32)
    static let applicantKeys = [
        "naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganization",
        "legalServiceAgency", "otherOrganization",
    ]

    /// A table 三 row: the six applicant columns and their total (the sum unless given).
    static func applicant(_ path: String, _ six: [Int?], total: Int?? = .none) -> RowValues {
        let sum: Int? = six.contains { $0 == nil } ? nil : six.compactMap { $0 }.reduce(0, +)
        let t: Int? = total ?? sum
        var fields = zip(applicantKeys, six).map { FieldValue(name: $0.0, value: $0.1.map(Value.integer)) }
        fields.append(FieldValue(name: "total", value: t.map(Value.integer)))
        return RowValues(path: path, fields: fields)
    }

    static func row(_ path: String, _ fields: [(String, Value?)]) -> RowValues {
        RowValues(path: path, fields: fields.map { FieldValue(name: $0.0, value: $0.1) })
    }

    static let zero6: [Int?] = [0, 0, 0, 0, 0, 0]

    /// Table 三 with every template row; `results.otherHandling` has one row (2019) or three.
    static func applications(_ template: Template, newly: [Int?] = [10, 2, 0, 1, 0, 0]) -> TableValues {
        var rows = [
            applicant("newlyReceived", newly),
            applicant("carriedOver", [1, 0, 0, 0, 0, 0]),
            applicant("results.granted", [5, 1, 0, 0, 0, 0]),
            applicant("results.partiallyGranted", [1, 0, 0, 0, 0, 0]),
        ]
        let denied = [
            "stateSecret", "prohibitedByLaw", "securityOrStability", "thirdPartyRights", "internalAffairs",
            "processInformation", "enforcementFiles", "administrativeQuery",
        ]
        rows += denied.map { applicant("results.denied.\($0)", $0 == "stateSecret" ? [1, 0, 0, 0, 0, 0] : zero6) }
        rows += ["notHeld", "needsCreation", "unclearAfterCorrection"].map {
            applicant("results.unableToProvide.\($0)", $0 == "notHeld" ? [2, 1, 0, 0, 0, 0] : zero6)
        }
        rows += ["petitionOrComplaint", "duplicate", "publication", "excessiveRepeated", "confirmation"].map {
            applicant("results.notProcessed.\($0)", $0 == "duplicate" ? [0, 0, 0, 1, 0, 0] : zero6)
        }
        if template == .y2021 {
            rows.append(applicant("results.otherHandling.overdueCorrection", zero6))
            rows.append(applicant("results.otherHandling.unpaidFees", zero6))
        }
        rows.append(applicant("results.otherHandling.other", [1, 0, 0, 0, 0, 0]))
        rows.append(applicant("results.total", [10, 2, 0, 1, 0, 0]))
        rows.append(applicant("carriedForward", [1, 0, 0, 0, 0, 0]))
        return TableValues(rows: rows)
    }

    static func reviews(litigationDirectTotal: Int? = 0) -> TableValues {
        func group(_ path: String, _ v: [Int?]) -> RowValues {
            row(path, zip(["upheld", "corrected", "other", "pending", "total"], v).map { ($0.0, $0.1.map(Value.integer)) })
        }
        return TableValues(rows: [
            group("administrativeReview", [1, 0, 0, 1, 2]),
            group("litigationDirect", [0, 0, 0, 0, litigationDirectTotal]),
            group("litigationAfterReview", [1, 0, 0, 0, 1]),
        ])
    }

    static func activeDisclosure2021(fees: Value? = .decimal("15996.59")) -> TableValues {
        TableValues(rows: [
            row("regulations", [("issued", .integer(0)), ("repealed", .integer(0)), ("inForce", .integer(3))]),
            row("normativeDocuments", [("issued", .integer(2)), ("repealed", .integer(1)), ("inForce", .integer(15))]),
            row("licensing", [("decisions", .integer(120))]),
            row("penalties", [("decisions", .integer(4))]),
            row("coercion", [("decisions", .integer(0))]),
            row("fees", [("amount", fees)]),
        ])
    }

    static func activeDisclosure2019() -> TableValues {
        TableValues(
            rows: [
                row("regulations", [("newlyMade", .integer(3)), ("newlyPublished", .integer(3)), ("totalPublished", .integer(40))]),
                row("normativeDocuments", [("newlyMade", .integer(5)), ("newlyPublished", nil), ("totalPublished", .integer(88))]),
                row("licensing", [("previousYearItems", .integer(12)), ("change", .integer(-4)), ("decisions", .integer(300))]),
                row("otherServices", [("previousYearItems", .integer(2)), ("change", .integer(3)), ("decisions", .integer(9))]),
                row("penalties", [("previousYearItems", .integer(1)), ("change", .integer(0)), ("decisions", .integer(7))]),
                row("coercion", [("previousYearItems", .integer(0)), ("change", .integer(0)), ("decisions", .integer(0))]),
                row("fees", [("previousYearItems", .integer(4)), ("change", .integer(0))]),
                row("procurement", [("projects", .integer(2)), ("amount", .decimal("52.15")), ("unit", .text("万元"))]),
            ],
            extraRows: [ExtraRow(label: "其他主动公开文件", values: [.integer(12), nil, .decimal("0.50")])])
    }

    static let allSections: [Section] = [
        Section(id: .overview, heading: "一、总体情况", paragraphs: ["2021年，我乡认真贯彻落实《中华人民共和国政府信息公开条例》。", "（一）主动公开情况。"]),
        Section(id: .activeDisclosure, heading: "二、主动公开政府信息情况", paragraphs: []),
        Section(id: .applications, heading: "三、收到和处理政府信息公开申请情况", paragraphs: []),
        Section(id: .reviewsAndLitigation, heading: "四、政府信息公开行政复议、行政诉讼情况", paragraphs: []),
        Section(id: .problemsAndImprovements, heading: "五、存在的主要问题及改进情况", paragraphs: ["信息公开的及时性有待提高。"]),
        Section(id: .otherMatters, heading: "六、其他需要报告的事项", paragraphs: ["本年度未收取信息处理费。"]),
    ]

    static func source(_ name: String = "report.docx") -> SourceInfo {
        SourceInfo(format: .docx, name: name, sha256: sha, bytes: 48213)
    }

    /// A finished report: its findings are the conversion findings plus the validator's, as
    /// the report command writes them.
    static func finish(_ report: Report, conversion: [Finding]) -> Report {
        var r = report
        r.findings = conversion
        r.findings = conversion + ReportValidator.findings(for: r)
        return r
    }

    /// 2021 template, balanced, with two conversion findings.
    static var report2021: Report {
        finish(
            Report(
                source: source(),
                metadata: Metadata(title: "雄关乡2021年政府信息公开工作年度报告", agency: "玉溪市江川区雄关乡人民政府", year: 2021, publishedOn: "2022-02-15", template: .y2021),
                sections: allSections, activeDisclosure: activeDisclosure2021(), applications: applications(.y2021),
                reviewsAndLitigation: reviews(), findings: []),
            conversion: [
                Finding(.textRepaired, "“冇效” 修复为 “有效”", path: "activeDisclosure.regulations.inForce"),
                Finding(.valuePlaceholder, "“—” 读作 0", path: "applications.results.denied.stateSecret.researchInstitution"),
            ])
    }

    /// 2019 template for a 2022 report (outdated), with a blank cell, a signed change, an extra row.
    static var report2019: Report {
        finish(
            Report(
                source: SourceInfo(format: .html, name: "fengshou.html", sha256: sha, bytes: 90210),
                metadata: Metadata(title: "丰收乡2022年政府信息公开工作年度报告", agency: "丰收乡人民政府", year: 2022, publishedOn: nil, template: .y2019),
                sections: Array(allSections.prefix(4)), activeDisclosure: activeDisclosure2019(), applications: applications(.y2019),
                reviewsAndLitigation: reviews(), findings: []),
            conversion: [
                Finding(.tableExtraRow, "模板外的行“其他主动公开文件”已保留", path: "activeDisclosure.extraRows.0"),
                Finding(.valueUnitConverted, "“1200元” 换算为 0.12 万元", path: nil),
            ])
    }

    /// Nothing found: no template, no tables, no sections.
    static var reportEmpty: Report {
        finish(
            Report(
                source: SourceInfo(format: .text, name: "notes.txt", sha256: sha, bytes: 12), metadata: Metadata(), sections: [],
                activeDisclosure: nil, applications: nil, reviewsAndLitigation: nil, findings: []),
            conversion: [])
    }

    /// Numbers that do not balance, blanks and a negative count: every arithmetic rule fires.
    static var reportUnbalanced: Report {
        var apps = applications(.y2021, newly: [11, 2, 0, 1, nil, 0])
        apps.rows[0] = applicant("newlyReceived", [11, 2, 0, 1, nil, 0], total: 14)
        apps.rows[1] = applicant("carriedOver", [1, 0, 0, 0, 0, 0], total: 2)
        apps.extraRows = [ExtraRow(label: "其中：网络申请", values: [.integer(4), .text("—"), nil, nil, nil, nil, .integer(4)])]
        var reviews = reviews(litigationDirectTotal: 3)
        reviews.rows[2] = row(
            "litigationAfterReview", [("upheld", .integer(-1)), ("corrected", .integer(0)), ("other", nil), ("pending", .integer(0)), ("total", .integer(1))])
        return finish(
            Report(
                source: source("bad.docx"),
                metadata: Metadata(title: "某局2023年政府信息公开工作年度报告", agency: "某局", year: 2023, publishedOn: "2024-01-31", template: .y2021),
                sections: Array(allSections.dropLast()), activeDisclosure: activeDisclosure2021(fees: .decimal("0")), applications: apps,
                reviewsAndLitigation: reviews, findings: []),
            conversion: [Finding(.tableAmbiguous, "两种对齐方式均可，取第一种", path: "applications")])
    }

    /// Strings that need escaping in XML and JSON (but no characters XML forbids).
    static var reportTricky: Report {
        var r = report2021
        r.metadata.title = "<报告> & \"引号\" 'apos' ]]> \t tab\r\ncrlf\rcr 😀 \u{85}\u{2028}"
        r.metadata.agency = "  leading and trailing spaces  "
        r.sections[0].paragraphs = ["", " ", "\n", "&amp; is literal"]
        return r
    }

    static var reports: [(name: String, report: Report)] {
        [("2021", report2021), ("2019", report2019), ("empty", reportEmpty), ("unbalanced", reportUnbalanced), ("tricky", reportTricky)]
    }

    static var document: Document {
        let table = Table(rowCount: 3, columnCount: 3, cells: [
            Cell(row: 0, column: 0, rowSpan: 1, columnSpan: 3, text: "第二十条第（一）项"),
            Cell(row: 1, column: 0, text: "信息内容"), Cell(row: 1, column: 1, text: "本年制发件数"),
            Cell(row: 1, column: 2, rowSpan: 2, text: "现行有效件数"),
            Cell(row: 2, column: 0, text: "规章"), Cell(row: 2, column: 1, text: "0"),
        ])
        return Document(
            source: SourceInfo(format: .html, name: "page.html", sha256: sha, bytes: 2048),
            blocks: [
                .heading(level: 1, text: "雄关乡2021年政府信息公开工作年度报告"), .paragraph("本报告由…组成。"),
                .heading(level: 2, text: "一、总体情况"), .table(table), .paragraph("<b>&</b>"),
            ],
            properties: ["publishedOn": "2022-02-15", "publisher": "雄关乡", "发布 机构": "雄关乡人民政府"],
            findings: [Finding(.textRepaired, "“自然 人” → “自然人”", path: nil)])
    }

    static var emptyDocument: Document {
        Document(source: SourceInfo(format: .text, name: "empty.txt", sha256: sha, bytes: 0), blocks: [])
    }

    static var documents: [(name: String, document: Document)] { [("page", document), ("empty", emptyDocument)] }
}
