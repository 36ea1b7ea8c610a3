import DocModel
import ReportProfile
import Serialization

/// `doccanon validate`: the findings of a report given as JSON or XML (the output of
/// `doccanon report`), or of any input document, which is converted first.
///
/// The findings are the conversion findings carried from the file (rules that only
/// conversion can establish, `Rule.isValidatorRule == false`, in file order) followed by the
/// validator's findings recomputed from the values (`ReportValidator.findings(for:)`). So a
/// hand-edited report whose numbers no longer balance is caught, whatever findings it claims.
public enum Validation {
    public enum InputKind: Sendable, Equatable {
        case reportJSON, reportXML, document
    }

    /// JSON starting with `{` is a report; XML whose start names the report namespace is a
    /// report; anything else is a document to convert. `--from` forces a document.
    public static func inputKind(_ bytes: [UInt8], format: SourceInfo.Format?) -> InputKind {
        if format != nil { return .document }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count else { return .document }
        if bytes[i] == UInt8(ascii: "{") { return .reportJSON }
        if bytes[i] == UInt8(ascii: "<") {
            let head = bytes[i..<min(bytes.count, i + 4096)]
            let marker = Array(XMLWriter.Root.report.rawValue.utf8)
            if head.count >= marker.count {
                for j in head.startIndex...(head.endIndex - marker.count) where head[j] == marker[0] {
                    if head[j..<(j + marker.count)].elementsEqual(marker) { return .reportXML }
                }
            }
        }
        return .document
    }

    public static func findings(bytes: [UInt8], name: String, format: SourceInfo.Format?) throws(ConversionError) -> [Finding] {
        findings(for: try report(bytes: bytes, name: name, format: format))
    }

    /// The report in the input: read back from JSON or XML, or converted from a document.
    public static func report(bytes: [UInt8], name: String, format: SourceInfo.Format?) throws(ConversionError) -> Report {
        if inputKind(bytes, format: format) == .document { return try Pipeline.report(bytes: bytes, name: name, format: format) }
        return try reportWithSources(bytes: bytes, name: name, format: format).report
    }

    /// The report in the input and its values' sources: read back with the report (nil when it
    /// carries none: written without `--provenance`), or resolved for a converted document.
    public static func reportWithSources(
        bytes: [UInt8], name: String, format: SourceInfo.Format?
    ) throws(ConversionError) -> (report: Report, sources: [String: Provenance]?) {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let tree: CanonicalValue
        switch inputKind(bytes, format: format) {
        case .document:
            let (report, sources) = try Pipeline.reportWithSources(bytes: bytes, name: name, format: format)
            return (report, sources)
        case .reportJSON:
            do {
                tree = try JSONReader.parse(bytes)
            } catch {
                throw ConversionError(.corrupt, "\(base): not a JSON report: \(error)")
            }
        case .reportXML:
            do {
                tree = try XMLModelReader.parse(bytes, root: .report)
            } catch {
                throw ConversionError(.corrupt, "\(base): not an XML report: \(error)")
            }
        }
        let report: Report
        do {
            report = try Report(canonical: tree)
        } catch {
            throw ConversionError(.notAReport, "\(base): \(error)")
        }
        if let problem = ReportShape.problem(in: report) {
            throw ConversionError(.notAReport, "\(base): \(problem)")
        }
        return (ReportShape.inTemplateOrder(report), Provenance.sources(in: tree))
    }

    /// Carried conversion findings, then the validator's.
    public static func findings(for report: Report) -> [Finding] {
        report.findings.filter { !$0.rule.isValidatorRule } + ReportValidator.findings(for: report)
    }

    /// Human-readable lines (findings on table cells grouped by rule, table and columns; the
    /// others one a line; then a summary), or a JSON array of findings, one per cell.
    public static func render(_ findings: [Finding], json: Bool) -> String {
        if json {
            return JSONWriter.write(.array(itemName: "finding", findings.map(\.canonical)))
        }
        var out = FindingGroups.render(findings)
        let counts = Severity.allCases.map { s in (s, findings.filter { $0.severity == s }.count) }
        let summary = counts.map { "\($0.1) \($0.0.rawValue)\($0.1 == 1 || $0.0 == .info ? "" : "s")" }.joined(separator: ", ")
        out += "\(findings.count) finding\(findings.count == 1 ? "" : "s"): \(summary)\n"
        return out
    }
}

/// The rows and fields each table must have (spec §2), so that a hand-edited report with a
/// misspelt, lost or mistyped cell is refused with its path instead of silently skipped by
/// the checks.
enum ReportShape {
    enum Kind { case count, amount, text }

    /// The rows of a table in template order, each with its fields in column order: the
    /// report profile's own template descriptions.
    static func rows(_ table: String, _ template: Template) -> [(path: String, fields: [String])] {
        guard let t = OfficialTemplates.tables(template).first(where: { $0.key == table }) else { return [] }
        return t.rows.flatMap { row in row.reportRows.map { ($0.path, row.fields[$0.fields].map(\.name)) } }
    }

    /// The template a table matches (the report's, or for a report without one, the first that fits).
    static func template(of values: TableValues, _ key: String, _ report: Report) -> Template? {
        if let t = report.metadata.template { return problem(values, key, t) == nil ? t : nil }
        return [Template.y2021, .y2019].first { problem(values, key, $0) == nil }
    }

    /// The report with rows and fields in template order: JSON and XML hold them sorted by
    /// name, and the validator reports in template order.
    static func inTemplateOrder(_ report: Report) -> Report {
        var r = report
        func order(_ values: TableValues?, _ key: String) -> TableValues? {
            guard var values, let template = template(of: values, key, report) else { return values }
            let expected = rows(key, template)
            var ordered: [RowValues] = []
            for (path, fields) in expected {
                guard var row = values.row(path) else { continue }
                row.fields = fields.compactMap { name in row.fields.first { $0.name == name } }
                ordered.append(row)
            }
            values.rows = ordered
            return values
        }
        r.activeDisclosure = order(report.activeDisclosure, "activeDisclosure")
        r.applications = order(report.applications, "applications")
        r.reviewsAndLitigation = order(report.reviewsAndLitigation, "reviewsAndLitigation")
        return r
    }

    static func kind(_ field: String) -> Kind {
        switch field {
        case "amount": return .amount
        case "unit": return .text
        default: return .count
        }
    }

    /// The first way the report's tables differ from the template, or nil.
    static func problem(in report: Report) -> String? {
        for (key, values) in report.tables {
            guard let values else { continue }
            let templates = report.metadata.template.map { [$0] } ?? [.y2021, .y2019]
            var first: String?
            for template in templates {
                guard let p = problem(values, key, template) else { first = nil; break }
                if first == nil { first = p }
            }
            if let first { return first }
        }
        return nil
    }

    static func problem(_ values: TableValues, _ key: String, _ template: Template) -> String? {
        let expected = rows(key, template)
        var seen = Set<String>()
        for row in values.rows {
            let path = "\(key).\(row.path)"
            guard let fields = expected.first(where: { $0.path == row.path })?.fields else {
                return "\(path): not a row of table \(key) in the \(template.rawValue) template"
            }
            seen.insert(row.path)
            let names = Set(row.fields.map(\.name))
            if let missing = fields.first(where: { !names.contains($0) }) { return "\(path).\(missing): missing (null for a blank cell)" }
            if let extra = row.fields.first(where: { !fields.contains($0.name) }) {
                return "\(path).\(extra.name): not a field of this row in the \(template.rawValue) template"
            }
            for field in row.fields {
                guard let value = field.value else { continue }
                let ok: Bool
                switch (kind(field.name), value) {
                case (.count, .integer), (.amount, .integer), (.amount, .decimal), (.text, .text): ok = true
                default: ok = false
                }
                if !ok {
                    let expectedKind = kind(field.name) == .count ? "an integer" : kind(field.name) == .amount ? "a number" : "a string"
                    return "\(path).\(field.name): expected \(expectedKind) or null, found \(describe(value))"
                }
            }
        }
        if let missing = expected.map(\.path).first(where: { !seen.contains($0) }) {
            return "\(key).\(missing): row missing from table \(key) (\(template.rawValue) template)"
        }
        return nil
    }

    static func describe(_ v: Value) -> String {
        switch v {
        case .integer(let i): return String(i)
        case .decimal(let s): return s
        case .text(let s): return "\"\(s)\""
        }
    }
}
