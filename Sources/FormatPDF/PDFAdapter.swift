import DocModel
import PDFSupport

/// PDF (`%PDF-`): poppler reads the words with their boxes and the drawn rules of every page
/// (PDFSupport); this adapter rebuilds lines, paragraphs, headings and tables from them
/// (docs/pdf.md).
public enum PDFAdapter: FormatAdapter {
    public static let format = SourceInfo.Format.pdf

    /// `%PDF-` within the first 1,024 bytes (readers accept leading junk that far).
    public static func detect(_ bytes: [UInt8]) -> Bool {
        let signature: [UInt8] = Array("%PDF-".utf8)
        let end = min(bytes.count, 1024) - signature.count
        guard end >= 0 else { return false }
        for i in 0...end where bytes[i] == 0x25 && Array(bytes[i..<(i + signature.count)]) == signature { return true }
        return false
    }

    public static func read(_ bytes: [UInt8], source: SourceInfo, limits: ReadLimits) throws(AdapterFailure) -> Document {
        let content: PDFContent
        do {
            content = try PDFEngine.read(bytes, limits: PDFEngineLimits(maxPages: limits.maxPDFPages, maxStreamBytes: limits.maxPDFStreamBytes))
        } catch {
            throw failure(error, limits: limits)
        }
        let characters = content.words.reduce(0) { $0 + $1.characters.count }
        if characters == 0 {
            if content.repaired, !hasEndMarker(bytes) { throw AdapterFailure(.corrupt, "truncated or damaged PDF: no readable page content") }
            throw AdapterFailure(.noTextLayer, "scanned: no text layer; run OCR first (\(content.pageCount) pages, no text)")
        }
        var document = try DocumentAssembly.document(content, source: source, limits: limits)
        document.properties.merge(PDFProperties.properties(content.info)) { stated, _ in stated }
        if content.repaired {
            document.findings.append(
                Finding(.sourceRestructured, "PDF 文件的交叉引用表损坏，已重建后读取（文件可能不完整）", path: "source"))
        }
        return document
    }

    static func failure(_ error: PDFEngineError, limits: ReadLimits) -> AdapterFailure {
        switch error {
        case .corrupt: return AdapterFailure(.corrupt, "corrupt PDF: no readable document structure")
        case .encrypted: return AdapterFailure(.encrypted, "encrypted PDF: a password is needed to open it")
        case .tooManyPages(let pages):
            return AdapterFailure(.tooLarge, "PDF of \(pages) pages exceeds the limit of \(limits.maxPDFPages)")
        case .streamTooLarge:
            return AdapterFailure(.tooLarge, "PDF content streams inflate past the limit of \(limits.maxPDFStreamBytes) bytes")
        case .tooDeep: return AdapterFailure(.tooLarge, "PDF forms nested too deeply (or in a cycle)")
        case .internal: return AdapterFailure(.corrupt, "PDF could not be read (poppler failed)")
        case .engineUnavailable(let reason):
            return AdapterFailure(.unsupported, "cannot read PDF: \(reason); `swift build` puts it next to doccanon, or set DOCCANON_PDF_ENGINE")
        }
    }

    /// `%%EOF` in the last kilobyte: a complete file ends with it.
    static func hasEndMarker(_ bytes: [UInt8]) -> Bool {
        let marker: [UInt8] = Array("%%EOF".utf8)
        let start = max(0, bytes.count - 1024)
        guard bytes.count - start >= marker.count else { return false }
        for i in start...(bytes.count - marker.count) where bytes[i] == 0x25 && Array(bytes[i..<(i + 5)]) == marker { return true }
        return false
    }
}
