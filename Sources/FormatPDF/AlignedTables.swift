/// Tables drawn without rules, found from the alignment of words: a run of lines broken into
/// chunks by wide gaps makes a table; the x ranges that no chunk covers are the column
/// gutters; each line with several chunks anchors a row, and a single-chunk line (a wrapped
/// label) joins the nearest anchor.
enum AlignedTables {
    /// A line's pieces split where the gap is wider than the font size.
    struct Chunk {
        var pieces: [Piece]
        var box: Box
    }

    static func chunks(_ line: TextLine) -> [Chunk] {
        var out: [Chunk] = []
        for piece in line.pieces {
            if let last = out.last, piece.box.x0 - last.box.x1 <= max(piece.fontSize, 6) {
                out[out.count - 1].pieces.append(piece)
                out[out.count - 1].box = last.box.union(piece.box)
            } else {
                out.append(Chunk(pieces: [piece], box: piece.box))
            }
        }
        return out
    }

    static func find(_ lines: [TextLine], metrics: BodyMetrics) -> (tables: [PageTable], lines: [TextLine]) {
        let split = lines.map(chunks)
        var tables: [PageTable] = []
        var rest: [TextLine] = []
        var i = 0
        while i < lines.count {
            guard let end = runEnd(from: i, split: split, lines: lines) else {
                rest.append(lines[i])
                i += 1
                continue
            }
            if let table = build(Array(lines[i...end]), chunks: Array(split[i...end]), metrics: metrics) {
                tables.append(table)
            } else {
                rest += lines[i...end]
            }
            i = end + 1
        }
        return (tables, rest)
    }

    /// The last line of a table starting at `start`: at least three lines of several chunks,
    /// with at most three single-chunk lines in a row between them.
    static func runEnd(from start: Int, split: [[Chunk]], lines: [TextLine]) -> Int? {
        guard split[start].count >= 2 else { return nil }
        var last = start, multi = 1, gap = 0
        var j = start + 1
        while j < lines.count, gap <= 3 {
            let spacing = lines[j].box.y0 - lines[j - 1].box.y1
            if spacing > 2.5 * max(lines[j].box.height, 1) { break }
            if split[j].count >= 2 {
                last = j
                multi += 1
                gap = 0
            } else {
                gap += 1
            }
            j += 1
        }
        return multi >= 3 ? last : nil
    }

    /// Column intervals: x ranges between gutters, where a gutter is at least half a font
    /// size that at most a tenth of the multi-chunk lines cover.
    static func columns(_ split: [[Chunk]], fontSize: Double) -> [(Double, Double)] {
        let multi = split.filter { $0.count >= 2 }
        let all = multi.flatMap { $0 }
        guard let minX = all.map(\.box.x0).min(), let maxX = all.map(\.box.x1).max(), maxX - minX < 5000 else { return [] }
        let bins = Int((maxX - minX).rounded(.up)) + 1
        var count = Array(repeating: 0, count: bins)
        for chunks in multi {
            var covered = Array(repeating: false, count: bins)
            for c in chunks { for b in Int(c.box.x0 - minX)..<min(bins, Int(c.box.x1 - minX) + 1) { covered[b] = true } }
            for b in 0..<bins where covered[b] { count[b] += 1 }
        }
        let threshold = multi.count / 10
        var intervals: [(Double, Double)] = []
        var start: Int?
        var b = 0
        while b < bins {
            if count[b] > threshold {
                if start == nil { start = b }
                b += 1
                continue
            }
            var e = b
            while e < bins, count[e] <= threshold { e += 1 }
            if let s = start, Double(e - b) >= fontSize * 0.5 || e == bins {
                intervals.append((minX + Double(s), minX + Double(b)))
                start = nil
            }
            b = e
        }
        if let s = start { intervals.append((minX + Double(s), maxX)) }
        return intervals
    }
}
