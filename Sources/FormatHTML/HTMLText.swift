import Normalization
import XMLSupport

/// Small facts about HTML elements and text shared by the extractors.
enum HTMLText {
    /// The level of an h1–h6 element, nil for any other name.
    static func headingLevel(_ name: HTMLName) -> Int? {
        name.id >= HTMLName.h1.id && name.id <= HTMLName.h6.id ? Int(name.id - HTMLName.h1.id) + 1 : nil
    }

    /// Elements that end the current line of text (everything else is inline).
    static let blockElements = HTMLNameSet([
        .p, .div, .li, .ul, .ol, .dl, .dd, .dt, .blockquote, .pre, .section, .article, .main,
        .center, .form, .fieldset, .address, .figure, .figcaption, .header, .footer, .nav, .aside,
        .h1, .h2, .h3, .h4, .h5, .h6, .tr, .td, .th, .table, .tbody, .thead, .tfoot, .caption,
        .body, .html, .hr, .legend, .details, .summary,
    ])

    /// Elements that carry no readable text (most are already dropped by the parser).
    static let skipped = HTMLNameSet([.head, .title, .meta, .link, .img, .input, .option, .base, .colgroup, .col, .xml])

    /// The class names and id of an element, lower-cased.
    static func names(_ attributes: ArraySlice<HTMLTree.Attribute>) -> [String] {
        var out: [String] = []
        for a in attributes where a.name == .class || a.name == .id {
            for part in a.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) { out.append(part.lowercased()) }
        }
        return out
    }

    /// Class/id names split further into word tokens ("bdshare-box" → "bdshare", "box").
    static func tokens(_ names: [String]) -> [Substring] {
        names.flatMap { name in
            name.utf8.split { b in !((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80) }.map { Substring($0) }
        }
    }

    /// Hidden by attribute or inline style (display:none, visibility:hidden, Word's mso-hide:all).
    /// The parser leaves such elements out (`HTMLReader.Options.dropWhen`).
    @Sendable static func isHidden(_ name: HTMLName, _ attributes: ArraySlice<HTMLTree.Attribute>) -> Bool {
        for a in attributes {
            switch a.name {
            case .hidden: return true
            case .ariaHidden: if a.value.utf8.count == 4, a.value.lowercased() == "true" { return true }
            case .type: if a.value.utf8.count == 6, a.value.lowercased() == "hidden" { return true }
            case .style: if hidesByStyle(a.value) { return true }
            default: break
            }
        }
        return false
    }

    static let styleRules: [(property: [UInt8], value: [UInt8])] = [
        (Array("display".utf8), Array("none".utf8)), (Array("visibility".utf8), Array("hidden".utf8)), (Array("mso-hide".utf8), Array("all".utf8)),
    ]

    /// "display: none", "DISPLAY:NONE", "mso-hide:all" in a style attribute, in one pass over
    /// its bytes (Word writes a long style on nearly every element).
    static func hidesByStyle(_ style: String) -> Bool {
        var style = style
        return style.withUTF8 { bytes -> Bool in
            let n = bytes.count
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            var i = 0
            while i < n {
                let first = lower(bytes[i])
                if first == 0x64 || first == 0x76 || first == 0x6D {  // d, v, m
                    rules: for (property, value) in styleRules where property[0] == first && i + property.count <= n {
                        for k in 1..<property.count where lower(bytes[i + k]) != property[k] { continue rules }
                        var j = i + property.count
                        while j < n, isSpace(bytes[j]) { j += 1 }
                        guard j < n, bytes[j] == 0x3A else { continue }
                        j += 1
                        while j < n, isSpace(bytes[j]) { j += 1 }
                        guard j + value.count <= n else { continue }
                        for k in 0..<value.count where lower(bytes[j + k]) != value[k] { continue rules }
                        return true
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// HTML white space: runs of ASCII white space become one space, except that a line break
    /// between two digits is dropped (Word wraps its HTML source inside numbers). Chinese text
    /// around spaces is joined later by `Normalizer.clean`.
    static func collapse(_ raw: String) -> String {
        // Most text has nothing to collapse: no tab or line break, no two spaces in a row.
        var copy = raw
        let needed = copy.withUTF8 { bytes -> Bool in
            var previousSpace = true
            for b in bytes {
                if b == 0x20 {
                    if previousSpace { return true }
                    previousSpace = true
                } else if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                    return true
                } else {
                    previousSpace = false
                }
            }
            return previousSpace
        }
        if !needed { return raw }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingBreak = false
        var last: Unicode.Scalar = " "
        for s in raw.unicodeScalars {
            switch s {
            case " ", "\t", "\u{0C}":
                pendingSpace = true
            case "\n", "\r":
                pendingSpace = true
                pendingBreak = true
            default:
                if pendingSpace, !out.isEmpty {
                    if !(pendingBreak && isDigit(last) && isDigit(s)) { out.append(" ") }
                }
                pendingSpace = false
                pendingBreak = false
                out.append(s)
                last = s
            }
        }
        return String(out)
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// `text.contains(needle)`, a match of whole characters, compared byte for byte when both
    /// are plain (see `isPlain`): there every scalar is a character of its own with no other
    /// canonically equivalent spelling, so bytes and characters agree.
    static func contains(_ text: String, _ needle: String) -> Bool {
        if !needle.isEmpty, isPlain(text), isPlain(needle) { return text.containsBytes(needle) }
        return text.contains(needle)
    }

    /// Only ASCII (no carriage return), Latin, general punctuation (dashes, quotes, ellipsis;
    /// not the spaces U+2000–U+2001, which have equivalents), CJK symbols, kana, ideographs and
    /// full-width forms, without the combining marks among them.
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            switch s.value {
            case 0x0D: false
            case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xFF01...0xFF9D: true
            default: false
            }
        }
    }

    /// Whether `collapse` turns a text into spaces or nothing: it holds only the ASCII white
    /// space `collapse` folds (space, tab, form feed, line breaks).
    static func isCollapsedAway(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C || $0 == 0x0A || $0 == 0x0D }
    }

    /// Whether a text is all white space (Unicode's White_Space), looked at byte by byte
    /// until a character that is not ASCII.
    static func isBlank(_ text: String) -> Bool {
        for b in text.utf8 {
            if b >= 0x80 { return text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
            if !(b == 0x20 || b >= 0x09 && b <= 0x0D) { return false }
        }
        return true
    }

    /// A leading integer attribute (colspan="2", rowspan="3px"), at least 1.
    static func span(_ tree: HTMLTree, _ e: Int, _ name: HTMLName) -> Int {
        guard let value = tree.attribute(e, name) else { return 1 }
        var n = 0
        for s in value.unicodeScalars.drop(while: { $0 == " " }) {
            guard isDigit(s) else { break }
            n = min(n * 10 + Int(s.value - 0x30), 100_000)
        }
        return max(n, 1)
    }
}

/// What an element's class and id say: a content container, portal furniture, or neither.
/// Pages repeat the same few classes thousands of times (Word's MsoNormal), so answers are
/// cached by the raw attribute values.
struct NameClassifier {
    struct Kinds: Equatable {
        var container = false
        var furniture = false
    }
    private var cache: [String: Kinds] = [:]

    mutating func kinds(_ attributes: ArraySlice<HTMLTree.Attribute>) -> Kinds {
        var key = ""
        for a in attributes where a.name == .class || a.name == .id {
            key += a.name == .id ? "#" : "."
            key += a.value
        }
        if key.isEmpty { return Kinds() }
        if let known = cache[key] { return known }
        let names = HTMLText.names(attributes)
        var kinds = Kinds()
        kinds.container = names.contains { MainContent.containerNames.contains($0) }
        kinds.furniture = !kinds.container && HTMLText.tokens(names).contains { BlockExtractor.boilerplateTokens.contains($0) }
        if cache.count < 4096 { cache[key] = kinds }
        return kinds
    }
}
