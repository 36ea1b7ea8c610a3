import Checksum
import Collections
import DocModel

/// What the index and the agency pages keep of one report once its page is written (the
/// collection is never held in memory, only this).
struct Summary: Sendable {
    var id: String
    /// The report page, relative to the site's root.
    var page: String
    var title: String?
    /// The agency as the collection checks identify it (the page's 发布机构, else the
    /// report's agency) and its identity key; nil without a name.
    var agency: String?
    var agencyKey: String?
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
        let identity = AgencyIdentity.name(publisher: input.publisher, agency: report.metadata.agency)
        agency = identity?.name
        agencyKey = identity.map { AgencyIdentity.key($0.name) }
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

    /// The agency page of an identity key, relative to the site's root (a digest: names are
    /// untrusted and may hold anything).
    static func agencyPage(key: String) -> String {
        "agencies/" + String(Checksum.sha256Hex(Array(key.utf8)).prefix(16)) + ".html"
    }

    /// The report page of an input id (a digest of the id, so a page keeps its name whatever
    /// else the collection holds).
    static func reportPage(id: String) -> String {
        "reports/" + String(Checksum.sha256Hex(Array(id.utf8)).prefix(16)) + ".html"
    }
}
