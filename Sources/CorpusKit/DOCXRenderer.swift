/// Renders a report as a Word document. Placeholder until written.
public enum DOCXRenderer {
    public static func render(_ report: GeneratedReport) throws -> [UInt8] { [] }
}
