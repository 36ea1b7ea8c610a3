import DocModel

/// A value's provenance in one line for people (`check --format text`, the sources sheet of
/// `export --provenance`): the source text in 「」 and where it stands, positions counted from 1
/// as an editor or a reader counts them (the JSON's table, row and cell indices count from 0):
/// `「１，８７８件」 第2页 [72, 101.25, 120, 115]`; an inferred value adds how and from what.
extension Provenance {
    public var described: String {
        var parts: [String] = []
        if let raw { parts.append("「\(raw)」") }
        if let location { parts.append(location.described) }
        if let inference {
            let from = self.from.map { item -> String in
                switch item {
                case .path(let path): return path
                case .cell(let raw, let location): return "「\(raw)」" + (location.map { " " + $0.described } ?? "")
                }
            }
            parts.append("推断（\(inference)）" + (from.isEmpty ? "" : "，依据 " + from.joined(separator: "、")))
        }
        return parts.joined(separator: " ")
    }
}

extension SourceLocation {
    /// Where a cell stands, for people: DOCX `word/document.xml 第1个表格 第3行 第2格`, HTML
    /// `第1个表格 第3行 第2格（源代码第120行）`, text `第12行 第5–9列`, PDF `第3页 [x0, y0, x1, y1]`
    /// (points from the page's top left).
    public var described: String {
        switch self {
        case .docx(let part, let table, let row, let cell):
            return "\(part) 第\(table + 1)个表格 第\(row + 1)行 第\(cell + 1)格"
        case .html(let table, let row, let cell, let line):
            return "第\(table + 1)个表格 第\(row + 1)行 第\(cell + 1)格（源代码第\(line)行）"
        case .text(let line, let from, let to):
            return "第\(line)行 第\(from + 1)" + (to > from + 1 ? "–\(to)" : "") + "列"
        case .pdf(let page, let x0, let y0, let x1, let y1):
            return "第\(page)页 [" + [x0, y0, x1, y1].map(Self.decimal).joined(separator: ", ") + "]"
        }
    }
}
