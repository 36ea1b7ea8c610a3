import DocModel

/// `doccanon document --format markdown`: a cleaned page to read. Headings become ATX
/// headings, paragraphs plain lines, tables pipe tables; a table with merged cells cannot be a
/// pipe table, so it is written as an HTML table (which Markdown allows) to keep its spans.
public enum MarkdownWriter {
    public static func write(_ document: Document) -> String {
        var parts: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + escapeInline(text))
            case .paragraph(let text):
                parts.append(escapeParagraph(text))
            case .table(let table):
                if table.cells.contains(where: { $0.rowSpan > 1 || $0.columnSpan > 1 }) || table.rowCount == 0 {
                    parts.append(HTMLWriter.table(table, indent: ""))
                } else {
                    parts.append(pipeTable(table))
                }
            }
        }
        return parts.isEmpty ? "" : parts.joined(separator: "\n\n") + "\n"
    }

    static func pipeTable(_ table: Table) -> String {
        var lines: [String] = []
        for (r, row) in table.rows.enumerated() {
            lines.append("| " + row.map { cellText($0.text) }.joined(separator: " | ") + " |")
            if r == 0 { lines.append("|" + String(repeating: " --- |", count: max(row.count, 1))) }
        }
        return lines.joined(separator: "\n")
    }

    static func cellText(_ text: String) -> String {
        var out = ""
        for ch in escapeInline(text) {
            switch ch {
            case "|": out += "\\|"
            case "\n": out += "<br>"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Backslash-escapes the characters that would start Markdown markup inside text.
    static func escapeInline(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "*", "_", "`", "[", "]", "<", ">": out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// A paragraph whose start would read as a heading, list or quote gets a backslash.
    static func escapeParagraph(_ text: String) -> String {
        var escaped = escapeInline(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "  \n")
        if let first = escaped.first, "#+-=".contains(first) { escaped = "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = escaped.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " || rest.count == 1 {
                escaped.insert("\\", at: escaped.index(escaped.startIndex, offsetBy: digits.count))
            }
        }
        return escaped
    }
}

/// `doccanon document --format html`: a cleaned page to republish: one HTML5 page with the
/// document's properties as `<meta>` tags, its headings, paragraphs and tables with spans.
public enum HTMLWriter {
    public static func write(_ document: Document) -> String {
        let title = document.properties["title"] ?? document.blocks.lazy.compactMap(\.text).first ?? document.source.name
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(escape(title))</title>\n"
        for key in document.properties.keys.sorted() {
            out += "<meta name=\"\(escape(key, attribute: true))\" content=\"\(escape(document.properties[key] ?? "", attribute: true))\">\n"
        }
        out += "</head>\n<body>\n"
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let n = min(max(level, 1), 6)
                out += "<h\(n)>\(escape(text))</h\(n)>\n"
            case .paragraph(let text):
                out += "<p>\(lines(text))</p>\n"
            case .table(let table):
                out += Self.table(table, indent: "") + "\n"
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    static func table(_ table: Table, indent: String) -> String {
        var out = "\(indent)<table>\n"
        for row in table.rows {
            out += "\(indent)<tr>"
            for cell in row {
                var attributes = ""
                if cell.rowSpan > 1 { attributes += " rowspan=\"\(cell.rowSpan)\"" }
                if cell.columnSpan > 1 { attributes += " colspan=\"\(cell.columnSpan)\"" }
                out += "<td\(attributes)>\(lines(cell.text))</td>"
            }
            out += "</tr>\n"
        }
        out += "\(indent)</table>"
        return out
    }

    static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }

    /// The XML writer's escaping: markup characters, and characters XML forbids (control
    /// bytes of a damaged source) replaced, so the page is well-formed XHTML too.
    static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        XMLWriter.appendEscaped(text, to: &out, inAttribute: attribute)
        return out
    }
}
