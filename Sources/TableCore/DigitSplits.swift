/// The `digitSplit` generator: every way of splitting a row's value runs (cells run
/// together, `RunTogether`) into exactly as many cells as the row has columns.
///
/// A part is a number as a cell writes it: "0", or digits not starting with 0, with thousands
/// commas or a decimal point inside, a sign ("+", "-", "增", "减") in front; a dash is a
/// placeholder cell of its own; a unit ("元", "万元") stays on the run's last part, a count's unit
/// ("个") ends the part it follows. Which split
/// is right is not decided here: the tables' arithmetic chooses (`ReadingSearch`), and a row
/// the text and the arithmetic do not decide is null with `value.undecidable`.
extension ReadingGenerator {
    /// Most splits proposed for one row. Beyond it the search stops and proposes none: the row
    /// is undecidable (its digits too long for the text to say anything).
    static let maxSplits = 4096
    /// Most steps of the enumeration (cut positions tried) for one row.
    static let maxSplitSteps = 200_000
    /// Longest part tried, in tokens (a cell's number is at most 15 digits with its punctuation).
    static let maxPartTokens = 24

    /// The splits of the row's runs, or nil when there are more than `maxSplits`.
    static func digitSplits(_ input: RowInput) -> [Reading]? {
        var out: [Reading] = []
        var steps = 0
        var parts: [Slot?] = []
        let columns = input.columns
        let tokens = input.slots.map { $0.runTogether ? Self.tokens($0.text) : [] }
        // From slot `k` on: the fewest parts the slots make (one each) and the most (a token each).
        let rest = (0...input.slots.count).map { input.slots.count - $0 }
        var most = Array(repeating: 0, count: input.slots.count + 1)
        for k in input.slots.indices.reversed() { most[k] = most[k + 1] + max(1, tokens[k].count) }
        var overflow = false
        func go(_ k: Int, _ at: Int) {
            if overflow { return }
            steps += 1
            if out.count > maxSplits || steps > maxSplitSteps {
                overflow = true
                return
            }
            guard parts.count + rest[k] <= columns, parts.count + most[k] - at >= columns else { return }
            if k == input.slots.count {
                if parts.count == columns { out.append(input.reading(parts, .digitSplit)) }
                return
            }
            let slot = input.slots[k]
            guard slot.runTogether else {
                parts.append(slot)
                go(k + 1, 0)
                parts.removeLast()
                return
            }
            let t = tokens[k]
            // A space between runs is a cell boundary, no part of a cell.
            if t[at] == " " {
                if at + 1 == t.count { go(k + 1, 0) } else { go(k, at + 1) }
                return
            }
            var end = at + 1
            // A part is short ("1,234,567.89万元" is 14 tokens): no longer part is tried.
            while end <= min(t.count, at + maxPartTokens), t[end - 1] != " " {
                if end == t.count || canCut(t, end) {
                    let text = t[at..<end].joined()
                    if isPart(text, last: end == t.count), signFits(text, input.row.columns[parts.count].kind) {
                        parts.append(Slot(text: text, column: slot.column, isBlank: false, source: slot.source, runTogether: true))
                        if end == t.count { go(k + 1, 0) } else { go(k, end) }
                        parts.removeLast()
                    }
                }
                // A count's unit ends its cell ("1个246900元" is "1个" and "246900元").
                if isCountUnit(t[end - 1]) { break }
                end += 1
            }
        }
        go(0, 0)
        return overflow ? nil : out
    }

    /// A run cut into scalars, a unit kept whole ("万元").
    static func tokens(_ run: String) -> [String] {
        var out: [String] = []
        for s in run.unicodeScalars {
            if s == " " || s == "\u{3000}" || s == "\u{A0}" || s == "\t" {
                if out.last != " " { out.append(" ") }
            } else if s == "元", out.last == "万" {
                out[out.count - 1] = "万元"
            } else {
                out.append(String(s))
            }
        }
        return out
    }

    /// Whether a part may end before token `i`: not inside a number's punctuation, not after a
    /// sign, not before a unit; always around a dash.
    static func canCut(_ t: [String], _ i: Int) -> Bool {
        let before = t[i - 1], after = t[i]
        if isDash(before) || isDash(after) { return true }
        if [".", ",", "．", "，"].contains(before) || [".", ",", "．", "，"].contains(after) { return false }
        if signs.contains(before) || after == "元" || after == "万元" || isCountUnit(after) { return false }
        return true
    }

    static let signs: Set<String> = ["+", "-", "＋", "增", "减"]

    /// A sign starts a part only in a column of signed changes (2019 本年增/减): in a run
    /// "20+1737" the "+" is where the change begins, never a count's ("2", "0", "+1737").
    static func signFits(_ text: String, _ kind: FieldKind) -> Bool {
        guard let first = text.unicodeScalars.first, signs.contains(String(first)) else { return true }
        return kind == .signedCount
    }
    static func isDash(_ s: String) -> Bool { s == "—" || s == "–" || s == "－" }
    static func isCountUnit(_ s: String) -> Bool {
        guard s.unicodeScalars.count == 1, let u = s.unicodeScalars.first else { return false }
        return RunTogether.countUnits.contains(u)
    }

    /// A number as one cell writes it (see the type's comment).
    static func isPart(_ text: String, last: Bool) -> Bool {
        var s = Substring(text)
        if s.count == 1, isDash(String(s)) { return true }
        if s.hasSuffix("万元") { guard last else { return false }; s = s.dropLast(2) } else if s.hasSuffix("元") { guard last else { return false }; s = s.dropLast() } else if let u = s.last, isCountUnit(String(u)) { s = s.dropLast() }
        if let first = s.first, signs.contains(String(first)) { s = s.dropFirst() }
        let pieces = s.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let whole = pieces.first, !whole.isEmpty else { return false }
        if pieces.count == 2, pieces[1].isEmpty || !pieces[1].allSatisfy(\.isASCIIDigit) { return false }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let lead = groups.first, !lead.isEmpty, lead.allSatisfy(\.isASCIIDigit) else { return false }
        if groups.count > 1 { guard lead.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) }) else { return false } }
        // No leading zero ("05"), no absurd length.
        return (lead == "0" && groups.count == 1 || lead.first != "0") && whole.count <= 15
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
