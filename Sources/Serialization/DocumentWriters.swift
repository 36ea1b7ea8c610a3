import DocModel

/// `doccanon document --format markdown`: a cleaned page to read. (Issue 4: in progress.)
public enum MarkdownWriter {
    public static func write(_ document: Document) -> String { "" }
}

/// `doccanon document --format html`: a cleaned page to republish. (Issue 4: in progress.)
public enum HTMLWriter {
    public static func write(_ document: Document) -> String { "" }
}
