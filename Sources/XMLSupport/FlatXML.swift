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

    /// Parses `bytes` with libxml2's SAX2 interface straight into flat arrays (no libxml2
    /// tree is built). `attributes`, when given, keeps only attributes with these local names.
    /// - SeeAlso: `xmlCreateMemoryParserCtxt`, `xmlCtxtUseOptions`, `xmlParseDocument`.
    public static func parse(_ bytes: [UInt8], attributes: Set<String>? = nil, maxDepth: Int = XMLReader.defaultMaxDepth) throws(XMLParseError) -> FlatXML {
        guard bytes.count < Int(Int32.max) else {
            throw XMLParseError(kind: .tooLarge(limit: Int(Int32.max)), line: 0, message: "XML part too large")
        }
        guard !bytes.isEmpty else { throw XMLParseError(kind: .empty, line: 0, message: "empty XML part") }
        xmlInitParser()
        // The builder lives behind a pointer: callbacks reach it through the context's _private,
        // and pointer access needs no dynamic exclusivity checks (the hot path of a large part).
        let state = UnsafeMutablePointer<SAXBuilder>.allocate(capacity: 1)
        state.initialize(to: SAXBuilder(keep: attributes, maxDepth: maxDepth))
        defer {
            state.deinitialize(count: 1)
            state.deallocate()
        }
        let outcome: (wellFormed: Bool, line: Int, message: String?) = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> (Bool, Int, String?) in
                guard let ctxt = xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return (false, 0, "out of memory") }
                defer {
                    ctxt.pointee._private = nil
                    xmlFreeParserCtxt(ctxt)
                }
                _ = xmlCtxtUseOptions(ctxt, Int32(
                    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_HUGE.rawValue))
                guard let sax = ctxt.pointee.sax else { return (false, 0, "out of memory") }
                // Only these callbacks: no tree, no entity declarations, no DTD handling.
                sax.pointee = xmlSAXHandler()
                sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
                sax.pointee.startElementNs = saxStart
                sax.pointee.endElementNs = saxEnd
                sax.pointee.characters = saxCharacters
                sax.pointee.ignorableWhitespace = saxCharacters
                sax.pointee.cdataBlock = saxCharacters
                sax.pointee.internalSubset = saxDoctype
                sax.pointee.externalSubset = saxDoctype
                sax.pointee.serror = { _, _ in }
                ctxt.pointee._private = UnsafeMutableRawPointer(state)
                _ = xmlParseDocument(ctxt)
                if ctxt.pointee.wellFormed == 0 {
                    let error = xmlCtxtGetLastError(ctxt)
                    var message = error?.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
                    while message.last == "\n" { message.removeLast() }
                    return (false, Int(error?.pointee.line ?? 0), message)
                }
                return (true, 0, nil)
            }
        }
        if let error = state.pointee.error { throw error }
        if !outcome.wellFormed {
            throw XMLParseError(kind: .malformed, line: outcome.line, message: outcome.message ?? "not well-formed XML")
        }
        guard !state.pointee.xml.nodes.isEmpty else { throw XMLParseError(kind: .empty, line: 0, message: "no root element") }
        return state.pointee.xml
    }
}

/// Builds a `FlatXML` from SAX2 events (reached through the parser context's `_private`).
private struct SAXBuilder {
    struct PointerPair: Hashable {
        var name: UInt
        var namespace: UInt
    }

    var xml = FlatXML()
    let keep: Set<String>?
    let maxDepth: Int
    var error: XMLParseError?
    /// Open elements: node index and the index of its last child so far.
    var open: [(node: Int32, lastChild: Int32)] = []
    var pendingText: [UInt8] = []
    /// libxml2 interns names in its dictionary: the same pointers mean the same name.
    var byPointer: [PointerPair: Int32] = [:]
    var byName: [XMLName: Int32] = [:]
    /// Whether an attribute local name (by interned pointer) is kept.
    var keptAttribute: [UInt: Bool] = [:]
    /// Direct-mapped caches in front of the dictionaries: (name pointer, namespace pointer, id).
    var nameCache = [(UInt, UInt, Int32)](repeating: (0, 0, -1), count: 256)
    var keepCache = [(UInt, Bool)](repeating: (0, false), count: 256)

    init(keep: Set<String>?, maxDepth: Int) {
        self.keep = keep
        self.maxDepth = maxDepth
        xml.nodes.reserveCapacity(4096)
    }

    mutating func intern(_ local: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) -> Int32 {
        let l = UInt(bitPattern: local), u = UInt(bitPattern: uri)
        let slot = Int(truncatingIfNeeded: (l >> 3) ^ (u >> 5)) & 255
        let cached = nameCache[slot]
        if cached.0 == l, cached.1 == u, cached.2 >= 0 { return cached.2 }
        let key = PointerPair(name: l, namespace: u)
        if let id = byPointer[key] {
            nameCache[slot] = (l, u, id)
            return id
        }
        let qname = XMLName(namespace: uri.map { String(cString: $0) } ?? "", local: local.map { String(cString: $0) } ?? "")
        let id: Int32
        if let existing = byName[qname] {
            id = existing
        } else {
            id = Int32(xml.names.count)
            xml.names.append(qname)
            byName[qname] = id
        }
        byPointer[key] = id
        nameCache[slot] = (l, u, id)
        return id
    }

    mutating func append(_ node: FlatXML.Node) {
        let index = Int32(xml.nodes.count)
        xml.nodes.append(node)
        if let top = open.last {
            if top.lastChild >= 0 { xml.nodes[Int(top.lastChild)].nextSibling = index } else { xml.nodes[Int(top.node)].firstChild = index }
            open[open.count - 1].lastChild = index
        }
    }

    mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        var node = FlatXML.Node(name: -1)
        node.text = Int32(xml.texts.count)
        xml.texts.append(String(decoding: pendingText, as: UTF8.self))
        pendingText.removeAll(keepingCapacity: true)
        if !open.isEmpty { append(node) }
    }

    mutating func start(_ local: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        flushText()
        if open.count >= maxDepth + 1 {
            error = XMLParseError(kind: .tooDeep(limit: maxDepth), line: 0, message: "elements nested deeper than \(maxDepth) levels")
            return false
        }
        var node = FlatXML.Node(name: intern(local, uri))
        node.attributeStart = Int32(xml.attributeNames.count)
        if let attributes {
            for i in 0..<count {
                let base = attributes + i * 5
                guard let name = base[0], let value = base[3], let end = base[4] else { continue }
                let key = UInt(bitPattern: name)
                let slot = Int(truncatingIfNeeded: key >> 3) & 255
                let kept: Bool
                if keepCache[slot].0 == key {
                    kept = keepCache[slot].1
                } else {
                    if let k = keptAttribute[key] {
                        kept = k
                    } else {
                        kept = keep.map { $0.contains(String(cString: name)) } ?? true
                        keptAttribute[key] = kept
                    }
                    keepCache[slot] = (key, kept)
                }
                guard kept else { continue }
                xml.attributeNames.append(intern(name, base[2]))
                xml.attributeValues.append(String(decoding: UnsafeBufferPointer(start: value, count: end - value), as: UTF8.self))
            }
        }
        node.attributeEnd = Int32(xml.attributeNames.count)
        let index = Int32(xml.nodes.count)
        append(node)
        open.append((index, -1))
        return true
    }

    mutating func end() {
        flushText()
        _ = open.popLast()
    }
}

private func builder(_ ctx: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, UnsafeMutablePointer<SAXBuilder>)? {
    guard let ctx else { return nil }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = ctxt.pointee._private else { return nil }
    return (ctxt, raw.assumingMemoryBound(to: SAXBuilder.self))
}

private let saxStart: startElementNsSAX2Func = { ctx, local, _, uri, _, _, count, _, attributes in
    guard let (ctxt, b) = builder(ctx) else { return }
    if !b.pointee.start(local, uri, Int(count), attributes) { xmlStopParser(ctxt) }
}

private let saxEnd: endElementNsSAX2Func = { ctx, _, _, _ in
    builder(ctx)?.1.pointee.end()
}

private let saxCharacters: charactersSAXFunc = { ctx, chars, length in
    guard let (_, b) = builder(ctx), let chars, length > 0, !b.pointee.open.isEmpty else { return }
    b.pointee.pendingText.append(contentsOf: UnsafeBufferPointer(start: chars, count: Int(length)))
}

private let saxDoctype: internalSubsetSAXFunc = { ctx, _, _, _ in
    guard let (ctxt, b) = builder(ctx) else { return }
    b.pointee.error = XMLParseError(kind: .doctypeForbidden, line: 0, message: "document declares a DTD (refused: DTDs and entities are never loaded)")
    xmlStopParser(ctxt)
}
