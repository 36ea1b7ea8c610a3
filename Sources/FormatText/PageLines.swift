import TableCore

/// A whole page on one line, as a crawler's `textContent` keeps it: sections, prose and tables
/// with every cell run together, nothing between them ("…本报告。一、总体情况2021年，我区…
/// 二、主动公开政府信息情况 第二十条第（一）项信息内容…规章 000行政规范性文件693665…").
///
/// Such a line (long, and holding a run-together table row) is cut into the lines a page shows:
/// after each sentence, and before each numbered heading ("一、"); a heading is cut from the
/// text that follows it at a space, a bracket or a number that begins prose ("一、总体情况" |
/// "2021年，…"), but not from its own values ("一、本年新收…申请数量640020470") or from a
/// row it opens ("三、本年度办理结果（一）予以公开270020130"). Each line keeps where it stands in
/// the source (`origins`), so that cells still point at their place on the original line.
enum PageLines {
    /// Shortest line looked at: a page run together is thousands of characters.
    static let minimumLength = 300

    /// Runs of `longRun` digits or more a line must hold: a table's rows run together
    /// ("0000000", "640020470"); prose has a phone number or a postcode at most.
    static let minimumLongRuns = 3
    static let longRun = 7

    /// How many runs of at least `longRun` ASCII digits the line holds (a byte scan).
    static func longRuns(_ line: Substring) -> Int {
        var runs = 0, length = 0
        for b in line.utf8 {
            if b >= 0x30 && b <= 0x39 {
                length += 1
                if length == longRun { runs += 1 }
            } else {
                length = 0
            }
        }
        return runs
    }

    /// The lines with long run-together lines cut, and for each line its source line (0-based)
    /// and its scalar offset there; nil when no line needs cutting.
    static func expand(_ lines: [Substring]) -> (lines: [Substring], origins: [(line: Int, offset: Int)])? {
        var out: [Substring] = []
        var origins: [(line: Int, offset: Int)] = []
        var changed = false
        for (n, line) in lines.enumerated() {
            guard line.utf8.count >= minimumLength * 3, Self.longRuns(line) >= minimumLongRuns, let cuts = cuts(line) else {
                out.append(line)
                origins.append((n, 0))
                continue
            }
            changed = true
            let scalars = line.unicodeScalars
            var offset = 0
            var start = scalars.startIndex
            for cut in cuts + [scalars.count] where cut > offset {
                let end = scalars.index(start, offsetBy: cut - offset)
                out.append(Substring(scalars[start..<end]))
                origins.append((n, offset))
                start = end
                offset = cut
            }
        }
        return changed ? (out, origins) : nil
    }

    /// Where to cut a long line (scalar offsets), or nil when it holds no run-together row.
    static func cuts(_ line: Substring) -> [Int]? {
        let s = Array(line.unicodeScalars)
        var cuts: [Int] = []
        var depth = 0
        for i in s.indices {
            if s[i] == "（" || s[i] == "(" { depth += 1 } else if s[i] == "）" || s[i] == ")" { depth = max(0, depth - 1) }
            guard depth == 0 else { continue }
            if sentenceEnds.contains(s[i]), i + 1 < s.count { cuts.append(i + 1) }
            if let end = markerEnd(s, i) {
                cuts.append(i)
                if let h = headingEnd(s, from: end) { cuts.append(h) }
                if let h = sectionHeadingEnd(s, from: end) { cuts.append(h) }
            }
        }
        cuts = Array(Set(cuts)).sorted().filter { $0 > 0 && $0 < s.count }
        cuts += tailCuts(s, from: cuts.last ?? 0)
        var start = 0
        var hasRow = false
        for cut in cuts + [s.count] {
            let piece = String(String.UnicodeScalarView(s[start..<cut]))
            if RunTogether.pieces(piece[...]) != nil { hasRow = true; break }
            start = cut
        }
        return hasRow ? cuts : nil
    }

    /// Longest tail cut at its spaces: a signature and the page's footer, not prose.
    static let tailLength = 150

    /// The cuts in the text after the last sentence: the signature and the page's footer
    /// ("平潭综合实验区××局 2020年1月2日 来源：×× 附件下载") are lines of their own on the page.
    /// Cut at each space, unless a piece is digits (a table row's cells apart by spaces).
    static func tailCuts(_ s: [Unicode.Scalar], from start: Int) -> [Int] {
        guard s.count - start <= tailLength else { return [] }
        let spaces = (start..<s.count).filter { s[$0] == " " || s[$0] == "\u{3000}" }
        var cuts: [Int] = []
        var from = start
        for i in spaces + [s.count] {
            let piece = String(String.UnicodeScalarView(s[from..<i])).trimmingSpaces
            if RunTogether.isValueRun(piece[...]) || RunTogether.pieces(piece[...]) != nil { return [] }
            if i < s.count, !piece.isEmpty { cuts.append(i + 1) }
            from = i + 1
        }
        return cuts.filter { $0 < s.count }
    }

    /// How a report's section headings end: the heading's own words, whatever follows it glued
    /// ("六、其他需要报告的事项没有需要说明的其他事项。", "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持…").
    static let sectionEndings = ["总体情况", "主动公开政府信息情况", "政府信息公开申请情况", "行政诉讼情况", "行政诉讼的情况", "及改进情况", "其他需要报告的事项"]
        .map { Array($0.unicodeScalars) }

    /// Where a numbered section heading whose text starts at `from` ends, when it is one of the
    /// report's six (`sectionEndings`) within its first 30 characters and no sentence mark comes first.
    static func sectionHeadingEnd(_ s: [Unicode.Scalar], from: Int) -> Int? {
        let limit = min(s.count, from + 30)
        var j = from
        while j < limit {
            if sentenceEnds.contains(s[j]) || s[j] == "，" || s[j] == "：" { return nil }
            j += 1
            for ending in sectionEndings where j - from >= ending.count && s[(j - ending.count)..<j].elementsEqual(ending) {
                return j < s.count ? j : nil
            }
        }
        return nil
    }

    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？"]
    /// Most text looked at after a heading to tell prose from its row (表三 run together is about 900).
    static let restLength = 2_000
    static let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// The end of a numbered heading's marker ("三、") starting at `i`, if one does there.
    static func markerEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard numerals.contains(s[i]), i == 0 || !(numerals.contains(s[i - 1]) || s[i - 1] == "第") else { return nil }
        var j = i
        while j < s.count, j - i < 3, numerals.contains(s[j]) { j += 1 }
        return j < s.count && s[j] == "、" ? j + 1 : nil
    }

    /// Where a heading whose text starts at `from` ends, when prose or a table (not its own
    /// values or the row it opens) follows it on the line.
    static func headingEnd(_ s: [Unicode.Scalar], from: Int) -> Int? {
        var j = from
        while j < s.count, j - from <= 30 {
            let c = s[j]
            if c == " " || c == "\u{3000}" || c == "（" || c == "(" || RunTogether.isDigit(c) {
                guard j - from >= 2 else { return nil }
                var end = j
                while end < min(s.count, j + restLength), !sentenceEnds.contains(s[end]), markerEnd(s, end) == nil || end == j { end += 1 }
                let rest = String(String.UnicodeScalarView(s[j..<end])).trimmingSpaces
                let isRow = RunTogether.isValueRun(rest[...]) || RunTogether.pieces(rest[...])?.first?.isValues == false
                return isRow ? nil : j
            }
            if sentenceEnds.contains(c) || c == "，" || c == "：" || c == ":" { return nil }
            j += 1
        }
        return nil
    }
}
