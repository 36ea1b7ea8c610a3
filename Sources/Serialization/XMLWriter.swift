import DocModel

/// Writes a `CanonicalValue` as XML (spec §3). (Issue 5: in progress.)
public enum XMLWriter {
    public enum Root: String, Sendable {
        case report = "urn:doccanon:report:1"
        case document = "urn:doccanon:document:1"
    }

    public static func write(_ value: CanonicalValue, root: Root) -> String {
        "<!-- XML output is not implemented yet -->\n"
    }
}
