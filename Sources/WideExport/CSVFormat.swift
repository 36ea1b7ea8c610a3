/// CSV as RFC 4180 writes it, for Excel: UTF-8 with a byte-order mark (so Excel on Windows
/// reads the Chinese), CRLF line ends, a field quoted when it holds a comma, quote, CR or LF
/// (quotes doubled), and a text field that a spreadsheet would take for a formula (= + - @ at
/// its start) kept as text with a leading apostrophe.
enum CSVFormat {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func line(_ values: [ExportValue]) -> String {
        line(values.map(text))
    }

    static func text(_ value: ExportValue) -> String {
        switch value {
        case .empty: return ""
        case .integer(let v): return String(v)
        case .decimal(let s): return s
        case .text(let s):
            if let first = s.first, "=+-@".contains(first) { return "'" + s }
            return s
        }
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
