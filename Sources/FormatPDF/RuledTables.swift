/// A table found on one page, before it becomes a `Table`: its region, and its cells as
/// rectangles of grid positions with the lines of text inside each.
struct PageTable: Sendable {
    struct Region: Sendable {
        var row: Int, column: Int, rowSpan: Int, columnSpan: Int
        var box: Box
        var lines: [TextLine]
    }

    var page: Int
    var box: Box
    var rowCount: Int
    var columnCount: Int
    var regions: [Region]
    /// Column boundaries (x), left to right: used to join a table continued on the next page.
    var columnEdges: [Double]
    /// The column edges are drawn rules (not taken from the words' alignment).
    var ruledColumns = true
}

/// Tables drawn with rules: the rules are clustered into connected sets, each set's distinct
/// x and y positions make the grid, and a missing rule between two positions merges them.
enum RuledTables {
    static let tolerance = 2.0

    static func find(on page: PageContent) -> [PageTable] {
        let clusters = connectedSets(page.rules)
        var tables: [PageTable] = []
        for cluster in clusters {
            let horizontal = cluster.filter(\.isHorizontal), vertical = cluster.filter { !$0.isHorizontal }
            // A table the page break leaves open has no closing rule: its vertical rules run
            // past the last horizontal one (and likewise sideways).
            let xs = positions(vertical.map(\.box.midX) + outerEdges(horizontal.map(\.box.x0), horizontal.map(\.box.x1), vertical.map(\.box.midX)))
            let ys = positions(horizontal.map(\.box.midY) + outerEdges(vertical.map(\.box.y0), vertical.map(\.box.y1), horizontal.map(\.box.midY)))
            guard xs.count >= 2, ys.count >= 2 else { continue }
            let regions = merge(xs: xs, ys: ys, horizontal: horizontal, vertical: vertical)
            let box = Box(x0: xs[0], y0: ys[0], x1: xs[xs.count - 1], y1: ys[ys.count - 1])
            tables.append(
                PageTable(
                    page: page.number, box: box, rowCount: ys.count - 1, columnCount: xs.count - 1, regions: regions,
                    columnEdges: xs))
        }
        return tables.sorted { $0.box.y0 < $1.box.y0 }
    }

    /// The far ends of the crossing rules where they reach beyond every rule of the other
    /// direction by more than the tolerance.
    static func outerEdges(_ starts: [Double], _ ends: [Double], _ existing: [Double]) -> [Double] {
        guard let low = existing.min(), let high = existing.max(), let first = starts.min(), let last = ends.max() else { return [] }
        return (first < low - 3 * tolerance ? [first] : []) + (last > high + 3 * tolerance ? [last] : [])
    }

    /// Rules that touch (within the tolerance) form one set.
    static func connectedSets(_ rules: [Rule]) -> [[Rule]] {
        var sets = DisjointSets(count: rules.count)
        let order = rules.indices.sorted { rules[$0].box.x0 < rules[$1].box.x0 }
        for (n, i) in order.enumerated() {
            let a = rules[i].box
            for j in order[(n + 1)...] {
                let b = rules[j].box
                if b.x0 > a.x1 + tolerance { break }
                if b.y0 <= a.y1 + tolerance, a.y0 <= b.y1 + tolerance { sets.join(i, into: j) }
            }
        }
        var groups: [Int: [Rule]] = [:]
        for i in rules.indices { groups[sets.root(i), default: []].append(rules[i]) }
        return groups.keys.sorted().compactMap { groups[$0] }
    }

    /// Distinct positions, those within the tolerance merged (their mean).
    static func positions(_ values: [Double]) -> [Double] {
        var out: [[Double]] = []
        for v in values.sorted() {
            if let last = out.last?.last, v - last <= tolerance {
                out[out.count - 1].append(v)
            } else {
                out.append([v])
            }
        }
        return out.map { $0.reduce(0, +) / Double($0.count) }
    }

    /// Grid positions joined where no rule separates them; each set's bounding rectangle is
    /// one cell.
    static func merge(xs: [Double], ys: [Double], horizontal: [Rule], vertical: [Rule]) -> [PageTable.Region] {
        let rows = ys.count - 1, columns = xs.count - 1
        func hasVertical(_ x: Double, from y0: Double, to y1: Double) -> Bool {
            let mid = (y0 + y1) / 2
            return vertical.contains { abs($0.box.midX - x) <= tolerance && $0.box.y0 <= mid && $0.box.y1 >= mid }
        }
        func hasHorizontal(_ y: Double, from x0: Double, to x1: Double) -> Bool {
            let mid = (x0 + x1) / 2
            return horizontal.contains { abs($0.box.midY - y) <= tolerance && $0.box.x0 <= mid && $0.box.x1 >= mid }
        }
        // The lower position's root stays the root, so a region is keyed by its first position.
        var owner = DisjointSets(count: rows * columns)
        func join(_ a: Int, _ b: Int) {
            let ra = owner.root(a), rb = owner.root(b)
            owner.join(max(ra, rb), into: min(ra, rb))
        }
        for r in 0..<rows {
            for c in 0..<columns {
                if c + 1 < columns, !hasVertical(xs[c + 1], from: ys[r], to: ys[r + 1]) { join(r * columns + c, r * columns + c + 1) }
                if r + 1 < rows, !hasHorizontal(ys[r + 1], from: xs[c], to: xs[c + 1]) { join(r * columns + c, (r + 1) * columns + c) }
            }
        }
        var extent: [Int: (r0: Int, c0: Int, r1: Int, c1: Int)] = [:]
        for r in 0..<rows {
            for c in 0..<columns {
                let k = owner.root(r * columns + c)
                let e = extent[k] ?? (r, c, r, c)
                extent[k] = (min(e.r0, r), min(e.c0, c), max(e.r1, r), max(e.c1, c))
            }
        }
        var covered = Array(repeating: false, count: rows * columns)
        var regions: [PageTable.Region] = []
        for e in extent.values.sorted(by: { ($0.r0, $0.c0) < ($1.r0, $1.c0) }) where !covered[e.r0 * columns + e.c0] {
            for r in e.r0...e.r1 { for c in e.c0...e.c1 { covered[r * columns + c] = true } }
            regions.append(
                PageTable.Region(
                    row: e.r0, column: e.c0, rowSpan: e.r1 - e.r0 + 1, columnSpan: e.c1 - e.c0 + 1,
                    box: Box(x0: xs[e.c0], y0: ys[e.r0], x1: xs[e.c1 + 1], y1: ys[e.r1 + 1]), lines: []))
        }
        return regions
    }

    /// Moves the glyphs inside each table's cells out of `pieces` into the cells' lines.
    static func fill(_ tables: inout [PageTable], pieces: [Piece]) -> [Piece] {
        var rest: [Piece] = []
        var cellPieces = tables.map { Array(repeating: [Piece](), count: $0.regions.count) }
        for piece in pieces {
            guard let t = tables.firstIndex(where: { $0.box.contains(x: piece.box.midX, y: piece.box.midY) }) else {
                rest.append(piece)
                continue
            }
            let regions = tables[t].regions
            let row = regions.indices.filter { regions[$0].box.contains(x: regions[$0].box.midX, y: piece.box.midY) }
            if let i = row.first(where: { piece.box.x0 >= regions[$0].box.x0 && piece.box.x1 < regions[$0].box.x1 }) {
                cellPieces[t][i].append(piece)  // wholly inside: no glyph to cut off
                continue
            }
            for run in piece.runs() {
                // Text set without a gap over a rule overflows its cell (a label in a column too
                // narrow for it): it stays whole in the cell holding most of it, unless digits
                // lie outside that cell.
                func inside(_ g: Glyph, _ i: Int) -> Bool { regions[i].box.x0 <= (g.x0 + g.x1) / 2 && (g.x0 + g.x1) / 2 < regions[i].box.x1 }
                let held = row.map { i in run.glyphs.filter { inside($0, i) }.count }
                if let most = held.indices.max(by: { held[$0] < held[$1] }), held[most] > 0,
                    !run.glyphs.contains(where: { !inside($0, row[most]) && ("0"..."9").contains($0.scalar) }) {
                    let i = row[most]
                    cellPieces[t][i].append(run)
                    continue
                }
                for i in row { if let part = run.slice(from: regions[i].box.x0, to: regions[i].box.x1) { cellPieces[t][i].append(part) } }
            }
        }
        for t in tables.indices {
            for i in tables[t].regions.indices where !cellPieces[t][i].isEmpty {
                tables[t].regions[i].lines = PageSplitter.lines(cellPieces[t][i], page: tables[t].page)
            }
        }
        return rest
    }
}
