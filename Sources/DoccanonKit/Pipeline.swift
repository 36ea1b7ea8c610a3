import Checksum
import DocModel
import FormatDOCX
import FormatHTML
import FormatPDF
import FormatText
import ReportProfile

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
    /// The bounds every adapter enforces while it reads: table size, spans, XML and HTML
    /// nesting, HTML elements, ZIP inflation (zip bombs), PDF pages and streams.
    public var reading: ReadLimits

    public init(maxInputBytes: Int = 64 << 20, maxTextBytes: Int = 16 << 20, reading: ReadLimits = ReadLimits()) {
        self.maxInputBytes = maxInputBytes
        self.maxTextBytes = maxTextBytes
        self.reading = reading
    }
}

/// The conversion pipeline shared by the CLI, `batch` and the fuzzers: detect the format, run
/// its adapter, then (for a report) the report profile.
public enum Pipeline {
    /// The registered adapters, in detection order: the first whose `detect` accepts the bytes
    /// reads them. Signatures first (`%PDF-` is PDF's, a ZIP or OLE container DOCX's), then markup, then text,
    /// which accepts anything and refuses what is not text when it reads.
    public static var adapters: [any FormatAdapter.Type] {
        [PDFAdapter.self, DOCXAdapter.self, HTMLAdapter.self, TextAdapter.self]
    }

    /// The adapter of a format (`--from`).
    public static func adapter(for format: SourceInfo.Format) -> any FormatAdapter.Type {
        adapters.first { $0.format == format } ?? TextAdapter.self
    }

    /// Format from content: the first registered adapter that recognises the bytes.
    public static func detectFormat(_ bytes: [UInt8]) -> SourceInfo.Format {
        (adapters.first { $0.detect(bytes) } ?? TextAdapter.self).format
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
        let adapter = format.map(adapter(for:)) ?? adapters.first { $0.detect(bytes) } ?? TextAdapter.self
        if adapter.format == .text, bytes.count > limits.maxTextBytes {
            throw ConversionError(.tooLarge, "\(name): text input is \(bytes.count) bytes (limit for text \(limits.maxTextBytes))")
        }
        let source = sourceInfo(bytes: bytes, name: name, format: adapter.format)
        do {
            return try adapter.read(bytes, source: source, limits: limits.reading)
        } catch {
            throw ConversionError(error.code.conversionCode, "\(source.name): \(error.message)")
        }
    }

    public static func report(
        bytes: [UInt8], name: String, format: SourceInfo.Format? = nil, limits: Limits = Limits()
    ) throws(ConversionError) -> Report {
        try report(of: document(bytes: bytes, name: name, format: format, limits: limits))
    }

    /// The report of a converted document.
    public static func report(of document: Document) throws(ConversionError) -> Report {
        do {
            return try ReportReader.read(document)
        } catch {
            throw ConversionError(.notAReport, "\(document.source.name): \(error.description)")
        }
    }

    /// A report with its values' provenance (`--provenance`, spec §9).
    public static func reportWithSources(
        bytes: [UInt8], name: String, format: SourceInfo.Format? = nil, limits: Limits = Limits()
    ) throws(ConversionError) -> (report: Report, sources: [String: Provenance]) {
        let document = try document(bytes: bytes, name: name, format: format, limits: limits)
        let report = try report(of: document)
        return (report, Provenance.resolve(report.sources, in: document))
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
