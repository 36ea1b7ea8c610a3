import DocModel

/// How a template column's cells are read.
public enum FieldKind: Sendable, Equatable {
    /// A non-negative integer count.
    case count
    /// A signed change in a count (2019 本年增/减): "减4" is -4, "增3" and "+3" are 3.
    case signedCount
    /// An amount in 万元 (2021 本年收费金额): "1200元" converts exactly to 0.12.
    case amountWan
    /// An amount kept as written, its unit reported in a sibling field (2019 采购总金额).
    case amountAsWritten
    /// The unit of the preceding `amountAsWritten` column ("万元", "元"); not a column itself.
    case unitOfPrevious
}

/// The reading of one cell.
public enum CellReading: Sendable, Equatable {
    case blank
    case value(Value, unit: String?, notes: [ValueNote])
    case unreadable(String)

    public var value: Value? {
        if case .value(let v, _, _) = self { return v }
        return nil
    }

    /// The unit written with the value ("万元"), if any.
    public var unit: String? {
        if case .value(_, let u, _) = self { return u }
        return nil
    }
}

public enum ValueNote: Sendable, Equatable {
    /// A placeholder ("—", "/", "无") read as 0.
    case placeholder(String)
    /// OCR-like characters inside a number repaired ("1O" → "10").
    case repaired(from: String, to: String)
    /// An amount converted to the template's unit.
    case unitConverted(from: String, to: String)
}

/// Reads numbers the way they appear in real reports: placeholders, units, thousands
/// separators, signed changes, OCR slips. Exact: decimals keep the source's digits.
public enum ValueParser {
    static let placeholders: Set<String> = ["—", "——", "–", "-", "--", "－", "/", "／", "\\", "无", "〇"]
    static let countUnits = ["件", "个", "条", "项", "次", "人", "家", "宗", "起"]
    static let amountUnits = ["万元", "元", "万"]

    /// True when the cell reads as a value (or is blank): used to tell values from labels.
    public static func isValueLike(_ text: String) -> Bool {
        switch read(text, as: .amountAsWritten) {
        case .blank, .value: return true
        case .unreadable:
            // A count with its unit ("12件") is a value too.
            if case .value = read(text, as: .count) { return true }
            return false
        }
    }

    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{3000}" || $0 == "\u{A0}" }
    }

    /// Scalars a value cell can hold besides ASCII digits and punctuation: units, signs,
    /// placeholders. A cell with any other CJK or letter scalar is a label, not a value.
    public static let valueScalars: Set<Unicode.Scalar> = [
        "减", "增", "万", "元", "件", "个", "条", "项", "次", "人", "家", "宗", "起", "无", "〇",
        "—", "–", "－", "−", "／", "\u{3000}", "\u{A0}",
    ]

    public static func read(_ raw: String, as kind: FieldKind) -> CellReading {
        if let quick = quickReading(raw, as: kind) { return quick }
        var text = raw.filter { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\u{3000}" && $0 != "\u{A0}" }
        if text.isEmpty { return .blank }
        if placeholders.contains(text) { return .value(zero(kind), unit: nil, notes: [.placeholder(text)]) }
        var notes: [ValueNote] = []
        var sign = ""
        if kind == .signedCount || kind == .amountAsWritten {
            if text.hasPrefix("减") { sign = "-"; text.removeFirst() }
            else if text.hasPrefix("增") { text.removeFirst() }
        }
        // Unit suffix.
        var unit: String?
        for u in amountUnits + countUnits where text.hasSuffix(u) && text.count > u.count {
            unit = u
            text.removeLast(u.count)
            break
        }
        if text.hasPrefix("+") { text.removeFirst() }
        else if text.hasPrefix("-") || text.hasPrefix("－") || text.hasPrefix("−") {
            sign = sign == "-" ? "" : "-"
            text.removeFirst()
        }
        repairOCRSlips(&text, notes: &notes)
        if text.contains(",") {
            guard let joined = withoutThousandsSeparators(text) else { return .unreadable(raw) }
            text = joined
        }
        guard let (intDigits, fracDigits) = splitNumber(text) else { return .unreadable(raw) }
        let intCanonical = String(intDigits.drop { $0 == "0" }).isEmpty ? "0" : String(intDigits.drop { $0 == "0" })
        return reading(raw, as: kind, sign: sign, intPart: intCanonical, frac: fracDigits, unit: unit, notes: notes)
    }

    /// The fast paths: plain digits (most cells), blank cells, and text that cannot be a value
    /// (labels). Nil when the full reading is needed.
    static func quickReading(_ raw: String, as kind: FieldKind) -> CellReading? {
        var allDigits = true, allSpace = true
        for s in raw.unicodeScalars {
            if s.value >= 0x30 && s.value <= 0x39 { allSpace = false; continue }
            allDigits = false
            if s == " " || s == "\t" || s == "\n" || s == "\u{3000}" || s == "\u{A0}" { continue }
            allSpace = false
            if s.isASCII {
                if s == "O" || s == "o" || s == "l" || s == "I" || !s.properties.isAlphabetic { continue }
                return .unreadable(raw)
            }
            if !valueScalars.contains(s) { return .unreadable(raw) }
        }
        if allSpace { return .blank }
        guard allDigits, !raw.isEmpty, raw.utf8.count <= 15 else { return nil }
        let canonical = raw.drop { $0 == "0" }
        guard let v = Int(canonical.isEmpty ? "0" : canonical) else { return nil }
        switch kind {
        case .count, .signedCount, .amountAsWritten, .unitOfPrevious: return .value(.integer(v), unit: nil, notes: [])
        case .amountWan: return .value(.integer(v), unit: "万元", notes: [])
        }
    }

    /// OCR slips: O/o for 0, l/I for 1, inside something that is otherwise a number.
    static func repairOCRSlips(_ text: inout String, notes: inout [ValueNote]) {
        let hasDigit = text.contains { $0.isASCII && $0.isNumber }
        guard text.contains(where: { "OolI".contains($0) }), hasDigit || text == "O" || text == "o" else { return }
        let fixed = String(text.map { c -> Character in
            switch c {
            case "O", "o": return "0"
            case "l", "I": return "1"
            default: return c
            }
        })
        if fixed.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }) {
            notes.append(.repaired(from: text, to: fixed))
            text = fixed
        }
    }

    /// Thousands separators: 1,234,567 (groups of three only); nil when the commas are not that.
    static func withoutThousandsSeparators(_ text: String) -> String? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        let intPart = groups.last.map { $0.split(separator: ".", maxSplits: 1).first ?? "" } ?? ""
        let valid = groups.count > 1 && !groups[0].isEmpty && groups[0].count <= 3
            && groups.dropFirst().dropLast().allSatisfy { $0.count == 3 } && intPart.count == 3
        return valid ? groups.joined() : nil
    }

    /// The value of a number read as `kind`: counts are whole, amounts in 万元 convert 元.
    static func reading(
        _ raw: String, as kind: FieldKind, sign: String, intPart intCanonical: String, frac fracDigits: Substring,
        unit: String?, notes: [ValueNote]
    ) -> CellReading {
        var notes = notes
        switch kind {
        case .count, .signedCount:
            if unit != nil, amountUnits.contains(unit!) { return .unreadable(raw) }
            guard fracDigits.allSatisfy({ $0 == "0" }), let v = Int(sign + intCanonical), intCanonical.count <= 15 else {
                return .unreadable(raw)
            }
            return .value(.integer(v == 0 ? 0 : v), unit: unit, notes: notes)
        case .amountWan:
            if let u = unit, countUnits.contains(u) { return .unreadable(raw) }
            var literal = literalNumber(sign: sign, intPart: intCanonical, frac: fracDigits)
            if unit == "元" {
                let converted = shiftLeft(intPart: intCanonical, frac: fracDigits, by: 4)
                literal = (sign == "-" && converted != "0" ? "-" : "") + converted
                notes.append(.unitConverted(from: raw, to: literal + "万元"))
            }
            return .value(number(literal), unit: "万元", notes: notes)
        case .amountAsWritten, .unitOfPrevious:
            if let u = unit, countUnits.contains(u) { return .unreadable(raw) }
            let literal = literalNumber(sign: sign, intPart: intCanonical, frac: fracDigits)
            return .value(number(literal), unit: unit == "万" ? "万元" : unit, notes: notes)
        }
    }

    static func zero(_ kind: FieldKind) -> Value { .integer(0) }

    /// A literal without decimal digits is an integer (so a report read back from JSON or
    /// XML holds the same values); one with decimals keeps its digits exactly.
    static func number(_ literal: String) -> Value {
        if !literal.contains("."), literal.count <= 16, let i = Int(literal) { return .integer(i) }
        return .decimal(literal)
    }

    static func splitNumber(_ text: String) -> (Substring, Substring)? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let frac = parts.count > 1 ? parts[1] : ""
        if parts.count > 1, frac.isEmpty || !frac.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        return (first, frac)
    }

    static func literalNumber(sign: String, intPart: String, frac: Substring) -> String {
        let body = frac.isEmpty ? intPart : intPart + "." + frac
        return (sign == "-" && body.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + body
    }

    /// Divides a decimal by 10^n exactly, in decimal digits: ("1200", "", 4) → "0.12".
    static func shiftLeft(intPart: String, frac: Substring, by n: Int) -> String {
        var digits = Array(intPart)
        while digits.count <= n { digits.insert("0", at: 0) }
        let newInt = String(digits[..<(digits.count - n)])
        var newFrac = String(digits[(digits.count - n)...]) + frac
        while newFrac.last == "0" { newFrac.removeLast() }
        let i = String(newInt.drop { $0 == "0" })
        return (i.isEmpty ? "0" : i) + (newFrac.isEmpty ? "" : "." + newFrac)
    }
}
