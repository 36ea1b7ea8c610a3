import Normalization
import TextLayout

/// The rows the label fragments of a space-aligned table belong to.
extension AlignedRows {
    /// The row of values each label fragment belongs to. Between two rows of values, the
    /// fragments from the first one that begins with a numbering marker (or whose innermost
    /// piece does) on belong to the next row (a label whose values stand beside its middle); the ones before it continue the
    /// row above. When the next row is values alone, they are its label, written above it, also
    /// when a header stands between them and the row above (a sub-table's), or, none of them
    /// numbered, that row is values alone too (the table writes labels above their values).
    /// A long fragment just before a header (a sub-table's title) is its own row.
    static func fragmentOwners(_ body: [AlignedTable.Line], _ kinds: [AlignedTable.Kind]) -> [Int?] {
        var owner = [Int?](repeating: nil, count: body.count)
        var previous: Int?
        var afterHeader = false
        var pending: [Int] = []
        func settle(next: Int?) {
            var titled = false
            // Titles: from the first long or heading-like fragment before a header on.
            if next == nil || kinds[next!] == .header {
                for k in pending where isTitle(body[k]) { titled = true; break }
            }
            // Values alone, right of every pending line: a label above them.
            let bare = next.map { n in
                kinds[n] == .anchor && body[n].fields.allSatisfy(\.isValue)
                    && pending.allSatisfy { k in body[k].fields.allSatisfy { $0.end < body[n].fields[0].start } }
            } ?? false
            let numbered = pending.contains { k in body[k].fields.first.map { AlignedColumns.isMarker($0.text.unicodeScalars) } ?? false }
            var toNext = bare && (afterHeader || !numbered && previous.map { body[$0].fields.allSatisfy(\.isValue) } == true)
            for k in pending {
                if titled, isTitle(body[k]) { break }
                // A numbered piece first, or in the innermost label column (beside pieces of
                // labels stacked down the outer columns), starts the next row's label.
                let ends = [body[k].fields.first, body[k].fields.last].compactMap { $0 }
                if ends.contains(where: { AlignedColumns.isMarker($0.text.unicodeScalars) }), next != nil, kinds[next!] == .anchor { toNext = true }
                // Before the table's first row of values, lines that start no label are the
                // header's (a note wrapped longer than the header cells beside it).
                owner[k] = toNext ? next : previous
            }
            pending = []
        }
        for k in body.indices {
            switch kinds[k] {
            case .fragment: pending.append(k)
            case .anchor:
                settle(next: k)
                previous = k
                afterHeader = false
            case .header:
                settle(next: k)
                afterHeader = true
            default: continue
            }
        }
        settle(next: nil)
        return owner
    }

    static func isTitle(_ line: AlignedTable.Line) -> Bool {
        let text = line.fields.map(\.text).joined()
        return line.fields.count == 1 && (line.fields[0].width >= 14 || HeadingDetector.level(of: Normalizer.clean(text)) != nil)
    }
}

/// Pieces of a remarks column right of a table's values.
enum AlignedLabels {
    /// The table's lines less the pieces that continue a remark wrapped in a column right of
    /// the values ("按期" beside a row's values, "答复" on the label's next line): on a line
    /// whose other pieces are all left of the values of the rows around (label pieces), a
    /// piece beyond those values is no label and no header, and is left out (the remark's
    /// first line stays with its row, as a cell after the values).
    static func withoutRemarks(_ body: [AlignedTable.Line]) -> [AlignedTable.Line] {
        let spans = body.map { line -> (start: Int, end: Int)? in
            guard line.kind == .anchor, let first = line.fields.first(where: \.isValue), let last = line.fields.last(where: \.isValue) else { return nil }
            return (first.start, last.end)
        }
        var out = body
        for (k, line) in body.enumerated() where line.kind == .header || line.kind == .fragment {
            let around = [spans[..<k].last { $0 != nil } ?? nil, spans[(k + 1)...].first { $0 != nil } ?? nil].compactMap { $0 }
            guard let start = around.map(\.start).min(), let end = around.map(\.end).max() else { continue }
            let inner = line.fields.filter { $0.start < end }
            guard !inner.isEmpty, inner.count < line.fields.count, inner.allSatisfy({ $0.end < start }) else { continue }
            out[k].fields = inner
            if inner.count == 1, inner[0].width <= AlignedTable.fragmentWidth { out[k].kind = .fragment }
        }
        return out
    }
}

