import DocModel
import Serialization

/// Writing untrusted text into pages. Every string from a document goes through `text` or
/// `attribute` where it is written; data for the site's script goes through `scriptJSON`.
enum Markup {
    /// Text content: markup characters escaped, characters XML forbids replaced.
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        XMLWriter.appendEscaped(s, to: &out, inAttribute: false)
        return out
    }

    /// An attribute value (always written in double quotes).
    static func attribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        XMLWriter.appendEscaped(s, to: &out, inAttribute: true)
        return out
    }

    /// JSON that is safe inside `<script type="application/json">`: besides JSON's own
    /// escaping, `<` (so no `</script>`, `<!--` or `<script` can close or change the element)
    /// and U+2028/U+2029 are written as \u escapes. These characters can only occur inside JSON
    /// strings, so rewriting them everywhere keeps the JSON equal. `>` and `&` mean nothing in a
    /// script element's text (no character references are decoded there; `-->` needs a `<!--`
    /// first), so they are left as they are: source lines of HTML pages are full of them.
    static func scriptJSON(_ value: CanonicalValue) -> String {
        let bytes = JSONWriter.bytes(value, pretty: false)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "<"): out.append(contentsOf: "\\u003c".utf8)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out.append(contentsOf: (bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The Content-Security-Policy of every page: the site's own script and style sheet, its own
    /// images, nothing else (no inline script, no network, no frames, no forms).
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

    /// A page: head with the policy, the style sheet and the script, then `body`.
    /// - Parameter root: the relative path from the page to the site's root ("" or "../").
    static func page(title: String, root: String, bodyClass: String, body: String, data: CanonicalValue? = nil) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        out += "<title>\(text(title))</title>\n"
        out += "<link rel=\"stylesheet\" href=\"\(root)review.css\">\n"
        out += "<script src=\"\(root)review.js\" defer></script>\n</head>\n"
        out += "<body class=\"\(bodyClass)\">\n"
        out += body
        if let data {
            out += "<script type=\"application/json\" id=\"data\">\(scriptJSON(data))</script>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// A value as the page shows it; nil is a blank cell.
    static func display(_ value: Value?) -> String? {
        switch value {
        case .integer(let v)?: return String(v)
        case .decimal(let s)?: return s
        case .text(let s)?: return s
        case nil: return nil
        }
    }

    static func severityName(_ severity: Severity) -> String {
        switch severity {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }
}
