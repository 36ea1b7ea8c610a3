/// Number formats of `w:numFmt` (ECMA-376 ST_NumberFormat), as Word displays them.
enum NumberFormat {
    static let chineseDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let legalDigits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let heavenlyStems: [Character] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    static let earthlyBranches: [Character] = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]

    static func format(_ n: Int, as format: String) -> String {
        switch format {
        case "decimal": return String(n)
        case "decimalZero": return n >= 0 && n < 10 ? "0\(n)" : String(n)
        case "upperLetter": return letters(n, upper: true)
        case "lowerLetter": return letters(n, upper: false)
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting":
            return chineseCounting(n, digits: chineseDigits, units: ["十", "百", "千"], zero: "零")
        case "chineseLegalSimplified":
            return chineseCounting(n, digits: legalDigits, units: ["拾", "佰", "仟"], zero: "零", legal: true)
        case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
            return n < 0 ? String(n) : String(String(n).map { chineseDigits[$0.wholeNumberValue ?? 0] })
        case "ideographTraditional": return cycle(n, heavenlyStems)
        case "ideographZodiac": return cycle(n, earthlyBranches)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
            return enclosed(n, first: 0x2460, last: 20)
        case "decimalEnclosedParen": return enclosed(n, first: 0x2474, last: 20)
        case "decimalEnclosedFullstop": return enclosed(n, first: 0x2488, last: 20)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String.UnicodeScalarView(String(n).unicodeScalars.map { s in
                s.value >= 0x30 && s.value <= 0x39 ? Unicode.Scalar(s.value + 0xFEE0) ?? s : s
            }))
        case "none", "bullet": return ""
        case "ordinal": return String(n) + ordinalSuffix(n)
        default: return String(n)
        }
    }

    /// A, B, …, Z, AA, BB, … (Word repeats the letter).
    static func letters(_ n: Int, upper: Bool) -> String {
        guard n > 0 else { return String(n) }
        let base = upper ? 0x41 : 0x61
        let letter = Character(Unicode.Scalar(UInt8(base + (n - 1) % 26)))
        return String(repeating: letter, count: min((n - 1) / 26 + 1, 64))
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var out = ""
        for (value, symbol) in table {
            while rest >= value {
                out += symbol
                rest -= value
            }
        }
        return out
    }

    /// 一 … 十, 十一, 二十, 一百, 一百零一, 一百一十, 一千, up to 9999 (then decimal).
    static func chineseCounting(_ n: Int, digits: [Character], units: [String], zero: String, legal: Bool = false) -> String {
        guard n > 0, n < 10000 else { return n == 0 ? String(digits[0]) : String(n) }
        let d = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10]
        let unitFor = [units[2], units[1], units[0], ""]
        var out = ""
        var pendingZero = false
        for (i, digit) in d.enumerated() {
            if digit == 0 {
                if !out.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { out += zero; pendingZero = false }
            // 10–19 read 十, 十一 (not 一十一) when the tens lead; legal numerals always write 壹拾.
            if i == 2, digit == 1, out.isEmpty, !legal {
                out += unitFor[i]
            } else {
                out.append(digits[digit])
                out += unitFor[i]
            }
        }
        return out
    }

    static func cycle(_ n: Int, _ symbols: [Character]) -> String {
        guard n > 0 else { return String(n) }
        return String(symbols[(n - 1) % symbols.count])
    }

    /// ①…⑳ (and the paren and full-stop series); beyond 20 Word shows plain digits.
    static func enclosed(_ n: Int, first: UInt32, last: Int) -> String {
        guard n >= 1, n <= last, let s = Unicode.Scalar(first + UInt32(n - 1)) else { return String(n) }
        return String(Character(s))
    }

    static func ordinalSuffix(_ n: Int) -> String {
        if (11...13).contains(n % 100) { return "th" }
        switch n % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
