import DocModel

/// The data a report page's script reads (as JSON in `<script type="application/json">`):
/// the findings, and per cell its finding indices, raw text, location and source lines.
struct PageData {
    let input: ReviewInput
    let marks: CellMarks
    let cellPaths: Set<String>

    var canonical: CanonicalValue {
        var context = input.sourceText.map(SourceContext.init)
        var sharedLines: Set<Int> = []
        var cells: [CanonicalValue.Member] = []
        for path in cellPaths.sorted() {
            var members: [CanonicalValue.Member] = []
            let found = marks.findings(ofCell: path)
            if !found.isEmpty { members.append(.init("f", .array(itemName: "i", found.map(CanonicalValue.integer)))) }
            if let source = input.sources[path] {
                members += describe(source, context: &context, sharedLines: &sharedLines)
            }
            if !members.isEmpty { cells.append(.init(path, .object(members))) }
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
            .init("cells", .object(cells)),
            .init("lines", .object(lines)),
        ])
    }

    func describe(_ source: CellSource, context: inout SourceContext?, sharedLines: inout Set<Int>) -> [CanonicalValue.Member] {
        var members: [CanonicalValue.Member] = []
        if let raw = source.raw { members.append(.init("raw", .string(raw))) }
        if let from = source.inferredFrom {
            members.append(.init("from", .array(itemName: "from", from.map(CanonicalValue.string))))
        }
        guard let location = source.location else { return members }
        members.append(.init("where", .string(location.described)))
        if case .pdf(let page, let x0, let y0, let x1, let y1) = location, let image = input.pageImages[page] {
            members.append(
                .init(
                    "crop",
                    .object([
                        .init("src", .string("../" + image.path)),
                        .init("size", .array(itemName: "n", [image.width, image.height].map { .number(SourceLocation.points($0)) })),
                        .init("box", .array(itemName: "n", [x0, y0, x1, y1].map { .number(SourceLocation.points($0)) })),
                    ])))
        }
        if context != nil, let placement = context?.place(location, raw: source.raw) {
            members.append(.init("line", .integer(placement.line)))
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
