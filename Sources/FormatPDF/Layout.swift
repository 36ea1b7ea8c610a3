import PDFSupport

/// A box on a page, in points from the page's top left.
struct Box: Sendable, Equatable {
    var x0, y0, x1, y1: Double

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
    var midX: Double { (x0 + x1) / 2 }
    var midY: Double { (y0 + y1) / 2 }

    func contains(x: Double, y: Double, slack: Double = 0) -> Bool {
        x >= x0 - slack && x <= x1 + slack && y >= y0 - slack && y <= y1 + slack
    }

    func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// Vertical overlap over the smaller height (0 when apart).
    func verticalOverlap(_ other: Box) -> Double {
        let overlap = min(y1, other.y1) - max(y0, other.y0)
        let smaller = min(height, other.height)
        return smaller > 0 ? max(0, overlap) / smaller : 0
    }
}

/// One glyph with its horizontal extent; the vertical extent is its word's.
struct Glyph: Sendable, Equatable {
    var scalar: Unicode.Scalar
    var x0, x1: Double
}

/// A run of glyphs poppler segmented as one word, with the font facts the layout uses.
struct Piece: Sendable, Equatable {
    var box: Box
    var glyphs: [Glyph]
    var fontSize: Double
    var bold: Bool

    var text: String {
        var s = String.UnicodeScalarView()
        for g in glyphs { s.append(g.scalar) }
        return String(s)
    }

    /// The piece cut where its glyphs are more than a point apart: the runs set without a gap.
    func runs() -> [Piece] {
        var cuts = [0]
        for k in glyphs.indices.dropFirst() where glyphs[k].x0 - glyphs[k - 1].x1 > 1 { cuts.append(k) }
        guard cuts.count > 1 else { return [self] }
        return zip(cuts, cuts.dropFirst() + [glyphs.count]).map { from, to in
            var piece = self
            piece.glyphs = Array(glyphs[from..<to])
            piece.box.x0 = max(box.x0, glyphs[from].x0)
            piece.box.x1 = min(box.x1, glyphs[to - 1].x1)
            return piece
        }
    }

    /// The part of this piece whose glyph centres fall in [from, to).
    func slice(from: Double, to: Double) -> Piece? {
        let kept = glyphs.filter { ($0.x0 + $0.x1) / 2 >= from && ($0.x0 + $0.x1) / 2 < to }
        guard let first = kept.first, let last = kept.last else { return nil }
        var piece = self
        piece.glyphs = kept
        piece.box.x0 = max(box.x0, first.x0)
        piece.box.x1 = min(box.x1, last.x1)
        return piece
    }
}

/// Pieces on one baseline, left to right.
struct TextLine: Sendable, Equatable {
    let page: Int
    let pieces: [Piece]
    let box: Box
    /// The line's text as drawn: a space where the gap between pieces is at least a quarter
    /// of the font size (the normaliser drops spaces next to Chinese text). Made once: most
    /// steps read it.
    let text: String

    init(page: Int, pieces: [Piece]) {
        self.page = page
        let sorted = pieces.sorted { $0.box.x0 < $1.box.x0 }
        self.pieces = sorted
        self.box = pieces.dropFirst().reduce(pieces[0].box) { $0.union($1.box) }
        self.text = Self.text(of: sorted)
    }

    /// The size most of the line's glyphs are set in.
    var fontSize: Double {
        var weight: [Double: Int] = [:]
        for p in pieces { weight[p.fontSize, default: 0] += p.glyphs.count }
        return weight.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
    }
    var bold: Bool { pieces.allSatisfy(\.bold) }

    static func text(of pieces: [Piece]) -> String {
        var out = String.UnicodeScalarView()
        var last: Piece?
        for piece in pieces {
            if let last, piece.box.x0 - last.box.x1 > 0.25 * max(piece.fontSize, 1) { out.append(" ") }
            for g in piece.glyphs { out.append(g.scalar) }
            last = piece
        }
        return String(out)
    }
}

/// A rule on a page: horizontal or vertical, as a thin box.
struct Rule: Sendable, Equatable {
    var box: Box
    var isHorizontal: Bool { box.width >= box.height }
}

/// What one page holds, ready for layout analysis.
struct PageContent: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var pieces: [Piece]
    var rules: [Rule]
}

enum PageSplitter {
    /// Words and rules of each page; duplicate words drawn twice at one place (fake bold)
    /// are kept once, and vertical text keeps its box without per-glyph positions.
    static func pages(_ content: PDFContent) -> [PageContent] {
        var pages = content.pages.enumerated().map {
            PageContent(number: $0.offset + 1, width: $0.element.width, height: $0.element.height, pieces: [], rules: [])
        }
        for word in content.words where word.page >= 1 && word.page <= pages.count {
            let box = Box(x0: word.x0, y0: word.y0, x1: word.x1, y1: word.y1)
            let glyphs: [Glyph] = word.rotation == 0
                ? word.characters.map { Glyph(scalar: $0.scalar, x0: $0.x0, x1: $0.x1) }
                : word.characters.map { Glyph(scalar: $0.scalar, x0: box.x0, x1: box.x1) }
            let piece = Piece(box: box, glyphs: glyphs, fontSize: word.fontSize, bold: word.bold)
            if piece.glyphs.allSatisfy({ $0.scalar.properties.isWhitespace }) { continue }
            pages[word.page - 1].pieces.append(piece)
        }
        for rule in content.rules where rule.page >= 1 && rule.page <= pages.count {
            pages[rule.page - 1].rules.append(Rule(box: Box(x0: rule.x0, y0: rule.y0, x1: rule.x1, y1: rule.y1)))
        }
        for i in pages.indices { pages[i].pieces = dropDuplicates(pages[i].pieces) }
        return pages
    }

    static func dropDuplicates(_ pieces: [Piece]) -> [Piece] {
        // Keyed by position (half points); the glyphs compared only among pieces at one place.
        struct Place: Hashable { var x, y: Int }
        var seen: [Place: [Int]] = [:]
        var out: [Piece] = []
        out.reserveCapacity(pieces.count)
        for piece in pieces {
            let key = Place(x: Int((piece.box.x0 * 2).rounded()), y: Int((piece.box.y0 * 2).rounded()))
            let same = seen[key, default: []]
            if same.contains(where: { out[$0].glyphs.map(\.scalar) == piece.glyphs.map(\.scalar) }) { continue }
            seen[key, default: []].append(out.count)
            out.append(piece)
        }
        return out
    }

    /// Pieces grouped into lines: sorted top to bottom, a piece joins the line it overlaps
    /// vertically by at least half its height.
    static func lines(_ pieces: [Piece], page: Int) -> [TextLine] {
        let sorted = pieces.sorted { ($0.box.midY, $0.box.x0) < ($1.box.midY, $1.box.x0) }
        var groups: [[Piece]] = []
        var groupBox: [Box] = []
        for piece in sorted {
            if let last = groupBox.last, last.verticalOverlap(piece.box) >= 0.5 {
                groups[groups.count - 1].append(piece)
                groupBox[groupBox.count - 1] = Box(
                    x0: min(last.x0, piece.box.x0), y0: last.y0, x1: max(last.x1, piece.box.x1), y1: last.y1)
            } else {
                groups.append([piece])
                groupBox.append(piece.box)
            }
        }
        return groups.map { TextLine(page: page, pieces: $0) }
    }
}
