/// An element or attribute name of an HTML page as a small integer: the names the readers
/// test for have fixed ids (`HTMLName.p`, `HTMLName.table`…); any other name gets an id past
/// them when a page is parsed (`HTMLTree.nameString`). Compare names, never strings.
public struct HTMLName: Hashable, Sendable {
    public let id: Int32

    public init(id: Int32) { self.id = id }

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
    public static let text = HTMLName(id: -1)
}

extension HTMLName {
    public static let document = HTMLName(id: 0)
    public static let html = HTMLName(id: 1)
    public static let head = HTMLName(id: 2)
    public static let body = HTMLName(id: 3)
    public static let title = HTMLName(id: 4)
    public static let meta = HTMLName(id: 5)
    public static let link = HTMLName(id: 6)
    public static let base = HTMLName(id: 7)
    public static let p = HTMLName(id: 8)
    public static let div = HTMLName(id: 9)
    public static let span = HTMLName(id: 10)
    public static let a = HTMLName(id: 11)
    public static let br = HTMLName(id: 12)
    public static let hr = HTMLName(id: 13)
    public static let table = HTMLName(id: 14)
    public static let tbody = HTMLName(id: 15)
    public static let thead = HTMLName(id: 16)
    public static let tfoot = HTMLName(id: 17)
    public static let tr = HTMLName(id: 18)
    public static let td = HTMLName(id: 19)
    public static let th = HTMLName(id: 20)
    public static let caption = HTMLName(id: 21)
    public static let colgroup = HTMLName(id: 22)
    public static let col = HTMLName(id: 23)
    public static let h1 = HTMLName(id: 24)
    public static let h2 = HTMLName(id: 25)
    public static let h3 = HTMLName(id: 26)
    public static let h4 = HTMLName(id: 27)
    public static let h5 = HTMLName(id: 28)
    public static let h6 = HTMLName(id: 29)
    public static let li = HTMLName(id: 30)
    public static let ul = HTMLName(id: 31)
    public static let ol = HTMLName(id: 32)
    public static let dl = HTMLName(id: 33)
    public static let dd = HTMLName(id: 34)
    public static let dt = HTMLName(id: 35)
    public static let blockquote = HTMLName(id: 36)
    public static let pre = HTMLName(id: 37)
    public static let section = HTMLName(id: 38)
    public static let article = HTMLName(id: 39)
    public static let main = HTMLName(id: 40)
    public static let center = HTMLName(id: 41)
    public static let form = HTMLName(id: 42)
    public static let fieldset = HTMLName(id: 43)
    public static let address = HTMLName(id: 44)
    public static let figure = HTMLName(id: 45)
    public static let figcaption = HTMLName(id: 46)
    public static let header = HTMLName(id: 47)
    public static let footer = HTMLName(id: 48)
    public static let nav = HTMLName(id: 49)
    public static let aside = HTMLName(id: 50)
    public static let legend = HTMLName(id: 51)
    public static let details = HTMLName(id: 52)
    public static let summary = HTMLName(id: 53)
    public static let img = HTMLName(id: 54)
    public static let input = HTMLName(id: 55)
    public static let option = HTMLName(id: 56)
    public static let xml = HTMLName(id: 57)
    public static let font = HTMLName(id: 58)
    public static let strong = HTMLName(id: 59)
    public static let b = HTMLName(id: 60)
    public static let script = HTMLName(id: 61)
    public static let style = HTMLName(id: 62)
    public static let noscript = HTMLName(id: 63)
    public static let template = HTMLName(id: 64)
    public static let iframe = HTMLName(id: 65)
    public static let object = HTMLName(id: 66)
    public static let embed = HTMLName(id: 67)
    public static let svg = HTMLName(id: 68)
    public static let canvas = HTMLName(id: 69)
    public static let textarea = HTMLName(id: 70)
    public static let select = HTMLName(id: 71)
    public static let button = HTMLName(id: 72)
    public static let map = HTMLName(id: 73)
    public static let math = HTMLName(id: 74)
    public static let applet = HTMLName(id: 75)
    public static let audio = HTMLName(id: 76)
    public static let video = HTMLName(id: 77)
    public static let del = HTMLName(id: 78)
    public static let `class` = HTMLName(id: 79)
    public static let id = HTMLName(id: 80)
    public static let colspan = HTMLName(id: 81)
    public static let rowspan = HTMLName(id: 82)
    public static let hidden = HTMLName(id: 83)
    public static let ariaHidden = HTMLName(id: 84)
    public static let type = HTMLName(id: 85)
    public static let name = HTMLName(id: 86)
    public static let content = HTMLName(id: 87)
    public static let role = HTMLName(id: 88)
}

/// A set of known names (ids below 128), tested with two shifts.
public struct HTMLNameSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    public init(_ names: [HTMLName]) {
        for n in names {
            precondition(n.id >= 0 && n.id < 128, "only known names go into an HTMLNameSet")
            if n.id < 64 { low |= 1 << UInt64(n.id) } else { high |= 1 << UInt64(n.id - 64) }
        }
    }

    @inline(__always) public func contains(_ name: HTMLName) -> Bool {
        let id = name.id
        if id < 0 || id >= 128 { return false }
        return id < 64 ? low & (1 << UInt64(id)) != 0 : high & (1 << UInt64(id - 64)) != 0
    }
}
