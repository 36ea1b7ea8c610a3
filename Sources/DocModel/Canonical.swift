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
            root.insert(fields, at: row.path.split(separator: ".").map(String.init))
        }
        if !extraRows.isEmpty {
            let extras = extraRows.map { extra in
                CanonicalValue.object([
                    .init("label", .string(extra.label)),
                    .init("values", .array(itemName: "value", extra.values.map { $0?.canonical ?? .null })),
                ])
            }
            root.insert(.array(itemName: "extraRow", extras), at: ["extraRows"])
        }
        return root
    }
}

extension CanonicalValue {
    fileprivate mutating func insert(_ value: CanonicalValue, at path: [String]) {
        guard let first = path.first, case .object(var members) = self else { return }
        if path.count == 1 {
            members.removeAll { $0.key == first }
            members.append(.init(first, value))
        } else if let i = members.firstIndex(where: { $0.key == first }) {
            members[i].value.insert(value, at: Array(path.dropFirst()))
        } else {
            var child = CanonicalValue.object([])
            child.insert(value, at: Array(path.dropFirst()))
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
        // Every key of the model is required (null where a value may be missing), so a
        // hand-edited report that lost a key is refused instead of read as something else.
        func require(_ x: CanonicalValue?, _ keys: [String], _ p: String) throws(CanonicalDecodingError) {
            guard case .object(let members)? = x else { throw CanonicalDecodingError(path: p, problem: "expected an object") }
            for key in keys where !members.contains(where: { $0.key == key }) {
                throw CanonicalDecodingError(path: p.isEmpty ? key : "\(p).\(key)", problem: "missing (the model requires it; null where there is no value)")
            }
        }
        try require(v, ["source", "metadata", "sections", "activeDisclosure", "applications", "reviewsAndLitigation", "findings"], "")
        try require(v["source"], ["format", "name", "sha256", "bytes"], "source")
        try require(v["metadata"], ["title", "agency", "year", "publishedOn", "template"], "metadata")
        func str(_ x: CanonicalValue?, _ p: String) throws(CanonicalDecodingError) -> String? {
            switch x {
            case .string(let s)?: return s
            case .null?, nil: return nil
            default: throw CanonicalDecodingError(path: p, problem: "expected a string")
            }
        }
        func int(_ x: CanonicalValue?, _ p: String) throws(CanonicalDecodingError) -> Int? {
            switch x {
            case .integer(let i)?: return i
            case .number(let s)?: if let i = Int(s) { return i }
            case .null?, nil: return nil
            default: break
            }
            throw CanonicalDecodingError(path: p, problem: "expected an integer")
        }
        guard let src = v["source"], let formatName = try str(src["format"], "source.format"),
            let format = SourceInfo.Format(rawValue: formatName)
        else { throw CanonicalDecodingError(path: "source", problem: "missing or unknown format") }
        source = SourceInfo(
            format: format, name: try str(src["name"], "source.name") ?? "",
            sha256: try str(src["sha256"], "source.sha256") ?? "", bytes: try int(src["bytes"], "source.bytes") ?? 0)
        let meta = v["metadata"] ?? .object([])
        var template: Template?
        if let t = try str(meta["template"], "metadata.template") {
            guard let parsed = Template(rawValue: t) else {
                throw CanonicalDecodingError(path: "metadata.template", problem: "unknown template \(t)")
            }
            template = parsed
        }
        metadata = Metadata(
            title: try str(meta["title"], "metadata.title"), agency: try str(meta["agency"], "metadata.agency"),
            year: try int(meta["year"], "metadata.year"), publishedOn: try str(meta["publishedOn"], "metadata.publishedOn"),
            template: template)
        sections = []
        guard case .array(_, let sectionItems)? = v["sections"] else {
            throw CanonicalDecodingError(path: "sections", problem: "expected an array")
        }
        for (i, item) in sectionItems.enumerated() {
            try require(item, ["id", "heading", "paragraphs"], "sections.\(i)")
            guard let idName = try str(item["id"], "sections.\(i).id"), let id = SectionID(rawValue: idName) else {
                throw CanonicalDecodingError(path: "sections.\(i).id", problem: "unknown section id")
            }
            var paragraphs: [String] = []
            guard case .array(_, let ps)? = item["paragraphs"] else {
                throw CanonicalDecodingError(path: "sections.\(i).paragraphs", problem: "expected an array")
            }
            for (j, p) in ps.enumerated() {
                guard case .string(let s) = p else {
                    throw CanonicalDecodingError(path: "sections.\(i).paragraphs.\(j)", problem: "expected a string")
                }
                paragraphs.append(s)
            }
            sections.append(Section(id: id, heading: try str(item["heading"], "sections.\(i).heading") ?? "", paragraphs: paragraphs))
        }
        activeDisclosure = try TableValues(canonical: v["activeDisclosure"], path: "activeDisclosure")
        applications = try TableValues(canonical: v["applications"], path: "applications")
        reviewsAndLitigation = try TableValues(canonical: v["reviewsAndLitigation"], path: "reviewsAndLitigation")
        findings = []
        guard case .array(_, let findingItems)? = v["findings"] else {
            throw CanonicalDecodingError(path: "findings", problem: "expected an array")
        }
        for (i, item) in findingItems.enumerated() {
            try require(item, ["rule", "severity", "message", "path"], "findings.\(i)")
            guard let ruleName = try str(item["rule"], "findings.\(i).rule"), let rule = Rule(rawValue: ruleName) else {
                throw CanonicalDecodingError(path: "findings.\(i).rule", problem: "unknown rule")
            }
            guard let sev = try str(item["severity"], "findings.\(i).severity"), let severity = Severity(rawValue: sev) else {
                throw CanonicalDecodingError(path: "findings.\(i).severity", problem: "expected error, warning or info")
            }
            guard let message = try str(item["message"], "findings.\(i).message") else {
                throw CanonicalDecodingError(path: "findings.\(i).message", problem: "expected a string")
            }
            var finding = Finding(rule, message, path: try str(item["path"], "findings.\(i).path"))
            finding.severity = severity
            findings.append(finding)
        }
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
