import XMLSupport

/// numbering.xml: abstract definitions and the instances (`w:num`) paragraphs refer to.
struct NumberingDefinitions {
    struct Level {
        var start = 1
        var format = "decimal"
        var text: String?
        /// `w:lvlRestart`: restart after a use of this level (1-based); 0 = never; nil = after any higher level.
        var restart: Int?
        var isLegal = false
        var suffix = "tab"
        var style: String?
    }

    struct Instance {
        var abstractId: String
        /// `w:lvlOverride/w:startOverride` per level.
        var startOverrides: [Int: Int] = [:]
        /// `w:lvlOverride/w:lvl`: a whole level replaced.
        var levelOverrides: [Int: Level] = [:]
    }

    var abstracts: [String: [Int: Level]] = [:]
    /// `w:numStyleLink`: an abstract definition that takes its levels from a numbering style.
    var styleLinks: [String: String] = [:]
    var instances: [String: Instance] = [:]
    var styles = StyleSheet()

    init() {}

    init(_ part: WordPart, styles: StyleSheet) {
        self.styles = styles
        let xml = part.xml
        for c in xml.children(FlatXML.root) {
            switch part.local(c) {
            case "abstractNum":
                guard let id = xml.attribute(c, local: "abstractNumId") else { continue }
                var levels: [Int: Level] = [:]
                for d in xml.children(c) {
                    switch part.local(d) {
                    case "lvl":
                        let (index, level) = NumberingDefinitions.level(part, d)
                        if let index { levels[index] = level }
                    case "numStyleLink":
                        if let s = xml.attribute(d, local: "val") { styleLinks[id] = s }
                    default: break
                    }
                }
                abstracts[id] = levels
            case "num":
                guard let id = xml.attribute(c, local: "numId") else { continue }
                var instance = Instance(abstractId: "")
                for d in xml.children(c) {
                    switch part.local(d) {
                    case "abstractNumId": instance.abstractId = xml.attribute(d, local: "val") ?? ""
                    case "lvlOverride":
                        guard let ilvl = xml.attribute(d, local: "ilvl").flatMap({ Int($0) }) else { continue }
                        for e in xml.children(d) {
                            switch part.local(e) {
                            case "startOverride":
                                if let v = xml.attribute(e, local: "val").flatMap({ Int($0) }) { instance.startOverrides[ilvl] = v }
                            case "lvl":
                                instance.levelOverrides[ilvl] = NumberingDefinitions.level(part, e).1
                            default: break
                            }
                        }
                    default: break
                    }
                }
                instances[id] = instance
            default: break
            }
        }
    }

    static func level(_ part: WordPart, _ node: Int) -> (Int?, Level) {
        let xml = part.xml
        var level = Level()
        for e in xml.children(node) {
            let v = xml.attribute(e, local: "val")
            switch part.local(e) {
            case "start": if let n = v.flatMap({ Int($0) }) { level.start = n }
            case "numFmt": if let v { level.format = v }
            case "lvlText": level.text = v
            case "lvlRestart": level.restart = v.flatMap { Int($0) }
            case "isLgl": level.isLegal = part.isOn(e)
            case "suff": if let v { level.suffix = v }
            case "pStyle": level.style = v
            default:
                // Word 2010 writes a custom numFmt inside mc:AlternateContent; its Fallback is standard.
                if part.tag(e) == .alternateContent {
                    for branch in xml.children(e) where part.tag(branch) == .fallback {
                        for f in xml.children(branch) where part.local(f) == "numFmt" {
                            if let v = xml.attribute(f, local: "val") { level.format = v }
                        }
                    }
                }
            }
        }
        return (xml.attribute(node, local: "ilvl").flatMap { Int($0) }, level)
    }

    /// The nine levels an instance uses (overrides applied), or nil for an unknown numId.
    func levels(of numId: String) -> [Level]? {
        guard let instance = instances[numId] else { return nil }
        var abstractId = instance.abstractId
        var steps = 0
        // numStyleLink → numbering style → its numId → that instance's abstract definition.
        while let link = styleLinks[abstractId], steps < 8,
            let linkedNum = styles.numbering(link)?.0, let linked = instances[linkedNum]
        {
            abstractId = linked.abstractId
            steps += 1
        }
        guard let base = abstracts[abstractId] else { return nil }
        var levels: [Level] = (0..<9).map { base[$0] ?? Level() }
        for (i, l) in instance.levelOverrides where (0..<9).contains(i) { levels[i] = l }
        for (i, s) in instance.startOverrides where (0..<9).contains(i) { levels[i].start = s }
        return levels
    }
}

/// Counters while reading a document in order: one set per numId, continuing across
/// interruptions by other paragraphs, tables and other lists.
struct NumberingState {
    let definitions: NumberingDefinitions
    private var counters: [String: [Int?]] = [:]
    private var cachedLevels: [String: [NumberingDefinitions.Level]] = [:]

    init(_ definitions: NumberingDefinitions) {
        self.definitions = definitions
    }

    var styles: StyleSheet { definitions.styles }

    /// The level of `numId` that names this paragraph style (`w:lvl/w:pStyle`), for a style
    /// that carries a numId but no ilvl.
    func level(ofStyle style: String, numId: String) -> Int? {
        definitions.levels(of: numId)?.firstIndex { $0.style == style }
    }

    /// The label of the next paragraph at `ilvl` of `numId` ("一、", "（二）", "1.1"), with
    /// its suffix (tab, space or nothing); nil when the numId is 0 or unknown.
    mutating func next(numId: String, ilvl: Int) -> String? {
        guard numId != "0" else { return nil }
        let levels: [NumberingDefinitions.Level]
        if let cached = cachedLevels[numId] {
            levels = cached
        } else {
            guard let l = definitions.levels(of: numId) else { return nil }
            cachedLevels[numId] = l
            levels = l
        }
        let ilvl = min(max(ilvl, 0), 8)
        var values = counters[numId] ?? Array(repeating: nil, count: 9)
        values[ilvl] = values[ilvl].map { $0 + 1 } ?? levels[ilvl].start
        // Deeper levels restart unless their lvlRestart says otherwise.
        for deeper in (ilvl + 1)..<9 {
            let restart = levels[deeper].restart
            if restart == nil || (restart! > 0 && restart! <= ilvl + 1) { values[deeper] = nil }
        }
        counters[numId] = values
        let level = levels[ilvl]
        guard let template = level.text else { return nil }
        var label = ""
        var chars = template.unicodeScalars.makeIterator()
        while let s = chars.next() {
            guard s == "%" else { label.unicodeScalars.append(s); continue }
            guard let d = chars.next() else { label += "%"; break }
            guard let k = Int(String(d)), (1...9).contains(k) else {
                label.unicodeScalars.append("%")
                label.unicodeScalars.append(d)
                continue
            }
            let referenced = levels[k - 1]
            let value = values[k - 1] ?? referenced.start
            let format = level.isLegal ? "decimal" : referenced.format
            label += NumberFormat.format(value, as: format)
        }
        if level.format == "bullet" {
            // Symbol-font bullets are private-use code points; show the bullet a reader sees.
            label = String(String.UnicodeScalarView(label.unicodeScalars.map { (0xE000...0xF8FF).contains($0.value) ? "•" : $0 }))
        }
        switch level.suffix {
        case "space": label += " "
        case "nothing": break
        default: label += "\t"
        }
        return label
    }
}
