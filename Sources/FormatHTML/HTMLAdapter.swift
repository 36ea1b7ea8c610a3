import DocModel

/// Reads an HTML page (libxml2's HTML parser) into the canonical document. (Issue 4: in progress.)
public enum HTMLAdapter {
    public static func read(_ bytes: [UInt8], source: SourceInfo) throws(HTMLError) -> Document {
        throw HTMLError(code: .unsupported, message: "HTML reading is not implemented yet")
    }
}

public struct HTMLError: AdapterError, Equatable {
    public var code: AdapterErrorCode
    public var message: String
    public init(code: AdapterErrorCode, message: String) {
        self.code = code
        self.message = message
    }
}

/// Tells markup from text by its first non-blank bytes.
public enum HTMLSniffer {
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = bytes.startIndex
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return false }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 512)], as: UTF8.self).lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<table", "<p", "<!--", "<title"].contains { head.hasPrefix($0) }
    }
}
