/// Renders a table as OCR and LLM tools write Markdown: pipe rows with or without the outer
/// pipes, one table per group under a `###` sub-heading with generic headers ("项目 | 数据1 |
/// …"), sometimes a junk row of "-" cells under the separator, counts with a trailing "件".
enum MarkdownOCRRenderer {
    static func table(_ t: LayoutTable, spans: SpanStyle, rng: inout SplitMix64) -> [String] {
        let rows = TextRenderer.flatten(t, spans)
        let outer = rng.int(0...2)  // 0 both pipes, 1 trailing only, 2 none
        let units = rng.chance(0.4) && t.key != "activeDisclosure"  // not in the 万元 column
        let junk = rng.chance(0.3)
        let width = rows.map(\.cells.count).max() ?? 1
        var lines: [String] = []
        var open = false
        func row(_ cells: [String]) -> String {
            let body = cells.map(TextRenderer.oneLine).joined(separator: " | ")
            switch outer {
            case 0: return "| " + body + " |"
            case 1: return body + " |"
            default: return body
            }
        }
        func start() {
            if lines.last != "" { lines.append("") }
            lines.append(row(["项目"] + (1..<max(width, 2)).map { "数据\($0)" }))
            lines.append(row(Array(repeating: "---", count: max(width, 2))))
            if junk { lines.append(row(Array(repeating: "-", count: max(width, 2)))) }
            open = true
        }
        for (kind, cells) in rows {
            switch kind {
            case .pageNumber:
                lines.append(cells.joined())
            case .group where cells.filter({ !$0.isEmpty }).count == 1:
                // A group title becomes a sub-heading, and a new table follows it.
                if lines.last != "" { lines.append("") }
                lines.append("### " + cells.joined())
                open = false
            default:
                if !open { start() }
                lines.append(row(cells.map { c in units && isCount(c) ? c + "件" : c }))
            }
        }
        return lines
    }

    static func isCount(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
}
