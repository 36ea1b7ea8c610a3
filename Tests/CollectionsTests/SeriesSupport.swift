import Collections
import CorpusKit
import Foundation

/// Writes a generated series to a fresh temporary folder.
enum SeriesSupport {
    static func write(_ options: SeriesOptions) throws -> (folder: String, reports: [SeriesReport], truth: SeriesTruth) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-series-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var truth = SeriesTruth()
        var all: [SeriesReport] = []
        for a in 0..<options.agencies {
            let (reports, t) = Series.agency(a, options: options)
            truth.append(t)
            for r in reports {
                try Data(r.format.render(r.generated)).write(to: folder.appendingPathComponent(r.fileName))
            }
            all += reports
        }
        return (folder.path, all, truth)
    }

    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func base(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Check findings in the scorer's terms.
    static func checked(_ result: CheckResult) -> [CheckedFinding] {
        result.findings.map { f in
            CheckedFinding(
                rule: f.rule.rawValue, severity: f.severity.rawValue, reports: f.reports.map { base($0.id) },
                values: f.values.map { CheckedFinding.Compared(report: base($0.report), path: $0.path, value: $0.value?.integer) })
        }
    }
}
