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
/// limit); nothing here holds a C pointer. Most parts are read by `FlatXMLScanner` (a strict
/// subset of XML, no libxml2); whatever it does not take is parsed by libxml2.
public struct FlatXML: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
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

    /// Parses `bytes` into flat arrays. `attributes`, when given, keeps only attributes with
    /// these local names. A part in the plain subset of XML that Word and LibreOffice write
    /// (UTF-8, no DTD, comment, CDATA or character reference) is read by `FlatXMLScanner`;
    /// anything else, including every malformed part, by libxml2's SAX2 interface
    /// (`parseWithLibXML2`), which gives the same arrays and the errors.
    public static func parse(_ bytes: [UInt8], attributes: Set<String>? = nil, maxDepth: Int = XMLReader.defaultMaxDepth) throws(XMLParseError) -> FlatXML {
        guard bytes.count < Int(Int32.max) else {
            throw XMLParseError(kind: .tooLarge(limit: Int(Int32.max)), line: 0, message: "XML part too large")
        }
        guard !bytes.isEmpty else { throw XMLParseError(kind: .empty, line: 0, message: "empty XML part") }
        if let xml = bytes.withUnsafeBufferPointer({ FlatXMLScanner.scan($0, attributes: attributes, maxDepth: maxDepth) }) {
            return xml
        }
        return try parseWithLibXML2(bytes, attributes: attributes, maxDepth: maxDepth)
    }
}
