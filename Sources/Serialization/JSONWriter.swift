import DocModel

/// Writes a `CanonicalValue` as JSON: keys sorted (by Unicode scalar values), arrays in order,
/// numbers exactly as the model holds them. Pretty output indents by two spaces; compact output
/// is one line (for `batch`).
///
/// The output is built as UTF-8 bytes (`bytes(_:pretty:)`); `write` wraps them in a String.
/// Keys are sorted by their UTF-8 bytes, which orders them as their Unicode scalar values.
public enum JSONWriter {
    public static func write(_ value: CanonicalValue, pretty: Bool = true) -> String {
        String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8; pretty output ends with a line break, compact output does not.
    public static func bytes(_ value: CanonicalValue, pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        emit(value, into: &out, pretty: pretty, indent: 0)
        if pretty { out.append(0x0A) }
        return out
    }

    private static func emit(_ value: CanonicalValue, into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case .integer(let i): appendInteger(i, to: &out)
        case .number(let s): out.append(contentsOf: s.utf8)
        case .string(let s): appendQuoted(s, to: &out)
        case .array(_, let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, pretty: pretty, indent: indent + 1)
                emit(item, into: &out, pretty: pretty, indent: indent + 1)
            }
            newline(&out, pretty: pretty, indent: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, member) in sortedByKey(members).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, pretty: pretty, indent: indent + 1)
                appendQuoted(member.key, to: &out)
                if pretty {
                    out.append(contentsOf: ": ".utf8)
                } else {
                    out.append(UInt8(ascii: ":"))
                }
                emit(member.value, into: &out, pretty: pretty, indent: indent + 1)
            }
            newline(&out, pretty: pretty, indent: indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func sortedByKey(_ members: [CanonicalValue.Member]) -> [CanonicalValue.Member] {
        func precedes(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            return a.withUTF8 { x in b.withUTF8 { y in x.lexicographicallyPrecedes(y) } }
        }
        var inOrder = true
        for i in members.indices.dropFirst() where !precedes(members[i - 1].key, members[i].key) {
            inOrder = false
            break
        }
        return inOrder ? members : members.sorted { precedes($0.key, $1.key) }
    }

    /// The decimal digits of `i`, written straight into `out`.
    private static func appendInteger(_ i: Int, to out: inout [UInt8]) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        out[start...].reverse()
    }

    private static func newline(_ out: inout [UInt8], pretty: Bool, indent: Int) {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    /// JSON string escaping: quote, backslash and control characters; everything else as UTF-8.
    public static func appendQuoted(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        appendQuoted(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendQuoted(bytes: $0, to: &out) }  // a native string: its own bytes, no copy
    }

    private static func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: bytes)
            return
        }
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
    }
}
