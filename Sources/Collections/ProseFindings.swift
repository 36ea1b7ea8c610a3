import DocModel
import ReportProfile

/// A report's prose.mismatch findings (`ProseChecker`, the same that `doccanon report` gives)
/// as collection findings: the report, the table's cells with their values, and the stated
/// number with its sentence.
enum ProseFindings {
    static func findings(_ mismatches: [ProseMismatch], _ loaded: LoadedReport, reference: ReportReference) -> [CollectionFinding] {
        mismatches.map { m in
            var values = m.quantity.paths.map { path in
                ComparedValue(
                    report: reference.id, path: path, value: ProseQuantityCell.value(path, loaded.report), source: loaded.sources?[path])
            }
            values.append(
                ComparedValue(report: reference.id, path: "sections.\(m.section.rawValue)", value: .integer(m.stated), quote: m.sentence))
            return CollectionFinding(.proseMismatch, m.finding.message, reports: [reference], values: values)
        }
    }
}

enum ProseQuantityCell {
    static func value(_ path: String, _ report: Report) -> Value? {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count >= 3 else { return nil }
        let table = report.tables.first { $0.key == parts[0] }?.values
        return table?.value(parts[1..<(parts.count - 1)].joined(separator: "."), parts[parts.count - 1])
    }
}
