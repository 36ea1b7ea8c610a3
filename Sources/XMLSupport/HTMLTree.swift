/// A parsed HTML page as flat arrays: nodes in document order (an element is followed by its
/// whole subtree, so its descendants are the nodes up to its `end`), names as `HTMLName`
/// ids, attributes and texts in arrays of their own. Node 0 is a synthetic "#document" root
/// holding the page's top-level nodes. Nothing here holds a C pointer.
public struct HTMLTree: Sendable {
    public struct Node: Sendable {
        /// The element's name; `HTMLName.text` for a text node.
        public var name: HTMLName
        public var firstChild: Int32 = -1
        public var nextSibling: Int32 = -1
        /// One past the last node of this node's subtree.
        public var end: Int32 = 0
        /// Attributes of an element: `attributes[attributeStart..<attributeEnd]`.
        public var attributeStart: Int32 = 0
        public var attributeEnd: Int32 = 0
        /// Index into `texts` for a text node; -1 for an element.
        public var text: Int32 = -1
        /// UTF-8 length of a text node's text.
        public var textBytes: Int32 = 0
        /// Source line of an element (libxml2's, so at most 65,535).
        public var line: Int32 = 0
    }

    public struct Attribute: Sendable {
        public var name: HTMLName
        public var value: String
        public init(name: HTMLName, value: String) {
            self.name = name
            self.value = value
        }
    }

    public internal(set) var nodes: [Node] = []
    public internal(set) var texts: [String] = []
    public internal(set) var attributes: [Attribute] = []
    /// Names past the known ones, by `id - HTMLName.known.count`.
    public internal(set) var otherNames: [String] = []

    /// The synthetic root.
    public static let root = 0

    public init() {}

    @inlinable public func name(_ node: Int) -> HTMLName { nodes[node].name }
    @inlinable public func isText(_ node: Int) -> Bool { nodes[node].text >= 0 }
    @inlinable public func end(_ node: Int) -> Int { Int(nodes[node].end) }
    @inlinable public func line(_ node: Int) -> Int { Int(nodes[node].line) }

    /// The text of a text node ("" for an element).
    @inlinable public func text(_ node: Int) -> String {
        let t = nodes[node].text
        return t >= 0 ? texts[Int(t)] : ""
    }

    /// A name as written (lower case).
    public func nameString(_ name: HTMLName) -> String {
        let known = HTMLName.known.count
        if name.id < 0 { return "#text" }
        return name.id < known ? HTMLName.known[Int(name.id)] : otherNames[Int(name.id) - known]
    }

    /// The value of an element's first attribute with this name.
    public func attribute(_ node: Int, _ name: HTMLName) -> String? {
        let n = nodes[node]
        var i = Int(n.attributeStart)
        while i < Int(n.attributeEnd) {
            if attributes[i].name == name { return attributes[i].value }
            i += 1
        }
        return nil
    }

    /// An element's attributes, in source order.
    public func attributes(_ node: Int) -> ArraySlice<Attribute> {
        attributes[Int(nodes[node].attributeStart)..<Int(nodes[node].attributeEnd)]
    }

    /// The children of a node, in document order.
    @inlinable public func children(_ node: Int) -> Children { Children(nodes: nodes, cursor: Int(nodes[node].firstChild)) }

    /// All text below a node, in document order.
    public func textContent(_ node: Int) -> String {
        var out = ""
        for i in node..<end(node) where nodes[i].text >= 0 { out += texts[Int(nodes[i].text)] }
        return out
    }

    /// Whether a node has a descendant element with this name.
    public func contains(_ node: Int, _ name: HTMLName) -> Bool {
        var i = node + 1
        let end = end(node)
        while i < end {
            if nodes[i].name == name { return true }
            i += 1
        }
        return false
    }

    /// The UTF-8 length of the text below a node, leaving out links (`<a>` subtrees) when
    /// `skipLinks`, and stopping once `limit` is reached (the text that reaches it counts).
    public func textLength(_ node: Int, skipLinks: Bool = false, limit: Int = Int.max) -> Int {
        var total = 0
        var i = node + 1
        let end = end(node)
        while i < end, total < limit {
            let n = nodes[i]
            if skipLinks, n.name == .a {
                i = Int(n.end)
                continue
            }
            total += Int(n.textBytes)
            i += 1
        }
        return total
    }

    public struct Children: Sequence, IteratorProtocol {
        @usableFromInline let nodes: [Node]
        @usableFromInline var cursor: Int
        @inlinable init(nodes: [Node], cursor: Int) {
            self.nodes = nodes
            self.cursor = cursor
        }
        @inlinable public mutating func next() -> Int? {
            guard cursor >= 0 else { return nil }
            let current = cursor
            cursor = Int(nodes[current].nextSibling)
            return current
        }
    }
}
