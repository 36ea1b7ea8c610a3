import DocModel
import DoccanonKit

/// `doccanon check` as a library call: read the collection, run every check, keep what the
/// output needs (one digest per report, the findings, the inputs that could not be read).
public struct CheckResult: Sendable {
    public var reports: [ReportDigest]
    public var findings: [CollectionFinding]
    public var errors: [(id: String, error: ConversionError)]

    /// Reads `paths` (documents of any format, report JSON or XML, folders of them) on `jobs`
    /// threads and checks the collection. `progress` is called after each input with the
    /// number read and the number that failed.
    /// With `provenance`, each compared table value carries its source (`ComparedValue.source`).
    public static func run(
        paths: [String], jobs: Int = 0, limits: Limits = Limits(), provenance: Bool = false,
        progress: ((_ done: Int, _ errors: Int) -> Void)? = nil
    ) -> CheckResult {
        var check = CollectionCheck()
        var errors: [(id: String, error: ConversionError)] = []
        var done = 0
        CollectionReader(paths: paths, jobs: jobs, limits: limits, provenance: provenance).forEach { entry in
            switch entry.result {
            case .success(let loaded): check.add(id: entry.id, loaded: loaded)
            case .failure(let error): errors.append((entry.id, error))
            }
            done += 1
            progress?(done, errors.count)
        }
        let findings = check.findings { CollectionReader.reread($0, limits: limits, provenance: provenance) }
        let aliases = check.aliases
        let reports = check.digests.map { d in
            var d = d
            d.agencyKey = d.agencyKey.map { aliases[$0] ?? $0 }
            return d
        }
        return CheckResult(reports: reports, findings: findings, errors: errors)
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
