internal import CLibXML2

/// Parses XML with libxml2, safely: no network (`XML_PARSE_NONET`), no entity substitution and
/// no DTD loading (neither `XML_PARSE_NOENT` nor `XML_PARSE_DTDLOAD` is ever passed), and a
/// document that declares a DTD is refused outright. Nesting deeper than `maxDepth` is an error.
public enum XMLReader {
    public static let defaultMaxDepth = 256

    /// - SeeAlso: `xmlCtxtReadMemory`, `xmlDocGetRootElement`, `xmlFreeDoc`.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(XMLParseError) -> XMLElement {
        guard bytes.count < Int(Int32.max) else {
            throw XMLParseError(kind: .tooLarge(limit: Int(Int32.max)), line: 0, message: "XML part too large")
        }
        xmlInitParser()
        guard let ctxt = xmlNewParserCtxt() else { throw XMLParseError(kind: .malformed, line: 0, message: "out of memory") }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue | XML_PARSE_HUGE.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, nil, options)
            }
        }
        guard let doc else {
            let error = xmlCtxtGetLastError(ctxt)
            let message = error?.pointee.message.map { String(cString: $0).trimmingNewlines } ?? "not well-formed XML"
            throw XMLParseError(kind: .malformed, line: Int(error?.pointee.line ?? 0), message: message)
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw XMLParseError(kind: .doctypeForbidden, line: 0, message: "document declares a DTD (refused: DTDs and entities are never loaded)")
        }
        guard let root = xmlDocGetRootElement(doc) else { throw XMLParseError(kind: .empty, line: 0, message: "no root element") }
        return try TreeConverter(maxDepth: maxDepth, lowercaseNames: false, flattenBeyondLimit: false).element(root, depth: 0)
    }
}

/// Walks a libxml2 tree into `XMLElement` values.
struct TreeConverter {
    let maxDepth: Int
    let lowercaseNames: Bool
    let flattenBeyondLimit: Bool

    func element(_ n: xmlNodePtr, depth: Int) throws(XMLParseError) -> XMLElement {
        if depth > maxDepth {
            throw XMLParseError(kind: .tooDeep(limit: maxDepth), line: Int(xmlGetLineNo(n)), message: "elements nested deeper than \(maxDepth) levels")
        }
        var name = n.pointee.name.map { String(cString: $0) } ?? ""
        if lowercaseNames { name = name.lowercased() }
        let namespace = n.pointee.ns?.pointee.href.map { String(cString: $0) }
        var attributes: [XMLAttribute] = []
        var attr = n.pointee.properties
        while let a = attr {
            var attrName = a.pointee.name.map { String(cString: $0) } ?? ""
            if lowercaseNames { attrName = attrName.lowercased() }
            let attrNS = a.pointee.ns?.pointee.href.map { String(cString: $0) }
            var value = ""
            if let raw = xmlNodeListGetString(n.pointee.doc, a.pointee.children, 1) {
                value = String(cString: raw)
                cxml_free(raw)
            }
            attributes.append(XMLAttribute(name: attrName, namespace: attrNS, value: value))
            attr = a.pointee.next
        }
        var element = XMLElement(name: name, namespace: namespace, attributes: attributes, line: Int(xmlGetLineNo(n)))
        var child = n.pointee.children
        if flattenBeyondLimit, depth >= maxDepth {
            // Too deep to keep the structure: keep the text, in document order.
            if let raw = xmlNodeGetContent(n) {
                element.children = [.text(String(cString: raw))]
                cxml_free(raw)
            }
            return element
        }
        while let c = child {
            if let converted = try node(c, depth: depth + 1) { element.children.append(converted) }
            child = c.pointee.next
        }
        return element
    }

    func node(_ n: xmlNodePtr, depth: Int) throws(XMLParseError) -> XMLNode? {
        switch n.pointee.type {
        case XML_ELEMENT_NODE:
            return .element(try element(n, depth: depth))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return n.pointee.content.map { .text(String(cString: $0)) }
        default:
            // Comments, processing instructions and entity references (never expanded) carry no text.
            return nil
        }
    }
}

extension String {
    fileprivate var trimmingNewlines: String {
        var s = self
        while s.last == "\n" { s.removeLast() }
        return s
    }
}
