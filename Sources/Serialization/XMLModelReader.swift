import DocModel
import XMLSupport

/// Reads the model's XML (spec §3, as `XMLWriter` writes it) back into a `CanonicalValue`.
///
/// XML text has no types, so leaves are typed from what the model says about their key:
/// - `xsi:nil="true"` is null;
/// - the model's integer fields (`bytes`, `year`, `level`, `row`, `column`, spans, counts) are
///   integers; text fields (`title`, `message`, `unit`, `label`…) are strings;
/// - inside the three tables every other leaf is a number: an integer literal is an integer,
///   a decimal literal keeps its digits (normalised only to JSON's number syntax: "+1" is 1,
///   ".5" is 0.5); anything else is an error naming the element and its line;
/// - an extra row's `value` is a number when it reads as one, else text;
/// - arrays are recognised by their key (`sections`, `findings`, `extraRows`…), and their
///   items must carry the item name; an empty element elsewhere is an empty object.
/// Whitespace between elements is ignored; other text mixed with elements is an error.
public enum XMLModelReader {
    public static func parse(_ bytes: [UInt8], root: XMLWriter.Root) throws(ModelReadError) -> CanonicalValue {
        let element: XMLElement
        do {
            element = try XMLReader.parse(bytes)
        } catch {
            // libxml2 messages can run over several lines ("…\nBytes: 0xE9 0x2D…"): keep the first.
            let first = error.message.split(separator: "\n").first.map(String.init) ?? error.message
            throw ModelReadError(line: error.line, message: "not well-formed XML: \(first)")
        }
        guard element.name == root.elementName, element.namespace == root.rawValue else {
            throw ModelReadError(
                line: element.line,
                message: "root element is <\(element.name)> in \(element.namespace.map { "namespace \($0)" } ?? "no namespace"), expected <\(root.elementName)> in \(root.rawValue)")
        }
        return try Converter(namespace: root.rawValue).convert(element, key: root.elementName, path: [], context: .general)
    }

    /// Keys whose leaves are strings wherever they appear.
    static let stringKeys: Set<String> = [
        "schemaVersion", "format", "name", "sha256", "title", "agency", "publishedOn", "template", "id", "heading",
        "rule", "severity", "message", "path", "label", "unit", "text", "type", "paragraph",
    ]
    /// Keys whose leaves are integers wherever they appear.
    static let integerKeys: Set<String> = ["bytes", "year", "level", "row", "column", "rowSpan", "columnSpan", "rowCount", "columnCount"]
    /// Keys of the three statistical tables.
    static let tableKeys: Set<String> = ["activeDisclosure", "applications", "reviewsAndLitigation"]
}

private struct Converter {
    enum Context { case general, table, properties, extraValues }
    let namespace: String

    func convert(_ e: XMLElement, key: String, path: [String], context: Context) throws(ModelReadError) -> CanonicalValue {
        let here = path.joined(separator: ".")
        func fail(_ problem: String) -> ModelReadError {
            ModelReadError(line: e.line, message: "<\(e.name)>\(here.isEmpty ? "" : " at \(here)"): \(problem)")
        }
        guard e.namespace == namespace else { throw fail("element not in namespace \(namespace)") }
        if let nilAttribute = e.attributes.first(where: { $0.name == "nil" && $0.namespace == XMLWriter.xsiNamespace }) {
            let v = nilAttribute.value.trimmingXMLSpace
            guard v == "true" || v == "1" || v == "false" || v == "0" else { throw fail("xsi:nil must be true or false") }
            if v == "true" || v == "1" {
                guard e.children.allSatisfy({ if case .text(let t) = $0 { return t.isXMLSpace } else { return false } }) else {
                    throw fail("an element with xsi:nil=\"true\" must be empty")
                }
                return .null
            }
        }
        let children = e.elements
        var text = ""
        for node in e.children { if case .text(let t) = node { text += t } }
        if !children.isEmpty, !text.isXMLSpace { throw fail("text mixed with elements") }

        // Arrays, by key.
        if context != .properties, let itemName = CanonicalNames.itemNames[key] {
            guard text.isXMLSpace else { throw fail("expected <\(itemName)> elements, found text") }
            var items: [CanonicalValue] = []
            let itemContext: Context = key == "values" && context == .table ? .extraValues : context
            for (i, child) in children.enumerated() {
                guard child.name == itemName else { throw fail("expected <\(itemName)>, found <\(child.name)>") }
                items.append(try convert(child, key: itemName, path: path + [String(i)], context: itemContext))
            }
            return .array(itemName: itemName, items)
        }

        // Objects.
        if !children.isEmpty {
            if context == .extraValues || context == .properties && key != "properties" {
                throw fail("expected a value, found elements")
            }
            var members: [CanonicalValue.Member] = []
            var seen = Set<String>()
            for child in children {
                var childKey = child.name
                if child.name == XMLWriter.escapedKeyElement {
                    guard let k = child.attribute("key") else { throw fail("<_> without a key attribute") }
                    childKey = k
                }
                guard seen.insert(childKey).inserted else { throw fail("duplicate element <\(childKey)>") }
                var childContext = context
                if context == .general, key == "properties" { childContext = .properties }
                if context == .general, path.isEmpty, XMLModelReader.tableKeys.contains(childKey) { childContext = .table }
                members.append(.init(childKey, try convert(child, key: childKey, path: path + [childKey], context: childContext)))
            }
            return .object(members)
        }

        // Leaves.
        switch context {
        case .properties:
            if key == "properties" { return .object([]) }
            return .string(text)
        case .extraValues:
            return Self.number(text) ?? .string(text)
        case .table:
            if key == "label" || key == "unit" { return .string(text) }
            if let number = Self.number(text) { return number }
            if text.isEmpty, XMLModelReader.tableKeys.contains(key) { return .object([]) }
            throw fail("expected a number, found \"\(text)\"")
        case .general:
            if XMLModelReader.stringKeys.contains(key) { return .string(text) }
            if XMLModelReader.integerKeys.contains(key) {
                let t = text.trimmingXMLSpace
                guard Self.isIntegerLiteral(t), let i = Int(t) else { throw fail("expected an integer, found \"\(text)\"") }
                return .integer(i)
            }
            if text.isEmpty { return .object([]) }
            return .string(text)
        }
    }

    static func isIntegerLiteral(_ s: String) -> Bool {
        var digits = Substring(s)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// An xs:integer or xs:decimal literal as a model number, in JSON number syntax.
    static func number(_ raw: String) -> CanonicalValue? {
        let s = raw.trimmingXMLSpace
        if isIntegerLiteral(s) {
            if let i = Int(s) { return .integer(i) }
        }
        var body = Substring(s)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (p: Substring) in p.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard parts.allSatisfy(isDigits), parts.contains(where: { !$0.isEmpty }) else { return nil }
        var intPart = String(parts[0])
        if intPart.isEmpty { intPart = "0" }
        // Leading zeros are not JSON: "007.5" is 7.5.
        while intPart.count > 1, intPart.first == "0" { intPart.removeFirst() }
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let literal = (negative ? "-" : "") + intPart + (fraction.isEmpty ? "" : "." + fraction)
        if fraction.isEmpty, let i = Int(literal) { return .integer(i) }
        return .number(literal)
    }
}

extension String {
    fileprivate var isXMLSpace: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }

    fileprivate var trimmingXMLSpace: String {
        let isSpace = { (c: Character) in c == " " || c == "\n" || c == "\r" || c == "\t" || c == "\r\n" }
        var s = Substring(self)
        while let f = s.first, isSpace(f) { s = s.dropFirst() }
        while let l = s.last, isSpace(l) { s = s.dropLast() }
        return String(s)
    }
}
