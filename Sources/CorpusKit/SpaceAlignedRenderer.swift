/// Renders a table the way a PDF text extractor lays one out (`pdftotext -layout`): columns set
/// by spaces, a Chinese character two columns wide; labels wrapped to their cell's width with
/// the values on the label's first line, or on its middle line when the label starts with its
/// numbering; merged labels stacked a few characters a line down the left; header cells
/// wrapped over several lines; a blank cell prints nothing; values left, right or centred in
/// their column.
enum SpaceAlignedRenderer {
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && !(0xFF61...0xFFDC).contains($1.value) ? 2 : 1) }
    }

    /// Lines of at most `limit` display columns (at least one character a line).
    static func wrap(_ text: String, _ limit: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for ch in text where ch != "\n" {
            if !current.isEmpty, width(current + String(ch)) > limit {
                lines.append(current)
                current = ""
            }
            current.append(ch)
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Text pieces at display columns on one physical line.
    struct Canvas {
        var lines: [[(x: Int, text: String)]] = []

        mutating func put(_ line: Int, _ x: Int, _ text: String) {
            while lines.count <= line { lines.append([]) }
            lines[line].append((x, text))
        }

        /// Each line written left to right; a piece that would overlap the one before it is
        /// pushed right, keeping two columns between them.
        func render() -> [String] {
            lines.map { pieces in
                var out = ""
                var at = 0
                for p in pieces.sorted(by: { $0.x < $1.x }) where !p.text.isEmpty {
                    let x = at == 0 ? p.x : max(p.x, at + 2)
                    out += String(repeating: " ", count: x - at) + p.text
                    at = x + width(p.text)
                }
                return out
            }
        }
    }

    static func table(_ t: LayoutTable, rng: inout SplitMix64) -> [String] {
        let placement = Placement(t)
        let columns = max(placement.columns, 1)
        // Label columns: left of every value.
        var firstValue = columns
        for (r, row) in t.rows.enumerated() where row.kind == .data {
            for case .own(let k, let c, _) in placement.rows[r] where row.cells[k].role == .value { firstValue = min(firstValue, c) }
        }
        let labelWidth = rng.int(8...18), outerWidth = rng.pick([4, 6]), gap = rng.int(2...4)
        let align = rng.int(0...2)  // 0 left, 1 right, 2 centre
        var widths = (0..<columns).map { c in c < firstValue ? (c == firstValue - 1 ? labelWidth : outerWidth) : rng.int(4...8) }
        for (r, row) in t.rows.enumerated() {
            for case .own(let k, let c, 1) in placement.rows[r] where row.cells[k].role == .value {
                widths[c] = max(widths[c], width(row.cells[k].text))
            }
        }
        let indent = rng.chance(0.5) ? rng.int(1...6) : 0
        var x = [indent]
        for c in 0..<columns { x.append(x[c] + widths[c] + gap) }
        func spanWidth(_ c: Int, _ span: Int) -> Int { x[min(c + span, columns)] - x[c] - gap }

        var canvas = Canvas()
        var line = 0
        // Stacked cells (row spans) waiting for the lines of the rows they cover.
        var stacked: [(column: Int, pieces: [String], rowsLeft: Int)] = []
        for (r, row) in t.rows.enumerated() {
            if row.kind == .pageNumber {
                canvas.put(line, x[columns] / 2, row.cells.map(\.text).joined())
                line += 2
                continue
            }
            var blocks: [(x: Int, lines: [String], isValue: Bool, isMarkedLabel: Bool)] = []
            for case .own(let k, let c, let span) in placement.rows[r] {
                let cell = row.cells[k]
                if cell.rowSpan > 1, cell.role != .value {
                    stacked.append((c, wrap(cell.text, max(spanWidth(c, span), 2)), cell.rowSpan))
                    continue
                }
                if cell.role == .value {
                    let w = spanWidth(c, span) - width(cell.text)
                    let dx = align == 0 ? 0 : align == 1 ? w : w / 2
                    blocks.append((x[c] + max(dx, 0), [cell.text], true, false))
                } else {
                    let marked = c + span == firstValue && startsWithNumbering(cell.text)
                    blocks.append((x[c], wrap(cell.text, spanWidth(c, span)), false, marked))
                }
            }
            let height = max(blocks.map(\.lines.count).max() ?? 1, 1)
            // Values beside the middle of a label that starts with its numbering, else on its first line.
            let centred = row.kind == .data && rng.chance(0.5) && blocks.contains { $0.isMarkedLabel }
                && blocks.allSatisfy { $0.isValue || $0.isMarkedLabel || $0.lines.count == 1 }
            let valueLine = centred ? (height - 1) / 2 : 0
            for b in blocks {
                for (n, text) in b.lines.enumerated() {
                    canvas.put(line + (b.isValue ? valueLine : b.isMarkedLabel || !centred ? n : valueLine + n), b.x, text)
                }
            }
            // Stacked cells take a share of their text on this row's lines, from its value line
            // on; the last row they cover takes the rest, on more lines if need be.
            var used = height
            for s in stacked.indices {
                let fair = (stacked[s].pieces.count + stacked[s].rowsLeft - 1) / stacked[s].rowsLeft
                let share = stacked[s].rowsLeft == 1 ? stacked[s].pieces.count : min(fair, height - valueLine)
                for (n, piece) in stacked[s].pieces.prefix(share).enumerated() { canvas.put(line + valueLine + n, x[stacked[s].column], piece) }
                used = max(used, valueLine + share)
                stacked[s].pieces.removeFirst(min(share, stacked[s].pieces.count))
                stacked[s].rowsLeft -= 1
            }
            stacked.removeAll { $0.rowsLeft <= 0 }
            line += used
        }
        return canvas.render()
    }

    static func startsWithNumbering(_ s: String) -> Bool {
        guard let first = s.first else { return false }
        if first == "（" || first == "(" { return true }
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let lead = s.prefix { numerals.contains($0) || $0.isASCII && $0.isNumber }
        guard !lead.isEmpty, let next = s.dropFirst(lead.count).first else { return false }
        return next == "、" || next == "."
    }
}
