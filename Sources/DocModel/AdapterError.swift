/// What every format adapter's own error type tells the pipeline: a category (which becomes
/// the batch error code) and one line naming what failed and where.
public protocol AdapterError: Error, CustomStringConvertible, Sendable {
    var code: AdapterErrorCode { get }
    var message: String { get }
}

extension AdapterError {
    public var description: String { message }
}

public enum AdapterErrorCode: String, Sendable {
    /// The bytes are not this format at all, or cannot be decoded.
    case unreadable
    /// The container or markup is damaged (truncated zip, ill-formed part).
    case corrupt
    /// A limit was exceeded (inflated size, nesting depth, table size).
    case tooLarge
    /// A format we recognise but do not read (legacy .doc, encrypted document).
    case unsupported
    /// A PDF whose pages carry no text (a scan): OCR is needed first.
    case noTextLayer
    /// A document that needs a password to open (a PDF's user password).
    case encrypted
}
