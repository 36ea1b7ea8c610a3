import XMLSupport

/// Paragraph styles from styles.xml: what the reader needs to know about each (its outline
/// level and numbering), resolved through `w:basedOn`.
struct StyleSheet {
    struct Style {
        var basedOn: String?
        var name: String?
        var outlineLevel: Int?
        var numId: String?
        var ilvl: Int?
    }

    private(set) var styles: [String: Style] = [:]
    /// The paragraph style applied when a paragraph names none.
    private(set) var defaultParagraphStyle: String?
    /// Each style's outline level, resolved once (every paragraph asks).
    private var outlineLevels: [String: Int] = [:]

    init() {}

    init(_ part: WordPart) {
        let xml = part.xml
        for c in xml.children(FlatXML.root) where part.local(c) == "style" {
            // Paragraph styles, and numbering styles (the targets of w:numStyleLink).
            let type = xml.attribute(c, local: "type") ?? "paragraph"
            guard type == "paragraph" || type == "numbering", let id = xml.attribute(c, local: "styleId") else { continue }
            var style = Style()
            for d in xml.children(c) {
                switch part.local(d) {
                case "basedOn": style.basedOn = xml.attribute(d, local: "val")
                case "name": style.name = xml.attribute(d, local: "val")
                case "pPr":
                    if let v = part.value(d, .outlineLvl), let level = Int(v) { style.outlineLevel = level }
                    if let numPr = part.child(d, .numPr) {
                        style.numId = part.value(numPr, .numId)
                        style.ilvl = part.value(numPr, .ilvl).flatMap { Int($0) }
                    }
                default: break
                }
            }
            if type == "paragraph", let d = xml.attribute(c, local: "default"), d == "1" || d == "true" { defaultParagraphStyle = id }
            styles[id] = style
        }
        for id in styles.keys {
            if let level = resolveOutlineLevel(id) { outlineLevels[id] = level }
        }
    }

    /// Follows `w:basedOn` from `id` (at most 32 steps, so a cycle ends) and returns the first
    /// non-nil value.
    func resolve<T>(_ id: String?, _ value: (Style) -> T?) -> T? {
        var current = id ?? defaultParagraphStyle
        var steps = 0
        while let c = current, let style = styles[c], steps < 32 {
            if let v = value(style) { return v }
            current = style.basedOn
            steps += 1
        }
        return nil
    }

    /// Outline level (0 = top) of a style: `w:outlineLvl` through the basedOn chain, else a
    /// built-in heading style name ("heading 2", "标题 2"). Level 9 is body text.
    func outlineLevel(_ id: String?) -> Int? {
        (id ?? defaultParagraphStyle).flatMap { outlineLevels[$0] }
    }

    private func resolveOutlineLevel(_ id: String) -> Int? {
        let level = resolve(id) { style -> Int? in
            if let l = style.outlineLevel { return l }
            guard let name = style.name?.lowercased() else { return nil }
            for prefix in ["heading ", "标题 "] where name.hasPrefix(prefix) {
                if let n = Int(name.dropFirst(prefix.count)), (1...9).contains(n) { return n - 1 }
            }
            return nil
        }
        guard let level, (0...8).contains(level) else { return nil }
        return level
    }

    /// Numbering a style carries: (numId, ilvl).
    func numbering(_ id: String?) -> (String, Int?)? {
        guard let numId = resolve(id, { $0.numId }) else { return nil }
        return (numId, resolve(id, { $0.ilvl }))
    }
}

extension WordPart {
    /// The local name of an element in the WordprocessingML namespace, else nil.
    func local(_ node: Int) -> String? {
        let id = xml.nodes[node].name
        guard id >= 0 else { return nil }
        let name = xml.names[Int(id)]
        return Namespaces.isWord(name.namespace) ? name.local : nil
    }
}
