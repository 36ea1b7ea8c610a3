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
            let numeral = chars.prefix { chineseNumerals.contains($0) }
            guard !numeral.isEmpty else { return nil }
            chars = chars.dropFirst(numeral.count)
            return (chars.first == "）" || chars.first == ")") && count <= 30 ? 2 : nil
        }
        let numeral = chars.prefix { chineseNumerals.contains($0) }
        if !numeral.isEmpty, numeral.count <= 3, chars.dropFirst(numeral.count).first == "、" { return 1 }
        let digits = chars.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2, chars.dropFirst(digits.count).first == "、", count <= 20 { return 1 }
        return nil
    }

    public static func isNumberedHeading(_ text: String) -> Bool { level(of: text) == 1 }

    public static func block(for text: String) -> Block {
        if let level = level(of: text) { return .heading(level: level, text: text) }
        return .paragraph(text)
    }
}
