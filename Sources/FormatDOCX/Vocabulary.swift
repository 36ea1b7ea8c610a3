import XMLSupport

/// WordprocessingML namespaces: transitional (ECMA-376 / ISO 29500 transitional) and Strict.
enum Namespaces {
    static let wordTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let wordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"

    static func isWord(_ uri: String) -> Bool { uri == wordTransitional || uri == wordStrict }
}

/// The elements the reader acts on. Every other element is `other`.
enum Tag: UInt8 {
    case other
    // Block level
    case body, p, tbl, sdt, sdtContent, sdtPr, showingPlcHdr, customXml, altChunk, txbxContent
    // Paragraph and run content
    case r, t, tab, ptab, br, cr, noBreakHyphen, softHyphen, sym, delText, instrText, fldChar, fldSimple
    case hyperlink, smartTag, ins, del, moveFrom, moveTo, dir, bdo, ruby, rubyBase
    case pPr, rPr, pStyle, outlineLvl, numPr, ilvl, numId, vanish
    // Tables
    case tblGrid, gridCol, tr, trPr, tc, tcPr, gridSpan, vMerge, hMerge, gridBefore, gridAfter, tblHeader, cellDel
    // Markup compatibility (any namespace check is done when mapping)
    case alternateContent, choice, fallback

    static let wordNames: [String: Tag] = [
        "body": .body, "p": .p, "tbl": .tbl, "sdt": .sdt, "sdtContent": .sdtContent, "sdtPr": .sdtPr,
        "showingPlcHdr": .showingPlcHdr, "customXml": .customXml, "altChunk": .altChunk, "txbxContent": .txbxContent,
        "r": .r, "t": .t, "tab": .tab, "ptab": .ptab, "br": .br, "cr": .cr, "noBreakHyphen": .noBreakHyphen,
        "softHyphen": .softHyphen, "sym": .sym, "delText": .delText, "instrText": .instrText, "fldChar": .fldChar,
        "fldSimple": .fldSimple, "hyperlink": .hyperlink, "smartTag": .smartTag, "ins": .ins, "del": .del,
        "moveFrom": .moveFrom, "moveTo": .moveTo, "dir": .dir, "bdo": .bdo, "ruby": .ruby, "rubyBase": .rubyBase,
        "pPr": .pPr, "rPr": .rPr, "pStyle": .pStyle, "outlineLvl": .outlineLvl, "numPr": .numPr, "ilvl": .ilvl,
        "numId": .numId, "vanish": .vanish, "tblGrid": .tblGrid, "gridCol": .gridCol, "tr": .tr, "trPr": .trPr,
        "tc": .tc, "tcPr": .tcPr, "gridSpan": .gridSpan, "vMerge": .vMerge, "hMerge": .hMerge,
        "gridBefore": .gridBefore, "gridAfter": .gridAfter, "tblHeader": .tblHeader, "cellDel": .cellDel,
    ]

    /// One tag per name id of a parsed part.
    static func table(for xml: FlatXML) -> [Tag] {
        xml.names.map { name in
            if Namespaces.isWord(name.namespace) { return wordNames[name.local] ?? .other }
            if name.namespace == Namespaces.markupCompatibility {
                switch name.local {
                case "AlternateContent": return .alternateContent
                case "Choice": return .choice
                case "Fallback": return .fallback
                default: return .other
                }
            }
            return .other
        }
    }
}

/// A parsed WordprocessingML part with its tag table.
struct WordPart {
    let xml: FlatXML
    let tags: [Tag]

    /// Attributes the reader uses (everything else, such as rsid attributes, is dropped at parse time).
    static let attributes: Set<String> = [
        "val", "type", "fldCharType", "char", "font", "id", "styleId", "abstractNumId", "numId", "ilvl",
        "default", "Requires",
    ]

    init(_ xml: FlatXML) {
        self.xml = xml
        self.tags = Tag.table(for: xml)
    }

    @inline(__always) func tag(_ node: Int) -> Tag {
        let name = xml.nodes[node].name
        return name >= 0 ? tags[Int(name)] : .other
    }

    func children(_ node: Int) -> FlatXML.Children { xml.children(node) }

    /// The first child element with this tag.
    func child(_ node: Int, _ tag: Tag) -> Int? {
        var c = Int(xml.nodes[node].firstChild)
        while c >= 0 {
            if self.tag(c) == tag { return c }
            c = Int(xml.nodes[c].nextSibling)
        }
        return nil
    }

    /// `w:val` of the first child with this tag.
    func value(_ node: Int, _ tag: Tag) -> String? {
        child(node, tag).flatMap { xml.attribute($0, local: "val") }
    }

    func attribute(_ node: Int, _ local: String) -> String? { xml.attribute(node, local: local) }

    /// An on/off property (`<w:vanish/>`, `<w:tblHeader w:val="0"/>`): present and not false.
    func isOn(_ node: Int) -> Bool {
        guard let v = xml.attribute(node, local: "val") else { return true }
        return !(v == "0" || v == "false" || v == "off" || v == "none")
    }

    /// The branch of an `mc:AlternateContent` to read: the first Choice, else the Fallback.
    func chosenBranch(_ node: Int) -> Int? {
        var fallback: Int?
        for c in xml.children(node) {
            switch tag(c) {
            case .choice: return c
            case .fallback: if fallback == nil { fallback = c }
            default: break
            }
        }
        return fallback
    }
}
