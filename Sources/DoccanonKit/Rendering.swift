import DocModel
import Serialization

/// Output formats of the `report` and `document` commands.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, xml, markdown, html
}

public enum Rendering {
    /// A report as JSON or XML; with `sources`, its provenance too (`--provenance`).
    public static func render(_ report: Report, as format: OutputFormat, pretty: Bool = true, sources: [String: Provenance]? = nil) -> String {
        let tree = sources.map(report.canonical(sources:)) ?? report.canonical
        switch format {
        case .xml: return XMLWriter.write(tree, root: .report)
        default: return JSONWriter.write(tree, pretty: pretty)
        }
    }

    public static func render(_ document: Document, as format: OutputFormat, pretty: Bool = true) -> String {
        switch format {
        case .xml: return XMLWriter.write(document.canonical, root: .document)
        case .markdown: return MarkdownWriter.write(document)
        case .html: return HTMLWriter.write(document)
        case .json: return JSONWriter.write(document.canonical, pretty: pretty)
        }
    }
}
