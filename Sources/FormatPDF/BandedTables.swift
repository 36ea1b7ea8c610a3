import Glibc
/// Tables drawn with rules between their rows but none between their columns (a Word table
/// with only horizontal borders, a 三线表): the rules give the rows exactly, and a rule missing
/// under some columns merges those rows there, as in a ruled table. The columns come from the
/// words: the gutters are x ranges that no row's text crosses (a cell spanning columns may
/// cross one; it crosses only in its own row). The grid then goes through the same merging as
/// a ruled table's, with a column separator wherever a gutter is not crossed in that row.
enum BandedTables {
    static let tolerance = RuledTables.tolerance

    static func find(on page: PageContent, besides ruled: [PageTable]) -> [PageTable] {
        let loose = page.rules.filter { rule in
            rule.isHorizontal && rule.box.width >= 20
                && !ruled.contains { $0.box.contains(x: rule.box.midX, y: rule.box.midY, slack: tolerance) }
        }
        var tables: [PageTable] = []
        for stack in stacks(loose) {
            for part in rowRuns(stack, page: page) {
                if let table = table(part, page: page) { tables.append(table) }
            }
        }
        return tables
    }

    /// A stack cut where the space between two rules is not a row: its text starts half a line
    /// or more below the upper rule (a blank paragraph after one table, then headings or text
    /// before the next), as a cell's text starts at its top.
    static func rowRuns(_ stack: [Rule], page: PageContent) -> [[Rule]] {
        let sorted = stack.sorted { $0.box.midY < $1.box.midY }
        let left = sorted.map(\.box.x0).min()!, right = sorted.map(\.box.x1).max()!
        var runs: [[Rule]] = [[sorted[0]]]
        for (upper, lower) in zip(sorted, sorted.dropFirst()) {
            let inside = page.pieces.filter {
                $0.box.midX > left && $0.box.midX < right && $0.box.midY > upper.box.midY && $0.box.midY < lower.box.midY
            }
            if let first = inside.min(by: { $0.box.y0 < $1.box.y0 }), first.box.y0 - upper.box.midY > 0.5 * first.box.height {
                runs.append([lower])
            } else {
                runs[runs.count - 1].append(lower)
            }
        }
        return runs.filter { RuledTables.positions($0.map(\.box.midY)).count >= 3 }
    }

    /// Horizontal rules top to bottom, grouped while each lies within the span of one already
    /// grouped (or spans it) and follows within 300 pt; a group of at least three rules (two
    /// rows) is a candidate.
    static func stacks(_ rules: [Rule]) -> [[Rule]] {
        var out: [[Rule]] = []
        var current: [Rule] = []
        for rule in rules.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = current.last, rule.box.midY - last.box.midY <= 300, current.contains(where: { within(rule, $0) || within($0, rule) }) {
                current.append(rule)
            } else {
                if current.count >= 3 { out.append(current) }
                current = [rule]
            }
        }
        if current.count >= 3 { out.append(current) }
        return out
    }

    static func within(_ a: Rule, _ b: Rule) -> Bool {
        a.box.x0 >= b.box.x0 - tolerance && a.box.x1 <= b.box.x1 + tolerance
    }

    static func table(_ rules: [Rule], page: PageContent) -> PageTable? {
        let ys = RuledTables.positions(rules.map(\.box.midY))
        guard ys.count >= 3, let left = rules.map(\.box.x0).min(), let right = rules.map(\.box.x1).max() else { return nil }
        let box = Box(x0: left, y0: ys[0], x1: right, y1: ys[ys.count - 1])
        let inside = page.pieces.filter { box.contains(x: $0.box.midX, y: $0.box.midY) }
        guard !inside.isEmpty else { return nil }
        let bands = (0..<(ys.count - 1)).map { r in inside.filter { $0.box.midY >= ys[r] && $0.box.midY < ys[r + 1] } }
        // Where a rule starts inside the table, a merged cell ends: a column edge too.
        let starts = rules.map(\.box.x0).filter { $0 > left + 3 * tolerance }
        let found = RuledTables.positions(edges(bands, box: box, rules: rules) + starts)
        let xs = RuledTables.positions([left] + found + labelEdges(bands, box: box, besides: found) + [right])
        guard xs.count >= 3 else { return nil }
        // A separator at each inner edge in every row that no piece crosses there.
        var separators: [Rule] = []
        for (r, band) in bands.enumerated() {
            // A row whose only text is in its first column is a title over the whole table.
            if !band.isEmpty, band.allSatisfy({ $0.box.x1 < xs[1] + 1 }), bands.contains(where: { $0.contains { $0.box.x0 > xs[1] } }) { continue }
            for x in xs.dropFirst().dropLast() where !band.contains(where: { crosses($0, x) }) {
                separators.append(Rule(box: Box(x0: x, y0: ys[r], x1: x, y1: ys[r + 1])))
            }
        }
        if getenv("DC_DEBUG") != nil { print("banded", page.number, ys.map { Int($0) }, xs.map { Int($0) }) }
        let regions = RuledTables.merge(xs: xs, ys: ys, horizontal: rules, vertical: separators)
        return PageTable(
            page: page.number, box: box, rowCount: ys.count - 1, columnCount: xs.count - 1, regions: regions, columnEdges: xs,
            ruledColumns: false)
    }

    /// A number as a table cell holds it ("1,878", "１２", "1200元", "35.3"): digits and at
    /// most two other characters.
    static func isValue(_ piece: Piece) -> Bool {
        let digits = piece.glyphs.filter { ("0"..."9").contains($0.scalar) || ("０"..."９").contains($0.scalar) }.count
        return digits > 0 && piece.glyphs.count - digits <= 2
    }

    /// A piece has a glyph at `x` (within a point): its text runs over the edge. Two cells'
    /// texts that poppler took as one word leave a gap there.
    static func crosses(_ piece: Piece, _ x: Double) -> Bool {
        piece.box.x0 < x && piece.box.x1 > x && piece.glyphs.contains { $0.x0 - 1 <= x && $0.x1 + 1 >= x }
    }

    /// The inner column edges: for each gutter (an x range at least 2 pt and one and a half
    /// paddings wide that few value rows' text covers),
    /// where a rule starts inside it, else its right end less the cells' left
    /// padding (how far the first column's text starts from the table's edge).
    static func edges(_ bands: [[Piece]], box: Box, rules: [Rule]) -> [Double] {
        let bins = Int(box.width.rounded(.up)) + 1
        guard bins > 2, bins < 5000 else { return [] }
        // The rows that hold values define the columns (headers and titles above them span
        // several); a table without any is read from all its rows.
        let valueRows = bands.filter { $0.contains(where: isValue) }
        let basis = valueRows.isEmpty ? bands.filter { !$0.isEmpty } : valueRows
        // A tenth of the value rows may cross a gutter (a label spanning columns; not more: a
        // column only one row fills must stay); of a short table without values, up to two
        // rows or a third.
        let threshold = valueRows.isEmpty ? max(basis.count / 10, min(2, basis.count / 3)) : basis.count / 10
        var count = Array(repeating: 0, count: bins)
        for band in basis {
            var covered = Array(repeating: false, count: bins)
            for glyph in band.lazy.flatMap(\.glyphs) {
                let from = max(0, Int(glyph.x0 - box.x0)), to = min(bins - 1, Int(glyph.x1 - box.x0))
                if from <= to { for b in from...to { covered[b] = true } }
            }
            for b in 0..<bins where covered[b] { count[b] += 1 }
        }
        let firstText = bands.joined().map(\.box.x0).min() ?? box.x0
        let padding = max(0, min(8, firstText - box.x0))
        var edges: [Double] = []
        guard var b = count.firstIndex(where: { $0 > threshold }) else { return [] }
        while b < bins {
            guard let start = count[b...].firstIndex(where: { $0 <= threshold }) else { break }
            guard let end = count[start...].firstIndex(where: { $0 > threshold }) else { break }
            if Double(end - start) >= max(2, 1.5 * padding) {
                let g0 = box.x0 + Double(start), g1 = box.x0 + Double(end)
                let ruleStart = rules.map(\.box.x0).first { $0 > box.x0 + tolerance && $0 >= g0 - tolerance && $0 <= g1 + tolerance }
                edges.append(ruleStart ?? max(g0, g1 - padding))
            }
            b = end
        }
        return edges
    }

    /// Edges between label columns that value rows do not show (labels spanning them in most
    /// rows): in one row, left of the first value, two texts apart by at least two paddings
    /// have an edge a padding before the second, unless one is already there.
    static func labelEdges(_ bands: [[Piece]], box: Box, besides known: [Double]) -> [Double] {
        let values = bands.joined().filter(isValue)
        guard let firstValue = values.map(\.box.x0).min() else { return [] }
        let firstText = bands.joined().map(\.box.x0).min() ?? box.x0
        let padding = max(0, min(8, firstText - box.x0))
        guard padding >= 2 else { return [] }
        var out: [Double] = []
        for band in bands {
            let glyphs = band.flatMap(\.glyphs).filter { $0.x1 < firstValue - 1 }.sorted { $0.x0 < $1.x0 }
            var reach = -Double.infinity
            for g in glyphs {
                if reach > box.x0, g.x0 - reach >= 2 * padding - 1 {
                    let edge = g.x0 - padding
                    if !(known + out).contains(where: { abs($0 - edge) <= 4 }) { out.append(edge) }
                }
                reach = max(reach, g.x1)
            }
        }
        return out
    }
}
