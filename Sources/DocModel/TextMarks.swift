/// Punctuation that ends or splits a sentence, tested on scalars. A character equal to one of
/// these marks is that one scalar (none has another canonically equivalent sequence but
/// U+037E, canonically ";", listed with it), so the scalar tests give what comparing
/// characters gives, without grapheme breaking or normalising.
public enum TextMarks {
    /// 。；;，
    public static func isSentenceMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "；", ";", "\u{37E}", "，": return true
        default: return false
        }
    }

    /// 。；;，,：: (a line ending with one is a sentence or announces a list: no heading).
    public static func isClosingMark(_ s: Unicode.Scalar) -> Bool { isSentenceMark(s) || s == "," || s == "：" || s == ":" }

    /// 。，,：:；;、（）()
    public static func isClauseMark(_ s: Unicode.Scalar) -> Bool {
        isClosingMark(s) || s == "、" || s == "（" || s == "）" || s == "(" || s == ")"
    }

    /// Whether `c` is one scalar that `mark` accepts.
    public static func isMark(_ c: Character, _ mark: (Unicode.Scalar) -> Bool) -> Bool {
        let scalars = c.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return mark(first)
    }

    /// Whether a character of `text` is a mark: on scalars first, on characters only where a
    /// mark's scalar is (a combining mark after it makes another character).
    public static func containsMark(_ text: String, _ mark: (Unicode.Scalar) -> Bool) -> Bool {
        text.unicodeScalars.contains(where: mark) && text.contains { isMark($0, mark) }
    }
}
