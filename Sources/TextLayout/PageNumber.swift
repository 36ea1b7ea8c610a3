/// Page-number lines of a paged original: "— 3 —", "- 3 -", "－3－", "第3页", "第 3 页 共 12 页",
/// "3/12". A bare number is not one (it may be a value).
public enum PageNumber {
    static let dashes: Set<Unicode.Scalar> = ["—", "–", "―", "－", "-", "~", "～", "一"]

    public static func matches(_ line: Substring) -> Bool {
        // Scalars without spaces, in an array: no generic String building on this per-line path.
        var s: [Unicode.Scalar] = []
        for c in line.unicodeScalars where c != " " && c != "\u{3000}" && c != "\t" && c != "\u{A0}" {
            s.append(c)
            if s.count > 16 { return false }
        }
        guard !s.isEmpty else { return false }
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
        // — 3 —
        var i = 0
        var lead = 0, digits = 0, trail = 0
        while i < s.count, dashes.contains(s[i]) { lead += 1; i += 1 }
        while i < s.count, isDigit(s[i]) { digits += 1; i += 1 }
        while i < s.count, dashes.contains(s[i]) { trail += 1; i += 1 }
        if i == s.count, lead > 0, trail > 0, (1...4).contains(digits), s[0] != "一" { return true }
        // 3/12
        if let slash = s.firstIndex(of: "/") {
            let halves = [s[..<slash], s[(slash + 1)...]]
            if halves.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(isDigit) }) { return true }
        }
        // 第3页, 第3页共12页, 共12页第3页
        guard s[0] == "第" || s[0] == "共", s[s.count - 1] == "页" else { return false }
        let rest = String(String.UnicodeScalarView(s.filter { !isDigit($0) }))
        return ["第页", "第页共页", "共页第页", "第页,共页", "第页，共页"].contains(rest)
    }
}
