import CXLSXWriter

/// A cell of a sheet written by `XLSXWriter`.
public enum XLSXCell: Sendable, Equatable {
    case empty
    case text(String)
    /// A number, stored as Excel stores numbers (a double).
    case number(Double)
}

/// Writes one worksheet to an .xlsx file through libxlsxwriter, row by row in constant memory
/// (each row goes to a temporary file as it is written). The only Swift code that touches the
/// library's pointers; they are freed before `write` returns.
public enum XLSXWriter {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Excel's limits: a sheet's rows and columns, a cell's characters.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    public static let maxCellCharacters = 32_767

    /// - Parameters:
    ///   - header: rows written first in bold and frozen (with the first `frozenColumns`).
    ///   - rows: called until it returns nil; each call gives the next row.
    public static func write(
        path: String, sheet: String, header: [[String]], frozenColumns: Int = 0, columnWidths: [Double] = [],
        rows: () -> [XLSXCell]?
    ) throws(Failure) {
        var options = lxw_workbook_options()
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        guard let workbook = workbook_new_opt(path, &options) else { throw Failure(description: "\(path): cannot create workbook") }
        var closed = false
        defer { if !closed { workbook_close(workbook) } }
        guard let worksheet = workbook_add_worksheet(workbook, sheet) else { throw Failure(description: "cannot add worksheet \(sheet)") }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        for (c, width) in columnWidths.enumerated() where c < maxColumns {
            worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), width, nil)
        }
        worksheet_freeze_panes(worksheet, lxw_row_t(header.count), lxw_col_t(frozenColumns))
        var row = 0
        for line in header {
            for (c, text) in line.enumerated() where c < maxColumns {
                try check(worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(c), clip(text), bold), row: row)
            }
            row += 1
        }
        while let cells = rows() {
            guard row < maxRows else { throw Failure(description: "more than \(maxRows) rows") }
            for (c, cell) in cells.enumerated() where c < maxColumns {
                switch cell {
                case .empty: continue
                case .text(let s): try check(worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(c), clip(s), nil), row: row)
                case .number(let v): try check(worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(c), v, nil), row: row)
                }
            }
            row += 1
        }
        closed = true
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw Failure(description: "\(path): \(String(cString: lxw_strerror(status)))") }
    }

    static func check(_ status: lxw_error, row: Int) throws(Failure) {
        guard status == LXW_NO_ERROR else { throw Failure(description: "row \(row + 1): \(String(cString: lxw_strerror(status)))") }
    }

    /// Text within Excel's cell limit (longer text is cut, never refused).
    static func clip(_ s: String) -> String {
        s.utf16.count <= maxCellCharacters ? s : String(s.prefix(maxCellCharacters / 2))
    }
}
