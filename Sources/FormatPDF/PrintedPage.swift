import Normalization

/// A portal page printed to PDF: its navigation trail ("首页>信息公开>年度报告") is dropped,
/// and a "发布日期：2022-01-28" line at the top is the page's stated publication date (a fact
/// the page states, as the HTML adapter reads it; never the file's own dates).
enum PrintedPage {
    static let dateLabels = ["发布日期", "公开日期", "发布时间"]

    /// The first page's lines without a navigation trail in its first lines, the stated date
    /// (ISO) if any, and whether a trail was dropped.
    static func read(_ lines: [TextLine]) -> (lines: [TextLine], publishedOn: String?, dropped: Bool) {
        var out = lines
        var dropped = false
        var date: String?
        for (i, line) in lines.prefix(4).enumerated().reversed() {
            let text = Normalizer.clean(line.text).filter { !$0.isWhitespace }
            if isTrail(text) {
                out.remove(at: i)
                dropped = true
            } else if date == nil {
                date = statedDate(text)
            }
        }
        return (out, date, dropped)
    }

    static func isTrail(_ text: String) -> Bool {
        let starts = ["首页", "当前位置", "您当前的位置", "您的位置", "当前的位置"]
        let separators: Set<Character> = [">", "＞", "»", "→", "›"]
        return starts.contains { text.hasPrefix($0) } && text.contains { separators.contains($0) }
    }

    /// The index just after the first occurrence of `needle` in `text`.
    static func end(of needle: String, in text: String) -> String.Index? {
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix(needle) { return text.index(i, offsetBy: needle.count) }
            i = text.index(after: i)
        }
        return nil
    }

    /// "发布日期：2022-01-28…" or "发布日期：2022年1月28日…" as "2022-01-28".
    static func statedDate(_ text: String) -> String? {
        for label in dateLabels {
            guard let end = end(of: label, in: text) else { continue }
            var rest = text[end...].drop { $0 == "：" || $0 == ":" }
            var parts: [Int] = []
            while parts.count < 3 {
                let digits = rest.prefix { $0.isASCIIDigit }
                guard !digits.isEmpty, let value = Int(digits) else { break }
                parts.append(value)
                rest = rest.dropFirst(digits.count)
                guard let sep = rest.first, "-年月/.".contains(sep) else { break }
                rest = rest.dropFirst()
            }
            guard parts.count == 3, parts[0] >= 1990, parts[0] <= 2100, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
                continue
            }
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(parts[0])-\(two(parts[1]))-\(two(parts[2]))"
        }
        return nil
    }
}
