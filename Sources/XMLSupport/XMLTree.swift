/// A parsed XML element as Swift values (HTML pages are read into `HTMLTree` instead). libxml2's
/// tree is converted and freed before the parse functions return, so nothing here holds a C pointer.
public struct XMLElement: Sendable, Equatable {
    /// Local name ("p" for `w:p`).
    public var name: String
    /// Namespace URI, or nil.
    public var namespace: String?
    public var attributes: [XMLAttribute]
    public var children: [XMLNode]
    /// Source line, for error messages.
    public var line: Int

    public init(name: String, namespace: String? = nil, attributes: [XMLAttribute] = [], children: [XMLNode] = [], line: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of the attribute with this local name (any namespace).
    public func attribute(_ localName: String) -> String? {
        attributes.first { $0.name == localName }?.value
    }

    /// Child elements, in order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// All text below this element, in document order.
    public var textContent: String {
        var out = ""
        func walk(_ nodes: [XMLNode]) {
            for n in nodes {
                switch n {
                case .text(let t): out += t
                case .element(let e): walk(e.children)
                }
            }
        }
        walk(children)
        return out
    }
}

public struct XMLAttribute: Sendable, Equatable {
    public var name: String
    public var namespace: String?
    public var value: String

    public init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}

public indirect enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

/// What went wrong while parsing, and where.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case malformed
        /// The document declares a DTD (internal subset or external reference): refused, never loaded.
        case doctypeForbidden
        case tooDeep(limit: Int)
        case tooLarge(limit: Int)
        case empty
    }
    public var kind: Kind
    public var line: Int
    public var message: String

    public init(kind: Kind, line: Int, message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
