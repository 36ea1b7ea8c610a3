extension AlignedTables {
    /// The table of a run of lines, or nil when fewer than two columns stand out.
    static func build(_ lines: [TextLine], chunks split: [[Chunk]], metrics: BodyMetrics) -> PageTable? {
        let columns = columns(split, fontSize: metrics.fontSize)
        guard columns.count >= 2, let page = lines.first?.page else { return nil }
        // Rows: every multi-chunk line anchors one; other lines join the nearest anchor.
        let anchors = lines.indices.filter { split[$0].count >= 2 }
        var members = Array(repeating: [Int](), count: anchors.count)
        for i in lines.indices {
            let nearest = anchors.indices.min {
                abs(lines[anchors[$0]].box.midY - lines[i].box.midY) < abs(lines[anchors[$1]].box.midY - lines[i].box.midY)
            }!
            members[nearest].append(i)
        }
        var regions: [PageTable.Region] = []
        var rowTops: [Double] = []
        for (r, rowLines) in members.enumerated() {
            let rowBox = rowLines.dropFirst().reduce(lines[rowLines[0]].box) { $0.union(lines[$1].box) }
            rowTops.append(rowBox.y0)
            let chunks = rowLines.flatMap { split[$0] }
            regions += rowRegions(chunks, row: r, columns: columns, rowBox: rowBox, page: page)
        }
        let box = Box(x0: columns[0].0, y0: rowTops[0], x1: columns[columns.count - 1].1, y1: lines.map(\.box.y1).max()!)
        var table = PageTable(
            page: page, box: box, rowCount: anchors.count, columnCount: columns.count, regions: regions,
            columnEdges: [columns[0].0] + columns.dropFirst().map(\.0) + [columns[columns.count - 1].1])
        stackLabels(&table)
        return table
    }

    /// One row's cells: each chunk lies in the columns it overlaps (a chunk over several columns
    /// is one cell spanning them); columns without a chunk are empty cells.
    static func rowRegions(
        _ chunks: [Chunk], row: Int, columns: [(Double, Double)], rowBox: Box, page: Int
    ) -> [PageTable.Region] {
        func column(at x: Double) -> Int {
            columns.lastIndex { $0.0 <= x } ?? 0
        }
        var spans: [(c0: Int, c1: Int, pieces: [Piece])] = []
        for chunk in chunks.sorted(by: { $0.box.x0 < $1.box.x0 }) {
            let c0 = column(at: chunk.box.x0 + 0.5), c1 = max(c0, column(at: chunk.box.x1 - 0.5))
            if let i = spans.firstIndex(where: { $0.c0 <= c1 && c0 <= $0.c1 }) {
                spans[i] = (min(spans[i].c0, c0), max(spans[i].c1, c1), spans[i].pieces + chunk.pieces)
            } else {
                spans.append((c0, c1, chunk.pieces))
            }
        }
        var regions: [PageTable.Region] = []
        var c = 0
        for span in spans.sorted(by: { $0.c0 < $1.c0 }) where span.c0 >= c {
            while c < span.c0 {
                regions.append(empty(row: row, column: c, columns: columns, rowBox: rowBox))
                c += 1
            }
            let box = Box(x0: columns[span.c0].0, y0: rowBox.y0, x1: columns[span.c1].1, y1: rowBox.y1)
            regions.append(
                PageTable.Region(
                    row: row, column: span.c0, rowSpan: 1, columnSpan: span.c1 - span.c0 + 1, box: box,
                    lines: PageSplitter.lines(span.pieces, page: page)))
            c = span.c1 + 1
        }
        while c < columns.count {
            regions.append(empty(row: row, column: c, columns: columns, rowBox: rowBox))
            c += 1
        }
        return regions
    }

    static func empty(row: Int, column: Int, columns: [(Double, Double)], rowBox: Box) -> PageTable.Region {
        PageTable.Region(
            row: row, column: column, rowSpan: 1, columnSpan: 1,
            box: Box(x0: columns[column].0, y0: rowBox.y0, x1: columns[column].1, y1: rowBox.y1), lines: [])
    }

    /// A label set vertically in a merged cell ("三、本年度办理结果" one or two characters a line)
    /// leaves short fragments in the first column of consecutive rows that have their own label
    /// in the next column: the fragments are one cell spanning those rows.
    static func stackLabels(_ table: inout PageTable) {
        func text(_ r: PageTable.Region) -> String { TextFlow.cellText(of: r.lines).clean }
        let first = table.regions.indices.filter { table.regions[$0].column == 0 && table.regions[$0].columnSpan == 1 }
        func hasNeighbour(_ row: Int) -> Bool {
            table.regions.contains { $0.row == row && $0.column == 1 && !$0.lines.isEmpty && !text($0).allSatisfy(\.isASCIIDigit) }
        }
        var run: [Int] = []
        var merged: [(keep: Int, drop: [Int])] = []
        func close() {
            let filled = run.filter { !table.regions[$0].lines.isEmpty }
            if filled.count >= 2, let keep = run.first(where: { !table.regions[$0].lines.isEmpty }) {
                let lastFilled = filled.last!
                merged.append((keep, run.filter { $0 != keep && $0 <= lastFilled && table.regions[$0].row > table.regions[keep].row }))
            }
            run = []
        }
        for i in first {
            let r = table.regions[i]
            if hasNeighbour(r.row), r.lines.isEmpty || text(r).count <= 3 {
                run.append(i)
            } else {
                close()
            }
        }
        close()
        var removed: Set<Int> = []
        for m in merged where !m.drop.isEmpty {
            for d in m.drop {
                table.regions[m.keep].lines += table.regions[d].lines
                table.regions[m.keep].box = table.regions[m.keep].box.union(table.regions[d].box)
                removed.insert(d)
            }
            let lastRow = m.drop.map { table.regions[$0].row }.max()!
            table.regions[m.keep].rowSpan = lastRow - table.regions[m.keep].row + 1
        }
        table.regions = table.regions.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }
}
