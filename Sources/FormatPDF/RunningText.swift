import TextLayout

/// Running headers, footers and page numbers: lines at a page's top or bottom edge that are
/// a page number ("— 2 —", "-2-", "第 2 页", "2/5") or that repeat on several pages at the same
/// place (digits aside).
enum RunningText {
    /// Lines of every page without their running headers and footers, and how many were dropped.
    static func strip(_ pages: [[TextLine]], heights: [Double]) -> (pages: [[TextLine]], dropped: Int) {
        var candidates: [(page: Int, index: Int, key: String)] = []
        for (p, lines) in pages.enumerated() {
            let height = heights[p]
            let edge = edgeIndices(lines, height: height)
            for i in edge { candidates.append((p, i, key(lines[i], height: height))) }
        }
        var counts: [String: Set<Int>] = [:]
        for c in candidates { counts[c.key, default: []].insert(c.page) }
        var drop: Set<[Int]> = []
        for c in candidates {
            let line = pages[c.page][c.index]
            let repeated = pages.count >= 2 && (counts[c.key]?.count ?? 0) >= 2
            if repeated || PageNumber.matches(line.text[...]) { drop.insert([c.page, c.index]) }
        }
        let kept = pages.enumerated().map { p, lines in
            lines.enumerated().filter { !drop.contains([p, $0.offset]) }.map(\.element)
        }
        return (kept, drop.count)
    }

    /// The first two and last two lines of a page that lie in its top or bottom tenth.
    static func edgeIndices(_ lines: [TextLine], height: Double) -> [Int] {
        guard !lines.isEmpty else { return [] }
        let top = (0..<min(2, lines.count)).filter { lines[$0].box.y1 < height * 0.1 }
        let bottom = (max(0, lines.count - 2)..<lines.count).filter { lines[$0].box.y0 > height * 0.9 }
        return Array(Set(top + bottom)).sorted()
    }

    /// The text with digits masked and the band (top or bottom) it lies in.
    static func key(_ line: TextLine, height: Double) -> String {
        let band = line.box.midY < height / 2 ? "top" : "bottom"
        let masked = String(line.text.unicodeScalars.filter { !$0.properties.isWhitespace }.map { ("0"..."9").contains($0) ? "#" : Character($0) })
        return "\(band)|\(masked)"
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
