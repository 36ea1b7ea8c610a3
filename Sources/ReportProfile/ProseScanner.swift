import Normalization

/// Reads the claims of a sentence for `ProseChecker`: sentences split at 。！？ and line
/// breaks; clauses at ，、；：and brackets; in each clause, a number of cases read with the words
/// before it (since the clause start or the previous number).
enum ProseScanner {
    /// Words that make a clause's numbers another period, a change, a share or an estimate.
    static let exclusions = [
        "同比", "较上年", "比上年", "去年", "上一年", "上年", "增长", "下降", "减少", "增加", "累计", "%", "％", "平均", "以来", "历年", "分别",
    ]
    static let exclusionPhrases = BytePhrases(exclusions)
    static let estimates = ["约", "近", "逾", "超过", "大约", "将近", "不足", "不到", "以上"]
    static let allUpheld = ["均获维持", "均予维持", "均被维持", "均维持", "全部维持", "均予以维持", "全部被维持", "均已维持", "均为维持"]

    /// Longest sentence read (in characters). Real sentences are far shorter; a longer run is
    /// not prose (a table flattened into text, a hostile page) and is left alone, which also
    /// keeps the scan linear in the size of the report.
    static let maxSentence = 400

    static func sentences(_ paragraph: String) -> [String] {
        paragraph.split(onScalars: isSentenceEnd)
            .filter { $0.utf8.count <= maxSentence || $0.count <= maxSentence }  // bytes ≥ characters
            .map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Whether `s` ends a sentence (。！？!? or a line break): each end is one scalar, and no
    /// other scalar sequence is canonically equivalent to it.
    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?", "\n": return true
        default: return false
        }
    }

    /// Whether `c` ends a clause: ，,；;：:（）() or 。 (U+037E is canonically ";").
    static func isClauseEnd(_ c: Character) -> Bool {
        switch c.soleScalar {
        case "，", ",", "；", ";", "\u{37E}", "：", ":", "（", "）", "(", ")", "。": return true
        default: return false
        }
    }

    /// Whether `c` is a unit of cases: 件, 起, 宗 or 例 (U+2F9D7 and U+F9B5 are canonically 起 and 例).
    static func isUnit(_ c: Character) -> Bool {
        switch c.soleScalar {
        case "件", "起", "\u{2F9D7}", "宗", "例", "\u{F9B5}": return true
        default: return false
        }
    }

    /// The units as text, with the scalars canonically equivalent to them: a sentence whose
    /// bytes hold none of these has no unit character.
    static let unitBytes = BytePhrases(["件", "起", "宗", "例", "\u{F9B5}", "\u{2F9D7}"])

    static func claims(in sentence: String, year: Int?) -> [ProseClaim] {
        // Most sentences state no count of cases: nothing to read. (Byte search first: a unit
        // character needs its bytes; the character test then is the exact one.)
        guard (unitBytes.occurs(in: sentence) && sentence.contains(where: isUnit))
            || sentence.containsBytes("维持")
        else { return [] }
        let chars = Array(sentence)
        var out: [ProseClaim] = []
        var lo = 0
        while lo < chars.count {
            var hi = lo
            while hi < chars.count, !isClauseEnd(chars[hi]) { hi += 1 }
            let clause = Array(chars[lo..<hi])
            let text = String(clause)
            // A clause without a unit's bytes has no unit character: no claim to read.
            if unitBytes.occurs(in: text), !excluded(text, year: year) {
                out += numberClaims(clause, sentence: chars, clauseStart: lo)
            }
            lo = hi + 1
        }
        out += allUpheldClaims(sentence)
        return out
    }

    /// A clause is left alone when it speaks of another year, a change or an estimate.
    static func excluded(_ clause: String, year: Int?) -> Bool {
        var text = clause
        for phrase in ProseClassifier.carriedOverWords { text = text.replacingAll(phrase, with: "") }
        if exclusionPhrases.occurs(in: text) { return true }
        for y in yearsMentioned(clause) where y != year { return true }
        return false
    }

    /// Four-digit numbers followed by 年.
    static func yearsMentioned(_ clause: String) -> [Int] {
        // No 年 (nor U+F98E, canonically 年) among the bytes: no year, without splitting characters.
        guard clause.containsBytes("年") || clause.containsBytes("\u{F98E}") else { return [] }
        let chars = Array(clause)
        var out: [Int] = []
        var i = 0
        while i < chars.count {
            var j = i
            while j < chars.count, chars[j].isASCIIDigit { j += 1 }
            if j - i == 4, j < chars.count, chars[j] == "年", let y = Int(String(chars[i..<j])) { out.append(y) }
            i = max(j, i + 1)
        }
        return out
    }

    static func numberClaims(_ clause: [Character], sentence: [Character], clauseStart: Int) -> [ProseClaim] {
        var out: [ProseClaim] = []
        var contextStart = 0
        var i = 0
        while i < clause.count {
            guard let (value, end) = number(clause, at: i) else {
                i += 1
                continue
            }
            defer {
                contextStart = min(end + 1, clause.count)
                i = end + 1
            }
            guard end < clause.count, isUnit(clause[end]) else { continue }
            let after = end + 1 < clause.count ? clause[end + 1] : " "
            if after == "余" || after == "多" { continue }
            let context = String(clause[contextStart..<i])
            if estimates.contains(where: { context.hasSuffix($0) }) || value == nil { continue }
            if inclusive(sentence, after: clauseStart + end + 1) { continue }
            let before = String(sentence[0..<(clauseStart + i)])
            guard let quantity = ProseClassifier.quantity(context, sentenceBefore: before, sentence: String(sentence)) else { continue }
            out.append(ProseClaim(quantity: quantity, stated: value, text: String(clause[contextStart...end])))
        }
        return out
    }

    /// "749件（含上年结转5件）": the number includes another quantity; not compared.
    static func inclusive(_ sentence: [Character], after index: Int) -> Bool {
        let rest = String(sentence[min(index, sentence.count)..<min(index + 4, sentence.count)])
        return ["（含", "(含", "，含", "（包括", "(包括", "，包括", "，其中含"].contains { rest.hasPrefix($0) }
    }

    /// A number at `i`: ASCII digits (with thousands commas), or Chinese numerals up to 999.
    /// Returns its value (nil when it is not a whole count: a decimal, 万) and where it ends.
    static func number(_ c: [Character], at i: Int) -> (Int?, Int)? {
        if c[i].isASCIIDigit {
            if i > 0, c[i - 1].isASCIIDigit || c[i - 1] == "." { return nil }
            var j = i
            var digits = ""
            while j < c.count {
                if c[j].isASCIIDigit {
                    digits.append(c[j])
                } else if c[j] == ",", j + 3 < c.count, c[j + 1].isASCIIDigit, c[j + 2].isASCIIDigit, c[j + 3].isASCIIDigit {
                    // thousands separator
                } else {
                    break
                }
                j += 1
            }
            let whole = j >= c.count || (c[j] != "." && c[j] != "万" && c[j] != "千")
            return (whole ? Int(digits) : nil, j)
        }
        guard ChineseNumeral.isNumeral(c[i]) else { return nil }
        if i > 0, ChineseNumeral.isNumeral(c[i - 1]) { return nil }
        var j = i
        while j < c.count, ChineseNumeral.isNumeral(c[j]) { j += 1 }
        return (ChineseNumeral.value(Array(c[i..<j])), j)
    }

    /// "行政复议7件、诉讼9件均获维持": every case of each group named before the phrase upheld.
    static func allUpheldClaims(_ sentence: String) -> [ProseClaim] {
        guard let phrase = allUpheld.first(where: { sentence.containsBytes($0) }), let range = sentence.firstRange(of: phrase) else { return [] }
        let before = String(sentence[..<range.lowerBound])
        if before.containsBytes("不") || before.containsBytes("未") { return [] }
        var out: [ProseClaim] = []
        let groups = ProseClassifier.groups(in: before)
        if groups.review { out.append(ProseClaim(quantity: .reviewsUpheld, stated: nil, text: before + phrase)) }
        if groups.lawsuit { out.append(ProseClaim(quantity: .lawsuitsUpheld, stated: nil, text: before + phrase)) }
        return out
    }
}

enum ChineseNumeral {
    /// 〇零一二两三四五六七八九 (and U+F9B2 零, U+F9D1 六, canonically equal to them).
    static func digit(_ c: Character) -> Int? {
        switch c.soleScalar?.value {
        case 0x3007, 0x96F6, 0xF9B2: return 0
        case 0x4E00: return 1
        case 0x4E8C, 0x4E24: return 2
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D, 0xF9D1: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    /// A digit, 十 or 百.
    static func isNumeral(_ c: Character) -> Bool {
        digit(c) != nil || c.soleScalar == "十" || c.soleScalar == "百"
    }

    /// 三 3, 十二 12, 二十 20, 一百零五 105; nil for anything else.
    static func value(_ c: [Character]) -> Int? {
        var total = 0
        var current: Int?
        var sawHundred = false
        for ch in c {
            if let d = digit(ch) {
                if let n = current, n != 0, d != 0 { return nil }
                current = d
            } else if ch == "百" {
                guard !sawHundred, let n = current, n > 0 else { return nil }
                total += n * 100
                current = nil
                sawHundred = true
            } else if ch == "十" {
                total += (current ?? 1) * 10
                current = nil
            } else {
                return nil
            }
        }
        return total + (current ?? 0)
    }
}

extension Character {
    /// `"0"..."9"` as Swift orders characters (a digit with a combining mark is within it).
    var isASCIIDigit: Bool {
        if let scalar = soleScalar { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return self >= "0" && self <= "9"
    }

    /// The character's scalar when it has only one. The characters the scanner looks for are
    /// each one scalar, and only the scalars named with them are canonically equal to them,
    /// so comparing scalars gives what comparing characters gives, without hashing.
    var soleScalar: Unicode.Scalar? {
        let scalars = unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return first
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
