internal import CLibXML2

/// Walks libxml2's HTML tree into an `HTMLTree` (names are already lower case), leaving out
/// the elements `HTMLReader.Options` drops and flattening those below its depth limit.
struct HTMLTreeConverter {
    /// What a name (by libxml2's pointer) is to this conversion.
    struct Interned {
        var name = HTMLName.text
        /// An element left out with its content (`Options.droppedElements`).
        var dropped = false
        /// An attribute kept (`Options.keptAttributes`).
        var kept = false
    }

    let options: HTMLReader.Options
    private(set) var tree = HTMLTree()
    var elements = 0
    /// Names seen so far. libxml2's HTML tree copies every node's name, so names are looked up
    /// by their bytes: a direct-mapped cache keyed by the first 16 bytes in front of this.
    private var byString: [String: Interned] = [:]
    private var cacheKeys = [NameBytes](repeating: NameBytes(), count: 256)
    private var cacheValues = [Interned](repeating: Interned(), count: 256)

    /// A name of 1 to 16 bytes, packed (zero bytes after its end).
    struct NameBytes: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
    }

    init(options: HTMLReader.Options) {
        self.options = options
    }

    /// Converts the document's top-level nodes (a list linked by `next`) under the root.
    mutating func root(_ first: xmlNodePtr?) throws(XMLParseError) {
        tree.nodes.append(HTMLTree.Node(name: .document))
        try children(of: HTMLTree.root, first, depth: 1)
    }

    private mutating func children(of parent: Int, _ first: xmlNodePtr?, depth: Int) throws(XMLParseError) {
        var last: Int32 = -1
        var child = first
        while let c = child {
            if let k = try node(c, depth: depth) {
                if last < 0 { tree.nodes[parent].firstChild = k } else { tree.nodes[Int(last)].nextSibling = k }
                last = k
            }
            child = c.pointee.next
        }
        tree.nodes[parent].end = Int32(tree.nodes.count)
    }

    private mutating func node(_ n: xmlNodePtr, depth: Int) throws(XMLParseError) -> Int32? {
        switch n.pointee.type {
        case XML_ELEMENT_NODE:
            return try element(n, depth: depth)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return n.pointee.content.map { appendText(String(cString: $0)) }
        default:
            return nil
        }
    }

    private mutating func appendText(_ text: String) -> Int32 {
        let index = Int32(tree.nodes.count)
        var node = HTMLTree.Node(name: .text)
        node.text = Int32(tree.texts.count)
        node.textBytes = Int32(truncatingIfNeeded: text.utf8.count)
        node.end = index + 1
        tree.texts.append(text)
        tree.nodes.append(node)
        return index
    }

    private mutating func element(_ n: xmlNodePtr, depth: Int) throws(XMLParseError) -> Int32? {
        let interned = intern(n.pointee.name)
        if interned.dropped { return nil }
        elements += 1
        if elements > options.maxNodes {
            throw XMLParseError(kind: .tooLarge(limit: options.maxNodes), line: Int(n.pointee.line), message: "more than \(options.maxNodes) elements")
        }
        let attributeStart = tree.attributes.count
        readAttributes(n)
        if let dropWhen = options.dropWhen, dropWhen(interned.name, tree.attributes[attributeStart...]) {
            tree.attributes.removeSubrange(attributeStart...)
            return nil
        }
        let index = tree.nodes.count
        var node = HTMLTree.Node(name: interned.name)
        node.attributeStart = Int32(attributeStart)
        node.attributeEnd = Int32(tree.attributes.count)
        node.line = Int32(n.pointee.line)
        node.end = Int32(index + 1)
        tree.nodes.append(node)
        if depth >= options.maxDepth {
            // Too deep to keep the structure: keep the text, in document order.
            if let raw = xmlNodeGetContent(n) {
                tree.nodes[index].firstChild = appendText(String(cString: raw))
                tree.nodes[index].end = Int32(tree.nodes.count)
                cxml_free(raw)
            }
            return Int32(index)
        }
        try children(of: index, n.pointee.children, depth: depth + 1)
        return Int32(index)
    }

    private mutating func readAttributes(_ n: xmlNodePtr) {
        var attr = n.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            let interned = intern(a.pointee.name)
            if !interned.kept { continue }
            var value = ""
            if let only = a.pointee.children, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE, let content = only.pointee.content {
                value = Self.string(content, limit: options.maxAttributeBytes)  // the common case: no copy in C
            } else if let raw = xmlNodeListGetString(n.pointee.doc, a.pointee.children, 1) {
                value = Self.string(raw, limit: options.maxAttributeBytes)
                cxml_free(raw)
            }
            tree.attributes.append(HTMLTree.Attribute(name: interned.name, value: value))
        }
    }

    private mutating func intern(_ raw: UnsafePointer<xmlChar>?) -> Interned {
        guard let raw else { return intern("") }
        var key = NameBytes()
        var length = 0
        while length < 16, raw[length] != 0 {
            if length < 8 { key.low |= UInt64(raw[length]) << (8 * length) } else { key.high |= UInt64(raw[length]) << (8 * (length - 8)) }
            length += 1
        }
        guard length > 0, raw[length] == 0 else { return intern(String(cString: raw)) }
        let slot = Int(truncatingIfNeeded: (key.low &* 0x9E37_79B9_7F4A_7C15 ^ key.high &* 0xC2B2_AE3D_27D4_EB4F) >> 56)
        if cacheKeys[slot] == key { return cacheValues[slot] }
        let interned = intern(String(decoding: UnsafeBufferPointer(start: raw, count: length), as: UTF8.self))
        cacheKeys[slot] = key
        cacheValues[slot] = interned
        return interned
    }

    private mutating func intern(_ string: String) -> Interned {
        if let known = byString[string] { return known }
        var interned = Interned()
        if let id = HTMLName.knownIDs[string] {
            interned.name = HTMLName(id: id)
        } else {
            interned.name = HTMLName(id: Int32(HTMLName.known.count + tree.otherNames.count))
            tree.otherNames.append(string)
        }
        interned.dropped = options.droppedElements.contains(string)
        interned.kept = options.keptAttributes?.contains(string) ?? true
        byString[string] = interned
        return interned
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
