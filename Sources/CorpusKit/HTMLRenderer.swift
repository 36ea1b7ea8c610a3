/// Renders a report as a government portal page: the article inside site chrome, tables with
/// rowspan/colspan, headings as bold paragraphs or h-elements, the signature right-aligned.
public enum HTMLRenderer {
    public static func render(_ report: GeneratedReport) -> String {
        var rng = SplitMix64.forDocument(seed: 0x4854, index: report.index)
        let wordExport = rng.chance(0.4)  // Word's "save as web page": <p><span> inside cells
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        let titleText = report.layout.blocks.compactMap { if case .title(let t) = $0 { return t } else { return nil } }.joined()
        out += "<title>\(escape(titleText))_政府信息公开</title>\n</head>\n<body>\n"
        out += "<div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; 政府信息公开年报</div>\n"
        // Old portals put the article inside a layout table.
        let layoutTable = rng.chance(0.3)
        if layoutTable { out += "<table width=\"100%\" border=\"0\"><tr><td class=\"side\">栏目导航</td><td class=\"main\">\n" }
        out += "<div class=\"article\">\n"
        for block in report.layout.blocks {
            switch block {
            case .title(let t):
                out += "<h1 class=\"title\" style=\"text-align:center\">\(escape(t))</h1>\n"
            case .heading(let h):
                out += rng.chance(0.5) ? "<h2>\(escape(h))</h2>\n" : "<p><strong>\(escape(h))</strong></p>\n"
            case .paragraph(let p):
                out += "<p style=\"text-indent:2em\">\(escape(p))</p>\n"
            case .signature(let s):
                out += "<p style=\"text-align:right\">\(escape(s))</p>\n"
            case .table(let t):
                out += table(t, wordExport: wordExport, rng: &rng)
            }
        }
        out += "</div>\n"
        if layoutTable { out += "</td></tr></table>\n" }
        out += "<div class=\"footer\">主办单位：\(escape(report.truth.agency))</div>\n</body>\n</html>\n"
        return out
    }

    static func table(_ t: LayoutTable, wordExport: Bool, rng: inout SplitMix64) -> String {
        var out = "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse\">\n<tbody>\n"
        for row in t.rows {
            out += "<tr>"
            for cell in row.cells {
                var attributes = ""
                if cell.rowSpan > 1 { attributes += " rowspan=\"\(cell.rowSpan)\"" }
                if cell.columnSpan > 1 { attributes += " colspan=\"\(cell.columnSpan)\"" }
                let tag = cell.role == .header && !wordExport ? "th" : "td"
                let lines = cell.text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
                var body = lines.joined(separator: "<br>")
                if cell.text.allSatisfy({ $0 == " " }) { body = "&nbsp;" }
                if wordExport { body = "<p align=\"center\"><span style=\"font-size:10.5pt;font-family:宋体\">\(body)</span></p>" }
                else if rng.chance(0.1) { body = "<span>\(body)</span>" }
                out += "<\(tag)\(attributes)>\(body)</\(tag)>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
