import Checksum
import DocModel

/// What the collection checks keep of one report: its identity, the carry-over rows and a
/// digest of every number, never the whole report (a collection of 10,000 reports holds 10,000
/// of these, a few hundred bytes each).
public struct ReportDigest: Sendable, Equatable {
    /// Position in the collection (walking order).
    public var index: Int
    public var id: String
    public var source: SourceInfo
    /// The name the agency was identified by, and where it came from.
    public var agency: String?
    public var agencySource: AgencyIdentity.NameSource?
    public var agencyKey: String?
    public var year: Int?
    public var template: Template?
    public var publishedOn: String?
    /// `applications.carriedOver` and `.carriedForward`, in `columns` order; nil for a blank
    /// cell or a missing table.
    public var carriedOver: [Int?]
    public var carriedForward: [Int?]
    /// SHA-256 of every table value with its path: equal digests mean equal numbers.
    public var numbers: String
    /// The sources of the carry-over cells (`applications.carriedOver.*`, `.carriedForward.*`),
    /// kept only when provenance was asked for.
    public var carrySources: [String: Provenance] = [:]

    /// The seven columns of table 三.
    public static let columns = [
        "naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganization",
        "legalServiceAgency", "otherOrganization", "total",
    ]

    public init(index: Int, id: String, loaded: LoadedReport) {
        let report = loaded.report
        self.index = index
        self.id = id
        source = report.source
        let identity = AgencyIdentity.name(publisher: loaded.publisher, agency: report.metadata.agency)
        agency = identity?.name
        agencySource = identity?.source
        agencyKey = identity.map { AgencyIdentity.key($0.name) }
        year = report.metadata.year
        template = report.metadata.template
        publishedOn = report.metadata.publishedOn
        carriedOver = Self.columns.map { report.applications?.value("carriedOver", $0)?.integer }
        carriedForward = Self.columns.map { report.applications?.value("carriedForward", $0)?.integer }
        numbers = Checksum.sha256Hex(Array(Self.numberText(report).utf8))
        if let sources = loaded.sources {
            for row in ["carriedOver", "carriedForward"] {
                for column in Self.columns {
                    let path = "applications.\(row).\(column)"
                    if let source = sources[path] { carrySources[path] = source }
                }
            }
        }
    }

    /// Every table cell as "path=value" lines (null cells as "path=", extra rows by label), in
    /// template order: the text the numbers digest is taken of.
    static func numberText(_ report: Report) -> String {
        var text = ""
        for (key, table) in report.tables {
            guard let table else {
                text += key + "=absent\n"
                continue
            }
            for row in table.rows {
                for field in row.fields {
                    text += "\(key).\(row.path).\(field.name)=\(field.value.map(Self.show) ?? "")\n"
                }
            }
            for extra in table.extraRows {
                text += "\(key).extra.\(extra.label)=\(extra.values.map { $0.map(Self.show) ?? "" }.joined(separator: ","))\n"
            }
        }
        return text
    }

    /// A value as the report's JSON writes it.
    public static func show(_ value: Value) -> String {
        switch value {
        case .integer(let v): return String(v)
        case .decimal(let s): return s
        case .text(let s): return s
        }
    }

    /// The reference a finding gives to this report.
    public var reference: ReportReference { ReportReference(id: id, source: source) }
}

/// A report named by a finding: its id in the collection and its source.
public struct ReportReference: Sendable, Equatable {
    public var id: String
    public var source: SourceInfo
}

/// One value a finding compared: which report, which path, what it holds there. `quote` is the
/// sentence that stated it, for a value read from prose.
public struct ComparedValue: Sendable, Equatable {
    public var report: String
    public var path: String
    public var value: Value?
    public var quote: String?
    /// Where the value was read in its report's source (with `--provenance`).
    public var source: Provenance?

    public init(report: String, path: String, value: Value?, quote: String? = nil, source: Provenance? = nil) {
        self.report = report
        self.path = path
        self.value = value
        self.quote = quote
        self.source = source
    }
}

/// A finding about a collection: across years, between copies, or between one report's prose
/// and its tables. It names every report involved and every value compared.
public struct CollectionFinding: Sendable, Equatable {
    public var rule: Rule
    public var severity: Severity
    public var message: String
    public var reports: [ReportReference]
    public var values: [ComparedValue]

    public init(_ rule: Rule, _ message: String, reports: [ReportReference], values: [ComparedValue]) {
        self.rule = rule
        self.severity = rule.severity
        self.message = message
        self.reports = reports
        self.values = values
    }
}
