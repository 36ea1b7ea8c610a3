/// The canonical report (spec §2): a 政府信息公开工作年度报告 read into the official template.
public struct Report: Sendable, Equatable {
    public var source: SourceInfo
    public var metadata: Metadata
    public var sections: [Section]
    /// Table 二 (主动公开政府信息情况); nil when the table was not found.
    public var activeDisclosure: TableValues?
    /// Table 三 (收到和处理政府信息公开申请情况); nil when not found.
    public var applications: TableValues?
    /// Table 四 (行政复议、行政诉讼情况); nil when not found.
    public var reviewsAndLitigation: TableValues?
    public var findings: [Finding]
    /// Where each value came from, by its dotted path ("applications.newlyReceived.total"):
    /// filled by the reconstructor, empty for a report read back from JSON or XML. Not
    /// serialised unless asked for (`--provenance`); equality ignores it.
    public var sources: [String: ValueSource] = [:]

    public init(
        source: SourceInfo, metadata: Metadata, sections: [Section], activeDisclosure: TableValues?,
        applications: TableValues?, reviewsAndLitigation: TableValues?, findings: [Finding]
    ) {
        self.source = source
        self.metadata = metadata
        self.sections = sections
        self.activeDisclosure = activeDisclosure
        self.applications = applications
        self.reviewsAndLitigation = reviewsAndLitigation
        self.findings = findings
    }

    public static func == (a: Report, b: Report) -> Bool {
        a.source == b.source && a.metadata == b.metadata && a.sections == b.sections && a.activeDisclosure == b.activeDisclosure
            && a.applications == b.applications && a.reviewsAndLitigation == b.reviewsAndLitigation && a.findings == b.findings
    }

    /// The three tables with their keys in the report, in document order.
    public var tables: [(key: String, values: TableValues?)] {
        [("activeDisclosure", activeDisclosure), ("applications", applications),
         ("reviewsAndLitigation", reviewsAndLitigation)]
    }
}

public struct Metadata: Sendable, Equatable {
    public var title: String?
    public var agency: String?
    public var year: Int?
    /// ISO date (yyyy-mm-dd) or nil.
    public var publishedOn: String?
    public var template: Template?

    public init(title: String? = nil, agency: String? = nil, year: Int? = nil, publishedOn: String? = nil, template: Template? = nil) {
        self.title = title
        self.agency = agency
        self.year = year
        self.publishedOn = publishedOn
        self.template = template
    }
}

/// The two official formats: 国办公开办函〔2019〕60号 and〔2021〕30号.
public enum Template: String, Sendable, CaseIterable {
    case y2019 = "2019"
    case y2021 = "2021"
}

public struct Section: Sendable, Equatable {
    public var id: SectionID
    public var heading: String
    public var paragraphs: [String]

    public init(id: SectionID, heading: String, paragraphs: [String]) {
        self.id = id
        self.heading = heading
        self.paragraphs = paragraphs
    }
}

public enum SectionID: String, Sendable, CaseIterable {
    case overview, activeDisclosure, applications, reviewsAndLitigation, problemsAndImprovements, otherMatters
}

/// The values of one statistical table, as template rows in template order.
///
/// A row's `path` is dotted ("results.denied.stateSecret"); serialisation nests it.
public struct TableValues: Sendable, Equatable {
    public var rows: [RowValues]
    public var extraRows: [ExtraRow]

    public init(rows: [RowValues], extraRows: [ExtraRow] = []) {
        self.rows = rows
        self.extraRows = extraRows
    }

    public func row(_ path: String) -> RowValues? { rows.first { $0.path == path } }

    public func value(_ path: String, _ field: String) -> Value? {
        row(path)?.fields.first { $0.name == field }?.value ?? nil
    }
}

public struct RowValues: Sendable, Equatable {
    public var path: String
    public var fields: [FieldValue]

    public init(path: String, fields: [FieldValue]) {
        self.path = path
        self.fields = fields
    }

    public subscript(field: String) -> Value? {
        fields.first { $0.name == field }?.value ?? nil
    }
}

public struct FieldValue: Sendable, Equatable {
    public var name: String
    /// nil is a blank (or unreadable) cell: never 0.
    public var value: Value?

    public init(name: String, value: Value?) {
        self.name = name
        self.value = value
    }
}

/// A row that is not in the template, kept with its label and values (spec §2).
public struct ExtraRow: Sendable, Equatable {
    public var label: String
    public var values: [Value?]

    public init(label: String, values: [Value?]) {
        self.label = label
        self.values = values
    }
}

/// A cell value. Amounts keep exactly the decimal digits of the source.
public enum Value: Sendable, Equatable, Hashable {
    case integer(Int)
    /// A JSON number literal, exactly as the source wrote it ("15996.59", "0.12").
    case decimal(String)
    /// Text, for the few fields that are text (the 2019 procurement unit).
    case text(String)

    /// The value as an integer, when it is one.
    public var integer: Int? {
        if case .integer(let v) = self { return v }
        return nil
    }
}
