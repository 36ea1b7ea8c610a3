/// Page-number lines of a paged original: "— 3 —", "- 3 -", "－3－", "第3页", "第 3 页 共 12 页",
/// "3/12". A bare number is not one (it may be a value).
public enum PageNumber {
    static let dashes: Set<Unicode.Scalar> = ["—", "–", "―", "－", "-", "~", "～", "一"]

    public static func matches(_ line: Substring) -> Bool {
        let s = line.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "\u{A0}" }
        guard !s.isEmpty, s.count <= 16 else { return false }
        var digits = 0
        var i = s.startIndex
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
        // — 3 —
        var lead = 0
        while i < s.endIndex, dashes.contains(s[i]) { lead += 1; i = s.index(after: i) }
        while i < s.endIndex, isDigit(s[i]) { digits += 1; i = s.index(after: i) }
        var trail = 0
        while i < s.endIndex, dashes.contains(s[i]) { trail += 1; i = s.index(after: i) }
        if i == s.endIndex, lead > 0, trail > 0, (1...4).contains(digits), s[s.startIndex] != "一" { return true }
        // 3/12
        let text = String(String.UnicodeScalarView(s))
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        if halves.count == 2, halves.allSatisfy({ (1...4).contains($0.count) && $0.unicodeScalars.allSatisfy(isDigit) }) { return true }
        // 第3页, 第3页共12页, 共12页第3页
        guard text.hasPrefix("第") || text.hasPrefix("共"), text.hasSuffix("页") else { return false }
        let rest = text.unicodeScalars.filter { !isDigit($0) }
        return ["第页", "第页共页", "共页第页", "第页,共页", "第页，共页"].contains(String(String.UnicodeScalarView(rest)))
    }
}
