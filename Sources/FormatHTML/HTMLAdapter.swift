import DocModel
import XMLSupport

/// Reads an HTML page — a report as a government portal publishes it, or Word's "save as web
/// page" — into the canonical document: the page's main content only, with the page's own
/// information (info table, meta tags) as document properties.
///
/// Steps: decode (`EncodingDetector`), drop Word's downlevel-revealed conditional markers,
/// parse with libxml2 (`HTMLReader`: recovering, no network, bounded depth and size), read the
/// page information (`PageInfo`), find the content (`MainContent`), and turn it into blocks
/// (`BlockExtractor`, `TableExtractor`).
public enum HTMLAdapter: FormatAdapter {
    public static let format = SourceInfo.Format.html

    /// Markup: a known opening tag, or a tag followed by page elements (`HTMLSniffer`).
    public static func detect(_ bytes: [UInt8]) -> Bool { HTMLSniffer.looksLikeHTML(bytes) }

    /// Elements dropped while parsing, with their content. `del` is text Word exported with
    /// its tracked deletions: the accepted view, as the DOCX adapter reads it (`ins` is kept).
    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "textarea", "select",
        "button", "map", "math", "applet", "xml", "audio", "video", "del",
    ]
    static let kept: Set<String> = ["class", "id", "style", "colspan", "rowspan", "hidden", "aria-hidden", "type", "name", "content", "role"]

    /// `limits.maxHTMLElements` bounds the tags of a page (a 300-page report exported by Word
    /// has about 100,000); deeper than `limits.maxHTMLDepth`, elements are flattened into
    /// their ancestor, their text kept.
    public static func read(_ bytes: [UInt8], source: SourceInfo, limits: ReadLimits) throws(AdapterFailure) -> Document {
        let decoded = try EncodingDetector.decode(bytes)
        let markup = WordMarkup.strip(decoded.utf8)
        let tree: HTMLTree
        do {
            tree = try HTMLReader.parse(markup, options: HTMLReader.Options(
                maxDepth: limits.maxHTMLDepth, maxNodes: limits.maxHTMLElements, keptAttributes: kept, droppedElements: dropped, dropWhen: HTMLText.isHidden))
        } catch {
            switch error.kind {
            case .tooLarge: throw AdapterFailure(.tooLarge, "page too large: \(error.message)")
            case .empty: throw AdapterFailure(.unreadable, "no HTML content")
            default: throw AdapterFailure(.corrupt, "HTML not readable: \(error.message)")
            }
        }
        var properties = PageInfo.read(tree)
        let body = PageInfo.elements(named: .body, in: HTMLTree.root, tree).first ?? HTMLTree.root
        let content = MainContent.find(in: body, of: tree)
        var extractor = BlockExtractor(tree: tree, dropLinkLines: !content.known, limits: limits)
        try extractor.element(content.element)
        extractor.finish()
        var blocks = extractor.blocks
        // The title often sits above the content container (an <h1>, or only the meta tags).
        if let title = properties["title"], HTMLText.contains(title, "报告") {
            let opening = blocks.prefix(3).compactMap(\.text)
            if !opening.contains(where: { HTMLText.contains($0, title) || HTMLText.contains(title, $0) && HTMLText.contains($0, "报告") }) {
                blocks.insert(.heading(level: 1, text: title), at: 0)
            }
        }
        if properties["title"]?.isEmpty ?? false { properties["title"] = nil }
        return Document(source: source, blocks: blocks, properties: properties, findings: decoded.findings + extractor.findings)
    }
}

/// Tells markup from text by its first non-blank bytes: a known opening tag, or any tag
/// followed (within 4 KB) by an html, body, div, table or p element.
public enum HTMLSniffer {
    static let openings = ["<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<table", "<p", "<!--", "<title", "<?xml", "<script", "<style", "<link", "<span", "<font", "<center", "<h1", "<h2", "<h3", "<ul", "<section", "<article", "<main"]
    static let bodyTags = ["<html", "<body", "<div", "<table", "<p>", "<p "]

    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = bytes.startIndex
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return false }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 512)], as: UTF8.self).lowercased()
        if openings.contains(where: { head.hasPrefix($0) }) { return true }
        guard start + 1 < bytes.count, EncodingDetector.isLabelByte(bytes[start + 1]) || bytes[start + 1] == 0x21 else { return false }
        let window = String(decoding: bytes[start..<min(bytes.count, start + 4096)], as: UTF8.self).lowercased()
        return bodyTags.contains { window.contains($0) }
    }
}

/// Word's HTML markers that libxml2 would keep as text: downlevel-revealed conditionals
/// (`<![if !supportMisc]>`, `<![endif]>`, their content stays) and `<o:p>` tags.
enum WordMarkup {
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        let n = bytes.count
        var copied = 0
        while i < n {
            if bytes[i] != 0x3C {  // on to the next "<", without the array's checks
                i = bytes.withUnsafeBufferPointer { b in
                    var k = i
                    while k < n, b[k] != 0x3C { k += 1 }
                    return k
                }
                continue
            }
            guard i + 3 < n else { i += 1; continue }
            var end: Int?
            if bytes[i + 1] == 0x21, bytes[i + 2] == 0x5B {  // "<![": up to "]>" within 200 bytes
                var j = i + 3
                while j + 1 < n, j < i + 200, !(bytes[j] == 0x5D && bytes[j + 1] == 0x3E) { j += 1 }
                let word = bytes[(i + 3)..<min(n, i + 8)].map(EncodingDetector.lower)
                if j + 1 < n, j < i + 200, word.starts(with: Array("if".utf8)) || word.starts(with: Array("endif".utf8)) { end = j + 2 }
            } else if EncodingDetector.lower(bytes[i + 1]) == 0x6F, bytes[i + 2] == 0x3A {  // "<o:p>"
                if i + 4 < n, EncodingDetector.lower(bytes[i + 3]) == 0x70, bytes[i + 4] == 0x3E { end = i + 5 }
            } else if bytes[i + 1] == 0x2F, i + 5 < n, EncodingDetector.lower(bytes[i + 2]) == 0x6F, bytes[i + 3] == 0x3A,
                EncodingDetector.lower(bytes[i + 4]) == 0x70, bytes[i + 5] == 0x3E
            {
                end = i + 6
            }
            if let end {
                if out.isEmpty { out.reserveCapacity(n) }
                out += bytes[copied..<i]
                copied = end
                i = end
            } else {
                i += 1
            }
        }
        if copied == 0 { return bytes }
        out += bytes[copied...]
        return out
    }
}
