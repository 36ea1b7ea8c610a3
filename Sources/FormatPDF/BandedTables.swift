import Glibc
/// Tables drawn with rules between their rows but none between their columns (a Word table
/// with only horizontal borders, a 三线表): the rules give the rows exactly, and a rule missing
/// under some columns merges those rows there, as in a ruled table. The columns come from the
/// words: the gutters are x ranges that no row's text crosses (a cell spanning columns may
/// cross one; it crosses only in its own row). The grid then goes through the same merging as
/// a ruled table's, with a column separator wherever a gutter is not crossed in that row.
enum BandedTables {
    static let tolerance = RuledTables.tolerance

    /// `openAbove`: the previous page ends in a table ruled between rows, so this page's first
    /// rows may continue it without a rule above them (the page break took it).
    static func find(on page: PageContent, besides ruled: [PageTable], openAbove: Bool = false) -> [PageTable] {
        var loose = page.rules.filter { rule in
            rule.isHorizontal && rule.box.width >= 20
                && !ruled.contains { $0.box.contains(x: rule.box.midX, y: rule.box.midY, slack: tolerance) }
        }
        let top = openAbove ? openTop(loose, page: page) : nil
        if let top, !loose.contains(top) { loose.append(top) }
        var tables: [PageTable] = []
        for stack in stacks(loose) {
            for part in rowRuns(stack, page: page) {
                if let table = table(part, page: page, opening: top.map(part.contains) == true) { tables.append(table) }
            }
        }
        return tables
    }

    /// The top rule of rows that continue a table at the top of a page, which may then be a
    /// single row: the page's first loose rule when no text but the page's top tenth (running
    /// headers) lies above it; else the rule the page break took, over the text right above
    /// that rule (lines a line apart, the last within a line and a half of the rule) when
    /// nothing but the top tenth lies above that text.
    static func openTop(_ rules: [Rule], page: PageContent) -> Rule? {
        guard let first = rules.min(by: { $0.box.midY < $1.box.midY }) else { return nil }
        let above = page.pieces.filter { $0.box.midY < first.box.midY }.sorted { $0.box.y1 > $1.box.y1 }
        let over = above.filter { $0.box.midX > first.box.x0 && $0.box.midX < first.box.x1 }
        guard let lowest = over.first else { return above.allSatisfy { $0.box.midY < 0.1 * page.height } ? first : nil }
        guard first.box.midY - lowest.box.y1 <= 1.5 * lowest.box.height else { return nil }
        var blockTop = lowest.box.y0
        for piece in over where piece.box.y1 >= blockTop - 0.8 * piece.box.height { blockTop = min(blockTop, piece.box.y0) }
        guard above.allSatisfy({ $0.box.y0 >= blockTop - 0.5 || $0.box.midY < 0.1 * page.height }) else { return nil }
        let y = blockTop - 1
        return Rule(box: Box(x0: first.box.x0, y0: y, x1: first.box.x1, y1: y))
    }

    /// The table ruled between rows that ends the page, if one does: below it only the page's
    /// bottom tenth (running footers) holds text.
    static func endingPage(_ tables: [PageTable], page: PageContent) -> PageTable? {
        guard let last = tables.filter({ !$0.ruledColumns }).max(by: { $0.box.y1 < $1.box.y1 }),
            !page.pieces.contains(where: { $0.box.midY > last.box.y1 + 1 && $0.box.midY < 0.9 * page.height }),
            !tables.contains(where: { $0.ruledColumns && $0.box.y0 > last.box.y1 }) else { return nil }
        return last
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
        return runs.filter { RuledTables.positions($0.map(\.box.midY)).count >= 2 }
    }

    /// Horizontal rules top to bottom, grouped while each lies within the span of one already
    /// grouped (or spans it) and follows within 300 pt; a group of at least two rules is a
    /// candidate (a single row only as `table` allows).
    static func stacks(_ rules: [Rule]) -> [[Rule]] {
        var out: [[Rule]] = []
        var current: [Rule] = []
        func close() { if current.count >= 2 { out.append(current) } }
        for rule in rules.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = current.last, rule.box.midY - last.box.midY <= 300, current.contains(where: { within(rule, $0) || within($0, rule) }) {
                current.append(rule)
            } else {
                close()
                current = [rule]
            }
        }
        close()
        return out
    }

    static func within(_ a: Rule, _ b: Rule) -> Bool {
        a.box.x0 >= b.box.x0 - tolerance && a.box.x1 <= b.box.x1 + tolerance
    }

    /// A single row is a table when it opens a page under a table of the previous one
    /// (`opening`) or holds mostly values, at least three (a value row whose header rows are
    /// missing).
    static func table(_ rules: [Rule], page: PageContent, opening: Bool = false) -> PageTable? {
        let ys = RuledTables.positions(rules.map(\.box.midY))
        guard ys.count >= 2, let left = rules.map(\.box.x0).min(), let right = rules.map(\.box.x1).max() else { return nil }
        let box = Box(x0: left, y0: ys[0], x1: right, y1: ys[ys.count - 1])
        let inside = page.pieces.filter { box.contains(x: $0.box.midX, y: $0.box.midY) }
        guard !inside.isEmpty else { return nil }
        let bands = (0..<(ys.count - 1)).map { r in inside.filter { $0.box.midY >= ys[r] && $0.box.midY < ys[r + 1] } }
        if bands.count == 1, !opening {
            let values = bands[0].filter(isValue).count
            guard values >= 3, 3 * values >= 2 * bands[0].count else { return nil }
        }
        guard let columns = BandedColumns(bands, box: box) else { return nil }
        let ragged = columns.raggedRows(bands)
        // Where a rule starts inside the table, a merged cell ends: a column edge too.
        let starts = rules.map(\.box.x0).filter { $0 > left + 3 * tolerance }
        let found = RuledTables.positions(columns.edges(excluding: ragged, rules: rules) + starts)
        let shared = RuledTables.positions([left] + found + labelEdges(bands, box: box, besides: found) + [right])
        guard shared.count >= 3 else { return nil }
        let inner = Array(shared.dropFirst().dropLast())
        // Each row's edges: the table's, or a ragged row's own right of its first value.
        var rowEdges = bands.map { _ in inner }
        for r in ragged {
            let own = columns.ownEdges(of: r, band: bands[r], table: inner, rules: rules)
            let firstValue = bands[r].filter(isValue).map(\.box.x0).min() ?? right
            rowEdges[r] = inner.filter { $0 < firstValue - columns.padding / 2 } + own
        }
        // Each row's separators: its edges that no piece crosses, and one between two texts of
        // a line a gutter apart, one a value, that none of them separates (a cell the columns
        // do not show: values where the labels are, two values in one column).
        var kept: [[Double]] = []
        var known = inner
        for (r, band) in bands.enumerated() {
            // A row whose only text is in its first column is a title over the whole table.
            if !band.isEmpty, band.allSatisfy({ $0.box.x1 < shared[1] + 1 }), bands.contains(where: { $0.contains { $0.box.x0 > shared[1] } }) {
                kept.append([])
                continue
            }
            var edges = rowEdges[r].filter { x in !band.contains { crosses($0, x) } }
            let added = columns.splits(band, besides: edges, known: known)
            edges += added
            known += added
            kept.append(edges)
        }
        let xs = RuledTables.positions([left] + rowEdges.joined() + kept.joined() + [right])
        var separators: [Rule] = []
        for (r, edges) in kept.enumerated() {
            for x in edges {
                let snapped = xs.min { abs($0 - x) < abs($1 - x) } ?? x
                separators.append(Rule(box: Box(x0: snapped, y0: ys[r], x1: snapped, y1: ys[r + 1])))
            }
        }
        if getenv("DC_DEBUG") != nil { print("banded", page.number, ys.map { Int($0) }, xs.map { Int($0) }, "ragged", ragged.sorted(), shared.map { Int($0) }) }
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
