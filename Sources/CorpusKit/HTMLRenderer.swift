/// Renders a report as a portal page (HTML with merged cells). Placeholder until written.
public enum HTMLRenderer {
    public static func render(_ report: GeneratedReport) -> String { "" }
}
