/// Builds a `FlatXML` from start, end and text events in document order. Shared by the
/// libxml2 SAX2 path and `FlatXMLScanner`, so that both give the same arrays: names get ids in
/// order of first use (an element's name before its kept attributes' names), text between two
/// tags is one text node, and text outside the root element is dropped.
struct FlatXMLBuilder {
    var xml = FlatXML()
    /// Open elements: node index and the index of its last child so far.
    var open: [(node: Int32, lastChild: Int32)] = []
    /// Text since the last tag, as UTF-8.
    var pendingText: [UInt8] = []
    var byName: [XMLName: Int32] = [:]

    init() {
        xml.nodes.reserveCapacity(4096)
    }

    /// The id of a qualified name, given on its first use.
    mutating func intern(_ name: XMLName) -> Int32 {
        if let id = byName[name] { return id }
        let id = Int32(xml.names.count)
        xml.names.append(name)
        byName[name] = id
        return id
    }

    @inline(__always) mutating func append(_ node: FlatXML.Node) {
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

    /// Opens an element whose kept attributes are `xml.attributeNames[attributeStart...]`.
    @inline(__always) mutating func start(name: Int32, attributeStart: Int32) {
        var node = FlatXML.Node(name: name)
        node.attributeStart = attributeStart
        node.attributeEnd = Int32(xml.attributeNames.count)
        let index = Int32(xml.nodes.count)
        append(node)
        open.append((index, -1))
    }

    @inline(__always) mutating func end() {
        if !pendingText.isEmpty { flushText() }
        if !open.isEmpty { open.removeLast() }
    }
}
