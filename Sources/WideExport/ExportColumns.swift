import Collections
import DocModel
import ReportProfile

/// A cell of the wide table, before it is written as CSV text or an XLSX cell.
public enum ExportValue: Sendable, Equatable {
    case empty
    case text(String)
    case integer(Int)
    /// A number literal exactly as the report writes it ("15996.59").
    case decimal(String)
}

/// The columns of `doccanon export`, in their fixed order: id, source, agency, year,
/// template, publishedOn; every table cell of both templates by dotted path (`CellPaths.all`);
/// then the report's findings counted by severity (errors, warnings, infos).
public enum ExportColumns {
    public static let leading = ["id", "source", "agency", "year", "template", "publishedOn"]
    public static let trailing = ["errors", "warnings", "infos"]
    public static let names: [String] = leading + CellPaths.all.map(\.path) + trailing
    /// Labels for people (the XLSX's second header row).
    public static let labels: [String] =
        ["编号（输入路径）", "来源文件", "机构", "年度", "格式版本", "发布日期"] + CellPaths.all.map(\.label) + ["错误数", "警告数", "提示数"]

    /// The row of one report: a cell its template lacks, and a blank cell, are empty (never 0).
    public static func row(id: String, report: Report) -> [ExportValue] {
        var out = identity(id: id, report: report)
        var cells: [String: Value] = [:]
        for (key, table) in report.tables {
            for row in table?.rows ?? [] {
                for field in row.fields {
                    if let v = field.value { cells["\(key).\(row.path).\(field.name)"] = v }
                }
            }
        }
        for cell in CellPaths.all {
            switch cells[cell.path] {
            case nil: out.append(.empty)
            case .integer(let v)?: out.append(.integer(v))
            case .decimal(let s)?: out.append(.decimal(s))
            case .text(let s)?: out.append(.text(s))
            }
        }
        for severity in [Severity.error, .warning, .info] {
            out.append(.integer(report.findings.filter { $0.severity == severity }.count))
        }
        return out
    }

    /// The six leading columns: id, source, agency, year, template, publishedOn.
    static func identity(id: String, report: Report) -> [ExportValue] {
        let m = report.metadata
        return [
            .text(id), .text(report.source.name), m.agency.map(ExportValue.text) ?? .empty,
            m.year.map(ExportValue.integer) ?? .empty, m.template.map { .text($0.rawValue) } ?? .empty,
            m.publishedOn.map(ExportValue.text) ?? .empty,
        ]
    }

    /// The row of the sources sheet (`--provenance`) for one report, laid out as its row in the
    /// reports sheet: the same six leading columns, then in each cell's column where its value
    /// was read (`Provenance.described`: the source text in 「」 and its place), empty where the
    /// value is; the three count columns empty.
    public static func sourcesRow(id: String, report: Report, sources: [String: Provenance]) -> [ExportValue] {
        identity(id: id, report: report)
            + CellPaths.all.map { cell in sources[cell.path].map { .text($0.described) } ?? .empty }
            + trailing.map { _ in .empty }
    }
}
