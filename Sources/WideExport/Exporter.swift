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

    public static func run(
        paths: [String], format: ExportFormat, output: String, jobs: Int = 0, progress: ((Int, Int) -> Void)? = nil
    ) throws(Failure) -> Summary {
        let reader = CollectionReader(paths: paths, jobs: jobs)
        var summary = Summary()
        var done = 0
        let nextRow: () -> [ExportValue]? = {
            while let entry = reader.next() {
                done += 1
                switch entry.result {
                case .success(let loaded):
                    summary.rows += 1
                    progress?(done, summary.errors.count)
                    return ExportColumns.row(id: entry.id, report: loaded.report)
                case .failure(let error):
                    summary.errors.append((entry.id, error))
                    progress?(done, summary.errors.count)
                }
            }
            return nil
        }
        let temporary = output + ".partial-\(getpid())"
        do throws(Failure) {
            switch format {
            case .csv: try writeCSV(to: temporary, rows: nextRow)
            case .xlsx: try writeXLSX(to: temporary, rows: nextRow)
            }
            if summary.rows == 0 {
                // Nothing to export: no file, not even a header.
                unlink(temporary)
                return summary
            }
            guard rename(temporary, output) == 0 else {
                throw Failure(description: "\(output): cannot write output (\(FileInput.message(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
        return summary
    }

    static func writeCSV(to path: String, rows: () -> [ExportValue]?) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "\(path): cannot create (\(FileInput.message(errno)))") }
        defer { close(fd) }
        var buffer = CSVFormat.byteOrderMark + Array(CSVFormat.line(ExportColumns.names).utf8)
        func flush() throws(Failure) {
            guard FileOutput.write(buffer, to: fd) else { throw Failure(description: "\(path): cannot write (\(FileInput.message(errno)))") }
            buffer.removeAll(keepingCapacity: true)
        }
        while let row = rows() {
            buffer += Array(CSVFormat.line(row).utf8)
            if buffer.count >= 1 << 16 { try flush() }
        }
        try flush()
    }

    static func writeXLSX(to path: String, rows: () -> [ExportValue]?) throws(Failure) {
        let widths = ExportColumns.names.indices.map { $0 < 3 ? 28.0 : 12.0 }
        do {
            try XLSXWriter.write(
                path: path, sheet: "reports", header: [ExportColumns.names, ExportColumns.labels], frozenColumns: 1,
                columnWidths: widths
            ) {
                rows().map { $0.map(xlsxCell) }
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
