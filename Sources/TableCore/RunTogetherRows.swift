import Normalization

/// The rows of a run-together table (`RunTogether`) cut apart before classification.
///
/// A source row of such a table is label text and value runs, where the label text may hold
/// several labels glued together: a header, then a group, then the row's own label
/// ("信息内容本年制发件数本年废止件数现行有效件数规章", "三、本年度办理结果（一）予以公开").
/// The labels are found in the text by the template vocabulary (the cover of the text by known
/// labels that leaves least over; numbering before a label goes with it, text no label
/// covers stays a cell of its own), and each value run closes a row: with the labels before
/// it, or alone after a header (表四's unlabelled row). A row label followed by more labels
/// is a row whose cells were all blank.
extension Aligner {
    func unglue(_ rows: [[InputCell]]) -> [[InputCell]] {
        guard rows.contains(where: { $0.first?.runTogether == true }) else { return rows }
        var out: [[InputCell]] = []
        for row in rows {
            guard row.first?.runTogether == true else {
                out.append(row)
                continue
            }
            var labels: [(cell: InputCell, isHeader: Bool)] = []
            func flush() {
                if !labels.isEmpty { out.append(labels.map(\.cell)) }
                labels = []
            }
            let cells = row.filter { !$0.isBlank }
            for (c, cell) in cells.enumerated() {
                if cell.isValue {
                    // After a header the values are a row of their own (no label before them),
                    // and after a header followed by pieces of header (a header broken over two
                    // rows: "…总计结果结果其他尚未总计维持纠正…000110000000000").
                    if let h = labels.lastIndex(where: \.isHeader), labels[(h + 1)...].allSatisfy({ isHeaderFragment($0.cell.key) }) { flush() }
                    out.append(labels.map(\.cell) + [cell])
                    labels = []
                    continue
                }
                let segments = segments(cell)
                let valuesFollow = c + 1 < cells.count && cells[c + 1].isValue
                for (k, segment) in segments.enumerated() {
                    // A column header as written ("总计", not "（七）总计") is a header even before
                    // values, after other headers (表四's header and values on one line); alone
                    // before values it is a row's label whose numbering was lost ("总计114421426").
                    let aloneBeforeValues = labels.isEmpty && k == segments.count - 1 && valuesFollow
                    let isHeader = !aloneBeforeValues && vocabulary.isHeader(segment.key)
                    var isRow = false
                    if !isHeader, case .row? = vocabulary.match(segment.key, preferTable: nil, preferGroup: nil, hasValues: k == segments.count - 1)?.target {
                        isRow = true
                    }
                    labels.append((segment, isHeader))
                    if isRow, k < segments.count - 1 { flush() }
                }
            }
            flush()
        }
        return out
    }

    /// Words no numbering starts that name no row or group (a header's words, or none the
    /// vocabulary knows): a piece of a header broken over rows ("结果结果其他尚未总计").
    func isHeaderFragment(_ key: LabelKey) -> Bool {
        guard key.numbering.isEmpty else { return false }
        switch vocabulary.match(key, preferTable: nil, preferGroup: nil, hasValues: false)?.target {
        case .row?, .group?: return false
        case .header?, .anchor?, nil: return true
        }
    }

    /// The labels glued together in a label cell, each a cell with the original's source.
    func segments(_ cell: InputCell) -> [InputCell] {
        let scalars = Array(cell.text.unicodeScalars)
        var norm: [Unicode.Scalar] = []
        var at: [Int] = []  // index in `scalars` of each normalised scalar
        for (i, s) in scalars.enumerated() {
            if let k = LabelKey.keyScalar(s) {
                norm.append(k)
                at.append(i)
            }
        }
        let cuts = vocabulary.cover(norm)
        guard cuts.count > 1 else { return [cell] }
        var out: [InputCell] = []
        for (k, start) in cuts.enumerated() {
            let end = k + 1 < cuts.count ? at[cuts[k + 1]] : scalars.count
            let text = String(String.UnicodeScalarView(scalars[at[start]..<end]))
            out.append(InputCell(text, column: cell.column, source: cell.source, runTogether: true))
        }
        return out
    }
}

extension Vocabulary {
    /// The key is exactly a column header's or an anchor's.
    func isHeader(_ key: LabelKey) -> Bool {
        byKey[key.key]?.contains { i in
            switch entries[i].target {
            case .header, .anchor: return true
            default: return false
            }
        } ?? false
    }

    /// Where the labels glued together in `text` (normalised as label keys are) start: the
    /// cover of the text by occurrences of the vocabulary's cores that leaves the fewest scalars
    /// over (then uses the fewest labels). A label starts where its occurrence starts, or
    /// earlier over the numbering before it ("1." in "…不予公开1.属于国家秘密"); text no label
    /// covers starts a piece of its own. Always starts with 0.
    func cover(_ text: [Unicode.Scalar]) -> [Int] {
        let n = text.count
        guard n > 0 else { return [0] }
        // Occurrences ending at each position.
        var endingAt = Array(repeating: [Int](), count: n + 1)  // start indices
        for core in cores where core.count <= n {
            var i = 0
            while i + core.count <= n {
                if text[i] == core[0], text[i..<(i + core.count)].elementsEqual(core) { endingAt[i + core.count].append(i) }
                i += 1
            }
        }
        // best[j]: (scalars left over, labels used) for text[0..<j]; from[j]: the label start or -1 (one scalar left over).
        var best = Array(repeating: (Int.max, Int.max), count: n + 1)
        var from = Array(repeating: -1, count: n + 1)
        best[0] = (0, 0)
        for j in 1...n {
            if best[j - 1].0 != Int.max { best[j] = (best[j - 1].0 + 1, best[j - 1].1); from[j] = -1 }
            for i in endingAt[j] where best[i].0 != Int.max {
                let cost = (best[i].0, best[i].1 + 1)
                if cost < best[j] { best[j] = cost; from[j] = i }
            }
        }
        // Walk back: labels and the gaps between them, as (start, isLabel), then forward.
        var parts: [(start: Int, isLabel: Bool)] = []
        var j = n
        while j > 0 {
            if from[j] >= 0 {
                parts.append((from[j], true))
                j = from[j]
            } else {
                var i = j - 1
                while i > 0, from[i] < 0 { i -= 1 }
                parts.append((i, false))
                j = i
            }
        }
        parts.reverse()
        // A gap that is numbering only ("1.", "（三）") goes with the label after it, and so does
        // numbering at a gap's end ("…结果（一）"); other gap text is a variant's wording and goes
        // with the label before it ("保护第三方合法权益的"), or stands alone at the start.
        var starts: [Int] = []
        for (k, part) in parts.enumerated() {
            if part.isLabel {
                var start = part.start
                if k > 0, !parts[k - 1].isLabel { start -= Self.trailingNumbering(Array(text[parts[k - 1].start..<part.start])) }
                if starts.last != start { starts.append(start) }
            } else if starts.isEmpty {
                starts.append(part.start)
            }
        }
        return starts
    }

    /// How many scalars at the end of `gap` are list numbering ("（一）", "1.", "三、"); 0 if none.
    static func trailingNumbering(_ gap: [Unicode.Scalar]) -> Int {
        var best = 0
        for n in 1...min(6, gap.count) {
            let key = LabelKey.make(String(String.UnicodeScalarView(gap.suffix(n))))
            if key.core.isEmpty, !key.numbering.isEmpty { best = n }
        }
        return best
    }
}
