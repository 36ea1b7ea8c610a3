import DocModel
import ReportProfile

/// The report's sections as written, with each sentence that a prose finding quotes marked
/// in place (coloured by the finding's severity, linked to it).
struct ProseMarks {
    let report: Report
    /// The report's prose mismatches (the prose check `doccanon report` runs).
    let mismatches: [ProseMismatch]

    /// The sentences the prose check finds at odds with the tables, with the index of their
    /// prose.mismatch finding in the report.
    var quotes: [(sentence: String, finding: Int)] {
        mismatches.compactMap { m in
            guard let i = report.findings.firstIndex(of: m.finding) else { return nil }
            return (m.sentence, i)
        }
    }

    func sections() -> String {
        let quotes = self.quotes
        var out = "<section class=\"prose\" aria-labelledby=\"h-prose\"><h2 id=\"h-prose\">正文</h2>\n"
        if report.sections.isEmpty { out += "<p class=\"missing\">未识别出任何部分</p>\n" }
        for section in report.sections {
            out += "<section id=\"s-\(section.id.rawValue)\"><h3>\(Markup.text(section.heading))</h3>\n"
            for paragraph in section.paragraphs {
                out += "<p>\(mark(paragraph, quotes))</p>\n"
            }
            out += "</section>\n"
        }
        return out + "</section>\n"
    }

    /// A paragraph escaped, with the quoted sentences it contains wrapped in `<mark>`.
    func mark(_ paragraph: String, _ quotes: [(sentence: String, finding: Int)]) -> String {
        var spans: [(range: Range<String.Index>, finding: Int)] = []
        for (sentence, finding) in quotes where !sentence.isEmpty {
            if let range = paragraph.firstRange(of: sentence), !spans.contains(where: { $0.range.overlaps(range) }) {
                spans.append((range, finding))
            }
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = ""
        var at = paragraph.startIndex
        for (range, finding) in spans {
            out += Markup.text(String(paragraph[at..<range.lowerBound]))
            let severity = CellMarks.className(report.findings[finding].severity)
            out += "<mark class=\"\(severity)\" data-f=\"\(finding)\" tabindex=\"0\">\(Markup.text(String(paragraph[range])))</mark>"
            at = range.upperBound
        }
        return out + Markup.text(String(paragraph[at...]))
    }
}
