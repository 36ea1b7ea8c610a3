import ZipWriting

/// Builds .docx packages from readable fixture text, so test documents can be reviewed and
/// varied as XML instead of being opaque binaries.
///
/// A fixture is a sequence of sections, each starting with a line `=== <kind> [argument]`:
/// - `=== body`: the content of `w:body` (wrapped in `w:document` with the usual namespaces);
/// - `=== styles`, `=== numbering`: the content of `w:styles` / `w:numbering`;
/// - `=== part <name>`: a part written as is (overrides a generated one, e.g. `_rels/.rels`);
/// - `=== options strict` (Strict OOXML namespaces and relationship types),
///   `=== options main=<part name>` (the main document under another name).
/// Lines before the first section and lines starting with `#` directly after a `===` line
/// are comments.
///
/// Two shorthands keep large tables readable inside `body`:
/// - `<para style="Heading1" num="1" ilvl="0">text</para>` → a `w:p` with that style and
///   numbering and one run per line of text;
/// - `<cell span="2" vmerge="restart|continue|bare">text</cell>` → a `w:tc`, each line of
///   text its own paragraph.
/// Text inside shorthands is XML-escaped by the builder.
public enum DOCXFixture {
    public struct FixtureError: Error, CustomStringConvertible {
        public var description: String
    }

    static let transitional = (
        w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    )
    static let strict = (
        w: "http://purl.oclc.org/ooxml/wordprocessingml/main",
        r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
        rel: "http://purl.oclc.org/ooxml/officeDocument/relationships"
    )

    public static func build(_ source: String) throws -> [UInt8] {
        var sections: [(kind: String, argument: String, text: String)] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                let words = line.dropFirst(4).split(separator: " ", maxSplits: 1)
                sections.append((String(words.first ?? ""), words.count > 1 ? String(words[1]) : "", ""))
            } else if !sections.isEmpty {
                sections[sections.count - 1].text += line + "\n"
            }
        }
        var isStrict = false
        var main = "word/document.xml"
        var body: String?
        var styles: String?
        var numbering: String?
        var explicit: [(String, String)] = []
        for s in sections {
            switch s.kind {
            case "options":
                for option in s.argument.split(separator: " ") {
                    if option == "strict" { isStrict = true } else if option.hasPrefix("main=") { main = String(option.dropFirst(5)) }
                }
            case "body": body = (body ?? "") + s.text
            case "styles": styles = (styles ?? "") + s.text
            case "numbering": numbering = (numbering ?? "") + s.text
            case "part": explicit.append((s.argument, s.text))
            default: throw FixtureError(description: "unknown section kind '\(s.kind)'")
            }
        }
        let ns = isStrict ? strict : transitional
        let declarations = """
            xmlns:w="\(ns.w)" xmlns:r="\(ns.r)" \
            xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
            xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
            xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
            xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
            xmlns:v="urn:schemas-microsoft-com:vml" \
            xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"
            """
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        var parts: [(String, String)] = []
        let mainDir = main.split(separator: "/").dropLast().joined(separator: "/")
        let mainFile = main.split(separator: "/").last.map(String.init) ?? main
        func inDir(_ name: String) -> String { mainDir.isEmpty ? name : "\(mainDir)/\(name)" }
        if let body {
            parts.append((main, header + "<w:document \(declarations)><w:body>\n\(try expand(body))</w:body></w:document>\n"))
        }
        var docRels: [(String, String)] = []
        if let styles {
            parts.append((inDir("styles.xml"), header + "<w:styles \(declarations)>\n\(styles)</w:styles>\n"))
            docRels.append(("styles", "styles.xml"))
        }
        if let numbering {
            parts.append((inDir("numbering.xml"), header + "<w:numbering \(declarations)>\n\(numbering)</w:numbering>\n"))
            docRels.append(("numbering", "numbering.xml"))
        }
        let relNS = "http://schemas.openxmlformats.org/package/2006/relationships"
        parts.append(("_rels/.rels", header + "<Relationships xmlns=\"\(relNS)\"><Relationship Id=\"rId1\" Type=\"\(ns.rel)/officeDocument\" Target=\"\(main)\"/></Relationships>\n"))
        var rels = "<Relationships xmlns=\"\(relNS)\">"
        for (i, (type, target)) in docRels.enumerated() {
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(ns.rel)/\(type)\" Target=\"\(target)\"/>"
        }
        parts.append((inDir("_rels/\(mainFile).rels"), header + rels + "</Relationships>\n"))
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types += "<Override PartName=\"/\(main)\" ContentType=\"\(wml).document.main+xml\"/>"
        if styles != nil { types += "<Override PartName=\"/\(inDir("styles.xml"))\" ContentType=\"\(wml).styles+xml\"/>" }
        if numbering != nil { types += "<Override PartName=\"/\(inDir("numbering.xml"))\" ContentType=\"\(wml).numbering+xml\"/>" }
        parts.insert(("[Content_Types].xml", header + types + "</Types>\n"), at: 0)
        // Explicit parts replace generated ones of the same name.
        for (name, text) in explicit {
            if let i = parts.firstIndex(where: { $0.0 == name }) { parts[i].1 = text } else { parts.append((name, text)) }
        }
        return try ZipWriter.archive(parts.map { (path: $0.0, data: Array($0.1.utf8)) })
    }

    /// Expands the `<para>` and `<cell>` shorthands.
    static func expand(_ text: String) throws -> String {
        var out = ""
        var rest = Substring(text)
        while let start = firstShorthand(in: rest) {
            out += rest[..<start.range.lowerBound]
            let afterName = rest[start.range.upperBound...]
            guard let close = afterName.firstIndex(of: ">") else { throw FixtureError(description: "unterminated <\(start.name)") }
            let attributes = parseAttributes(afterName[..<close])
            let endTag = "</\(start.name)>"
            let contentStart = afterName.index(after: close)
            guard let end = find(endTag, in: afterName[contentStart...]) else { throw FixtureError(description: "missing \(endTag)") }
            let content = String(afterName[contentStart..<end.lowerBound])
            out += start.name == "para" ? paragraph(attributes, content) : cell(attributes, content)
            rest = afterName[end.upperBound...]
        }
        return out + rest
    }

    static func firstShorthand(in s: Substring) -> (name: String, range: Range<Substring.Index>)? {
        let p = find("<para", in: s).flatMap { r in isNameEnd(s, r.upperBound) ? ("para", r) : nil }
        let c = find("<cell", in: s).flatMap { r in isNameEnd(s, r.upperBound) ? ("cell", r) : nil }
        switch (p, c) {
        case let (p?, c?): return p.1.lowerBound < c.1.lowerBound ? p : c
        case let (p?, nil): return p
        case let (nil, c?): return c
        default: return nil
        }
    }

    static func isNameEnd(_ s: Substring, _ i: Substring.Index) -> Bool {
        i < s.endIndex && (s[i] == " " || s[i] == ">")
    }

    static func find(_ needle: String, in s: Substring) -> Range<Substring.Index>? {
        var i = s.startIndex
        while i < s.endIndex {
            if s[i...].hasPrefix(needle) { return i..<s.index(i, offsetBy: needle.count) }
            i = s.index(after: i)
        }
        return nil
    }

    static func parseAttributes(_ s: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for piece in s.split(separator: "\"", omittingEmptySubsequences: false).enumerated() where piece.offset % 2 == 0 {
            let key = piece.element.trimmingCharacters(in: " =\n\t/")
            let parts = s.split(separator: "\"", omittingEmptySubsequences: false)
            if !key.isEmpty, piece.offset + 1 < parts.count { result[key] = String(parts[piece.offset + 1]) }
        }
        return result
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    static func lines(_ content: String) -> [String] {
        content.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " \t") }
            .filter { !$0.isEmpty }
    }

    static func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>" }

    static func paragraph(_ attributes: [String: String], _ content: String) -> String {
        var pPr = ""
        if let style = attributes["style"] { pPr += "<w:pStyle w:val=\"\(style)\"/>" }
        if let num = attributes["num"] { pPr += "<w:numPr><w:ilvl w:val=\"\(attributes["ilvl"] ?? "0")\"/><w:numId w:val=\"\(num)\"/></w:numPr>" }
        if let level = attributes["outline"] { pPr += "<w:outlineLvl w:val=\"\(level)\"/>" }
        let runs = lines(content).map(run).joined(separator: "<w:r><w:br/></w:r>")
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + runs + "</w:p>"
    }

    static func cell(_ attributes: [String: String], _ content: String) -> String {
        var tcPr = ""
        if let span = attributes["span"] { tcPr += "<w:gridSpan w:val=\"\(span)\"/>" }
        switch attributes["vmerge"] {
        case "restart": tcPr += "<w:vMerge w:val=\"restart\"/>"
        case "continue": tcPr += "<w:vMerge w:val=\"continue\"/>"
        case "bare": tcPr += "<w:vMerge/>"
        default: break
        }
        let paragraphs = lines(content).map { "<w:p>\(run($0))</w:p>" }.joined()
        return "<w:tc>" + (tcPr.isEmpty ? "" : "<w:tcPr>\(tcPr)</w:tcPr>") + (paragraphs.isEmpty ? "<w:p/>" : paragraphs) + "</w:tc>"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = self[...]
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
