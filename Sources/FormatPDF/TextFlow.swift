import DocModel
import Normalization
import TextLayout

/// One thing on a page in reading order: a line of running text or a table.
enum PageItem: Sendable {
    case line(TextLine)
    case table(PageTable)

    var top: Double {
        switch self {
        case .line(let l): return l.box.y0
        case .table(let t): return t.box.y0
        }
    }
}

/// The measures of a document's body text: its margins and font size.
struct BodyMetrics: Sendable {
    var left: Double
    var right: Double
    var fontSize: Double
    /// The most common distance from one line's top to the next one's on a page.
    var pitch: Double

    init(_ lines: [TextLine]) {
        var sizes: [Int: Int] = [:]
        var lefts: [Int: Int] = [:]
        var rights: [Double] = []
        for line in lines {
            let chars = line.pieces.reduce(0) { $0 + $1.glyphs.count }
            sizes[Int((line.fontSize * 2).rounded()), default: 0] += chars
            lefts[Int(line.box.x0.rounded()), default: 0] += chars
            if chars >= 10 { rights.append(line.box.x1) }
        }
        fontSize = Double(sizes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 24) / 2
        left = Double(lefts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 72)
        var pitches: [Int: Int] = [:]
        for (a, b) in zip(lines, lines.dropFirst()) where a.page == b.page && b.box.y0 > a.box.y0 {
            pitches[Int((b.box.y0 - a.box.y0).rounded()), default: 0] += 1
        }
        pitch = Double(pitches.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0)
        rights.sort()
        right = rights.isEmpty ? 520 : rights[min(rights.count - 1, rights.count * 9 / 10)]
    }
}

/// Lines rebuilt into paragraphs and headings: a paragraph goes on while each line reaches the
/// right margin and the next is neither indented nor set apart by a larger gap (font size and
/// weight are no sign: exported pages change them within a paragraph); Chinese wrapped at the margin joins without a space (the normaliser).
enum TextFlow {
    static func continues(_ a: TextLine, _ b: TextLine, samePage: Bool, metrics: BodyMetrics) -> Bool {
        let size = max(a.fontSize, 1)
        let step = max(metrics.pitch, a.box.height + 0.9 * max(a.box.height, b.box.height))
        if samePage, b.box.y0 - a.box.y0 > step * 1.3 { return false }
        if a.box.x1 < metrics.right - 1.5 * size { return false }
        if b.box.x0 > metrics.left + 0.9 * size { return false }
        if let last = a.text.last, "。：；！？".contains(last), HeadingDetector.level(of: b.text) != nil { return false }
        return true
    }

    static func text(of lines: [TextLine]) -> (raw: String, clean: String) {
        let raw = lines.map(\.text).joined(separator: "\n")
        return (raw, Normalizer.clean(raw))
    }

    /// A table cell's text: as `text(of:)`, except that a number the cell's width wrapped
    /// ("33" over "1") is one number: lines of digits (with separators) join without a space.
    static func cellText(of lines: [TextLine]) -> (raw: String, clean: String) {
        let texts = lines.map(\.text)
        guard texts.count > 1, texts.allSatisfy({ t in !t.isEmpty && t.allSatisfy { $0.isNumber || ",.，．".contains($0) } }) else {
            return text(of: lines)
        }
        return (texts.joined(separator: "\n"), Normalizer.clean(texts.joined()))
    }

    /// The block for a paragraph: a heading when it is one short line, not ending as a
    /// sentence does, and numbered as a section, or set in a larger or bold font.
    static func block(_ lines: [TextLine], metrics: BodyMetrics) -> Block? {
        let text = text(of: lines).clean
        if text.isEmpty { return nil }
        guard lines.count == 1, text.count <= 40, let last = text.last, !"。；，、".contains(last) else {
            return .paragraph(text)
        }
        if let level = HeadingDetector.level(of: text) { return .heading(level: level, text: text) }
        let line = lines[0]
        if line.fontSize >= metrics.fontSize * 1.2 || (line.bold && line.box.x1 < metrics.right - 2 * line.fontSize) {
            return .heading(level: 1, text: text)
        }
        return .paragraph(text)
    }
}
