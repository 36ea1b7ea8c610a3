/// The one interface every input format implements (text, DOCX, HTML, PDF).
///
/// An adapter recognises its format by content (`detect`), and reads bytes into the generic
/// canonical `Document` within `ReadLimits`, throwing one `AdapterFailure` (a code and a line
/// naming what failed and where) when it cannot. Adapters never import one another; what they
/// share lives in `Normalization`, `TextLayout` (headings, page numbers) and `TableCore` (the
/// one grid placer, `GridBuilder`, which every adapter's tables go through). The pipeline
/// (`DoccanonKit.Pipeline.adapters`) asks each registered adapter in turn to `detect`, then
/// calls `read` with the `ReadLimits` of its `Limits`.
public protocol FormatAdapter {
    /// The format this adapter reads (also the `source.format` of what it returns).
    static var format: SourceInfo.Format { get }
    /// True when `bytes` carry this format's signature or shape. Cheap: looks at a prefix.
    static func detect(_ bytes: [UInt8]) -> Bool
    /// Reads a whole document. Every bound in `limits` is enforced while reading.
    static func read(_ bytes: [UInt8], source: SourceInfo, limits: ReadLimits) throws(AdapterFailure) -> Document
}

/// The one error type of the adapter layer: a category (which becomes the batch error code)
/// and one line naming what failed and where.
public struct AdapterFailure: Error, CustomStringConvertible, Sendable, Equatable {
    public var code: AdapterErrorCode
    public var message: String

    public init(_ code: AdapterErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

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

/// Bounds applied while reading one input (README, "Limits"). Plain integers so that every
/// adapter can take them without importing another's support library.
public struct ReadLimits: Sendable, Equatable {
    /// Positions (rows × columns) of one table's grid.
    public var maxTableCells: Int = 200_000
    /// Largest span a cell may declare (row or column).
    public var maxSpan: Int = 1_000
    /// Element nesting of an XML part (deeper is refused).
    public var maxXMLDepth: Int = 256
    /// HTML nesting beyond which elements are flattened into their ancestor (text kept).
    public var maxHTMLDepth: Int = 512
    /// Elements (start tags) of an HTML page: a 300-page report exported by Word has about
    /// 100,000.
    public var maxHTMLElements: Int = 500_000
    /// ZIP packages: inflated bytes per entry, in total, inflated:compressed ratio, entries.
    public var maxZipEntryBytes: Int = 64 << 20
    public var maxZipTotalBytes: Int = 160 << 20
    public var maxZipRatio: Int = 200
    public var maxZipEntries: Int = 10_000
    /// PDF: pages, and inflated bytes of all content streams read.
    public var maxPDFPages: Int = 2_000
    public var maxPDFStreamBytes: Int = 256 << 20

    public init() {}
}
