import DocModel

/// The source lines around a cell of an HTML or text source. Lines are shared by every cell of
/// a page ("lines" in the page's data; the cells of a table row share a line or a few), whole up
/// to `maxShared` characters: the page's script cuts a long one to `maxLine` around the cell. A
/// longer line (a minified page keeps a whole table on one) is cut here: to a window around the
/// cell, kept with the cell, and to its start where it is only context.
struct SourceContext {
    static let maxLine = 160
    static let maxShared = 2000
    /// Lines shown before and after a cell's own line.
    static let around = 2

    let lines: [Substring]
    /// Lines already split into scalars (the cells of a table share a few lines).
    private var scalars: [Int: [Unicode.Scalar]] = [:]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Line `n` (1-based) as shared: carriage return dropped; over `maxShared` scalars, cut to
    /// `maxLine`.
    func shown(_ n: Int) -> String? {
        guard n >= 1, n <= lines.count else { return nil }
        let line = lines[n - 1].hasSuffix("\r") ? lines[n - 1].dropLast() : lines[n - 1]
        let scalars = line.unicodeScalars
        if scalars.count <= Self.maxShared { return String(line) }
        var out = String(String.UnicodeScalarView(scalars.prefix(Self.maxLine)))
        out += "…"
        return out
    }

    struct Placement {
        var line: Int
        /// The cell's own line when it is cut to a window (nil: the shared line is shown).
        var window: String?
        /// The cell's text in the shown line, in UTF-16 offsets (what the script slices by).
        var highlight: (Int, Int)?
    }

    mutating func place(_ location: SourceLocation, raw: String?) -> Placement? {
        guard let n = location.line, n >= 1, n <= lines.count else { return nil }
        let line: [Unicode.Scalar]
        if let cached = scalars[n] {
            line = cached
        } else {
            line = Array((lines[n - 1].hasSuffix("\r") ? lines[n - 1].dropLast() : lines[n - 1]).unicodeScalars)
            scalars[n] = line
        }
        var range: Range<Int>?
        switch location {
        case .text(_, let from, let to) where from >= 0 && from <= to && to <= line.count:
            range = from..<to
        case .html:
            range = Self.cellText(raw, in: line)
        default:
            break
        }
        if line.count <= Self.maxShared {
            return Placement(line: n, window: nil, highlight: range.map { Self.utf16(line, $0, start: 0) })
        }
        let centre = range?.lowerBound ?? 0
        let start = max(0, min(centre - Self.maxLine / 2, line.count - Self.maxLine))
        let end = min(line.count, start + Self.maxLine)
        var window = start > 0 ? "…" : ""
        let offset = window.utf16.count
        window.unicodeScalars.append(contentsOf: line[start..<end])
        if end < line.count { window += "…" }
        var highlight: (Int, Int)?
        if let range, range.lowerBound >= start, range.upperBound <= end {
            let h = Self.utf16(line, range, start: start)
            highlight = (h.0 + offset, h.1 + offset)
        }
        return Placement(line: n, window: window, highlight: highlight)
    }

    /// The cell's text between a tag's end and the next tag's start (`>raw<`), when it occurs
    /// exactly once in the line; nil otherwise (no guess).
    static func cellText(_ raw: String?, in line: [Unicode.Scalar]) -> Range<Int>? {
        guard let raw, !raw.isEmpty, !raw.contains("\n") else { return nil }
        let needle = Array(raw.unicodeScalars)
        var found: Range<Int>?
        var i = 1
        while i + needle.count < line.count {
            if line[i - 1] == ">", line[i + needle.count] == "<", Array(line[i..<i + needle.count]) == needle {
                if found != nil { return nil }
                found = i..<i + needle.count
            }
            i += 1
        }
        return found
    }

    static func utf16(_ line: [Unicode.Scalar], _ range: Range<Int>, start: Int) -> (Int, Int) {
        let before = line[start..<range.lowerBound].reduce(0) { $0 + $1.utf16.count }
        let inside = line[range].reduce(0) { $0 + $1.utf16.count }
        return (before, before + inside)
    }
}
