import DocModel
import Serialization

/// `doccanon validate`: findings of a report given as JSON or XML, or of any input document.
/// (Issue 5 completes JSON/XML reading; until then a document input is converted.)
public enum Validation {
    public static func findings(bytes: [UInt8], name: String, format: SourceInfo.Format?) throws(ConversionError) -> [Finding] {
        let report = try Pipeline.report(bytes: bytes, name: name, format: format)
        return report.findings
    }

    public static func render(_ findings: [Finding], json: Bool) -> String {
        if json {
            return JSONWriter.write(.array(itemName: "finding", findings.map(\.canonical)))
        }
        var out = ""
        for f in findings {
            out += "\(f.severity.rawValue)\t\(f.rule.rawValue)\t\(f.path ?? "-")\t\(f.message)\n"
        }
        return out
    }
}
