import DocModel
import Normalization
import TableCore
import TextLayout

/// The rows of a space-aligned table (see `AlignedTable`): labels joined from their
/// fragments, values in the columns their positions say.
enum AlignedRows {
    /// A label piece on one line.
    struct Piece {
        var line: Int
        var field: AlignedField
    }

    struct OutRow {
        /// (grid column, text, provenance) of each cell.
        var cells: [(column: Int, text: String, origin: CellOrigin)]
    }

    static func origin(_ pieces: [Piece], _ lines: [Substring]) -> CellOrigin {
        let raw = pieces.map(\.field.text).joined(separator: "\n")
        let first = pieces[0]
        return CellOrigin(raw: raw, location: .text(line: first.line + 1, from: first.field.from, to: first.field.to))
    }

    static func build(_ body: [AlignedTable.Line], lines: [Substring]) -> [OutRow] {
        if let unit = uniformGap(body) { return uniformRows(body, unit, lines) }
        let geometric = body.contains { $0.fields.dropFirst().contains(where: \.afterWideGap) }
        let body = geometric ? AlignedLabels.withoutRemarks(body) : body
        let kinds = reclassified(body, geometric: geometric)
        let owner = geometric ? fragmentOwners(body, kinds) : [Int?](repeating: nil, count: body.count)
        var pieces: [Int: [Piece]] = [:]
        for (k, line) in body.enumerated() where kinds[k] == .anchor {
            pieces[k] = line.fields.prefix { !$0.isValue }.map { Piece(line: line.index, field: $0) }
        }
        for (k, o) in owner.enumerated() {
            guard let o else { continue }
            pieces[o, default: []] += body[k].fields.map { Piece(line: body[k].index, field: $0) }
        }
        var labelColumns: [Int: [[Piece]]] = [:]
        for (k, list) in pieces { labelColumns[k] = columns(list.sorted { ($0.line, $0.field.start) < ($1.line, $1.field.start) }) }
        let labelCount = labelColumns.values.map(\.count).max() ?? 1
        let outerOnly = outerOnlyRows(labelColumns)
        let centres = geometric ? valueCentres(body, kinds) : [:]
        var rows: [OutRow] = []
        var consumed = Set<Int>()
        for (k, line) in body.enumerated() {
            switch kinds[k] {
            case .anchor:
                var cells: [(Int, String, CellOrigin)] = []
                var labels = labelColumns[k] ?? []
                if outerOnly.contains(k) {
                    // The stacked label beside a row that lost its own: context, not its label.
                    rows.append(OutRow(cells: labels.enumerated().map { c, column in
                        (c, Normalizer.clean(column.map(\.field.text).joined(separator: "\n")), origin(column, lines))
                    }))
                    labels = []
                }
                for (c, column) in labels.enumerated() {
                    let text = Normalizer.clean(column.map(\.field.text).joined(separator: "\n"))
                    cells.append((labelCount - labels.count + c, text, origin(column, lines)))
                }
                let values = Array(line.fields.drop { !$0.isValue })
                let slots = openEnded(place(values, centres[k]))
                for (s, field) in slots.enumerated() {
                    let piece = field.map { [Piece(line: line.index, field: $0)] }
                    let o = piece.map { origin($0, lines) } ?? CellOrigin(raw: "", location: .text(line: line.index + 1, from: 0, to: 0))
                    cells.append((labelCount + s, field.map { Normalizer.clean($0.text) } ?? "", o))
                }
                rows.append(OutRow(cells: cells))
            case .valueLine:
                // Values cut off their row: a row of values from the first value column (a new
                // page's columns need not stand where the row's did).
                let cells = line.fields.enumerated().map { (c, f) in
                    (labelCount + c, Normalizer.clean(f.text), origin([Piece(line: line.index, field: f)], lines))
                }
                rows.append(OutRow(cells: cells))
            case .header where consumed.contains(k):
                continue
            case .header where geometric:
                // A block of header lines over the values of the rows after it.
                var end = k
                while end + 1 < body.count, kinds[end + 1] == .header || kinds[end + 1] == .skip { end += 1 }
                let block = (k...end).filter { kinds[$0] == .header }
                if let next = body.indices.first(where: { $0 > end && kinds[$0] == .anchor }), let c = centres[next], block.count >= 2 {
                    rows += AlignedHeaders.rows(block.map { body[$0] }, centres: c, labelCount: labelCount, lines: lines)
                    consumed.formUnion(block)
                    continue
                }
                fallthrough
            case .fragment where owner[k] == nil, .header:
                let cells = line.fields.enumerated().map { (c, f) in
                    (c, Normalizer.clean(f.text), origin([Piece(line: line.index, field: f)], lines))
                }
                rows.append(OutRow(cells: cells))
            default:
                continue
            }
        }
        return rows
    }

    /// The kinds of the table's lines, reclassified: a line of labels only, all left of the
    /// values of the rows around it, is label fragments; otherwise a header's line.
    static func reclassified(_ body: [AlignedTable.Line], geometric: Bool) -> [AlignedTable.Kind] {
        var kinds = body.map(\.kind)
        // (starting left of their values and not right of where their labels end).
        let valueStarts = body.map { $0.kind == .anchor ? $0.fields.first(where: \.isValue)?.start : nil }
        let labelCounts = body.map { $0.kind == .anchor ? $0.fields.prefix { !$0.isValue }.count : nil }
        let firstAnchor = body.firstIndex { $0.kind == .anchor } ?? body.count
        let mostLabels = labelCounts.compactMap { $0 }.max() ?? 0
        let labelEnds = body.map { $0.kind == .anchor ? $0.fields.prefix { !$0.isValue }.map(\.end).max() ?? 0 : nil }
        for (k, line) in body.enumerated() where line.kind == .header || line.kind == .fragment {
            let before = valueStarts[..<k].last { $0 != nil } ?? nil
            let after = valueStarts[(k + 1)...].first { $0 != nil } ?? nil
            let valueStart = max(before ?? 0, after ?? 0)
            let labelEnd = max((labelEnds[..<k].last { $0 != nil } ?? nil) ?? 0, (labelEnds[(k + 1)...].first { $0 != nil } ?? nil) ?? 0)
            // More pieces than the rows around have label cells: a header's line.
            // Inside the rows, a line with a numbered piece may have as many pieces as any row
            // of the table has label cells (a label's first line whose values went to a later line).
            let numbered = k > firstAnchor && line.fields.contains { AlignedColumns.isMarker($0.text.unicodeScalars) }
            let labelCells = max(labelCounts[..<k].last { $0 != nil }.flatMap { $0 } ?? 0, labelCounts[(k + 1)...].first { $0 != nil }.flatMap { $0 } ?? 0,
                numbered ? mostLabels : 0)
            let inLabels = geometric && (line.fields.count == 1 || line.fields.count <= labelCells)
                && line.fields.allSatisfy { $0.start < valueStart - 1 && (line.fields.count == 1 || $0.start <= labelEnd) }
            kinds[k] = inLabels ? .fragment : .header
            if !geometric { kinds[k] = .header }
            // A header cell's last line: under a header cell of the line above, not a label.
            if kinds[k] == .fragment, k > 0, kinds[k - 1] == .header,
                line.fields.allSatisfy({ f in body[k - 1].fields.contains { abs($0.start - f.start) <= 1 } })
            {
                kinds[k] = .header
            }
        }
        // A header's first line: pieces over the pieces of the header line below (a header
        // repeated after a page break, its note and group cell on the first line), not labels.
        for k in body.indices.reversed() where kinds[k] == .fragment && body[k].fields.count >= 2 && k + 1 < body.count && kinds[k + 1] == .header {
            if body[k].fields.allSatisfy({ f in body[k + 1].fields.contains { abs($0.start - f.start) <= 1 } }) { kinds[k] = .header }
        }
        return kinds
    }

    /// Text whose tabs were replaced by a fixed number of spaces: every gap is a multiple of
    /// one width (three columns or more), and a gap of k widths stands for k − 1 empty cells.
    static func uniformGap(_ body: [AlignedTable.Line]) -> Int? {
        let gaps = body.flatMap { $0.fields.filter(\.afterWideGap).map(\.gap) }
        guard gaps.count >= 4 else { return nil }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let unit = gaps.reduce(0, gcd)
        return unit >= 3 && gaps.contains { $0 >= 2 * unit } ? unit : nil
    }

    /// Each line a row, its empty cells restored from the widths of its gaps.
    static func uniformRows(_ body: [AlignedTable.Line], _ unit: Int, _ lines: [Substring]) -> [OutRow] {
        body.filter { $0.kind != .skip }.map { line in
            var column = 0
            var cells: [(column: Int, text: String, origin: CellOrigin)] = []
            for (k, f) in line.fields.enumerated() {
                let empties = f.afterWideGap ? f.gap / unit - (k == 0 ? 0 : 1) : 0
                for _ in 0..<max(empties, 0) {
                    cells.append((column, "", CellOrigin(raw: "", location: .text(line: line.index + 1, from: f.from, to: f.from))))
                    column += 1
                }
                cells.append((column, Normalizer.clean(f.text), CellOrigin(raw: f.text, location: .text(line: line.index + 1, from: f.from, to: f.to))))
                column += 1
            }
            // Trailing spaces are trailing empty cells, as trailing tabs were.
            var trailing = 0
            for s in lines[line.index].unicodeScalars.reversed() {
                guard AlignedColumns.isSpace(s) else { break }
                trailing += AlignedColumns.width(s)
            }
            for _ in 0..<(line.fields.isEmpty ? 0 : trailing / unit) {
                cells.append((column, "", CellOrigin(raw: "", location: .text(line: line.index + 1, from: 0, to: 0))))
                column += 1
            }
            return OutRow(cells: cells)
        }
    }

    /// Rows whose only label is a piece of a label stacked down an outer column: narrow, ending
    /// before the column where the table's rows have their own labels (known from the rows
    /// with two label columns or more). A label spanning both columns reaches past it.
    static func outerOnlyRows(_ labelColumns: [Int: [[Piece]]]) -> Set<Int> {
        let inner = labelColumns.values.filter { $0.count >= 2 }.compactMap { $0.last?.first?.field.start }.sorted()
        guard inner.count >= 2 else { return [] }
        let innerStart = inner[inner.count / 2]
        let anchors = labelColumns.keys.sorted()
        var out = Set<Int>()
        for (n, k) in anchors.enumerated() {
            guard let columns = labelColumns[k], columns.count == 1,
                columns[0].allSatisfy({ $0.field.end <= innerStart + 1 && $0.field.start < innerStart - 3 })
            else { continue }
            // The row above has a label in both columns (or is such a row itself): a stack
            // that began above runs past this row.
            if n > 0, (labelColumns[anchors[n - 1]]?.count ?? 0) >= 2 || out.contains(anchors[n - 1]) { out.insert(k) }
        }
        return out
    }

    /// Pieces of one row's label in columns by their start (within three display columns),
    /// ordered left to right; the last column names the row.
    static func columns(_ pieces: [Piece]) -> [[Piece]] {
        var columns: [(start: Int, pieces: [Piece])] = []
        for p in pieces {
            if let c = columns.firstIndex(where: { abs($0.start - p.field.start) <= 3 }) {
                columns[c].pieces.append(p)
            } else {
                columns.append((p.field.start, [p]))
            }
        }
        return columns.sorted { $0.start < $1.start }.map(\.pieces)
    }

    /// Column centres of each segment (the lines between header blocks), from its rows with
    /// the most values: the median centre of each of their values.
    static func valueCentres(_ body: [AlignedTable.Line], _ kinds: [AlignedTable.Kind]) -> [Int: [Int]] {
        var out: [Int: [Int]] = [:]
        var segment: [Int] = []
        func close() {
            let counts = segment.map { body[$0].fields.filter(\.isValue).count }
            guard let most = counts.max(), most > 0 else { segment = []; return }
            let full = segment.filter { body[$0].fields.filter(\.isValue).count == most }
            let centres = (0..<most).map { c in
                let list = full.map { body[$0].fields.filter(\.isValue)[c].centre }.sorted()
                return list[list.count / 2]
            }
            for k in segment { out[k] = centres }
            segment = []
        }
        for k in body.indices {
            if kinds[k] == .header, k > 0, kinds[k - 1] != .header { close() }
            if kinds[k] == .anchor { segment.append(k) }
        }
        close()
        return out
    }

    /// Values in the columns nearest their positions, in order; with no centres, or as many
    /// values as columns, in order. pdftotext sets each line's words by its own reckoning, so a
    /// row may stand shifted against the rows around it (by up to a column in real reports): the
    /// row is fitted at each shift that puts one of its values on a column, a fit costing its
    /// distances plus a quarter of its shift, so that the gaps between the row's own values
    /// weigh more than where the row stands. A fit with empty columns before or between values
    /// is taken only when it is clearly better (less than half the cost) than the values in the
    /// first columns: that row ends open (`openEnded`) and the arithmetic decides, while an empty
    /// column read wrongly would move values.
    static func place(_ values: [AlignedField], _ centres: [Int]?) -> [AlignedField?] {
        guard let centres, values.count < centres.count, !values.isEmpty else { return values }
        let positions = values.map(\.centre)
        var shifts = Set([0])
        for p in positions { for c in centres { shifts.insert(c - p) } }
        var best = (cost: Int.max, columns: [Int]())
        var first = Int.max
        for shift in shifts.sorted(by: { (abs($0), $0) < (abs($1), $1) }) {
            let moved = positions.map { $0 + shift }
            let f = fit(moved, centres)
            if 4 * f.cost + abs(shift) < best.cost { best = (4 * f.cost + abs(shift), f.columns) }
            first = min(first, 4 * zip(moved, centres).reduce(0) { $0 + abs($1.0 - $1.1) } + abs(shift))
        }
        var slots = [AlignedField?](repeating: nil, count: centres.count)
        for (i, j) in (first <= 2 * best.cost ? Array(values.indices) : best.columns).enumerated() { slots[j] = values[i] }
        return slots
    }

    /// The columns of `positions` (fewer than `centres`, in order) with the least total distance.
    static func fit(_ positions: [Int], _ centres: [Int]) -> (cost: Int, columns: [Int]) {
        let n = positions.count, m = centres.count
        // cost[i][j]: best total distance placing values i... into columns j...
        let inf = Int.max / 4
        var cost = [[Int]](repeating: [Int](repeating: inf, count: m + 1), count: n + 1)
        for j in 0...m { cost[n][j] = 0 }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                let take = cost[i + 1][j + 1] == inf ? inf : cost[i + 1][j + 1] + abs(positions[i] - centres[j])
                cost[i][j] = min(take, cost[i][j + 1])
            }
        }
        var columns: [Int] = []
        var i = 0, j = 0
        while i < n, j < m {
            let take = cost[i + 1][j + 1] == inf ? inf : cost[i + 1][j + 1] + abs(positions[i] - centres[j])
            if take <= cost[i][j + 1] { columns.append(j); i += 1 }
            j += 1
        }
        return (cost[0][0], columns)
    }

    /// A row whose values fill the first bands and leave the last ones empty: the text does not
    /// say whether its last cells are blank or a cell was lost anywhere and the values after it
    /// moved left. The row ends at its last value, so that the aligner fits it every way and
    /// the arithmetic chooses (`table.ambiguous`). An empty band between values is a blank cell.
    static func openEnded(_ slots: [AlignedField?]) -> [AlignedField?] {
        guard let last = slots.lastIndex(where: { $0 != nil }), last + 1 < slots.count, !slots[...last].contains(where: { $0 == nil }) else { return slots }
        return Array(slots[...last])
    }

    /// The rows for the grid placer: a row starts at its first cell's column; a column between
    /// two of its cells that holds none is an empty cell.
    static func sourceRows(_ rows: [OutRow]) -> [SourceRow] {
        rows.map { row in
            let cells = row.cells.sorted { $0.column < $1.column }
            var out: [SourceCell] = []
            var next = cells.first?.column ?? 0
            for c in cells where c.column >= next {
                for _ in next..<c.column { out.append(SourceCell("", origin: CellOrigin(raw: "", location: c.origin.location))) }
                out.append(SourceCell(c.text, origin: c.origin))
                next = c.column + 1
            }
            return SourceRow(skipBefore: cells.first?.column ?? 0, cells: out)
        }
    }
}
