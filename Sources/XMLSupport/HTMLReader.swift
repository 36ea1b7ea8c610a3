internal import CLibXML2

/// Parses HTML with libxml2's recovering HTML parser, never touching the network. Elements
/// nested deeper than `maxDepth` are not an error (real pages are broken): their text is kept
/// and their structure flattened into the element at the limit.
public enum HTMLReader {
    public static let defaultMaxDepth = 512

    /// - Parameter encoding: the IANA name of the bytes' encoding ("UTF-8", "GB18030"); the
    ///   caller decides it, libxml2 is told not to guess.
    /// - SeeAlso: `htmlCtxtReadMemory`.
    public static func parse(_ bytes: [UInt8], encoding: String = "UTF-8", maxDepth: Int = defaultMaxDepth) throws(XMLParseError) -> XMLElement {
        guard bytes.count < Int(Int32.max) else {
            throw XMLParseError(kind: .tooLarge(limit: Int(Int32.max)), line: 0, message: "HTML page too large")
        }
        xmlInitParser()
        guard let ctxt = htmlNewParserCtxt() else { throw XMLParseError(kind: .malformed, line: 0, message: "out of memory") }
        defer { htmlFreeParserCtxt(ctxt) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, encoding, options)
            }
        }
        guard let doc else { throw XMLParseError(kind: .empty, line: 0, message: "no HTML content") }
        defer { xmlFreeDoc(doc) }
        // Wrap every top-level node in one synthetic root, so fragments work too.
        var root = XMLElement(name: "#document")
        let converter = TreeConverter(maxDepth: maxDepth, lowercaseNames: true, flattenBeyondLimit: true)
        var node = doc.pointee.children
        while let n = node {
            if let child = try converter.node(n, depth: 1) { root.children.append(child) }
            node = n.pointee.next
        }
        return root
    }
}

