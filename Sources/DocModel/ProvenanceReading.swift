/// Reading provenance back from a report's `sources` (spec §9), as `report --provenance` wrote
/// it in JSON or XML, so that collection commands given such reports keep their sources.
/// Lenient about number forms (XML leaves are text), strict about shape: an entry that is not
/// one of the four locations, or lacks both `raw` and `inferred`, is left out.
extension Provenance {
    /// The `sources` member of a report's canonical tree; nil when the report has none.
    public static func sources(in tree: CanonicalValue) -> [String: Provenance]? {
        guard case .object(let members)? = tree["sources"] else { return nil }
        var out: [String: Provenance] = [:]
        for member in members {
            if let provenance = Provenance(canonical: member.value) { out[member.key] = provenance }
        }
        return out
    }

    public init?(canonical v: CanonicalValue) {
        guard case .object = v else { return nil }
        let raw = Self.string(v["raw"])
        let location = SourceLocation(canonicalMembers: v)
        var inference: String?
        var from: [Item] = []
        if Self.isTrue(v["inferred"]) {
            guard let how = Self.string(v["inference"]) else { return nil }
            inference = how
            if case .array(_, let items)? = v["from"] {
                for item in items {
                    if let path = Self.string(item["path"]) {
                        from.append(.path(path))
                    } else if let raw = Self.string(item["raw"]) {
                        from.append(.cell(raw: raw, location: SourceLocation(canonicalMembers: item)))
                    }
                }
            }
        }
        guard raw != nil || inference != nil else { return nil }
        self.init(raw: raw, location: location, inference: inference, from: from)
    }

    static func string(_ v: CanonicalValue?) -> String? {
        if case .string(let s)? = v { return s }
        return nil
    }

    static func isTrue(_ v: CanonicalValue?) -> Bool {
        switch v {
        case .bool(true)?: return true
        case .string("true")?: return true
        default: return false
        }
    }
}

extension SourceLocation {
    /// The location named by an object's keys (`canonicalMembers` read back); nil when they
    /// name none completely.
    public init?(canonicalMembers v: CanonicalValue) {
        func int(_ key: String) -> Int? {
            switch v[key] {
            case .integer(let i)?: return i
            case .number(let s)?, .string(let s)?: return Int(s)
            default: return nil
            }
        }
        func numbers(_ key: String) -> [Double]? {
            guard case .array(_, let items)? = v[key] else { return nil }
            let out = items.compactMap { item -> Double? in
                switch item {
                case .integer(let i): return Double(i)
                case .number(let s), .string(let s): return Double(s)
                default: return nil
                }
            }
            return out.count == items.count ? out : nil
        }
        if case .string(let part)? = v["part"], let table = int("table"), let row = int("row"), let cell = int("cell") {
            self = .docx(part: part, table: table, row: row, cell: cell)
        } else if let page = int("page"), let box = numbers("box"), box.count == 4 {
            self = .pdf(page: page, x0: box[0], y0: box[1], x1: box[2], y1: box[3])
        } else if let line = int("line"), let columns = numbers("columns"), columns.count == 2 {
            self = .text(line: line, from: Int(columns[0]), to: Int(columns[1]))
        } else if let table = int("table"), let row = int("row"), let cell = int("cell"), let line = int("line") {
            self = .html(table: table, row: row, cell: cell, line: line)
        } else {
            return nil
        }
    }
}
