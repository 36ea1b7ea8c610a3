internal import CLibXML2

/// Parses HTML with libxml2's recovering HTML parser, never touching the network.
///
/// The bytes must already be UTF-8 (see `Transcoder`): libxml2 is told to ignore the page's
/// own charset declaration. Elements nested deeper than `maxDepth` are not an error (real pages
/// are broken): their text is kept and their structure flattened into the element at the limit.
/// More than `maxNodes` elements, or more than that many `<` in the input, is `.tooLarge`,
/// which bounds the memory both trees take.
public enum HTMLReader {
    public struct Options: Sendable {
        public var maxDepth: Int
        public var maxNodes: Int
        /// Attribute values longer than this are cut (a data URI in `src` is not content).
        public var maxAttributeBytes: Int
        /// Only these attributes are kept (nil: all).
        public var keptAttributes: Set<String>?
        /// Elements left out with everything inside them (comments always are).
        public var droppedElements: Set<String>
        /// Further elements to leave out, judged by name and (kept) attributes, e.g. hidden ones.
        public var dropWhen: (@Sendable (_ name: String, _ attributes: [XMLAttribute]) -> Bool)?

        public init(
            maxDepth: Int = 512, maxNodes: Int = 1_000_000, maxAttributeBytes: Int = 4096,
            keptAttributes: Set<String>? = nil, droppedElements: Set<String> = [],
            dropWhen: (@Sendable (_ name: String, _ attributes: [XMLAttribute]) -> Bool)? = nil
        ) {
            self.dropWhen = dropWhen
            self.maxDepth = maxDepth
            self.maxNodes = maxNodes
            self.maxAttributeBytes = maxAttributeBytes
            self.keptAttributes = keptAttributes
            self.droppedElements = droppedElements
        }
    }

    /// - SeeAlso: `htmlCtxtReadMemory`.
    public static func parse(_ utf8: [UInt8], options: Options = Options()) throws(XMLParseError) -> XMLElement {
        guard utf8.count < Int(Int32.max) else {
            throw XMLParseError(kind: .tooLarge(limit: Int(Int32.max)), line: 0, message: "HTML page too large")
        }
        var tags = 0
        for b in utf8 where b == 0x3C { tags += 1 }
        if tags > options.maxNodes {
            throw XMLParseError(kind: .tooLarge(limit: options.maxNodes), line: 0, message: "more than \(options.maxNodes) tags")
        }
        xmlInitParser()
        guard let ctxt = htmlNewParserCtxt() else { throw XMLParseError(kind: .malformed, line: 0, message: "out of memory") }
        defer { htmlFreeParserCtxt(ctxt) }
        let flags = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        let parseOptions = Int32(flags) | Int32(XML_PARSE_HUGE.rawValue)
        let doc: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, "UTF-8", parseOptions)
            }
        }
        guard let doc else { throw XMLParseError(kind: .empty, line: 0, message: "no HTML content") }
        defer { xmlFreeDoc(doc) }
        // Wrap every top-level node in one synthetic root, so fragments work too.
        var root = XMLElement(name: "#document")
        var converter = HTMLTreeConverter(options: options)
        var node = doc.pointee.children
        while let n = node {
            if let child = try converter.node(n, depth: 1) { root.children.append(child) }
            node = n.pointee.next
        }
        return root
    }
}

/// Walks libxml2's HTML tree into `XMLElement` values (names are already lower case).
struct HTMLTreeConverter {
    let options: HTMLReader.Options
    var nodes = 0

    init(options: HTMLReader.Options) {
        self.options = options
    }

    mutating func element(_ n: xmlNodePtr, depth: Int) throws(XMLParseError) -> XMLElement? {
        let name = n.pointee.name.map { String(cString: $0) } ?? ""
        if options.droppedElements.contains(name) { return nil }
        nodes += 1
        if nodes > options.maxNodes {
            throw XMLParseError(kind: .tooLarge(limit: options.maxNodes), line: Int(n.pointee.line), message: "more than \(options.maxNodes) elements")
        }
        var attributes: [XMLAttribute] = []
        var attr = n.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            let attrName = a.pointee.name.map { String(cString: $0) } ?? ""
            if let kept = options.keptAttributes, !kept.contains(attrName) { continue }
            var value = ""
            if let raw = xmlNodeListGetString(n.pointee.doc, a.pointee.children, 1) {
                value = Self.string(raw, limit: options.maxAttributeBytes)
                cxml_free(raw)
            }
            attributes.append(XMLAttribute(name: attrName, value: value))
        }
        if let dropWhen = options.dropWhen, dropWhen(name, attributes) { return nil }
        var element = XMLElement(name: name, attributes: attributes, line: Int(n.pointee.line))
        if depth >= options.maxDepth {
            // Too deep to keep the structure: keep the text, in document order.
            if let raw = xmlNodeGetContent(n) {
                element.children = [.text(String(cString: raw))]
                cxml_free(raw)
            }
            return element
        }
        var child = n.pointee.children
        while let c = child {
            if let converted = try node(c, depth: depth + 1) { element.children.append(converted) }
            child = c.pointee.next
        }
        return element
    }

    mutating func node(_ n: xmlNodePtr, depth: Int) throws(XMLParseError) -> XMLNode? {
        switch n.pointee.type {
        case XML_ELEMENT_NODE:
            return try element(n, depth: depth).map { .element($0) }
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return n.pointee.content.map { .text(String(cString: $0)) }
        default:
            return nil
        }
    }

    /// The first `limit` bytes of a C string (cut at a character boundary).
    static func string(_ raw: UnsafeMutablePointer<xmlChar>, limit: Int) -> String {
        var length = 0
        while raw[length] != 0, length < limit { length += 1 }
        if raw[length] == 0 { return String(cString: raw) }
        while length > 0, raw[length] & 0xC0 == 0x80 { length -= 1 }
        return String(decoding: UnsafeBufferPointer(start: raw, count: length), as: UTF8.self)
    }
}
