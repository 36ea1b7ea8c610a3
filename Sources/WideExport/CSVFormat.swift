#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DoccanonKit

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

/// A CSV file being written: the byte-order mark and header first, then rows, buffered.
final class CSVFile {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8]
    private var closed = false

    init(path: String) throws(Exporter.Failure) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Exporter.Failure(description: "\(path): cannot create (\(FileInput.message(errno)))") }
        buffer = CSVFormat.byteOrderMark + Array(CSVFormat.line(ExportColumns.names).utf8)
    }

    deinit { if !closed { closeDescriptor(fd) } }

    func append(_ row: [ExportValue]) throws(Exporter.Failure) {
        buffer += Array(CSVFormat.line(row).utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws(Exporter.Failure) {
        guard FileOutput.write(buffer, to: fd) else {
            throw Exporter.Failure(description: "\(path): cannot write (\(FileInput.message(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(Exporter.Failure) {
        try flush()
        closed = true
        closeDescriptor(fd)
    }
}

/// The C library's `close` (inside `CSVFile`, `close` names the method).
private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
