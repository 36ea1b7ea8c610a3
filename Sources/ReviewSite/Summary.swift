import Checksum
import DocModel

/// What the index and the agency pages keep of one report once its page is written (the
/// collection is never held in memory, only this).
struct Summary: Sendable {
    var id: String
    /// The report page, relative to the site's root.
    var page: String
    var title: String?
    var agency: String?
    var year: Int?
    var template: Template?
    var format: SourceInfo.Format
    var sourceName: String
    var errors: Int
    var warnings: Int
    var infos: Int
    /// Rule ids of the report's findings, each once, sorted.
    var rules: [String]
    /// Table 三 totals: newly received, handled (results total), carried forward, carried over.
    var received: Int?
    var handled: Int?
    var carriedForward: Int?
    var carriedOver: Int?

    init(_ input: ReviewInput, page: String) {
        let report = input.report
        id = input.id
        self.page = page
        title = report.metadata.title
        agency = report.metadata.agency
        year = report.metadata.year
        template = report.metadata.template
        format = report.source.format
        sourceName = report.source.name
        errors = report.findings.filter { $0.severity == .error }.count
        warnings = report.findings.filter { $0.severity == .warning }.count
        infos = report.findings.count - errors - warnings
        rules = Set(report.findings.map(\.rule.rawValue)).sorted()
        let applications = report.applications
        received = applications?.value("newlyReceived", "total")?.integer
        handled = applications?.value("results.total", "total")?.integer
        carriedForward = applications?.value("carriedForward", "total")?.integer
        carriedOver = applications?.value("carriedOver", "total")?.integer
    }

    /// The agency page of an agency name, relative to the site's root (a digest: names are
    /// untrusted and may hold anything).
    static func agencyPage(_ agency: String) -> String {
        "agencies/" + String(Checksum.sha256Hex(Array(agency.utf8)).prefix(16)) + ".html"
    }
}

/// A finding across reports (cross-year, duplicates, prose), as the index lists it.
public struct CollectionNote: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// Ids of the reports involved, as given to the site.
    public var reports: [String]

    public init(rule: String, severity: Severity, message: String, reports: [String]) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.reports = reports
    }
}
