internal import CLibXML2

/// A qualified name: namespace URI ("" when none) and local name.
public struct XMLName: Hashable, Sendable {
    public var namespace: String
    public var local: String
    public init(namespace: String, local: String) {
        self.namespace = namespace
        self.local = local
    }
}

/// A parsed XML document as flat arrays, for large parts read once (a DOCX `document.xml`):
/// element names are interned (compare `name` ids, not strings), attributes can be limited to
/// the local names a reader uses, and nodes link to their first child and next sibling.
/// Built with the same safety rules as `XMLReader` (no DTD, no entities, no network, depth
/// limit); nothing here holds a C pointer.
public struct FlatXML: Sendable {
    public struct Node: Sendable {
        /// Index into `names` for an element; -1 for a text node.
        public var name: Int32
        public var firstChild: Int32 = -1
        public var nextSibling: Int32 = -1
        /// Attributes of an element: `attributeNames[attributeStart..<attributeEnd]`.
        public var attributeStart: Int32 = 0
        public var attributeEnd: Int32 = 0
        /// Index into `texts` for a text node; -1 for an element.
        public var text: Int32 = -1
    }

    public var names: [XMLName] = []
    public var nodes: [Node] = []
    public var attributeNames: [Int32] = []
    public var attributeValues: [String] = []
    public var texts: [String] = []

    /// The root element is node 0.
    public static let root = 0

    public func isElement(_ node: Int) -> Bool { nodes[node].name >= 0 }

    /// The children of a node, in document order.
    public func children(_ node: Int) -> Children { Children(xml: self, first: Int(nodes[node].firstChild)) }

    /// The first attribute of an element with this name id.
    public func attribute(_ node: Int, _ name: Int32) -> String? {
        let n = nodes[node]
        var i = Int(n.attributeStart)
        while i < Int(n.attributeEnd) {
            if attributeNames[i] == name { return attributeValues[i] }
            i += 1
        }
        return nil
    }

    /// The first attribute of an element with this local name, in any namespace.
    public func attribute(_ node: Int, local: String) -> String? {
        let n = nodes[node]
        var i = Int(n.attributeStart)
        while i < Int(n.attributeEnd) {
            if names[Int(attributeNames[i])].local == local { return attributeValues[i] }
            i += 1
        }
        return nil
    }

    /// The text of a text node ("" for an element).
    public func text(_ node: Int) -> String {
        let t = nodes[node].text
        return t >= 0 ? texts[Int(t)] : ""
    }

    /// All text below a node, in document order.
    public func textContent(_ node: Int) -> String {
        var out = ""
        var stack = [node]
        while let n = stack.popLast() {
            if nodes[n].text >= 0 { out += texts[Int(nodes[n].text)]; continue }
            var kids: [Int] = []
            for c in children(n) { kids.append(c) }
            stack += kids.reversed()
        }
        return out
    }

    public struct Children: Sequence, IteratorProtocol {
        let nodes: [Node]
        var cursor: Int
        init(xml: FlatXML, first: Int) {
            self.nodes = xml.nodes
            self.cursor = first
        }
        public mutating func next() -> Int? {
            guard cursor >= 0 else { return nil }
            let current = cursor
            cursor = Int(nodes[current].nextSibling)
            return current
        }
    }

    /// Parses `bytes`. `attributes`, when given, keeps only attributes with these local names.
    /// - SeeAlso: `xmlCtxtReadMemory`, `xmlFreeDoc`.
    public static func parse(_ bytes: [UInt8], attributes: Set<String>? = nil, maxDepth: Int = XMLReader.defaultMaxDepth) throws(XMLParseError) -> FlatXML {
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
            var message = error?.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
            while message.last == "\n" { message.removeLast() }
            throw XMLParseError(kind: .malformed, line: Int(error?.pointee.line ?? 0), message: message)
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw XMLParseError(kind: .doctypeForbidden, line: 0, message: "document declares a DTD (refused: DTDs and entities are never loaded)")
        }
        guard let root = xmlDocGetRootElement(doc) else { throw XMLParseError(kind: .empty, line: 0, message: "no root element") }
        var builder = FlatBuilder(keep: attributes, maxDepth: maxDepth)
        try builder.build(root)
        return builder.xml
    }
}

/// Walks a libxml2 tree iteratively into a `FlatXML`.
private struct FlatBuilder {
    struct PointerPair: Hashable {
        var name: UInt
        var namespace: UInt
    }

    var xml = FlatXML()
    let keep: Set<String>?
    let maxDepth: Int
    /// libxml2 interns names in its dictionary: the same pointers mean the same name.
    var byPointer: [PointerPair: Int32] = [:]
    var byName: [XMLName: Int32] = [:]

    init(keep: Set<String>?, maxDepth: Int) {
        self.keep = keep
        self.maxDepth = maxDepth
    }

    mutating func intern(_ name: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?) -> Int32 {
        let key = PointerPair(name: UInt(bitPattern: name), namespace: UInt(bitPattern: ns?.pointee.href))
        if let id = byPointer[key] { return id }
        let qname = XMLName(
            namespace: ns?.pointee.href.map { String(cString: $0) } ?? "",
            local: name.map { String(cString: $0) } ?? "")
        let id: Int32
        if let existing = byName[qname] {
            id = existing
        } else {
            id = Int32(xml.names.count)
            xml.names.append(qname)
            byName[qname] = id
        }
        byPointer[key] = id
        return id
    }

    /// Attribute ids to drop (not in `keep`), by name pointer.
    var dropped: Set<UInt> = []

    mutating func attributes(of n: xmlNodePtr) -> (Int32, Int32) {
        let start = Int32(xml.attributeNames.count)
        var attr = n.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            let namePointer = UInt(bitPattern: a.pointee.name)
            if dropped.contains(namePointer) { continue }
            if let keep, let raw = a.pointee.name, !keep.contains(String(cString: raw)) {
                dropped.insert(namePointer)
                continue
            }
            let id = intern(a.pointee.name, a.pointee.ns)
            var value = ""
            if let child = a.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE {
                value = child.pointee.content.map { String(cString: $0) } ?? ""
            } else if let raw = xmlNodeListGetString(n.pointee.doc, a.pointee.children, 1) {
                value = String(cString: raw)
                cxml_free(raw)
            }
            xml.attributeNames.append(id)
            xml.attributeValues.append(value)
        }
        return (start, Int32(xml.attributeNames.count))
    }

    mutating func build(_ root: xmlNodePtr) throws(XMLParseError) {
        xml.nodes.reserveCapacity(1024)
        // Depth-first: (libxml2 node, flat index of its parent's last added child slot owner).
        struct Frame {
            var node: xmlNodePtr
            var index: Int
            var depth: Int
        }
        let (s, e) = attributes(of: root)
        xml.nodes.append(FlatXML.Node(name: intern(root.pointee.name, root.pointee.ns), attributeStart: s, attributeEnd: e))
        var stack = [Frame(node: root, index: 0, depth: 0)]
        while let frame = stack.popLast() {
            var previous: Int = -1
            var child = frame.node.pointee.children
            var elementChildren: [Frame] = []
            while let c = child {
                child = c.pointee.next
                let index: Int
                switch c.pointee.type {
                case XML_ELEMENT_NODE:
                    if frame.depth + 1 > maxDepth {
                        throw XMLParseError(kind: .tooDeep(limit: maxDepth), line: Int(xmlGetLineNo(c)), message: "elements nested deeper than \(maxDepth) levels")
                    }
                    let (s, e) = attributes(of: c)
                    index = xml.nodes.count
                    xml.nodes.append(FlatXML.Node(name: intern(c.pointee.name, c.pointee.ns), attributeStart: s, attributeEnd: e))
                    elementChildren.append(Frame(node: c, index: index, depth: frame.depth + 1))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    guard let content = c.pointee.content else { continue }
                    index = xml.nodes.count
                    var node = FlatXML.Node(name: -1)
                    node.text = Int32(xml.texts.count)
                    xml.texts.append(String(cString: content))
                    xml.nodes.append(node)
                default:
                    continue
                }
                if previous < 0 { xml.nodes[frame.index].firstChild = Int32(index) } else { xml.nodes[previous].nextSibling = Int32(index) }
                previous = index
            }
            stack += elementChildren.reversed()
        }
    }
}
