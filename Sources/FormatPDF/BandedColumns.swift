/// The columns of a table ruled between rows only, from its words: the gutters are x ranges
/// that few rows holding values cover. Most rows agree on them; a ragged row (one whose cells
/// the source drew at other widths: a row broken in two, a block of rows under other column
/// heads, a value wider than its column) covers gutters every other row leaves open. Such a
/// row does not vote on the table's columns and keeps its own, as a ruled table draws a ragged
/// row's own vertical rules.
struct BandedColumns {
    let box: Box
    let bins: Int
    /// The rows that define the columns: those holding values, else every row with text.
    let basis: [Int]
    let threshold: Int
    /// How far the first column's text starts from the table's edge (a cell's left padding).
    let padding: Double
    /// Per band, the 1-pt bins of the table's width its glyphs cover.
    let cover: [[Bool]]

    init?(_ bands: [[Piece]], box: Box) {
        let bins = Int(box.width.rounded(.up)) + 1
        guard bins > 2, bins < 5000 else { return nil }
        self.bins = bins
        self.box = box
        let valueRows = bands.indices.filter { bands[$0].contains(where: BandedTables.isValue) }
        basis = valueRows.isEmpty ? bands.indices.filter { !bands[$0].isEmpty } : valueRows
        // A tenth of the value rows may cross a gutter (a label spanning columns; not more: a
        // column only one row fills must stay); of a short table without values, up to two
        // rows or a third.
        threshold = valueRows.isEmpty ? max(basis.count / 10, min(2, basis.count / 3)) : basis.count / 10
        let firstText = bands.joined().map(\.box.x0).min() ?? box.x0
        padding = max(0, min(8, firstText - box.x0))
        cover = bands.map { band in
            var covered = Array(repeating: false, count: bins)
            for glyph in band.lazy.flatMap(\.glyphs) {
                let from = max(0, Int(glyph.x0 - box.x0)), to = min(bins - 1, Int(glyph.x1 - box.x0))
                if from <= to { for b in from...to { covered[b] = true } }
            }
            return covered
        }
    }

    /// Coverage counts over the basis rows not in `excluded`.
    func counts(excluding excluded: Set<Int> = []) -> [Int] {
        var count = Array(repeating: 0, count: bins)
        for r in basis where !excluded.contains(r) {
            for b in 0..<bins where cover[r][b] { count[b] += 1 }
        }
        return count
    }

    /// Runs of bins (start, end) at most `threshold` rows cover, at least 2 pt and one and a
    /// half paddings wide, between text.
    func gutters(_ count: [Int], threshold: Int) -> [(start: Int, end: Int)] {
        var out: [(Int, Int)] = []
        guard var b = count.firstIndex(where: { $0 > threshold }) else { return [] }
        while b < bins {
            guard let start = count[b...].firstIndex(where: { $0 <= threshold }) else { break }
            guard let end = count[start...].firstIndex(where: { $0 > threshold }) else { break }
            if Double(end - start) >= max(2, 1.5 * padding) { out.append((start, end)) }
            b = end
        }
        return out
    }

    /// Value rows without which the others show more gutters among the values: each such row
    /// alone covers a gap every other row leaves open there (labels spanning label columns are
    /// no sign). Only a minority (at most a third) can be ragged.
    func raggedRows(_ bands: [[Piece]]) -> Set<Int> {
        guard basis.count >= 3, let firstValue = bands.joined().filter(BandedTables.isValue).map(\.box.x0).min() else { return [] }
        let from = Int(firstValue - box.x0 - 2 * padding)
        func valueGutters(_ count: [Int]) -> Int { gutters(count, threshold: threshold).filter { $0.start >= from }.count }
        let all = counts()
        let base = valueGutters(all)
        var ragged: Set<Int> = []
        for r in basis {
            var without = all
            for b in 0..<bins where cover[r][b] { without[b] -= 1 }
            if valueGutters(without) > base { ragged.insert(r) }
        }
        return ragged.count * 3 <= basis.count ? ragged : []
    }

    /// The inner column edges the rows outside `excluded` agree on: for each gutter, where a
    /// rule starts inside it, else its right end less the cells' left padding.
    func edges(excluding excluded: Set<Int>, rules: [Rule]) -> [Double] {
        gutters(counts(excluding: excluded), threshold: threshold).map { edge(at: $0, rules: rules) }
    }

    func edge(at gutter: (start: Int, end: Int), rules: [Rule]) -> Double {
        let g0 = box.x0 + Double(gutter.start), g1 = box.x0 + Double(gutter.end)
        let tolerance = BandedTables.tolerance
        let ruleStart = rules.map(\.box.x0).first { $0 > box.x0 + tolerance && $0 >= g0 - tolerance && $0 <= g1 + tolerance }
        return ruleStart ?? max(g0, g1 - padding)
    }

    /// A ragged row's own edges: the gaps in its own text right of where its first value's
    /// cell starts, an edge within a padding (or 4 pt) of one of the table's taken as that one.
    func ownEdges(of r: Int, band: [Piece], table known: [Double], rules: [Rule]) -> [Double] {
        guard let firstValue = band.filter(BandedTables.isValue).map(\.box.x0).min() else { return [] }
        let own = gutters(cover[r].map { $0 ? 1 : 0 }, threshold: 0).map { edge(at: $0, rules: rules) }
        let snap = max(4, padding)
        return own.filter { $0 >= firstValue - padding - 1 }.map { e in
            known.min { abs($0 - e) < abs($1 - e) }.flatMap { abs($0 - e) <= snap ? $0 : nil } ?? e
        }
    }

    /// Edges between two texts of one line in a row, a gutter apart and one of them a value,
    /// that none of the row's `edges` separates: the table's edge (or one another row added)
    /// inside the gap nearest a padding before the second text, else that point.
    func splits(_ band: [Piece], besides edges: [Double], known: [Double]) -> [Double] {
        let minGap = max(2, 1.5 * padding)
        var out: [Double] = []
        for line in Self.lines(band) {
            let glyphs = line.flatMap { p in p.glyphs.map { (g: $0, value: BandedTables.isValue(p)) } }.sorted { $0.g.x0 < $1.g.x0 }
            for (a, b) in zip(glyphs, glyphs.dropFirst()) where b.g.x0 - a.g.x1 >= minGap && (a.value || b.value) {
                func inGap(_ x: Double) -> Bool { x > a.g.x1 && x < b.g.x0 }
                guard !edges.contains(where: inGap), !out.contains(where: inGap) else { continue }
                let target = max(a.g.x1 + 0.5, b.g.x0 - padding)
                out.append(known.filter(inGap).min { abs($0 - target) < abs($1 - target) } ?? target)
            }
        }
        return out
    }

    /// A band's pieces grouped into lines (overlapping vertically), top to bottom.
    static func lines(_ band: [Piece]) -> [[Piece]] {
        var out: [[Piece]] = []
        for piece in band.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = out.last?.last, last.box.verticalOverlap(piece.box) > 0.5 {
                out[out.count - 1].append(piece)
            } else {
                out.append([piece])
            }
        }
        return out
    }
}
