/// Conversion of the model to and from the format-neutral `CanonicalValue` tree.
public let schemaVersion = "1"

extension SourceInfo {
    public var canonical: CanonicalValue {
        .object([
            .init("format", .string(format.rawValue)), .init("name", .string(name)),
            .init("sha256", .string(sha256)), .init("bytes", .integer(bytes)),
        ])
    }
}

extension Finding {
    public var canonical: CanonicalValue {
        var members: [CanonicalValue.Member] = [
            .init("rule", .string(rule.rawValue)), .init("severity", .string(severity.rawValue)),
            .init("message", .string(message)),
        ]
        members.append(.init("path", .optional(path)))
        return .object(members)
    }
}

extension Document {
    public var canonical: CanonicalValue {
        .object([
            .init("schemaVersion", .string(schemaVersion)),
            .init("source", source.canonical),
            .init("blocks", .array(itemName: "block", blocks.map(\.canonical))),
            .init("properties", .object(properties.map { .init($0.key, .string($0.value)) })),
            .init("findings", .array(itemName: "finding", findings.map(\.canonical))),
        ])
    }
}

extension Block {
    public var canonical: CanonicalValue {
        switch self {
        case .heading(let level, let text):
            return .object([.init("type", .string("heading")), .init("level", .integer(level)), .init("text", .string(text))])
        case .paragraph(let text):
            return .object([.init("type", .string("paragraph")), .init("text", .string(text))])
        case .table(let table):
            return .object([
                .init("type", .string("table")), .init("rowCount", .integer(table.rowCount)),
                .init("columnCount", .integer(table.columnCount)),
                .init("cells", .array(itemName: "cell", table.cells.map(\.canonical))),
            ])
        }
    }
}

extension Cell {
    public var canonical: CanonicalValue {
        .object([
            .init("row", .integer(row)), .init("column", .integer(column)), .init("rowSpan", .integer(rowSpan)),
            .init("columnSpan", .integer(columnSpan)), .init("text", .string(text)),
        ])
    }
}

extension Value {
    public var canonical: CanonicalValue {
        switch self {
        case .integer(let v): return .integer(v)
        case .decimal(let s): return .number(s)
        case .text(let s): return .string(s)
        }
    }
}

extension Report {
    public var canonical: CanonicalValue {
        func table(_ t: TableValues?) -> CanonicalValue { t.map(\.canonical) ?? .null }
        return .object([
            .init("schemaVersion", .string(schemaVersion)),
            .init("source", source.canonical),
            .init("metadata", metadata.canonical),
            .init("sections", .array(itemName: "section", sections.map(\.canonical))),
            .init("activeDisclosure", table(activeDisclosure)),
            .init("applications", table(applications)),
            .init("reviewsAndLitigation", table(reviewsAndLitigation)),
            .init("findings", .array(itemName: "finding", findings.map(\.canonical))),
        ])
    }
}

extension Metadata {
    public var canonical: CanonicalValue {
        .object([
            .init("title", .optional(title)), .init("agency", .optional(agency)), .init("year", .optional(year)),
            .init("publishedOn", .optional(publishedOn)), .init("template", .optional(template?.rawValue)),
        ])
    }
}

extension Section {
    public var canonical: CanonicalValue {
        .object([
            .init("id", .string(id.rawValue)), .init("heading", .string(heading)),
            .init("paragraphs", .array(itemName: "paragraph", paragraphs.map(CanonicalValue.string))),
        ])
    }
}

extension TableValues {
    /// Rows nest by their dotted paths; `extraRows` appears only when there are some.
    public var canonical: CanonicalValue {
        var root = CanonicalValue.object([])
        for row in rows {
            let fields = CanonicalValue.object(row.fields.map { .init($0.name, $0.value?.canonical ?? .null) })
            root.insert(fields, at: row.path.split(separator: ".").map(String.init)[...])
        }
        if !extraRows.isEmpty {
            let extras = extraRows.map { extra in
                CanonicalValue.object([
                    .init("label", .string(extra.label)),
                    .init("values", .array(itemName: "value", extra.values.map { $0?.canonical ?? .null })),
                ])
            }
            root.insert(.array(itemName: "extraRow", extras), at: ["extraRows"][...])
        }
        return root
    }
}

extension CanonicalValue {
    fileprivate mutating func insert(_ value: CanonicalValue, at path: ArraySlice<String>) {
        guard let first = path.first, case .object(var members) = self else { return }
        // Left empty meanwhile, so that `members` is the only reference to its array and
        // changes in place (with `self` still holding it, every insert copied every level).
        self = .null
        if path.count == 1 {
            members.removeAll { $0.key == first }
            members.append(.init(first, value))
        } else if let i = members.firstIndex(where: { $0.key == first }) {
            members[i].value.insert(value, at: path.dropFirst())
        } else {
            var child = CanonicalValue.object([])
            child.insert(value, at: path.dropFirst())
            members.append(.init(first, child))
        }
        self = .object(members)
    }
}

// MARK: - Reading a report back (for `doccanon validate` on JSON or XML output)

public struct CanonicalDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }
    public var description: String { "\(path.isEmpty ? "report" : path): \(problem)" }
}

extension Report {
    /// Rebuilds a report from its canonical tree (as parsed from JSON or XML).
    public init(canonical v: CanonicalValue) throws(CanonicalDecodingError) {
        guard case .object = v else { throw CanonicalDecodingError(path: "", problem: "not an object") }
        guard case .string(let version)? = v["schemaVersion"], version == schemaVersion else {
            throw CanonicalDecodingError(path: "schemaVersion", problem: "expected \"\(schemaVersion)\"")
        }
        typealias Read = CanonicalRead
        try Read.require(v, ["source", "metadata", "sections", "activeDisclosure", "applications", "reviewsAndLitigation", "findings"], "")
        try Read.require(v["source"], ["format", "name", "sha256", "bytes"], "source")
        try Read.require(v["metadata"], ["title", "agency", "year", "publishedOn", "template"], "metadata")
        guard let src = v["source"], let formatName = try Read.string(src["format"], "source.format"),
            let format = SourceInfo.Format(rawValue: formatName)
        else { throw CanonicalDecodingError(path: "source", problem: "missing or unknown format") }
        source = SourceInfo(
            format: format, name: try Read.string(src["name"], "source.name") ?? "",
            sha256: try Read.string(src["sha256"], "source.sha256") ?? "", bytes: try Read.int(src["bytes"], "source.bytes") ?? 0)
        metadata = try Metadata(canonical: v["metadata"] ?? .object([]))
        sections = try Read.array(v["sections"], "sections") { item, path throws(CanonicalDecodingError) in try Section(canonical: item, path: path) }
        activeDisclosure = try TableValues(canonical: v["activeDisclosure"], path: "activeDisclosure")
        applications = try TableValues(canonical: v["applications"], path: "applications")
        reviewsAndLitigation = try TableValues(canonical: v["reviewsAndLitigation"], path: "reviewsAndLitigation")
        findings = try Read.array(v["findings"], "findings") { item, path throws(CanonicalDecodingError) in try Finding(canonical: item, path: path) }
    }
}

/// Reading typed values out of a canonical tree, each failure naming its path. Every key of
/// the model is required (null where a value may be missing), so a hand-edited report that
/// lost a key is refused instead of read as something else.
enum CanonicalRead {
    static func require(_ x: CanonicalValue?, _ keys: [String], _ p: String) throws(CanonicalDecodingError) {
        guard case .object(let members)? = x else { throw CanonicalDecodingError(path: p, problem: "expected an object") }
        for key in keys where !members.contains(where: { $0.key == key }) {
            throw CanonicalDecodingError(path: p.isEmpty ? key : "\(p).\(key)", problem: "missing (the model requires it; null where there is no value)")
        }
    }

    static func string(_ x: CanonicalValue?, _ p: String) throws(CanonicalDecodingError) -> String? {
        switch x {
        case .string(let s)?: return s
        case .null?, nil: return nil
        default: throw CanonicalDecodingError(path: p, problem: "expected a string")
        }
    }

    static func int(_ x: CanonicalValue?, _ p: String) throws(CanonicalDecodingError) -> Int? {
        switch x {
        case .integer(let i)?: return i
        case .number(let s)?: if let i = Int(s) { return i }
        case .null?, nil: return nil
        default: break
        }
        throw CanonicalDecodingError(path: p, problem: "expected an integer")
    }

    /// The items of an array, each read by `item` with its path ("sections.2").
    static func array<T>(
        _ x: CanonicalValue?, _ p: String, _ item: (CanonicalValue, String) throws(CanonicalDecodingError) -> T
    ) throws(CanonicalDecodingError) -> [T] {
        guard case .array(_, let items)? = x else { throw CanonicalDecodingError(path: p, problem: "expected an array") }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (i, value) in items.enumerated() { out.append(try item(value, "\(p).\(i)")) }
        return out
    }
}

extension Metadata {
    init(canonical meta: CanonicalValue) throws(CanonicalDecodingError) {
        var template: Template?
        if let t = try CanonicalRead.string(meta["template"], "metadata.template") {
            guard let parsed = Template(rawValue: t) else {
                throw CanonicalDecodingError(path: "metadata.template", problem: "unknown template \(t)")
            }
            template = parsed
        }
        self.init(
            title: try CanonicalRead.string(meta["title"], "metadata.title"), agency: try CanonicalRead.string(meta["agency"], "metadata.agency"),
            year: try CanonicalRead.int(meta["year"], "metadata.year"),
            publishedOn: try CanonicalRead.string(meta["publishedOn"], "metadata.publishedOn"), template: template)
    }
}

extension Section {
    init(canonical item: CanonicalValue, path p: String) throws(CanonicalDecodingError) {
        try CanonicalRead.require(item, ["id", "heading", "paragraphs"], p)
        guard let idName = try CanonicalRead.string(item["id"], "\(p).id"), let id = SectionID(rawValue: idName) else {
            throw CanonicalDecodingError(path: "\(p).id", problem: "unknown section id")
        }
        let paragraphs = try CanonicalRead.array(item["paragraphs"], "\(p).paragraphs") { value, path throws(CanonicalDecodingError) in
            guard case .string(let s) = value else { throw CanonicalDecodingError(path: path, problem: "expected a string") }
            return s
        }
        self.init(id: id, heading: try CanonicalRead.string(item["heading"], "\(p).heading") ?? "", paragraphs: paragraphs)
    }
}

extension Finding {
    init(canonical item: CanonicalValue, path p: String) throws(CanonicalDecodingError) {
        try CanonicalRead.require(item, ["rule", "severity", "message", "path"], p)
        guard let ruleName = try CanonicalRead.string(item["rule"], "\(p).rule"), let rule = Rule(rawValue: ruleName) else {
            throw CanonicalDecodingError(path: "\(p).rule", problem: "unknown rule")
        }
        guard let sev = try CanonicalRead.string(item["severity"], "\(p).severity"), let severity = Severity(rawValue: sev) else {
            throw CanonicalDecodingError(path: "\(p).severity", problem: "expected error, warning or info")
        }
        guard let message = try CanonicalRead.string(item["message"], "\(p).message") else {
            throw CanonicalDecodingError(path: "\(p).message", problem: "expected a string")
        }
        self.init(rule, message, path: try CanonicalRead.string(item["path"], "\(p).path"))
        self.severity = severity
    }
}

extension TableValues {
    init?(canonical v: CanonicalValue?, path: String) throws(CanonicalDecodingError) {
        guard let v, case .object(let members) = v else {
            if v == nil || v == .null { return nil }
            throw CanonicalDecodingError(path: path, problem: "expected an object or null")
        }
        var rows: [RowValues] = []
        var extras: [ExtraRow] = []
        func value(_ x: CanonicalValue, _ p: String) throws(CanonicalDecodingError) -> Value? {
            switch x {
            case .null: return nil
            case .integer(let i): return .integer(i)
            case .number(let s): return Int(s).map(Value.integer) ?? .decimal(s)
            case .string(let s): return .text(s)
            default: throw CanonicalDecodingError(path: p, problem: "expected a number, a string or null")
            }
        }
        func walk(_ members: [CanonicalValue.Member], _ prefix: [String]) throws(CanonicalDecodingError) {
            let isLeaf = members.allSatisfy { if case .object = $0.value { return false } else { return true } }
            if isLeaf, !prefix.isEmpty {
                var fields: [FieldValue] = []
                for m in members {
                    fields.append(FieldValue(name: m.key, value: try value(m.value, ([path] + prefix + [m.key]).joined(separator: "."))))
                }
                rows.append(RowValues(path: prefix.joined(separator: "."), fields: fields))
                return
            }
            for m in members {
                if prefix.isEmpty, m.key == "extraRows" {
                    guard case .array(_, let items) = m.value else {
                        throw CanonicalDecodingError(path: path + ".extraRows", problem: "expected an array")
                    }
                    for item in items {
                        guard case .string(let label)? = item["label"], case .array(_, let vs)? = item["values"] else {
                            throw CanonicalDecodingError(path: path + ".extraRows", problem: "expected label and values")
                        }
                        var values: [Value?] = []
                        for x in vs { values.append(try value(x, path + ".extraRows")) }
                        extras.append(ExtraRow(label: label, values: values))
                    }
                    continue
                }
                guard case .object(let inner) = m.value else {
                    throw CanonicalDecodingError(path: ([path] + prefix + [m.key]).joined(separator: "."), problem: "expected an object")
                }
                try walk(inner, prefix + [m.key])
            }
        }
        try walk(members, [])
        self.init(rows: rows, extraRows: extras)
    }
}
