import DocModel

public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

public enum ReportReader {
    public static func read(_ document: Document) throws(ReportError) -> Report {
        throw ReportError(description: "not implemented")
    }
}
