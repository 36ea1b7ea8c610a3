/// Text in which a table's cells were run together, as `textContent` or BeautifulSoup's
/// `get_text()` gives a table: "规章000行政规范性文件6233440",
/// "一、本年新收政府信息公开申请数量21710000218".
///
/// `pieces` cuts such a line where labels meet digits: label text and *value runs* (the
/// digits of one or more cells, with what a value cell may hold besides digits: a decimal
/// point, thousands commas, a sign, a dash placeholder, a unit after an amount, a count's unit
/// before the next cell's digits). A digit
/// followed by "." or "、" and a label is that label's numbering ("00000002.其他…" is the run
/// "0000000" and the label "2.其他…"). How a value run splits into cells is not decided here:
/// the `digitSplit` reading generator proposes the splits and the tables' arithmetic chooses.
public enum RunTogether {
    public struct Piece: Sendable, Equatable {
        public var text: String
        /// Scalar offsets on the line, end exclusive.
        public var from: Int
        public var to: Int
        public var isValues: Bool

        public init(text: String, from: Int, to: Int, isValues: Bool) {
            self.text = text
            self.from = from
            self.to = to
            self.isValues = isValues
        }
    }

    /// The pieces of a run-together line, or nil when the line is not one: it must have a value
    /// run glued to a label before it, no value run may read as a quantity in prose ("21件",
    /// "2022年"), and outside brackets there is no sentence punctuation.
    /// `spacesGlue`: spaces between a label and its digits still run them together (a page's
    /// `textContent`, where spaces are markup whitespace).
    public static func pieces(_ line: Substring, spacesGlue: Bool = false) -> [Piece]? {
        let s = Array(line.unicodeScalars)
        // Ranges first, texts at the end: a run that grows by spaced runs is not copied again each time.
        var out: [(from: Int, to: Int, isValues: Bool)] = []
        var textStart = 0
        var i = 0
        var glued = false
        var depth = 0
        // A clause mark inside the label text being read ("2.没有现成信息，需要另行制作").
        var pause: Int?
        while i < s.count {
            if isOpen(s[i]) { depth += 1 } else if isClose(s[i]) { depth = max(0, depth - 1) }
            if depth == 0, sentencePunctuation.contains(s[i]) {
                guard clauseMarks.contains(s[i]), pause == nil else { return nil }
                pause = i
            }
            guard let end = valueRun(s, at: i), i == 0 || !continuesWord(s[i - 1]) else {
                i += 1
                continue
            }
            // A date ("2022.1.20", "2022-01-20") is no cell of a table.
            if isDate(s[i..<end]) { return nil }
            var after = end
            while after < s.count, isSpace(s[after]) { after += 1 }
            if after < s.count, quantityWords.contains(s[after]) { return nil }
            // Runs apart by spaces alone are one run whose cells the spaces separate ("500000 5").
            if let last = out.last, last.isValues, i > textStart, s[textStart..<i].allSatisfy(isSpace) {
                out[out.count - 1].to = end
                i = end
                textStart = end
                continue
            }
            if i > textStart {
                let text = trimmed(s, textStart, i)
                // A row label ends in a word or a closing bracket, not in "、" or a sentence's comma.
                guard text.count >= 2, let last = text.last, !ordinalWords.contains(last), endsLabel(last) else { return nil }
                if let p = pause, !isLabelClause(s, text.from, p, glued: text.to == i) { return nil }
                pause = nil
                out.append((text.from, text.to, false))
                glued = glued || text.to == i || spacesGlue
            }
            out.append((i, end, true))
            i = end
            textStart = end
        }
        if pause != nil { return nil }
        if textStart < s.count {
            let text = trimmed(s, textStart, s.count)
            if text.count > 0 { out.append((text.from, text.to, false)) }
        }
        return glued ? out.map { piece(s, $0.from, $0.to, values: $0.isValues) } : nil
    }

    /// A label may hold one clause mark ("没有现成信息，需要另行制作", "其中：通过互联网提交申请")
    /// with words on both sides, glued to the digits after it; elsewhere the mark is prose's.
    static func isLabelClause(_ s: [Unicode.Scalar], _ from: Int, _ mark: Int, glued: Bool) -> Bool {
        guard glued, mark > from else { return false }
        let words = { (r: Range<Int>) in s[r].filter { $0.value >= 0x3400 && $0.value <= 0x9FFF }.count }
        var end = mark + 1
        while end < s.count, !isDigit(s[end]) { end += 1 }
        return words(from..<mark) >= 2 && words((mark + 1)..<end) >= 2
    }

    /// True for a text that is one value run from start to end ("000000000000000"), or runs
    /// apart by spaces alone ("500000 5").
    public static func isValueRun(_ text: Substring) -> Bool {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            guard let end = valueRun(s, at: i), !isDate(s[i..<end]) else { return false }
            i = end
            while i < s.count, isSpace(s[i]) { i += 1 }
        }
        return !s.isEmpty
    }

    /// The end of the value run starting at `i`, or nil when none starts there.
    static func valueRun(_ s: [Unicode.Scalar], at start: Int) -> Int? {
        var i = start
        var digits = 0
        func digit(_ k: Int) -> Bool { k < s.count && isDigit(s[k]) }
        while i < s.count {
            let c = s[i]
            if isDigit(c) {
                digits += 1
                i += 1
            } else if isDash(c) {
                i += 1
            } else if (c == "." || c == "．" || c == "," || c == "，") && digit(i + 1) && i > start && isDigit(s[i - 1]) {
                i += 1
            } else if signs.contains(c) && digit(i + 1) {
                i += 1
            } else if countUnits.contains(c) && i > start && isDigit(s[i - 1]) && digit(i + 1) {
                // A count with its unit, glued to the next cell's digits ("1个246900元").
                i += 1
            } else {
                break
            }
        }
        // A digit before "." or "、" and a label is the label's numbering, not a value; so is one
        // before a space and the mark ("2 .其他", a label broken by spaces) or before "," (an
        // OCR slip for ".": "4,保护第三方…").
        var mark = i
        while mark < s.count, isSpace(s[mark]) { mark += 1 }
        if mark < s.count, i > start, isDigit(s[i - 1]), numberingMarks.contains(s[mark]) || (mark == i && s[i] == ","), !digit(mark + 1) {
            i -= 1
            digits -= 1
        }
        guard i > start, digits > 0 || (i - start == 1 && isDash(s[start]) && start > 0) else { return nil }
        // A unit after an amount ("251000元", "3.5万元").
        if i < s.count, s[i] == "元" { i += 1 } else if i + 1 < s.count, s[i] == "万", s[i + 1] == "元" { i += 2 }
        return i
    }

    static func piece(_ s: [Unicode.Scalar], _ from: Int, _ to: Int, values: Bool) -> Piece {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[from..<to])
        return Piece(text: String(view), from: from, to: to, isValues: values)
    }

    static func trimmed(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> (from: Int, to: Int, count: Int, last: Unicode.Scalar?) {
        var a = from, b = to
        while a < b, isSpace(s[a]) { a += 1 }
        while b > a, isSpace(s[b - 1]) { b -= 1 }
        return (a, b, b - a, b > a ? s[b - 1] : nil)
    }

    public static func isDigit(_ c: Unicode.Scalar) -> Bool { (c.value >= 0x30 && c.value <= 0x39) || (c.value >= 0xFF10 && c.value <= 0xFF19) }
    static func isDash(_ c: Unicode.Scalar) -> Bool { c == "—" || c == "–" || c == "－" }
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{3000}" || c == "\u{A0}" }
    static func isOpen(_ c: Unicode.Scalar) -> Bool { c == "（" || c == "(" || c == "〔" || c == "【" }
    static func isClose(_ c: Unicode.Scalar) -> Bool { c == "）" || c == ")" || c == "〕" || c == "】" }
    /// A digit right after a Latin letter or another digit-like mark is part of a word ("A1", "COVID-19").
    static func continuesWord(_ c: Unicode.Scalar) -> Bool { c.isASCII && (c.properties.isAlphabetic || c == "-" || c == "_" || c == "/") }

    static let signs: Set<Unicode.Scalar> = ["+", "-", "＋", "增", "减"]
    /// Units of a count a table cell may hold ("1个"); inside a value run only when digits follow
    /// at once, where prose would not write them ("采购1个246900元"). Not date words ("年", "月").
    public static let countUnits: Set<Unicode.Scalar> = ["个", "件", "项", "条", "家", "宗", "起", "次"]

    /// Four digits, then two groups of one or two digits, each after ".", "-" or "/".
    static func isDate(_ run: ArraySlice<Unicode.Scalar>) -> Bool {
        let groups = run.split { $0 == "." || $0 == "-" || $0 == "/" || $0 == "．" }
        guard groups.count == 3, groups[0].count == 4, groups.allSatisfy({ $0.allSatisfy(isDigit) }) else { return false }
        return groups[1].count <= 2 && groups[2].count <= 2
    }
    static func endsLabel(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x3400 && c.value <= 0x9FFF) || c == "）" || c == ")" || c == "”" || c == "】" || c == "〕"
    }
    static let numberingMarks: Set<Unicode.Scalar> = [".", "．", "、"]
    static let sentencePunctuation: Set<Unicode.Scalar> = ["，", "。", "；", "！", "？", "：", ":"]
    /// Marks that end a clause, not a sentence: a label may hold one (`isLabelClause`).
    static let clauseMarks: Set<Unicode.Scalar> = ["，", "；", "："]
    /// Words after a number in prose: a count of things or a date, not a table cell.
    static let quantityWords: Set<Unicode.Scalar> = ["年", "月", "日", "号", "时", "分", "%", "％", "个", "条", "项", "人", "次", "件", "份", "余", "多", "名", "天"]
    /// A label ending in these before digits is an ordinal or a date ("第3", "2022年1"), not a row label.
    static let ordinalWords: Set<Unicode.Scalar> = ["第", "年", "月", "约", "共", "达", "为"]
}
