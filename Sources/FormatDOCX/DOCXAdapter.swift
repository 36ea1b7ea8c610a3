import DocModel

/// Reads a .docx package (libzip + libxml2) into the canonical document. (Issue 3: in progress.)
public enum DOCXAdapter {
    public static func read(_ bytes: [UInt8], source: SourceInfo) throws(DOCXError) -> Document {
        throw DOCXError(code: .unsupported, message: "DOCX reading is not implemented yet")
    }
}

public struct DOCXError: AdapterError, Equatable {
    public var code: AdapterErrorCode
    public var message: String
    public init(code: AdapterErrorCode, message: String) {
        self.code = code
        self.message = message
    }
}
