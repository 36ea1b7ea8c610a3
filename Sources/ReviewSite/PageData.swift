import DocModel
import PDFSupport

/// The data a report page's script reads (as JSON in `<script type="application/json">`),
/// written compactly (a site of 1,000 reports is mostly this): the value cells' field names
/// (`fields`, indexed by their `data-f`); the findings; per drawn cell (in
/// drawing order; null for a cell with nothing to say) its finding indices `f`, its provenance
/// (`r` the raw text, `l` the location as numbers in the order of spec §9, `i` and `o` how and
/// from what an inferred value was inferred) and where it falls in the source lines (`h`, `w`);
/// and for a flagged cell of a PDF source an image of the page around it (`c`); and what cells
/// share: the location kind `k`, DOCX part names `parts` (a location holds an index), the
/// source lines around cells `lines`.
struct PageData {
    let input: ReviewInput
    let marks: CellMarks
    let drawn: [String]
    /// The field names the value cells' `data-f` index (`TableLayout.fields`).
    let fields: [String]

    /// The location kind of the page: the source's format (a report's sources all have it).
    var kind: SourceInfo.Format { input.report.source.format }

    var canonical: CanonicalValue {
        var context = input.sourceText.map(SourceContext.init)
        var sharedLines: Set<Int> = []
        var parts: [String] = []
        var cells: [CanonicalValue] = []
        for path in drawn {
            var members: [CanonicalValue.Member] = []
            let found = marks.findings(ofCell: path)
            if !found.isEmpty { members.append(.init("f", .array(itemName: "i", found.map(CanonicalValue.integer)))) }
            if let source = input.sources[path] {
                members += describe(source, parts: &parts, context: &context, sharedLines: &sharedLines)
            }
            if let crop = input.crops[path] { members.append(.init("c", crop.canonical)) }
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
        var members: [CanonicalValue.Member] = [
            .init("k", .string(kind.rawValue)),
            .init("fields", .array(itemName: "field", fields.map(CanonicalValue.string))),
            .init("findings", .array(itemName: "finding", findings)),
            .init("cells", .array(itemName: "cell", cells)),
        ]
        if !lines.isEmpty { members.append(.init("lines", .object(lines))) }
        if !parts.isEmpty { members.append(.init("parts", .array(itemName: "part", parts.map(CanonicalValue.string)))) }
        return .object(members)
    }

    /// A cell's provenance, compactly: `r` raw, `l` location; an inferred value `i` (how) and
    /// `o` (from: a path as a string, a cell as `[raw, location]`); for an HTML or text cell
    /// the highlighted text `h` and, on a long line, the window shown `w`.
    func describe(
        _ source: Provenance, parts: inout [String], context: inout SourceContext?, sharedLines: inout Set<Int>
    ) -> [CanonicalValue.Member] {
        var members: [CanonicalValue.Member] = []
        if let raw = source.raw { members.append(.init("r", .string(raw))) }
        if let location = source.location, let l = compact(location, parts: &parts) { members.append(.init("l", l)) }
        if let inference = source.inference {
            members.append(.init("i", .string(inference)))
            let from = source.from.map { item -> CanonicalValue in
                switch item {
                case .path(let path): return .string(path)
                case .cell(let raw, let location):
                    return .array(itemName: "x", [.string(raw), location.flatMap { compact($0, parts: &parts) } ?? .null])
                }
            }
            members.append(.init("o", .array(itemName: "source", from)))
        }
        guard let location = source.location, context != nil, let placement = context?.place(location, raw: source.raw) else {
            return members
        }
        // The line is the location's own; "h" is written only where it differs from the text
        // location's columns (a window, or characters beyond the BMP).
        if let window = placement.window { members.append(.init("w", .string(window))) }
        if let (a, b) = placement.highlight {
            var columns: (Int, Int)?
            if case .text(_, let from, let to) = location { columns = (from, to) }
            if placement.window != nil || columns.map({ $0 != (a, b) }) ?? true {
                members.append(.init("h", .array(itemName: "n", [.integer(a), .integer(b)])))
            }
        }
        let first = max(1, placement.line - SourceContext.around)
        for n in first...(placement.line + SourceContext.around) where n != placement.line || placement.window == nil {
            sharedLines.insert(n)
        }
        return members
    }

    /// A location as the numbers of spec §9 in order (DOCX: part index into `parts`, table,
    /// row, cell; HTML: table, row, cell, line; text: line, from, to; PDF: page, x0, y0, x1,
    /// y1); nil for a location of another kind than the page's.
    func compact(_ location: SourceLocation, parts: inout [String]) -> CanonicalValue? {
        let numbers: [CanonicalValue]
        switch (location, kind) {
        case (.docx(let part, let table, let row, let cell), .docx):
            let index = parts.firstIndex(of: part) ?? parts.count
            if index == parts.count { parts.append(part) }
            numbers = [index, table, row, cell].map(CanonicalValue.integer)
        case (.html(let table, let row, let cell, let line), .html):
            numbers = [table, row, cell, line].map(CanonicalValue.integer)
        case (.text(let line, let from, let to), .text):
            numbers = [line, from, to].map(CanonicalValue.integer)
        case (.pdf(let page, let x0, let y0, let x1, let y1), .pdf):
            numbers = [.integer(page)] + [x0, y0, x1, y1].map { .number(SourceLocation.decimal($0)) }
        default:
            return nil
        }
        return .array(itemName: "n", numbers)
    }
}

extension PageCrops.Crop {
    /// `{"s": the image relative to a report page, "b": [x0, y0, x1, y1]}`: the page region
    /// it shows, in points.
    var canonical: CanonicalValue {
        let r = region
        return .object([
            .init("s", .string("../" + path)),
            .init("b", .array(itemName: "n", [r.x0, r.y0, r.x1, r.y1].map { .number(SourceLocation.decimal($0)) })),
        ])
    }
}
