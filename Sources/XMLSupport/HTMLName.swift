/// An element or attribute name of an HTML page as a small integer: the names the readers
/// test for have fixed ids (`HTMLName.p`, `HTMLName.table`…); any other name gets an id past
/// them when a page is parsed (`HTMLTree.nameString`). Compare names, never strings.
public struct HTMLName: Hashable, Sendable {
    public let id: Int32

    @inlinable public init(id: Int32) { self.id = id }

    /// The names with fixed ids, in id order.
    public static let known: [String] = [
        "#document", "html", "head", "body", "title", "meta", "link", "base", "p", "div", "span", "a", "br",
        "hr", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col", "h1", "h2",
        "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "section", "article",
        "main", "center", "form", "fieldset", "address", "figure", "figcaption", "header", "footer", "nav",
        "aside", "legend", "details", "summary", "img", "input", "option", "xml", "font", "strong", "b",
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "textarea",
        "select", "button", "map", "math", "applet", "audio", "video", "del", "class", "id", "colspan",
        "rowspan", "hidden", "aria-hidden", "type", "name", "content", "role",
    ]

    /// Ids of the known names.
    public static let knownIDs: [String: Int32] = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($0.element, Int32($0.offset)) })

    /// Text nodes carry this name, which is no element's.
    @inlinable public static var text: HTMLName { HTMLName(id: -1) }
}

extension HTMLName {
    @inlinable public static var document: HTMLName { HTMLName(id: 0) }
    @inlinable public static var html: HTMLName { HTMLName(id: 1) }
    @inlinable public static var head: HTMLName { HTMLName(id: 2) }
    @inlinable public static var body: HTMLName { HTMLName(id: 3) }
    @inlinable public static var title: HTMLName { HTMLName(id: 4) }
    @inlinable public static var meta: HTMLName { HTMLName(id: 5) }
    @inlinable public static var link: HTMLName { HTMLName(id: 6) }
    @inlinable public static var base: HTMLName { HTMLName(id: 7) }
    @inlinable public static var p: HTMLName { HTMLName(id: 8) }
    @inlinable public static var div: HTMLName { HTMLName(id: 9) }
    @inlinable public static var span: HTMLName { HTMLName(id: 10) }
    @inlinable public static var a: HTMLName { HTMLName(id: 11) }
    @inlinable public static var br: HTMLName { HTMLName(id: 12) }
    @inlinable public static var hr: HTMLName { HTMLName(id: 13) }
    @inlinable public static var table: HTMLName { HTMLName(id: 14) }
    @inlinable public static var tbody: HTMLName { HTMLName(id: 15) }
    @inlinable public static var thead: HTMLName { HTMLName(id: 16) }
    @inlinable public static var tfoot: HTMLName { HTMLName(id: 17) }
    @inlinable public static var tr: HTMLName { HTMLName(id: 18) }
    @inlinable public static var td: HTMLName { HTMLName(id: 19) }
    @inlinable public static var th: HTMLName { HTMLName(id: 20) }
    @inlinable public static var caption: HTMLName { HTMLName(id: 21) }
    @inlinable public static var colgroup: HTMLName { HTMLName(id: 22) }
    @inlinable public static var col: HTMLName { HTMLName(id: 23) }
    @inlinable public static var h1: HTMLName { HTMLName(id: 24) }
    @inlinable public static var h2: HTMLName { HTMLName(id: 25) }
    @inlinable public static var h3: HTMLName { HTMLName(id: 26) }
    @inlinable public static var h4: HTMLName { HTMLName(id: 27) }
    @inlinable public static var h5: HTMLName { HTMLName(id: 28) }
    @inlinable public static var h6: HTMLName { HTMLName(id: 29) }
    @inlinable public static var li: HTMLName { HTMLName(id: 30) }
    @inlinable public static var ul: HTMLName { HTMLName(id: 31) }
    @inlinable public static var ol: HTMLName { HTMLName(id: 32) }
    @inlinable public static var dl: HTMLName { HTMLName(id: 33) }
    @inlinable public static var dd: HTMLName { HTMLName(id: 34) }
    @inlinable public static var dt: HTMLName { HTMLName(id: 35) }
    @inlinable public static var blockquote: HTMLName { HTMLName(id: 36) }
    @inlinable public static var pre: HTMLName { HTMLName(id: 37) }
    @inlinable public static var section: HTMLName { HTMLName(id: 38) }
    @inlinable public static var article: HTMLName { HTMLName(id: 39) }
    @inlinable public static var main: HTMLName { HTMLName(id: 40) }
    @inlinable public static var center: HTMLName { HTMLName(id: 41) }
    @inlinable public static var form: HTMLName { HTMLName(id: 42) }
    @inlinable public static var fieldset: HTMLName { HTMLName(id: 43) }
    @inlinable public static var address: HTMLName { HTMLName(id: 44) }
    @inlinable public static var figure: HTMLName { HTMLName(id: 45) }
    @inlinable public static var figcaption: HTMLName { HTMLName(id: 46) }
    @inlinable public static var header: HTMLName { HTMLName(id: 47) }
    @inlinable public static var footer: HTMLName { HTMLName(id: 48) }
    @inlinable public static var nav: HTMLName { HTMLName(id: 49) }
    @inlinable public static var aside: HTMLName { HTMLName(id: 50) }
    @inlinable public static var legend: HTMLName { HTMLName(id: 51) }
    @inlinable public static var details: HTMLName { HTMLName(id: 52) }
    @inlinable public static var summary: HTMLName { HTMLName(id: 53) }
    @inlinable public static var img: HTMLName { HTMLName(id: 54) }
    @inlinable public static var input: HTMLName { HTMLName(id: 55) }
    @inlinable public static var option: HTMLName { HTMLName(id: 56) }
    @inlinable public static var xml: HTMLName { HTMLName(id: 57) }
    @inlinable public static var font: HTMLName { HTMLName(id: 58) }
    @inlinable public static var strong: HTMLName { HTMLName(id: 59) }
    @inlinable public static var b: HTMLName { HTMLName(id: 60) }
    @inlinable public static var script: HTMLName { HTMLName(id: 61) }
    @inlinable public static var style: HTMLName { HTMLName(id: 62) }
    @inlinable public static var noscript: HTMLName { HTMLName(id: 63) }
    @inlinable public static var template: HTMLName { HTMLName(id: 64) }
    @inlinable public static var iframe: HTMLName { HTMLName(id: 65) }
    @inlinable public static var object: HTMLName { HTMLName(id: 66) }
    @inlinable public static var embed: HTMLName { HTMLName(id: 67) }
    @inlinable public static var svg: HTMLName { HTMLName(id: 68) }
    @inlinable public static var canvas: HTMLName { HTMLName(id: 69) }
    @inlinable public static var textarea: HTMLName { HTMLName(id: 70) }
    @inlinable public static var select: HTMLName { HTMLName(id: 71) }
    @inlinable public static var button: HTMLName { HTMLName(id: 72) }
    @inlinable public static var map: HTMLName { HTMLName(id: 73) }
    @inlinable public static var math: HTMLName { HTMLName(id: 74) }
    @inlinable public static var applet: HTMLName { HTMLName(id: 75) }
    @inlinable public static var audio: HTMLName { HTMLName(id: 76) }
    @inlinable public static var video: HTMLName { HTMLName(id: 77) }
    @inlinable public static var del: HTMLName { HTMLName(id: 78) }
    @inlinable public static var `class`: HTMLName { HTMLName(id: 79) }
    @inlinable public static var id: HTMLName { HTMLName(id: 80) }
    @inlinable public static var colspan: HTMLName { HTMLName(id: 81) }
    @inlinable public static var rowspan: HTMLName { HTMLName(id: 82) }
    @inlinable public static var hidden: HTMLName { HTMLName(id: 83) }
    @inlinable public static var ariaHidden: HTMLName { HTMLName(id: 84) }
    @inlinable public static var type: HTMLName { HTMLName(id: 85) }
    @inlinable public static var name: HTMLName { HTMLName(id: 86) }
    @inlinable public static var content: HTMLName { HTMLName(id: 87) }
    @inlinable public static var role: HTMLName { HTMLName(id: 88) }
}

/// A set of known names (ids below 128), tested with two shifts.
public struct HTMLNameSet: Sendable {
    @usableFromInline var low: UInt64 = 0
    @usableFromInline var high: UInt64 = 0

    public init(_ names: [HTMLName]) {
        for n in names {
            precondition(n.id >= 0 && n.id < 128, "only known names go into an HTMLNameSet")
            if n.id < 64 { low |= 1 << UInt64(n.id) } else { high |= 1 << UInt64(n.id - 64) }
        }
    }

    @inlinable public func contains(_ name: HTMLName) -> Bool {
        let id = name.id
        if id < 0 || id >= 128 { return false }
        return id < 64 ? low & (1 << UInt64(id)) != 0 : high & (1 << UInt64(id - 64)) != 0
    }
}
