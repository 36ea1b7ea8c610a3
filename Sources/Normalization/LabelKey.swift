/// Comparison keys for table labels, tolerant of the damage real extractions show.
///
/// `LabelKey.make` turns a label into a key: no whitespace, ASCII brackets and commas,
/// no quotes, item numbers as "N.". Repairs of OCR-like slips (冇 → 有, "3," → "3.", a stray
/// leading ".") are applied too and listed, so the caller can report them.
public struct LabelKey: Sendable, Equatable, Hashable {
    /// The full key, numbering included: "(三)1.属于国家秘密".
    public var key: String
    /// The key without leading numbering: "属于国家秘密".
    public var core: String
    /// The leading numbering tokens as found: ["(三)", "1."].
    public var numbering: [String]
    /// Human-readable descriptions of the repairs applied ("冇 → 有").
    public var repairs: [String]

    /// OCR confusions seen in Chinese government reports, wrong → right. Applied only where
    /// the result matches the template vocabulary (the caller checks).
    public static let confusions: [Character: Character] = ["冇": "有", "巿": "市", "己": "已"]

    public static func make(_ label: String) -> LabelKey {
        var repairs: [String] = []
        var chars: [Character] = []
        for ch in label {
            switch ch {
            case " ", "\t", "\n", "\u{3000}": continue
            case "（", "【", "〔", "[": chars.append("(")
            case "）", "】", "〕", "]": chars.append(")")
            case "，": chars.append(",")
            case "：": chars.append(":")
            case "；": chars.append(";")
            case "．": chars.append(".")
            case "“", "”", "\"", "‘", "’", "'", "「", "」": continue
            default:
                if let fixed = confusions[ch] {
                    repairs.append("\(ch) → \(fixed)")
                    chars.append(fixed)
                } else if ch.isASCII, ch.isUppercase {
                    chars.append(Character(ch.lowercased()))
                } else {
                    chars.append(ch)
                }
            }
        }
        // Stray leading punctuation (".第二十条…").
        while let first = chars.first, ".,、·。-_*".contains(first), chars.count > 1, !(chars[1].isASCII && chars[1].isNumber) {
            repairs.append("removed leading \"\(first)\"")
            chars.removeFirst()
        }
        // Leading numbering: "(三)", "三、", "1.", "1、", "1," (slip), in any sequence.
        var numbering: [String] = []
        var i = 0
        var normalized: [Character] = []
        while i < chars.count {
            if chars[i] == "(" {
                var j = i + 1
                while j < chars.count, chineseNumerals.contains(chars[j]) || chars[j].isASCII && chars[j].isNumber { j += 1 }
                if j > i + 1, j < chars.count, chars[j] == ")" {
                    let token = String(chars[i...j])
                    numbering.append(token)
                    normalized += Array(token)
                    i = j + 1
                    continue
                }
                break
            }
            var j = i
            while j < chars.count, chineseNumerals.contains(chars[j]) { j += 1 }
            if j > i, j < chars.count, chars[j] == "、" {
                let token = String(chars[i...j])
                numbering.append(token)
                normalized += Array(token)
                i = j + 1
                continue
            }
            j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j > i, j - i <= 2, j < chars.count, ".、,".contains(chars[j]), j + 1 == chars.count || !(chars[j + 1].isASCII && chars[j + 1].isNumber) {
                if chars[j] == "," { repairs.append("\"\(String(chars[i..<j])),\" → \"\(String(chars[i..<j])).\"") }
                let token = String(chars[i..<j]) + "."
                numbering.append(token)
                normalized += Array(token)
                i = j + 1
                continue
            }
            break
        }
        let core = String(chars[i...])
        return LabelKey(key: String(normalized) + core, core: core, numbering: numbering, repairs: repairs)
    }

    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Similarity of two strings in [0, 1]: twice the longest common subsequence over the
    /// summed lengths. Bounded: long inputs (over 200 characters) compare as 0.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return 0 }
        if x.count > 200 || y.count > 200 { return 0 }
        var previous = [Int](repeating: 0, count: y.count + 1)
        var current = previous
        for i in 1...x.count {
            for j in 1...y.count {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return Double(2 * previous[y.count]) / Double(x.count + y.count)
    }
}
