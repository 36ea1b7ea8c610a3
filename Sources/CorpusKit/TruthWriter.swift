import DocModel

/// The truth of a generated report as JSON (for `doccanon-corpus generate`): what the report
/// should read as, and the damage it carries.
public enum TruthWriter {
    public static func json(_ r: GeneratedReport) -> String {
        func q(_ s: String?) -> String {
            guard let s else { return "null" }
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: out += u.value < 0x20 ? "\\u00\(u.value < 16 ? "0" : "")\(String(u.value, radix: 16))" : String(u)
                }
            }
            return out + "\""
        }
        func v(_ value: Value?) -> String {
            switch value {
            case nil: return "null"
            case .integer(let i)?: return String(i)
            case .decimal(let d)?: return d
            case .text(let t)?: return q(t)
            }
        }
        let t = r.truth
        var lines: [String] = []
        lines.append("{")
        lines.append("  \"name\": \(q(r.name)),")
        lines.append("  \"damage\": [\(r.damage.map { q($0.rawValue) }.joined(separator: ", "))],")
        lines.append("  \"textShape\": \(q(r.textShape.rawValue)), \"spanStyle\": \(q(r.spanStyle.rawValue)), \"inconsistent\": \(t.inconsistent),")
        lines.append("  \"metadata\": {\"title\": \(q(t.title)), \"agency\": \(q(t.agency)), \"year\": \(t.year), \"publishedOn\": \(q(t.publishedOn)), \"template\": \(q(t.template.rawValue))},")
        lines.append("  \"sections\": [\(t.sections.map { q($0.rawValue) }.joined(separator: ", "))],")
        lines.append("  \"cells\": [")
        lines.append(t.cells.map { c in
            "    {\"path\": \(q(c.path)), \"value\": \(v(c.value)), \"determinable\": \(c.determinable)}"
        }.joined(separator: ",\n"))
        lines.append("  ],")
        lines.append("  \"findings\": [")
        lines.append(t.findings.map { f in "    {\"rule\": \(q(f.rule.rawValue)), \"path\": \(q(f.path))}" }.joined(separator: ",\n"))
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
