import ZipWriting

/// Renders a report as a Word document (real OOXML): tables with `w:gridSpan` and `w:vMerge`
/// (a continuation cell at every row-merged position), text split into runs as Word splits it.
public enum DOCXRenderer {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// How the document is meant to be printed (the PDF column, `PaperRenderer`): tracked
    /// changes accepted, column widths by content; `grid` draws every cell border, `rules`
    /// only the rules between rows (as the plain rendering). Nil: the DOCX column as it was.
    public enum Paper: Sendable { case grid, rules }

    public static func render(_ report: GeneratedReport, paper: Paper? = nil) throws -> [UInt8] {
        var rng = SplitMix64.forDocument(seed: 0xD0C, index: report.index)
        var body = ""
        for block in report.layout.blocks {
            switch block {
            case .title(let t):
                body += paragraph(t, center: true, bold: true, rng: &rng)
            case .heading(let h):
                body += paragraph(h, bold: rng.chance(0.6), rng: &rng)
            case .paragraph(let p):
                body += paragraph(p, rng: &rng)
            case .signature(let s):
                body += paragraph(s, right: true, rng: &rng)
            case .table(let t):
                body += table(t, paper: paper, rng: &rng)
                body += "<w:p/>"
            }
        }
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:document xmlns:w=\"\(w)\"><w:body>\(body)<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
        let contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>"
        let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>"
        return try ZipWriter.archive([
            ("[Content_Types].xml", Array(contentTypes.utf8)), ("_rels/.rels", Array(rels.utf8)), ("word/document.xml", Array(document.utf8)),
        ])
    }

    /// Text as Word stores it: one to three runs; line breaks as `w:br`.
    static func runs(_ text: String, bold: Bool = false, rng: inout SplitMix64) -> String {
        let rPr = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        var out = ""
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if k > 0 { out += "<w:r>\(rPr)<w:br/></w:r>" }
            let chars = Array(line)
            var pieces: [String] = []
            if chars.count >= 4, rng.chance(0.3) {
                let cut = rng.int(1...(chars.count - 1))
                pieces = [String(chars[..<cut]), String(chars[cut...])]
            } else {
                pieces = [String(line)]
            }
            for (n, piece) in pieces.enumerated() where !piece.isEmpty {
                // Word's own marks between runs: proofing and bookmarks.
                if n > 0, rng.chance(0.3) { out += rng.chance(0.5) ? "<w:proofErr w:type=\"spellStart\"/>" : "<w:bookmarkStart w:id=\"\(rng.int(0...99))\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>" }
                out += "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(HTMLRenderer.escape(piece))</w:t></w:r>"
            }
        }
        return out
    }

    static func paragraph(_ text: String, center: Bool = false, right: Bool = false, bold: Bool = false, rng: inout SplitMix64) -> String {
        let jc = center ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : right ? "<w:pPr><w:jc w:val=\"right\"/></w:pPr>" : ""
        return "<w:p>\(jc)\(runs(text, bold: bold, rng: &rng))</w:p>"
    }

    static func table(_ t: LayoutTable, paper: Paper?, rng: inout SplitMix64) -> String {
        let placement = Placement(t)
        var out = "<w:tbl><w:tblPr>" + tableProperties(paper) + "</w:tblPr><w:tblGrid>"
        let widths = paper == nil ? Array(repeating: 9000 / max(1, placement.columns), count: max(1, placement.columns)) : contentWidths(t, placement)
        for width in widths { out += "<w:gridCol w:w=\"\(width)\"/>" }
        out += "</w:tblGrid>"
        for (r, row) in t.rows.enumerated() {
            out += "<w:tr>"
            for item in placement.rows[r] {
                switch item {
                case .own(let k, _, let span):
                    let cell = row.cells[k]
                    var tcPr = ""
                    if span > 1 { tcPr += "<w:gridSpan w:val=\"\(span)\"/>" }
                    if cell.rowSpan > 1, r + 1 < t.rows.count { tcPr += "<w:vMerge w:val=\"restart\"/>" }
                    var content = runs(cell.text, rng: &rng)
                    // A value revised with change tracking on: the deleted text is not the value.
                    if cell.role == .value, !cell.text.isEmpty, rng.chance(0.03), paper == nil {
                        content = "<w:del w:id=\"\(rng.int(1...999))\" w:author=\"办公室\"><w:r><w:delText>\(rng.int(0...99))</w:delText></w:r></w:del>"
                            + "<w:ins w:id=\"\(rng.int(1...999))\" w:author=\"办公室\">\(content)</w:ins>"
                    }
                    out += "<w:tc>" + (tcPr.isEmpty ? "" : "<w:tcPr>\(tcPr)</w:tcPr>") + "<w:p>\(content)</w:p></w:tc>"
                case .covered(_, let span):
                    out += "<w:tc><w:tcPr>" + (span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : "") + "<w:vMerge/></w:tcPr><w:p/></w:tc>"
                }
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }
}
