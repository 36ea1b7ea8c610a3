/// A value's provenance as `--provenance` writes it (spec §9): the source text and where it
/// stands, or, for a value not read from one cell as it stands, how it was inferred and from
/// what. Resolved from `Report.sources` and the document's cell origins.
public struct Provenance: Sendable, Equatable {
    /// The cell text as the source wrote it, before normalisation; nil for a value with no
    /// cell of its own (a unit taken from its amount's cell).
    public var raw: String?
    public var location: SourceLocation?
    /// How the value was inferred ("rowPosition", "arithmetic", "digitSplit", "unitOfAmount");
    /// nil for a value read directly from its cell.
    public var inference: String?
    /// What an inferred value was inferred from: report paths and source cells.
    public var from: [Item]

    public enum Item: Sendable, Equatable {
        case path(String)
        /// A document cell: its source text and, where the adapter gave one, its location.
        case cell(raw: String, location: SourceLocation?)
    }

    public init(raw: String?, location: SourceLocation?, inference: String? = nil, from: [Item] = []) {
        self.raw = raw
        self.location = location
        self.inference = inference
        self.from = from
    }

    public var isInferred: Bool { inference != nil }

    /// `{"raw": …, …location}`; an inferred value adds `"inferred": true`, `"inference"` and
    /// `"from"` (a path as `{"path": …}`, a cell as `{"raw": …, …location}`).
    public var canonical: CanonicalValue {
        var members: [CanonicalValue.Member] = []
        if let raw { members.append(.init("raw", .string(raw))) }
        if let location { members += location.canonicalMembers }
        if let inference {
            members.append(.init("inferred", .bool(true)))
            members.append(.init("inference", .string(inference)))
            let items = from.map { item -> CanonicalValue in
                switch item {
                case .path(let path): return .object([.init("path", .string(path))])
                case .cell(let raw, let location):
                    return .object([.init("raw", .string(raw))] + (location?.canonicalMembers ?? []))
                }
            }
            members.append(.init("from", .array(itemName: "source", items)))
        }
        return .object(members)
    }
}

extension SourceLocation {
    /// The location's keys (spec §9): DOCX `part, table, row, cell`; HTML `table, row, cell,
    /// line`; text `line, columns: [from, to]`; PDF `page, box: [x0, y0, x1, y1]`.
    public var canonicalMembers: [CanonicalValue.Member] {
        switch self {
        case .docx(let part, let table, let row, let cell):
            return [.init("part", .string(part)), .init("table", .integer(table)), .init("row", .integer(row)), .init("cell", .integer(cell))]
        case .html(let table, let row, let cell, let line):
            return [.init("table", .integer(table)), .init("row", .integer(row)), .init("cell", .integer(cell)), .init("line", .integer(line))]
        case .text(let line, let from, let to):
            return [.init("line", .integer(line)), .init("columns", .array(itemName: "column", [.integer(from), .integer(to)]))]
        case .pdf(let page, let x0, let y0, let x1, let y1):
            let box = [x0, y0, x1, y1].map { CanonicalValue.number(Self.decimal($0)) }
            return [.init("page", .integer(page)), .init("box", .array(itemName: "coordinate", box))]
        }
    }

    /// A coordinate in points with at most two decimals, as a JSON number ("72", "101.25").
    public static func decimal(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let hundredths = Int((abs(v) * 100).rounded())
        let sign = v < 0 && hundredths != 0 ? "-" : ""
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return sign + String(whole) }
        let digits = fraction < 10 ? "0" + String(fraction) : String(fraction)
        return sign + String(whole) + "." + (digits.hasSuffix("0") ? String(digits.dropLast()) : digits)
    }
}

extension Report {
    /// The canonical tree with `sources` (spec §9); without provenance use `canonical`, whose
    /// bytes do not change.
    public func canonical(sources: [String: Provenance]) -> CanonicalValue {
        guard case .object(var members) = canonical else { return canonical }
        members.append(.init("sources", .object(sources.map { .init($0.key, $0.value.canonical) })))
        return .object(members)
    }
}

extension Provenance {
    /// A report's value sources (`Report.sources`, document cells by reference) resolved to what
    /// the source wrote and where, through the cells' origins. A value read from one cell, or
    /// placed by its row's position or the arithmetic, carries that cell's raw text and
    /// location; a split of run-together digits and a unit taken from its amount carry only
    /// what they were inferred from. A cell whose adapter gave no origin is named by its text
    /// in the document and has no location.
    public static func resolve(_ sources: [String: ValueSource], in document: Document) -> [String: Provenance] {
        var tables: [Table] = []
        for case .table(let table) in document.blocks { tables.append(table) }
        func origin(_ ref: CellRef) -> CellOrigin? {
            guard tables.indices.contains(ref.table), tables[ref.table].cells.indices.contains(ref.cell) else { return nil }
            return tables[ref.table].cells[ref.cell].origin
        }
        func text(_ ref: CellRef) -> String? {
            guard tables.indices.contains(ref.table), tables[ref.table].cells.indices.contains(ref.cell) else { return nil }
            return tables[ref.table].cells[ref.cell].text
        }
        var out: [String: Provenance] = [:]
        for (path, source) in sources {
            switch source {
            case .cell(let ref):
                out[path] = Provenance(raw: origin(ref)?.raw ?? text(ref), location: origin(ref)?.location)
            case .inferred(let how, let cells, let paths):
                var provenance = Provenance(raw: nil, location: nil, inference: how.rawValue)
                if cells.count == 1, how == .rowPosition || how == .arithmetic {
                    provenance.raw = origin(cells[0])?.raw ?? text(cells[0])
                    provenance.location = origin(cells[0])?.location
                }
                provenance.from = paths.map(Item.path)
                    + cells.compactMap { ref in
                        origin(ref).map { Item.cell(raw: $0.raw, location: $0.location) } ?? text(ref).map { .cell(raw: $0, location: nil) }
                    }
                out[path] = provenance
            }
        }
        return out
    }
}
