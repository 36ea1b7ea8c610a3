import Checksum
import DocModel
import FormatDOCX
import FormatHTML
import FormatPDF
import FormatText
import ReportProfile
import TableCore
import XMLSupport
import ZipSupport

/// Why an input could not be converted. `code` is the batch error code of spec §6.
public struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case unreadable = "input.unreadable"
        case notAReport = "input.notAReport"
        case corrupt = "input.corrupt"
        case tooLarge = "input.tooLarge"
        case unsupported = "input.unsupported"
        case noTextLayer = "input.noTextLayer"
        case encrypted = "input.encrypted"
        case timeout = "input.timeout"
        case `internal` = "internal"
        case crashed = "internal.crashed"
    }
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// Limits applied to every input, whatever its format: each refusal is an `input.tooLarge`
/// error (README, "Limits"). The defaults are far above any real report (a report is 10-500 KB
/// of DOCX, HTML or text, with tables of a few hundred cells) and low enough that one hostile
/// input cannot take the memory of a batch.
public struct Limits: Sendable, Equatable {
    /// Largest input, a file or an NDJSON record's content (checked before it is read).
    public var maxInputBytes: Int
    /// Largest plain-text input. Lower than `maxInputBytes` (which leaves room for the images a
    /// DOCX package or a Word-exported page carries): reading text takes about 25 bytes of
    /// memory per input byte, so this bounds one conversion to about 400 MB.
    public var maxTextBytes: Int
    /// Decompression bounds of a DOCX package: inflated bytes per part and in total, the
    /// inflated/compressed ratio of a part, and the number of entries (zip bombs).
    public var zip: ZipLimits
    /// Positions (rows × columns) of one table's grid.
    public var maxTableCells: Int
    /// Element nesting of a DOCX part (deeper is refused); HTML deeper than `maxHTMLDepth` is
    /// flattened instead, keeping its text, because real pages are often broken that way.
    public var maxXMLDepth: Int
    public var maxHTMLDepth: Int
    /// Elements of an HTML page (or `<` in it).
    public var maxHTMLElements: Int

    public init(
        maxInputBytes: Int = 64 << 20, maxTextBytes: Int = 16 << 20, zip: ZipLimits = DOCXAdapter.zipLimits, maxTableCells: Int = GridBuilder().maxCells,
        maxXMLDepth: Int = XMLReader.defaultMaxDepth, maxHTMLDepth: Int = HTMLReader.Options().maxDepth,
        maxHTMLElements: Int = HTMLReader.Options().maxNodes
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxTextBytes = maxTextBytes
        self.zip = zip
        self.maxTableCells = maxTableCells
        self.maxXMLDepth = maxXMLDepth
        self.maxHTMLDepth = maxHTMLDepth
        self.maxHTMLElements = maxHTMLElements
    }

    /// A document's tables within `maxTableCells`. The adapters read with the default limits
    /// (they refuse what exceeds them while reading); a lower table limit set here is enforced
    /// on the result.
    func check(_ document: Document) throws(ConversionError) {
        for case .table(let table) in document.blocks where table.rowCount * table.columnCount > maxTableCells {
            throw ConversionError(
                .tooLarge,
                "\(document.source.name): table of \(table.rowCount)×\(table.columnCount) positions exceeds the limit of \(maxTableCells)")
        }
    }
}

/// The conversion pipeline shared by the CLI, `batch` and the fuzzers: detect the format, run
/// its adapter, then (for a report) the report profile.
public enum Pipeline {
    /// Format from content: a ZIP (or OLE) signature is DOCX's, markup is HTML, else text.
    public static func detectFormat(_ bytes: [UInt8]) -> SourceInfo.Format {
        if PDFAdapter.detect(bytes) { return .pdf }
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B { return .docx }
        if bytes.count >= 8, bytes[0] == 0xD0, bytes[1] == 0xCF, bytes[2] == 0x11, bytes[3] == 0xE0 { return .docx }
        if HTMLSniffer.looksLikeHTML(bytes) { return .html }
        return .text
    }

    /// The source description of an input: its name without directories, digest and size.
    public static func sourceInfo(bytes: [UInt8], name: String, format: SourceInfo.Format) -> SourceInfo {
        let base = name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
        return SourceInfo(format: format, name: base, sha256: Checksum.sha256Hex(bytes), bytes: bytes.count)
    }

    public static func document(
        bytes: [UInt8], name: String, format: SourceInfo.Format? = nil, limits: Limits = Limits()
    ) throws(ConversionError) -> Document {
        guard bytes.count <= limits.maxInputBytes else {
            throw ConversionError(.tooLarge, "\(name): input is \(bytes.count) bytes (limit \(limits.maxInputBytes))")
        }
        let format = format ?? detectFormat(bytes)
        if format == .text, bytes.count > limits.maxTextBytes {
            throw ConversionError(.tooLarge, "\(name): text input is \(bytes.count) bytes (limit for text \(limits.maxTextBytes))")
        }
        let source = sourceInfo(bytes: bytes, name: name, format: format)
        let document: Document
        do {
            switch format {
            case .text: document = try TextAdapter.read(bytes, source: source)
            case .docx: document = try DOCXAdapter.read(bytes, source: source)
            case .html: document = try HTMLAdapter.read(bytes, source: source)
            case .pdf: document = try PDFAdapter.read(bytes, source: source, limits: ReadLimits())
            }
        } catch let error as any AdapterError {
            throw ConversionError(error.code.conversionCode, "\(source.name): \(error.message)")
        } catch {
            throw ConversionError(.internal, "\(source.name): \(error)")
        }
        try limits.check(document)
        return document
    }

    public static func report(
        bytes: [UInt8], name: String, format: SourceInfo.Format? = nil, limits: Limits = Limits()
    ) throws(ConversionError) -> Report {
        let doc = try document(bytes: bytes, name: name, format: format, limits: limits)
        do {
            return try ReportReader.read(doc)
        } catch {
            throw ConversionError(.notAReport, "\(doc.source.name): \(error.description)")
        }
    }
}

extension AdapterErrorCode {
    var conversionCode: ConversionError.Code {
        switch self {
        case .unreadable: return .unreadable
        case .corrupt: return .corrupt
        case .tooLarge: return .tooLarge
        case .unsupported: return .unsupported
        case .noTextLayer: return .noTextLayer
        case .encrypted: return .encrypted
        }
    }
}
