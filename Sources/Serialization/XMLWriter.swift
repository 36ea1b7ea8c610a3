import DocModel

/// Writes a `CanonicalValue` as XML (spec §3): the same model as the JSON output.
///
/// - Element names are the JSON keys, sorted by Unicode scalar values exactly as `JSONWriter`
///   sorts them; array items are elements named by the array's `itemName`.
/// - The root element is `<report>` or `<document>` in the spec's namespace, and declares
///   `xsi` once; a null value is an empty element with `xsi:nil="true"`.
/// - Numbers are written as the model holds them; strings as character data.
/// - Indentation (two spaces) is added only between elements, never inside a text value, so a
///   string reads back exactly.
///
/// Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return, and
/// U+FFFE/U+FFFF) cannot appear in well-formed XML even as character references. They are
/// written as U+FFFD REPLACEMENT CHARACTER, so damaged sources never produce ill-formed XML.
/// This is the one place where the XML can differ from the JSON, which escapes them as
/// `\u0001`. Carriage returns are written as `&#13;`, because XML parsers turn a literal CR
/// into a line feed.
///
/// A key that is not an XML name (only possible in a document's `properties`, whose keys come
/// from the source) is written as `<_ key="…">`; readers map it back.
public enum XMLWriter {
    public enum Root: String, Sendable {
        case report = "urn:doccanon:report:1"
        case document = "urn:doccanon:document:1"

        /// The root element's name.
        public var elementName: String {
            switch self {
            case .report: return "report"
            case .document: return "document"
            }
        }
    }

    public static let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"
    /// The element name used for keys that are not XML names.
    public static let escapedKeyElement = "_"

    public static func write(_ value: CanonicalValue, root: Root) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out.reserveCapacity(32 * 1024)
        out += "<\(root.elementName) xmlns=\"\(root.rawValue)\" xmlns:xsi=\"\(xsiNamespace)\""
        content(of: value, name: root.elementName, into: &out, indent: 0)
        out += "\n"
        return out
    }

    /// Writes one element named `key` (its start tag, content and end tag).
    private static func element(_ key: String, _ value: CanonicalValue, into out: inout String, indent: Int) {
        newline(&out, indent: indent)
        let name: String
        if isXMLName(key) {
            name = key
            out += "<" + key
        } else {
            name = escapedKeyElement
            out += "<" + escapedKeyElement + " key=\""
            appendEscaped(key, to: &out, inAttribute: true)
            out += "\""
        }
        content(of: value, name: name, into: &out, indent: indent)
    }

    /// Writes the rest of an element whose start tag is open (attributes may still follow).
    private static func content(of value: CanonicalValue, name: String, into out: inout String, indent: Int) {
        switch value {
        case .null:
            out += " xsi:nil=\"true\"/>"
        case .bool(let b):
            out += ">" + (b ? "true" : "false") + "</" + name + ">"
        case .integer(let i):
            out += ">" + String(i) + "</" + name + ">"
        case .number(let s):
            out += ">"
            appendEscaped(s, to: &out, inAttribute: false)
            out += "</" + name + ">"
        case .string(let s):
            out += ">"
            appendEscaped(s, to: &out, inAttribute: false)
            out += "</" + name + ">"
        case .array(let itemName, let items):
            if items.isEmpty {
                out += "/>"
                return
            }
            out += ">"
            for item in items { element(itemName, item, into: &out, indent: indent + 1) }
            newline(&out, indent: indent)
            out += "</" + name + ">"
        case .object(let members):
            if members.isEmpty {
                out += "/>"
                return
            }
            out += ">"
            let sorted = members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            for member in sorted { element(member.key, member.value, into: &out, indent: indent + 1) }
            newline(&out, indent: indent)
            out += "</" + name + ">"
        }
    }

    private static func newline(_ out: inout String, indent: Int) {
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    /// True when XML 1.0 allows this scalar in a document (production [2] Char).
    public static func isXMLChar(_ v: UInt32) -> Bool {
        switch v {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Escapes markup characters; replaces characters XML forbids with U+FFFD.
    public static func appendEscaped(_ s: String, to out: inout String, inAttribute: Bool) {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            default:
                if isXMLChar(scalar.value) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out.unicodeScalars.append("\u{FFFD}")
                }
            }
        }
    }

    /// True when `s` is an XML NCName made of ASCII letters, digits, "_", "-" and "." (the
    /// shape of every key of the model), starting with a letter or "_", and not "xml…".
    public static func isXMLName(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return false }
        let isLetter = { (b: UInt8) in (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard isLetter(first) || first == 0x5F else { return false }
        if s.lowercased().hasPrefix("xml") { return false }
        if s == escapedKeyElement { return false }
        return s.utf8.allSatisfy { b in isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E }
    }
}
