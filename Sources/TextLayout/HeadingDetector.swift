import DocModel

/// Marks short numbered lines as headings: "一、总体情况" (level 1), "（一）…" (level 2),
/// "1、 总体情况" (level 1 when short and not a sentence).
public enum HeadingDetector {
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    public static func level(of text: String) -> Int? {
        let count = text.unicodeScalars.count
        guard count <= 40, let last = text.last, !TextMarks.isMark(last, TextMarks.isClosingMark) else { return nil }
        var chars = text[...]
        if chars.first == "（" || chars.first == "(" {
            chars = chars.dropFirst()
            let numeral = chars.prefix(while: isChineseNumeral)
            guard !numeral.isEmpty else { return nil }
            chars = chars.dropFirst(numeral.count)
            return (chars.first == "）" || chars.first == ")") && count <= 30 ? 2 : nil
        }
        let numeral = chars.prefix(while: isChineseNumeral)
        if !numeral.isEmpty, numeral.count <= 3, chars.dropFirst(numeral.count).first == "、" { return 1 }
        let digits = chars.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2, chars.dropFirst(digits.count).first == "、", count <= 20 { return 1 }
        return nil
    }

    /// `chineseNumerals.contains(c)`, by scalar for a character that is one ASCII or unified
    /// ideograph scalar (no other sequence is canonically equal to one of those; hashing a
    /// character normalises it).
    static func isChineseNumeral(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        if let s = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex, s.isASCII || (0x4E00...0x9FFF).contains(s.value) {
            switch s {
            case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": return true
            default: return false
            }
        }
        return chineseNumerals.contains(c)
    }

    public static func isNumberedHeading(_ text: String) -> Bool { level(of: text) == 1 }

    public static func block(for text: String) -> Block {
        if let level = level(of: text) { return .heading(level: level, text: text) }
        return .paragraph(text)
    }
}
