/// Calendar dates as reports and portal pages write them, to ISO "YYYY-MM-DD":
/// "2022年1月20日", "2022年01月20日", "2022 年 1 月 20 日", "二〇二二年一月二十日", "二○二二年元月八日",
/// "2022-01-20", "2022.1.20", "2022/1/20", full-width digits, and a time after the date
/// ("2022-01-20 10:35"). A date without its day, or an impossible one, is no date.
public enum DateText {
    /// The date when the text is a date and nothing else (spaces and a trailing time aside).
    public static func whole(_ text: String) -> String? {
        let chars = normalized(text)
        var start = 0
        skipSpaces(chars, &start)
        guard let (date, end) = scan(chars, from: start) else { return nil }
        // Nothing after the date but a time of day ("10:35", "10:35:07").
        return chars[end...].allSatisfy { $0 == " " || ($0.isASCII && ($0.isNumber || $0 == ":")) } ? date : nil
    }

    /// The first date anywhere in the text.
    public static func first(in text: String) -> String? {
        let chars = normalized(text)
        var i = 0
        while i < chars.count {
            if let (date, _) = scan(chars, from: i) { return date }
            i += 1
        }
        return nil
    }

    /// Digits as ASCII (Chinese numerals too, 十 kept for tens), every space as " ", 元月 as 1月.
    static func normalized(_ text: String) -> [Character] {
        var out: [Character] = []
        for ch in text {
            if ch == "\u{3000}" || ch == "\u{A0}" || ch == "\t" { out.append(" "); continue }
            if let d = digit(ch) { out.append(d) } else { out.append(ch) }
        }
        // 元月 = the first month.
        var i = 0
        while i + 1 < out.count {
            if out[i] == "元", out[i + 1] == "月" { out[i] = "1" }
            i += 1
        }
        return out
    }

    static func digit(_ ch: Character) -> Character? {
        if let v = ch.unicodeScalars.first?.value, ch.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(v) {
            return Character(Unicode.Scalar(v - 0xFF10 + 0x30)!)
        }
        switch ch {
        case "〇", "○", "零", "Ｏ", "О": return "0"
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

    static func skipSpaces(_ c: [Character], _ i: inout Int) {
        while i < c.count, c[i] == " " { i += 1 }
    }

    /// A date starting at `start`: the ISO form and the index just after it. Spaces may stand
    /// between its parts ("2022 年 1 月 20 日"), not inside a number.
    static func scan(_ c: [Character], from start: Int) -> (String, Int)? {
        var i = start
        guard let year = number(c, &i, maxDigits: 4, allowTens: false), year >= 1990, year <= 2100 else { return nil }
        skipSpaces(c, &i)
        guard i < c.count, "年-./".contains(c[i]) else { return nil }
        let separator = c[i]
        i += 1
        skipSpaces(c, &i)
        guard let month = number(c, &i, maxDigits: 2, allowTens: true), (1...12).contains(month) else { return nil }
        skipSpaces(c, &i)
        guard i < c.count, c[i] == (separator == "年" ? Character("月") : separator) else { return nil }
        i += 1
        skipSpaces(c, &i)
        guard let day = number(c, &i, maxDigits: 2, allowTens: true), (1...31).contains(day) else { return nil }
        if separator == "年" {
            skipSpaces(c, &i)
            guard i < c.count, c[i] == "日" || c[i] == "号" else { return nil }
            i += 1
        } else if i < c.count, c[i].isASCII, c[i].isNumber || c[i] == "." {
            return nil
        }
        return ("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)", i)
    }

    /// ASCII digits, or (for month and day) a number written with 十: 十 = 10, 十二 = 12, 二十 = 20.
    static func number(_ c: [Character], _ i: inout Int, maxDigits: Int, allowTens: Bool) -> Int? {
        var digits = ""
        var tens: Int?
        while i < c.count {
            if c[i].isASCII, c[i].isNumber, digits.count < maxDigits {
                digits.append(c[i])
            } else if allowTens, c[i] == "十", tens == nil, digits.count <= 1 {
                tens = digits.isEmpty ? 1 : Int(digits)
                digits = ""
            } else {
                break
            }
            i += 1
        }
        if let t = tens { return t * 10 + (Int(digits) ?? 0) }
        guard !digits.isEmpty, digits.count <= maxDigits else { return nil }
        if digits.count != maxDigits, maxDigits == 4 { return nil }
        return Int(digits)
    }
}
