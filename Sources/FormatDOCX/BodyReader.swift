import DocModel
import XMLSupport

/// What the body reader produces, before tables become grids and text is normalised.
enum Item {
    /// A paragraph's text as Word displays it (number label included), with its outline level.
    case paragraph(text: String, outlineLevel: Int?)
    case table(RawTable)
}

/// Walks a WordprocessingML body in document order: paragraphs with their runs, fields,
/// content controls, tracked changes (accepted view), text boxes and tables. Numbering
/// counters and complex-field state carry across paragraphs, as in Word.
struct BodyReader {
    let part: WordPart
    let styles: StyleSheet
    var numbering: NumberingState
    var findings: [Finding] = []
    /// Complex fields open at this point, innermost last: true once past `separate` (its
    /// displayed result), false while in its instructions.
    var fields: [Bool] = []
    /// Text of paragraphs whose paragraph mark is a tracked deletion: it joins the next one.
    var carried = ""
    /// `w:altChunk` elements seen: content imported from another part (HTML, RTF, another
    /// .docx) that Word merges on opening; not read.
    var altChunks = 0

    static let maxOpenFields = 64

    init(part: WordPart, styles: StyleSheet, numbering: NumberingState) {
        self.part = part
        self.styles = styles
        self.numbering = numbering
    }

    /// The blocks of a body, cell or text box. Text carried by a deleted paragraph mark stays
    /// inside its container: it never joins a paragraph in another cell.
    mutating func blocks(in container: Int) -> [Item] {
        let outer = carried
        carried = ""
        var items: [Item] = []
        appendBlocks(of: container, to: &items)
        if !carried.isEmpty { items.append(.paragraph(text: carried, outlineLevel: nil)) }
        carried = outer
        return items
    }

    mutating func appendBlocks(of container: Int, to items: inout [Item]) {
        for c in part.children(container) {
            switch part.tag(c) {
            case .p: paragraph(c, into: &items)
            case .tbl: items.append(.table(table(c)))
            case .sdt: if let content = sdtContent(c) { appendBlocks(of: content, to: &items) }
            case .customXml, .ins, .moveTo, .sdtContent, .txbxContent: appendBlocks(of: c, to: &items)
            case .alternateContent: if let branch = part.chosenBranch(c) { appendBlocks(of: branch, to: &items) }
            case .altChunk: altChunks += 1
            default: break  // w:del, w:moveFrom, w:sectPr, bookmarks, permissions, proofErr
            }
        }
    }

    /// The content of a content control, or nil when it shows its placeholder text (which is
    /// a prompt such as "单击此处输入文字", not content).
    func sdtContent(_ sdt: Int) -> Int? {
        if let pr = part.child(sdt, .sdtPr), let placeholder = part.child(pr, .showingPlcHdr), part.isOn(placeholder) { return nil }
        return part.child(sdt, .sdtContent)
    }

    // MARK: Paragraphs

    mutating func paragraph(_ p: Int, into items: inout [Item]) {
        var styleId: String?
        var outline: Int?
        var numId: String?
        var ilvl: Int?
        var markDeleted = false
        if let pPr = part.child(p, .pPr) {
            for c in part.children(pPr) {
                switch part.tag(c) {
                case .pStyle: styleId = part.attribute(c, "val")
                case .outlineLvl: outline = part.attribute(c, "val").flatMap { Int($0) }
                case .numPr:
                    numId = part.value(c, .numId)
                    ilvl = part.value(c, .ilvl).flatMap { Int($0) }
                case .rPr:
                    markDeleted = part.child(c, .del) != nil || part.child(c, .moveFrom) != nil
                default: break
                }
            }
        }
        var text = ""
        var extra: [Item] = []
        for c in part.children(p) { inline(c, hidden: false, text: &text, extra: &extra) }
        if markDeleted {
            // Accepted view: this paragraph and the next are one; the next one's mark survives.
            carried += text
            items += extra
            return
        }
        var label = ""
        let styleNumbering = styles.numbering(styleId)
        if let n = numId ?? styleNumbering?.0 {
            var level = ilvl ?? (numId == nil ? styleNumbering?.1 : nil)
            if level == nil, let styleId { level = numbering.level(ofStyle: styleId, numId: n) }
            label = numbering.next(numId: n, ilvl: level ?? 0) ?? ""
        }
        let full = label + carried + text
        carried = ""
        let level: Int?
        if let outline {
            level = (0...8).contains(outline) ? outline : nil
        } else {
            level = styles.outlineLevel(styleId)
        }
        items.append(.paragraph(text: full, outlineLevel: level))
        items += extra
    }

    /// Paragraph content: runs and the containers that hold runs.
    mutating func inline(_ node: Int, hidden: Bool, text: inout String, extra: inout [Item]) {
        switch part.tag(node) {
        case .r:
            run(node, hidden: hidden, text: &text, extra: &extra)
        case .hyperlink, .smartTag, .customXml, .ins, .moveTo, .fldSimple, .dir, .bdo, .sdtContent:
            for c in part.children(node) { inline(c, hidden: hidden, text: &text, extra: &extra) }
        case .sdt:
            if let content = sdtContent(node) {
                for c in part.children(content) { inline(c, hidden: hidden, text: &text, extra: &extra) }
            }
        case .alternateContent:
            if let branch = part.chosenBranch(node) {
                for c in part.children(branch) { inline(c, hidden: hidden, text: &text, extra: &extra) }
            }
        default:
            break  // w:del, w:moveFrom, w:pPr, bookmarks, w:proofErr, math
        }
    }

    var showingText: Bool { !fields.contains(false) }

    mutating func run(_ r: Int, hidden: Bool, text: inout String, extra: inout [Item]) {
        var hidden = hidden
        for c in part.children(r) {
            switch part.tag(c) {
            case .rPr:
                if let v = part.child(c, .vanish), part.isOn(v) { hidden = true }
            case .t:
                if !hidden, showingText { appendText(of: c, to: &text) }
            case .tab, .ptab:
                if !hidden, showingText { text += "\t" }
            case .br, .cr:
                if !hidden, showingText { text += "\n" }
            case .noBreakHyphen:
                if !hidden, showingText { text += "-" }
            case .sym:
                if !hidden, showingText, let code = part.attribute(c, "char").flatMap({ UInt32($0, radix: 16) }),
                    let scalar = Unicode.Scalar(code)
                {
                    text.unicodeScalars.append(scalar)
                }
            case .fldChar:
                switch part.attribute(c, "fldCharType") {
                case "begin": if fields.count < BodyReader.maxOpenFields { fields.append(false) }
                case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
                case "end": if !fields.isEmpty { fields.removeLast() }
                default: break
                }
            case .alternateContent:
                if let branch = part.chosenBranch(c) { run(branch, hidden: hidden, text: &text, extra: &extra) }
            case .ruby:
                if let base = part.child(c, .rubyBase) {
                    for d in part.children(base) { inline(d, hidden: hidden, text: &text, extra: &extra) }
                }
            case .r:
                // Runs inside a chosen mc branch.
                run(c, hidden: hidden, text: &text, extra: &extra)
            case .softHyphen, .delText, .instrText:
                break
            default:
                // w:drawing, w:pict, w:object: text boxes, read after this paragraph.
                if part.xml.isElement(c), !hidden { textBoxes(in: c, into: &extra) }
            }
        }
    }

    func appendText(of node: Int, to text: inout String) {
        for c in part.children(node) where !part.xml.isElement(c) { text += part.xml.text(c) }
    }

    mutating func textBoxes(in node: Int, into items: inout [Item]) {
        for c in part.children(node) where part.xml.isElement(c) {
            switch part.tag(c) {
            case .txbxContent: items += blocks(in: c)
            case .alternateContent: if let branch = part.chosenBranch(c) { textBoxes(in: branch, into: &items) }
            default: textBoxes(in: c, into: &items)
            }
        }
    }
}
