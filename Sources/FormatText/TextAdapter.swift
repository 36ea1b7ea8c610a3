import DocModel

public enum TextAdapter {
    public static func read(_ bytes: [UInt8], source: SourceInfo) throws(TextError) -> Document {
        Document(source: source, blocks: [])
    }
}

public struct TextError: AdapterError, Equatable {
    public var code: AdapterErrorCode
    public var message: String
}
