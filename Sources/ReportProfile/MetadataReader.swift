import DocModel
import Normalization

/// Title, agency, year and publication date, from the title lines, the closing signature
/// and (for web pages) the page's own information table. Unknown values stay nil.
enum MetadataReader {
    static let agencySuffixes = ["人民政府", "政府", "办事处", "委员会", "管委会", "办公室", "办公厅", "局", "厅", "委", "办", "院", "中心", "乡", "镇", "街道", "署", "所", "站", "队", "处", "部", "会"]

    static func read(_ document: Document, signatureStart: Int?, sections: [Section]) -> Metadata {
        var metadata = Metadata()
        let blocks = document.blocks
        // Title: the first line before the first section heading that names the report.
        let firstSection = blocks.firstIndex { $0.text.map { SectionReader.sectionID(of: $0) != nil } ?? false } ?? blocks.count
        for i in 0..<min(firstSection, blocks.count) {
            guard let text = blocks[i].text, text.containsBytes("报告") || text.containsBytes("政府信息公开") else { continue }
            var title = text
            if !title.hasSuffix("报告"), i + 1 < firstSection, let next = blocks[i + 1].text, next.hasSuffix("报告"), next.count <= 12 {
                title += next
            }
            // A title broken before its year: the agency stands alone on the line above.
            if agency(fromTitle: title) == nil, i > 0, let previous = blocks[i - 1].text, isTitlePrefix(previous) {
                title = previous + title
            }
            guard title.count <= 60 else { continue }
            metadata.title = title
            break
        }
        if metadata.title == nil, let t = document.properties["title"], t.containsBytes("报告") { metadata.title = t }
        if let title = metadata.title {
            metadata.year = year(in: title)
            metadata.agency = agency(fromTitle: title)
        }
        // Signature: agency and date lines at the very end.
        if let start = signatureStart {
            for block in blocks[start...] {
                guard let text = block.text else { continue }
                if let date = date(in: text) {
                    metadata.publishedOn = date
                } else if isAgencyLine(text) {
                    metadata.agency = text
                }
            }
        }
        if metadata.publishedOn == nil, let published = document.properties["publishedOn"] { metadata.publishedOn = published }
        return metadata
    }

    /// Where the closing signature begins: the trailing run of short agency and date lines.
    static func signatureStart(_ blocks: [Block]) -> Int? {
        var i = blocks.count - 1
        var start: Int?
        var seen = 0
        while i >= 0, seen < 3 {
            guard let text = blocks[i].text else { break }
            if date(in: text) != nil || isAgencyLine(text) {
                start = i
                seen += 1
                i -= 1
            } else {
                break
            }
        }
        return start
    }

    /// A short line that can be the first half of a title: no sentence punctuation, no digits.
    static func isTitlePrefix(_ text: String) -> Bool {
        text.count >= 2 && text.count <= 30 && !text.contains { "。，,：:；;、".contains($0) || ($0.isASCII && $0.isNumber) }
            && SectionReader.sectionID(of: text) == nil
    }

    static func isAgencyLine(_ text: String) -> Bool {
        guard text.count >= 2, text.count <= 30, !text.contains(where: { "。，,：:；;、（）()".contains($0) }) else { return false }
        guard SectionReader.sectionID(of: text) == nil else { return false }
        return agencySuffixes.contains { text.hasSuffix($0) }
    }

    static func agency(fromTitle title: String) -> String? {
        var prefix = ""
        let chars = Array(title)
        var i = 0
        while i < chars.count {
            if i + 4 < chars.count, chars[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }), chars[i + 4] == "年" { break }
            if title[title.index(title.startIndex, offsetBy: i)...].hasPrefix("政府信息公开") { break }
            prefix.append(chars[i])
            i += 1
        }
        prefix = prefix.trimmingCharacters(" 　")
        if prefix.hasSuffix("关于") { prefix.removeLast(2) }
        return prefix.count >= 2 ? prefix : nil
    }

    static func year(in text: String) -> Int? {
        let chars = Array(text)
        var i = 0
        while i + 4 < chars.count {
            if chars[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }), chars[i + 4] == "年", let y = Int(String(chars[i..<(i + 4)])), (2000...2100).contains(y) {
                return y
            }
            i += 1
        }
        return nil
    }

    /// An ISO date from "2022年2月15日", "二〇二二年一月二十日", "2022-02-15" or "2022.2.15",
    /// when the line is nothing but the date.
    static func date(in raw: String) -> String? {
        let text = raw.filter { $0 != " " && $0 != "　" }
        guard text.count <= 16 else { return nil }
        var digits = ""
        for ch in text {
            if let d = chineseDigit(ch) { digits.append(d) } else { digits.append(ch) }
        }
        // Chinese numbers for month and day: 十 = 10, 十二 = 12, 二十 = 20, 二十五 = 25.
        var parts: [Int] = []
        var number = ""
        var tens: Int?
        var separators: [Character] = []
        func flush() {
            if let t = tens {
                parts.append(t * 10 + (Int(number) ?? 0))
            } else if !number.isEmpty, let v = Int(number) {
                parts.append(v)
            }
            number = ""
            tens = nil
        }
        for ch in digits {
            if ch.isASCII && ch.isNumber {
                number.append(ch)
            } else if ch == "十" {
                tens = number.isEmpty ? 1 : (Int(number) ?? 1)
                number = ""
            } else {
                flush()
                separators.append(ch)
            }
        }
        flush()
        guard parts.count == 3 else { return nil }
        let validSeparators = separators == ["年", "月", "日"] || separators == ["-", "-"] || separators == [".", "."] || separators == ["/", "/"]
        guard validSeparators else { return nil }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        guard (2000...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    static func chineseDigit(_ ch: Character) -> Character? {
        switch ch {
        case "〇", "○", "零", "Ｏ", "O": return "0"
        case "一": return "1"
        case "二": return "2"
        case "三": return "3"
        case "四": return "4"
        case "五": return "5"
        case "六": return "6"
        case "七": return "7"
        case "八": return "8"
        case "九": return "9"
        default: return nil
        }
    }
}

extension String {
    func trimmingCharacters(_ set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
