import Normalization
import DocModel
import XMLSupport

/// Decides a page's encoding and decodes it to UTF-8.
///
/// Order: a byte-order mark; then the bytes themselves when they are valid UTF-8 with
/// non-ASCII text (a page that declares GBK but is UTF-8 was re-saved without its meta being
/// fixed); then the `<meta charset>` / `<meta http-equiv="Content-Type">` declaration, GB2312
/// and GBK read as GB18030 (their superset) and Big5 as Big5-HKSCS; then, undeclared or
/// declared wrongly, GB18030 when the bytes are valid in it. Bytes that fit no encoding, or
/// that are binary, are refused: mojibake is never returned.
enum EncodingDetector {
    struct Decoded {
        var utf8: [UInt8]
        /// The encoding the bytes were read in ("UTF-8", "GB18030", "BIG5-HKSCS", …).
        var encoding: String
        var findings: [Finding]
    }

    /// Invalid sequences tolerated in a declared legacy encoding, per 10,000 bytes.
    static let invalidPerTenThousand = 10

    static func decode(_ bytes: [UInt8]) throws(AdapterFailure) -> Decoded {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return Decoded(utf8: utf16ToUTF8(bytes, littleEndian: bytes[0] == 0xFF), encoding: bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", findings: [])
        }
        var body = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = Array(bytes[3...])
            if let utf8 = validUTF8(body) { return Decoded(utf8: utf8, encoding: "UTF-8", findings: []) }
        }
        try refuseBinary(body)
        let declared = declaredCharset(body)
        let family = declared.map(Self.family)
        let utf8 = utf8Validity(body)
        if utf8.valid, family == nil || family == .utf8 || utf8.multibyte >= 4 || utf8.multibyte > 0 && family == .singleByte {
            var findings: [Finding] = []
            if let declared, family != .utf8 {
                findings.append(.encodingMismatch(declared: declared, detected: "UTF-8"))
            }
            return Decoded(utf8: body, encoding: "UTF-8", findings: findings)
        }
        let allowed = max(1, body.count / 10_000 * invalidPerTenThousand)
        if family == .singleByte, case .decoded(let out, 0) = Transcoder.toUTF8(body, from: "GB18030", maxInvalid: 0) {
            let declaredName = declared ?? ""
            return Decoded(utf8: out, encoding: "GB18030", findings: [
                .encodingMismatch(declared: declaredName, detected: "GB18030")
            ])
        }
        switch family {
        case .gb18030?, .big5?, .singleByte?, .other?:
            let name = family == .gb18030 ? "GB18030" : family == .big5 ? "BIG5-HKSCS" : (declared ?? "")
            if case .decoded(let out, let invalid) = Transcoder.toUTF8(body, from: name, maxInvalid: allowed) {
                var findings: [Finding] = []
                if invalid > 0 { findings.append(.invalidBytes(invalid, encoding: name)) }
                return Decoded(utf8: out, encoding: name, findings: findings)
            }
        case .utf8?, nil:
            break
        }
        // Undeclared, or the declaration does not fit the bytes: GB18030 if the bytes are valid in it.
        if case .decoded(let out, let invalid) = Transcoder.toUTF8(body, from: "GB18030", maxInvalid: declared == nil ? 0 : allowed) {
            var findings: [Finding] = []
            if let declared {
                findings.append(.encodingMismatch(declared: declared, detected: "GB18030"))
            }
            if invalid > 0 { findings.append(.invalidBytes(invalid, encoding: "GB18030")) }
            return Decoded(utf8: out, encoding: "GB18030", findings: findings)
        }
        throw AdapterFailure(.unreadable, "page bytes are not valid \(declared ?? "UTF-8") nor GB18030; refusing to guess")
    }

    enum Family: Equatable { case utf8, gb18030, big5, singleByte, other }

    static func family(_ label: String) -> Family {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "chinese", "iso-ir-58", "gb_2312-80", "gb_2312":
            return .gb18030
        case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5", "cp950": return .big5
        case "iso-8859-1", "latin1", "windows-1252", "us-ascii", "ascii", "cp1252", "l1": return .singleByte
        default: return .other
        }
    }

    /// The charset a `<meta>` in the first 8 KB declares (or an XHTML page's
    /// `<?xml … encoding="…"?>`), lower-cased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let end = min(bytes.count, 8192)
        if end > 5, bytes[0] == 0x3C, bytes[1] == 0x3F, lower(bytes[2]) == 0x78 {  // "<?x"
            var j = 2
            while j < end, bytes[j] != 0x3E { j += 1 }
            if let encoding = attributeValue(bytes[0..<j], name: "encoding") { return encoding }
        }
        var i = 0
        while i + 5 < end {
            if bytes[i] == 0x3C, lower(bytes[i + 1]) == 0x6D, lower(bytes[i + 2]) == 0x65, lower(bytes[i + 3]) == 0x74, lower(bytes[i + 4]) == 0x61 {
                var j = i + 5
                while j < end, bytes[j] != 0x3E { j += 1 }
                if let charset = charsetAttribute(bytes[(i + 5)..<j]) { return charset }
                i = j
            }
            i += 1
        }
        return nil
    }

    /// "charset=xxx" anywhere in a meta tag (the attribute, or inside http-equiv's content).
    static func charsetAttribute(_ tag: ArraySlice<UInt8>) -> String? {
        attributeValue(tag, name: "charset")
    }

    /// The value after `name=` (quoted or not) in a tag's bytes.
    static func attributeValue(_ tag: ArraySlice<UInt8>, name: String) -> String? {
        let needle: [UInt8] = Array(name.utf8)
        var i = tag.startIndex
        while i + needle.count <= tag.endIndex {
            var matches = true
            for k in 0..<needle.count where lower(tag[i + k]) != needle[k] { matches = false; break }
            if matches {
                var j = i + needle.count
                while j < tag.endIndex, tag[j] == 0x20 { j += 1 }
                if j < tag.endIndex, tag[j] == 0x3D {
                    j += 1
                    while j < tag.endIndex, tag[j] == 0x20 || tag[j] == 0x22 || tag[j] == 0x27 { j += 1 }
                    var value: [UInt8] = []
                    while j < tag.endIndex, value.count < 40, isLabelByte(tag[j]) { value.append(lower(tag[j])); j += 1 }
                    if !value.isEmpty { return String(decoding: value, as: UTF8.self) }
                }
            }
            i += 1
        }
        return nil
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    @inline(__always) static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
    }

    /// Refuses bytes that are not text: NULs or other C0 controls in more than 1% of the bytes.
    static func refuseBinary(_ bytes: [UInt8]) throws(AdapterFailure) {
        let controls = bytes.withUnsafeBufferPointer { buffer in
            var n = 0
            for b in buffer where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { n += 1 }
            return n
        }
        if controls > 0, controls * 100 >= bytes.count || bytes.prefix(1024).contains(0) {
            throw AdapterFailure(.unreadable, "binary data, not an HTML page (\(controls) control bytes)")
        }
    }

    /// Whether the bytes are valid UTF-8, and how many multi-byte characters they hold.
    static func utf8Validity(_ array: [UInt8]) -> (valid: Bool, multibyte: Int) {
        array.withUnsafeBufferPointer { utf8Validity($0) }
    }

    static func utf8Validity(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Bool, multibyte: Int) {
        var i = 0
        var multibyte = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return (false, multibyte)
            }
            guard i + length <= n else { return (false, multibyte) }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return (false, multibyte) }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return (false, multibyte) }
            multibyte += 1
            i += length
        }
        return (true, multibyte)
    }

    static func validUTF8(_ bytes: [UInt8]) -> [UInt8]? { utf8Validity(bytes).valid ? bytes : nil }

    static func utf16ToUTF8(_ bytes: [UInt8], littleEndian: Bool) -> [UInt8] {
        Array(TextDecoding.utf16(bytes, littleEndian: littleEndian).utf8)
    }
}
