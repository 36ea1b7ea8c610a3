import XMLSupport

/// Small facts about HTML elements and text shared by the extractors.
enum HTMLText {
    static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    /// Elements that end the current line of text (everything else is inline).
    static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "section", "article", "main",
        "center", "form", "fieldset", "address", "figure", "figcaption", "header", "footer", "nav", "aside",
        "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "tbody", "thead", "tfoot", "caption",
        "body", "html", "hr", "legend", "details", "summary",
    ]

    /// Elements that carry no readable text (most are already dropped by the parser).
    static let skipped: Set<String> = ["head", "title", "meta", "link", "img", "input", "option", "base", "colgroup", "col", "xml"]

    /// The class names and id of an element, lower-cased.
    static func names(_ e: XMLElement) -> [String] {
        var out: [String] = []
        for a in e.attributes where a.name == "class" || a.name == "id" {
            for part in a.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) { out.append(part.lowercased()) }
        }
        return out
    }

    /// Class/id names split further into word tokens ("bdshare-box" → "bdshare", "box").
    static func tokens(_ names: [String]) -> [Substring] {
        names.flatMap { $0.split { !($0.isLetter || $0.isNumber) } }
    }

    /// Hidden by attribute or inline style (display:none, visibility:hidden, Word's mso-hide:all).
    static func isHidden(_ e: XMLElement) -> Bool {
        for a in e.attributes {
            switch a.name {
            case "hidden": return true
            case "aria-hidden": if a.value.lowercased() == "true" { return true }
            case "type": if a.value.lowercased() == "hidden" { return true }
            case "style":
                let style = String(a.value.lowercased().unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\n" })
                if style.contains("display:none") || style.contains("visibility:hidden") || style.contains("mso-hide:all") { return true }
            default: break
            }
        }
        return false
    }

    /// HTML white space: runs of ASCII white space become one space, except that a line break
    /// between two digits is dropped (Word wraps its HTML source inside numbers). Chinese text
    /// around spaces is joined later by `Normalizer.clean`.
    static func collapse(_ raw: String) -> String {
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

    /// Whether `needle` occurs in the text's UTF-8 bytes (byte search: no grapheme breaking).
    static func contains(_ text: String, bytes needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { hay in
            guard let first = needle.first, hay.count >= needle.count else { return false }
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if hay[i] == first {
                    var k = 1
                    while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Text length below an element (links not counted when `skipLinks`), stopping at `limit`.
    static func textLength(_ e: XMLElement, skipLinks: Bool = false, limit: Int = Int.max) -> Int {
        var total = 0
        func walk(_ e: XMLElement) {
            for child in e.children {
                if total >= limit { return }
                switch child {
                case .text(let t): total += t.utf8.count
                case .element(let c):
                    if skipLinks, c.name == "a" { continue }
                    walk(c)
                }
            }
        }
        walk(e)
        return total
    }

    /// Whether an element has a descendant with this name.
    static func contains(_ e: XMLElement, _ name: String) -> Bool {
        for case .element(let c) in e.children {
            if c.name == name || contains(c, name) { return true }
        }
        return false
    }

    /// A leading integer attribute (colspan="2", rowspan="3px"), at least 1.
    static func span(_ e: XMLElement, _ name: String) -> Int {
        guard let value = e.attribute(name) else { return 1 }
        var n = 0
        for s in value.unicodeScalars.drop(while: { $0 == " " }) {
            guard isDigit(s) else { break }
            n = min(n * 10 + Int(s.value - 0x30), 100_000)
        }
        return max(n, 1)
    }
}
