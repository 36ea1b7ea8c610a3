import CXLSXWriter

/// A cell of a sheet written by `XLSXWriter`.
public enum XLSXCell: Sendable, Equatable {
    case empty
    case text(String)
    /// A number, stored as Excel stores numbers (a double).
    case number(Double)
}

/// Writes worksheets to an .xlsx file through libxlsxwriter, row by row in constant memory
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

    /// One worksheet: its name, header rows (bold and frozen, with the first `frozenColumns`)
    /// and column widths.
    public struct Sheet: Sendable {
        public var name: String
        public var header: [[String]]
        public var frozenColumns: Int
        public var columnWidths: [Double]

        public init(name: String, header: [[String]], frozenColumns: Int = 0, columnWidths: [Double] = []) {
            self.name = name
            self.header = header
            self.frozenColumns = frozenColumns
            self.columnWidths = columnWidths
        }
    }

    /// - Parameters:
    ///   - header: rows written first in bold and frozen (with the first `frozenColumns`).
    ///   - rows: called until it returns nil; each call gives the next row.
    public static func write(
        path: String, sheet: String, header: [[String]], frozenColumns: Int = 0, columnWidths: [Double] = [],
        rows: () -> [XLSXCell]?
    ) throws(Failure) {
        let only = Sheet(name: sheet, header: header, frozenColumns: frozenColumns, columnWidths: columnWidths)
        try write(path: path, sheets: [only]) { rows().map { [$0] } }
    }

    /// Several sheets filled row by row together: each call of `rows` gives the next row of
    /// every sheet (in `sheets` order), until it returns nil. Each sheet's rows go to its own
    /// temporary file as they are written (constant memory).
    public static func write(path: String, sheets: [Sheet], rows: () -> [[XLSXCell]]?) throws(Failure) {
        var options = lxw_workbook_options()
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        guard let workbook = workbook_new_opt(path, &options) else { throw Failure(description: "\(path): cannot create workbook") }
        var closed = false
        defer { if !closed { workbook_close(workbook) } }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        var worksheets: [UnsafeMutablePointer<lxw_worksheet>] = []
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                throw Failure(description: "cannot add worksheet \(sheet.name)")
            }
            for (c, width) in sheet.columnWidths.enumerated() where c < maxColumns {
                worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), width, nil)
            }
            worksheet_freeze_panes(worksheet, lxw_row_t(sheet.header.count), lxw_col_t(sheet.frozenColumns))
            for (row, line) in sheet.header.enumerated() {
                for (c, text) in line.enumerated() where c < maxColumns {
                    try check(worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(c), clip(text), bold), row: row)
                }
            }
            worksheets.append(worksheet)
        }
        var next = sheets.map(\.header.count)
        while let lines = rows() {
            for (k, cells) in lines.enumerated() where k < worksheets.count {
                let row = next[k]
                guard row < maxRows else { throw Failure(description: "more than \(maxRows) rows") }
                for (c, cell) in cells.enumerated() where c < maxColumns {
                    try write(cell, worksheets[k], row: row, column: c)
                }
                next[k] += 1
            }
        }
        closed = true
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw Failure(description: "\(path): \(String(cString: lxw_strerror(status)))") }
    }

    static func write(_ cell: XLSXCell, _ worksheet: UnsafeMutablePointer<lxw_worksheet>, row: Int, column c: Int) throws(Failure) {
        switch cell {
        case .empty: return
        case .text(let s): try check(worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(c), clip(s), nil), row: row)
        case .number(let v): try check(worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(c), v, nil), row: row)
        }
    }

    static func check(_ status: lxw_error, row: Int) throws(Failure) {
        guard status == LXW_NO_ERROR else { throw Failure(description: "row \(row + 1): \(String(cString: lxw_strerror(status)))") }
    }

    /// Text within Excel's cell limit (longer text is cut, never refused).
    static func clip(_ s: String) -> String {
        s.utf16.count <= maxCellCharacters ? s : String(s.prefix(maxCellCharacters / 2))
    }
}
