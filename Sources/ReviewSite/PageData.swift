import DocModel

/// The data a report page's script reads (as JSON in `<script type="application/json">`):
/// the findings, and per drawn cell (in drawing order; null for a cell with nothing to say)
/// its finding indices, its provenance as `--provenance` writes it (spec §9), and where it
/// falls in the source lines shared in `lines`.
struct PageData {
    let input: ReviewInput
    let marks: CellMarks
    let drawn: [String]

    var canonical: CanonicalValue {
        var context = input.sourceText.map(SourceContext.init)
        var sharedLines: Set<Int> = []
        var cells: [CanonicalValue] = []
        for path in drawn {
            var members: [CanonicalValue.Member] = []
            let found = marks.findings(ofCell: path)
            if !found.isEmpty { members.append(.init("f", .array(itemName: "i", found.map(CanonicalValue.integer)))) }
            if let source = input.sources[path] {
                members += describe(source, context: &context, sharedLines: &sharedLines)
            }
            cells.append(members.isEmpty ? .null : .object(members))
        }
        var lines: [CanonicalValue.Member] = []
        if let context {
            for n in sharedLines.sorted() {
                if let text = context.shown(n) { lines.append(.init(String(n), .string(text))) }
            }
        }
        let findings = input.report.findings.map { f in
            CanonicalValue.object([
                .init("rule", .string(f.rule.rawValue)), .init("severity", .string(f.severity.rawValue)),
                .init("message", .string(f.message)), .init("path", f.path.map(CanonicalValue.string) ?? .null),
            ])
        }
        return .object([
            .init("findings", .array(itemName: "finding", findings)),
            .init("cells", .array(itemName: "cell", cells)),
            .init("lines", .object(lines)),
        ])
    }

    /// The provenance's own keys ("raw", the location, "inferred", "from"), then, for a PDF
    /// cell whose page was rendered, the crop ("crop": image, page size, box), and for an HTML
    /// or text cell its line ("at", and "window" and "hl" for the highlighted text).
    func describe(_ source: Provenance, context: inout SourceContext?, sharedLines: inout Set<Int>) -> [CanonicalValue.Member] {
        guard case .object(var members) = source.canonical else { return [] }
        guard let location = source.location else { return members }
        if case .pdf(let page, _, _, _, _) = location, let image = input.pageImages[page] {
            members.append(
                .init(
                    "crop",
                    .object([
                        .init("src", .string("../" + image.path)),
                        .init("size", .array(itemName: "n", [image.width, image.height].map { .number(SourceLocation.decimal($0)) })),
                    ])))
        }
        if context != nil, let placement = context?.place(location, raw: source.raw) {
            members.append(.init("at", .integer(placement.line)))
            if let window = placement.window { members.append(.init("window", .string(window))) }
            if let (a, b) = placement.highlight { members.append(.init("hl", .array(itemName: "n", [.integer(a), .integer(b)]))) }
            let first = max(1, placement.line - SourceContext.around)
            for n in first...(placement.line + SourceContext.around) where n != placement.line || placement.window == nil {
                sharedLines.insert(n)
            }
        }
        return members
    }
}
