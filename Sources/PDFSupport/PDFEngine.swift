import CPDFEngineAPI

/// What poppler read from a PDF, as Swift values (the C result is freed before returning).
public struct PDFContent: Sendable, Equatable {
    public struct Page: Sendable, Equatable {
        public var width: Double
        public var height: Double
    }

    /// One word as poppler segmented it, with a box per character (for splitting a word that
    /// runs across a table rule).
    public struct Word: Sendable, Equatable {
        public var page: Int
        public var rotation: Int
        public var x0, y0, x1, y1: Double
        public var baseline: Double
        public var fontSize: Double
        public var bold: Bool
        public var spaceAfter: Bool
        public var characters: [Character]
    }

    public struct Character: Sendable, Equatable {
        public var scalar: Unicode.Scalar
        public var x0, x1: Double
    }

    /// A horizontal or vertical rule drawn on a page, as a thin box.
    public struct Rule: Sendable, Equatable {
        public var page: Int
        public var x0, y0, x1, y1: Double
    }

    public var pageCount: Int
    public var pages: [Page]
    public var words: [Word]
    public var rules: [Rule]
    /// Information dictionary entries present: Title, Author, Subject, Creator, Producer,
    /// CreationDate, ModDate (as raw PDF text, dates as `D:YYYYMMDD…`).
    public var info: [String: String]
    /// True when poppler had to rebuild the cross-reference table (a damaged or truncated file).
    public var repaired: Bool
}

/// Why poppler could not read a PDF.
public enum PDFEngineError: Error, Sendable, Equatable {
    case corrupt
    case encrypted
    case tooManyPages(Int)
    case streamTooLarge
    case tooDeep
    case `internal`
    /// The engine library could not be loaded: its path and the loader's reason.
    case engineUnavailable(String)
}

public struct PDFEngineLimits: Sendable, Equatable {
    public var maxPages: Int
    public var maxStreamBytes: Int
    public var maxFormDepth: Int

    public init(maxPages: Int, maxStreamBytes: Int, maxFormDepth: Int = 32) {
        self.maxPages = maxPages
        self.maxStreamBytes = maxStreamBytes
        self.maxFormDepth = maxFormDepth
    }
}

public enum PDFEngine {
    static let infoKeys = ["Title", "Author", "Subject", "Creator", "Producer", "CreationDate", "ModDate"]

    /// Reads every page: words with boxes and rules.
    public static func read(_ bytes: [UInt8], limits: PDFEngineLimits) throws(PDFEngineError) -> PDFContent {
        let cLimits = dc_pdf_limits(
            maxPages: Int32(clamping: limits.maxPages), maxStreamBytes: Int64(limits.maxStreamBytes),
            maxFormDepth: Int32(clamping: limits.maxFormDepth))
        let engine = try PDFEngineLibrary.shared.get()
        guard let result = bytes.withUnsafeBufferPointer({ engine.read($0.baseAddress, $0.count, cLimits) }) else {
            throw .internal
        }
        defer { engine.free(result) }
        let r = result.pointee
        switch r.status {
        case Int32(DC_PDF_OK): return convert(r)
        case Int32(DC_PDF_ENCRYPTED): throw .encrypted
        case Int32(DC_PDF_TOO_MANY_PAGES): throw .tooManyPages(Int(r.pageCount))
        case Int32(DC_PDF_STREAM_TOO_LARGE): throw .streamTooLarge
        case Int32(DC_PDF_TOO_DEEP): throw .tooDeep
        case Int32(DC_PDF_CORRUPT): throw .corrupt
        default: throw .internal
        }
    }

    private static func convert(_ r: dc_pdf_result) -> PDFContent {
        let pages = (0..<Int(r.pageCount)).map { PDFContent.Page(width: Double(r.pages[$0].width), height: Double(r.pages[$0].height)) }
        var words: [PDFContent.Word] = []
        words.reserveCapacity(Int(r.wordCount))
        for i in 0..<Int(r.wordCount) {
            let w = r.words[i]
            var characters: [PDFContent.Character] = []
            characters.reserveCapacity(Int(w.charCount))
            for c in Int(w.charStart)..<Int(w.charStart + w.charCount) {
                let scalar = Unicode.Scalar(r.codepoints[c]) ?? "\u{FFFD}"
                characters.append(.init(scalar: scalar, x0: Double(r.charX0[c]), x1: Double(r.charX1[c])))
            }
            words.append(
                PDFContent.Word(
                    page: Int(w.page), rotation: Int(w.rotation), x0: Double(w.x0), y0: Double(w.y0), x1: Double(w.x1),
                    y1: Double(w.y1), baseline: Double(w.baseline), fontSize: Double(w.fontSize),
                    bold: w.flags & UInt32(DC_PDF_WORD_BOLD) != 0, spaceAfter: w.flags & UInt32(DC_PDF_WORD_SPACE_AFTER) != 0,
                    characters: characters))
        }
        let rules = (0..<Int(r.ruleCount)).map {
            let rule = r.rules[$0]
            return PDFContent.Rule(page: Int(rule.page), x0: Double(rule.x0), y0: Double(rule.y0), x1: Double(rule.x1), y1: Double(rule.y1))
        }
        var info: [String: String] = [:]
        withUnsafeBytes(of: r.info) { raw in
            let pointers = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self)
            for (k, key) in infoKeys.enumerated() {
                if let p = pointers[k] { info[key] = String(cString: p) }
            }
        }
        return PDFContent(pageCount: Int(r.pageCount), pages: pages, words: words, rules: rules, info: info, repaired: r.repaired != 0)
    }
}
