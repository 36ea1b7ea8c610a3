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
    /// `core` as Unicode scalar values, for fast comparison.
    public var coreScalars: [UInt32]
    /// One bit per scalar value modulo 64 of `core`: a cheap filter before `similarity`.
    public var coreMask: UInt64

    public init(key: String, core: String, numbering: [String], repairs: [String]) {
        self.init(key: key, core: core, coreScalars: core.unicodeScalars.map(\.value), numbering: numbering, repairs: repairs)
    }

    init(key: String, core: String, coreScalars: [UInt32], numbering: [String], repairs: [String]) {
        self.key = key
        self.core = core
        self.numbering = numbering
        self.repairs = repairs
        self.coreScalars = coreScalars
        self.coreMask = coreScalars.reduce(0) { $0 | (1 << ($1 & 63)) }
    }

    /// OCR confusions seen in Chinese government reports, wrong → right. Applied only where
    /// the result matches the template vocabulary (the caller checks).
    public static let confusions: [Character: Character] = ["冇": "有", "巿": "市", "己": "已"]
    /// `confusions` as scalar pairs, looked through in order (three pairs: cheaper than hashing
    /// every scalar of every label).
    static let scalarConfusions: [(wrong: UInt32, right: Unicode.Scalar)] = confusions.compactMap { wrong, right in
        guard let w = wrong.unicodeScalars.first, let r = right.unicodeScalars.first else { return nil }
        return (w.value, r)
    }

    @inline(__always)
    static func confusionRepair(_ value: UInt32) -> Unicode.Scalar? {
        for pair in scalarConfusions where pair.wrong == value { return pair.right }
        return nil
    }

    public static func make(_ label: String) -> LabelKey {
        var repairs: [String] = []
        var chars: [Unicode.Scalar] = []
        chars.reserveCapacity(label.utf8.count)
        for ch in label.unicodeScalars {
            guard let mapped = keyScalar(ch) else { continue }
            if mapped != ch, ch.value >= 0x80, confusionRepair(ch.value) != nil { repairs.append("\(ch) → \(mapped)") }
            chars.append(mapped)
        }
        // Stray leading punctuation (".第二十条…").
        while let first = chars.first, leadingPunctuation.contains(first), chars.count > 1, !isDigit(chars[1]) {
            repairs.append("removed leading \"\(first)\"")
            chars.removeFirst()
        }
        // Leading numbering: "(三)", "三、", "1.", "1、", "1," (slip), in any sequence.
        var numbering: [String] = []
        var i = 0
        var normalized: [Unicode.Scalar] = []
        while i < chars.count {
            if chars[i] == "(" {
                var j = i + 1
                while j < chars.count, isChineseNumeral(chars[j]) || isDigit(chars[j]) { j += 1 }
                if j > i + 1, j < chars.count, chars[j] == ")" {
                    let token = string(chars[i...j])
                    numbering.append(token)
                    normalized.append(contentsOf: chars[i...j])
                    i = j + 1
                    continue
                }
                break
            }
            var j = i
            while j < chars.count, isChineseNumeral(chars[j]) { j += 1 }
            if j > i, j < chars.count, chars[j] == "、" {
                let token = string(chars[i...j])
                numbering.append(token)
                normalized.append(contentsOf: chars[i...j])
                i = j + 1
                continue
            }
            j = i
            while j < chars.count, isDigit(chars[j]) { j += 1 }
            if j > i, j - i <= 2, j < chars.count, chars[j] == "." || chars[j] == "、" || chars[j] == ",",
                j + 1 == chars.count || !isDigit(chars[j + 1])
            {
                let digits = string(chars[i..<j])
                if chars[j] == "," { repairs.append("\"\(digits),\" → \"\(digits).\"") }
                numbering.append(digits + ".")
                normalized.append(contentsOf: chars[i..<j])
                normalized.append(".")
                i = j + 1
                continue
            }
            break
        }
        let core = string(chars[i...])
        let key = normalized.isEmpty ? core : string(normalized[...]) + core
        return LabelKey(key: key, core: core, coreScalars: chars[i...].map(\.value), numbering: numbering, repairs: repairs)
    }

    /// What a scalar of a label becomes in its key (nil: dropped): no whitespace or quotes,
    /// ASCII brackets and punctuation, lower-case Latin letters, OCR confusions repaired.
    @inline(__always)
    public static func keyScalar(_ ch: Unicode.Scalar) -> Unicode.Scalar? {
        switch ch {
        case " ", "\t", "\n", "\r", "\u{3000}", "\u{00A0}": return nil
        case "（", "【", "〔", "[": return "("
        case "）", "】", "〕", "]": return ")"
        case "，": return ","
        case "：": return ":"
        case "；": return ";"
        case "．": return "."
        case "“", "”", "\"", "‘", "’", "'", "「", "」": return nil
        case "A"..."Z": return Unicode.Scalar(ch.value + 32) ?? ch
        default:
            if ch.value >= 0x80, let fixed = confusionRepair(ch.value) { return fixed }
            return ch
        }
    }

    static let leadingPunctuation: Set<Unicode.Scalar> = [".", ",", "、", "·", "。", "-", "_", "*"]
    static let chineseNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool { s.value >= 0x4E00 && chineseNumerals.contains(s) }
    /// A string from scalars, through one UTF-8 buffer (appending to a scalar view is slow).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Similarity of two strings in [0, 1]: twice the longest common subsequence over the
    /// summed lengths. Bounded: long inputs (over 200 characters) compare as 0.
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }

    /// `similarity` on scalar values (what the matcher uses: no grapheme or string comparison).
    public static func similarity(_ x: [UInt32], _ y: [UInt32]) -> Double {
        if x.isEmpty || y.isEmpty { return 0 }
        if x.count > 200 || y.count > 200 { return 0 }
        return Double(2 * lcsLength(x, y)) / Double(x.count + y.count)
    }

    /// An upper bound of `similarity(a, b)` from lengths and scalar masks alone: every scalar of
    /// `a` in a common subsequence has its bit in `b`'s mask.
    public static func similarityBound(_ a: LabelKey, _ b: LabelKey) -> Double {
        let n = a.coreScalars.count, m = b.coreScalars.count
        if n == 0 || m == 0 { return 0 }
        var present = 0
        for v in a.coreScalars where b.coreMask & (1 << (v & 63)) != 0 { present += 1 }
        return Double(2 * min(present, m)) / Double(n + m)
    }

    static func lcsLength(_ x: [UInt32], _ y: [UInt32]) -> Int {
        var previous = [Int](repeating: 0, count: y.count + 1)
        var current = previous
        for i in 1...x.count {
            let xi = x[i - 1]
            for j in 1...y.count {
                current[j] = xi == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
