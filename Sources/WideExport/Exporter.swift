#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Collections
import DoccanonKit
import XLSXSupport

public enum ExportFormat: String, Sendable, CaseIterable { case csv, xlsx }

/// `doccanon export PATH… --format csv|xlsx -o FILE`: one row per report of the collection,
/// written as the reports are read (the collection is never held), to a temporary file beside
/// FILE that replaces FILE only when complete.
public enum Exporter {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public struct Summary: Sendable {
        public var rows = 0
        /// Inputs that could not be read as reports (no row).
        public var errors: [(id: String, error: ConversionError)] = []
    }

    /// - Parameter provenance: also write where each value was read: a second sheet `sources`
    ///   in the XLSX, a companion file (`sourcesPath(for:)`) beside the CSV; same rows and
    ///   columns as the reports (`ExportColumns.sourcesRow`).
    public static func run(
        paths: [String], format: ExportFormat, output: String, jobs: Int = 0, provenance: Bool = false,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(Failure) -> Summary {
        let reader = CollectionReader(paths: paths, jobs: jobs, provenance: provenance)
        var summary = Summary()
        var done = 0
        let nextRow: () -> Row? = {
            while let entry = reader.next() {
                done += 1
                switch entry.result {
                case .success(let loaded):
                    summary.rows += 1
                    progress?(done, summary.errors.count)
                    let row = ExportColumns.row(id: entry.id, report: loaded.report)
                    guard provenance else { return Row(values: row, sources: nil) }
                    let sources = ExportColumns.sourcesRow(id: entry.id, report: loaded.report, sources: loaded.sources ?? [:])
                    return Row(values: row, sources: sources)
                case .failure(let error):
                    summary.errors.append((entry.id, error))
                    progress?(done, summary.errors.count)
                }
            }
            return nil
        }
        let temporary = output + ".partial-\(getpid())"
        let companion = provenance && format == .csv ? sourcesPath(for: output) : nil
        let companionTemporary = companion.map { $0 + ".partial-\(getpid())" }
        do throws(Failure) {
            switch format {
            case .csv: try writeCSV(to: temporary, sourcesTo: companionTemporary, rows: nextRow)
            case .xlsx: try writeXLSX(to: temporary, withSources: provenance, rows: nextRow)
            }
            if summary.rows == 0 {
                // Nothing to export: no file, not even a header.
                unlink(temporary)
                if let companionTemporary { unlink(companionTemporary) }
                return summary
            }
            if let companion, let companionTemporary, rename(companionTemporary, companion) != 0 {
                throw Failure(description: "\(companion): cannot write output (\(FileInput.message(errno)))")
            }
            guard rename(temporary, output) == 0 else {
                throw Failure(description: "\(output): cannot write output (\(FileInput.message(errno)))")
            }
        } catch {
            unlink(temporary)
            if let companionTemporary { unlink(companionTemporary) }
            throw error
        }
        return summary
    }

    /// A report's row, and its row of the sources sheet when provenance is asked for.
    struct Row {
        var values: [ExportValue]
        var sources: [ExportValue]?
    }

    /// The sources file beside a CSV: `reports.csv` → `reports.sources.csv` (any other name
    /// gets `.sources.csv` appended).
    public static func sourcesPath(for output: String) -> String {
        let base = output.lowercased().hasSuffix(".csv") ? String(output.dropLast(4)) : output
        return base + ".sources.csv"
    }

    static func writeCSV(to path: String, sourcesTo sourcesPath: String?, rows: () -> Row?) throws(Failure) {
        let main = try CSVFile(path: path)
        let sources = try sourcesPath.map { (p: String) throws(Failure) in try CSVFile(path: p) }
        while let row = rows() {
            try main.append(row.values)
            if let sources, let values = row.sources { try sources.append(values) }
        }
        try main.close()
        try sources?.close()
    }

    static func writeXLSX(to path: String, withSources: Bool, rows: () -> Row?) throws(Failure) {
        let widths = ExportColumns.names.indices.map { $0 < 3 ? 28.0 : 12.0 }
        let header = [ExportColumns.names, ExportColumns.labels]
        var sheets = [XLSXWriter.Sheet(name: "reports", header: header, frozenColumns: 1, columnWidths: widths)]
        if withSources {
            let sourceWidths = ExportColumns.names.indices.map { $0 < 3 ? 28.0 : 24.0 }
            sheets.append(XLSXWriter.Sheet(name: "sources", header: header, frozenColumns: 1, columnWidths: sourceWidths))
        }
        do {
            try XLSXWriter.write(path: path, sheets: sheets) {
                rows().map { row in [row.values.map(xlsxCell)] + (row.sources.map { [$0.map(xlsxCell)] } ?? []) }
            }
        } catch {
            throw Failure(description: error.description)
        }
    }

    /// Numbers as numbers (a decimal as Excel's double), text as text, null as no cell.
    static func xlsxCell(_ value: ExportValue) -> XLSXCell {
        switch value {
        case .empty: return .empty
        case .integer(let v): return .number(Double(v))
        case .decimal(let s): return Double(s).map(XLSXCell.number) ?? .text(s)
        case .text(let s): return .text(s)
        }
    }
}
