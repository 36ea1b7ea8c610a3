/// Reads the plain subset of XML 1.0 with namespaces that Word, WPS and LibreOffice write into a
/// `FlatXML`, without libxml2: UTF-8 (an optional BOM and XML declaration), elements, attributes,
/// text and the five predefined entities. It is a fast path, not a second XML parser: anything
/// outside the subset — a DTD, comment, processing instruction or CDATA section inside the
/// document, a character reference, a carriage return in text or a value, another encoding, a
/// name that is not ASCII, an undeclared or reserved namespace prefix, a repeated attribute,
/// nesting past the limit — and every well-formedness error makes `scan` return nil, and the
/// part is parsed by libxml2, which reports the error. So what `scan` accepts libxml2 accepts
/// too, and both give the same arrays (`FlatXMLScannerTests` checks both on every sample part
/// and on mutated parts).
struct FlatXMLScanner {
    let p: UnsafePointer<UInt8>
    let end: Int
    var i = 0
    var tree = FlatXMLBuilder()
    let keep: Set<String>?
    let maxDepth: Int
    var namespaces = NamespaceScope()
    /// (0 for an element, 1 for an attribute; qualified name) → index in `infos`, for the
    /// namespace bindings in scope (emptied when they change).
    var qnames = ByteKeyTable()
    var infos: [NameInfo] = []
    /// (namespace id, local name) → key; key → its namespace id and its name id in the
    /// arrays (-1 until first used).
    var keys = ByteKeyTable()
    var keyNames: [(uri: Int32, id: Int32)] = []
    /// Open elements: where their qualified name is in the input, and the namespace bindings
    /// in scope before them.
    var stack: [(name: Int, length: Int, bindings: Int)] = []
    /// Start tags read before (`FlatXMLScannerRepeats`), for the bindings in scope (emptied
    /// with `qnames`).
    var tags = ByteKeyTable()
    var tagReadings: [TagReading] = []
    var tagAttributeNames: [Int32] = []
    var tagAttributeValues: [String] = []
    /// Attributes of the start tag being read: the first `attributeCount` (the array is reused),
    /// `declarationCount` of them namespace declarations.
    var attributes: [RawAttribute] = []
    var attributeCount = 0
    var declarationCount = 0
    /// More attributes (declarations included) than this on one tag: left to libxml2.
    static let maxAttributes = 128
    /// Decoded bytes of a value with references or white space to normalise (reused).
    var scratch: [UInt8] = []

    struct RawAttribute {
        var name: QName
        var valueStart: Int
        var valueEnd: Int
        /// The value holds a reference, tab or line feed, so it must be decoded.
        var decode: Bool
        /// An `xmlns` or `xmlns:prefix` declaration (not reported as an attribute).
        var declaration: Bool
        /// Its (namespace, local name) key, once resolved.
        var key: Int32 = -1
    }

    /// A qualified name in the input: `start..<end`, `colon` the index of its colon or -1.
    struct QName {
        var start: Int
        var colon: Int
        var end: Int
        var localStart: Int { colon < 0 ? start : colon + 1 }
        var hasPrefix: Bool { colon >= 0 }
    }

    /// What a qualified name means where it is read.
    struct NameInfo {
        /// The (namespace, local name) key.
        var key: Int32
        /// For an attribute: whether it is kept.
        var kept: Bool
    }

    /// The flat arrays, or nil when the part is outside the subset (or not well-formed).
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>, attributes: Set<String>?, maxDepth: Int) -> FlatXML? {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
        var scanner = FlatXMLScanner(p: base, end: buffer.count, keep: attributes, maxDepth: maxDepth)
        guard scanner.document() else { return nil }
        return scanner.tree.xml
    }

    mutating func document() -> Bool {
        guard prolog(), byte(i) == UInt8(ascii: "<"), startTag() else { return false }
        while !stack.isEmpty {
            guard i < end else { return false }
            if p[i] != UInt8(ascii: "<") {
                guard text() else { return false }
            } else if byte(i + 1) == UInt8(ascii: "/") {
                guard endTag() else { return false }
            } else {
                guard startTag() else { return false }
            }
        }
        skipSpace()
        return i == end
    }

    /// An optional UTF-8 byte order mark, XML declaration and white space.
    mutating func prolog() -> Bool {
        if byte(0) == 0xEF, byte(1) == 0xBB, byte(2) == 0xBF { i = 3 }
        if matches("<?xml"), isSpace(byte(i + 5)) {
            i += 5
            guard declarationField("version", ["1.0"], required: true),
                declarationField("encoding", ["UTF-8", "utf-8"], required: false),
                declarationField("standalone", ["yes", "no"], required: false)
            else { return false }
            skipSpace()
            guard matches("?>") else { return false }
            i += 2
        }
        skipSpace()
        return true
    }

    /// ` name="value"` in the XML declaration, with one of `values`.
    mutating func declarationField(_ name: StaticString, _ values: [StaticString], required: Bool) -> Bool {
        let save = i
        guard skipSpace(), matches(name) else {
            i = save
            return !required
        }
        i += name.utf8CodeUnitCount
        guard let quote = openValue() else { return false }
        for value in values where matches(value) && byte(i + value.utf8CodeUnitCount) == quote {
            i += value.utf8CodeUnitCount + 1
            return true
        }
        return false
    }

    /// Character data up to the next `<`, into the builder's pending text.
    mutating func text() -> Bool {
        var start = i, k = i
        while k < end {
            let b = p[k]
            if b == UInt8(ascii: "<") { break }
            if b >= 0x80 {
                let n = utf8Length(at: k)
                guard n > 0 else { return false }
                k += n
                continue
            }
            if b == UInt8(ascii: "&") {
                tree.pendingText.append(contentsOf: UnsafeBufferPointer(start: p + start, count: k - start))
                guard let (c, length) = entity(at: k) else { return false }
                tree.pendingText.append(c)
                k += length
                start = k
                continue
            }
            if b < 0x20 {
                guard b == 0x09 || b == 0x0A else { return false }
            } else if b == UInt8(ascii: ">"), k >= 2, p[k - 1] == UInt8(ascii: "]"), p[k - 2] == UInt8(ascii: "]") {
                return false  // "]]>" is not allowed in content
            }
            k += 1
        }
        tree.pendingText.append(contentsOf: UnsafeBufferPointer(start: p + start, count: k - start))
        i = k
        return true
    }

    /// The predefined entity at `k` and its length in bytes.
    func entity(at k: Int) -> (UInt8, Int)? {
        switch byte(k + 1) {
        case UInt8(ascii: "l"): return matches("&lt;", at: k) ? (UInt8(ascii: "<"), 4) : nil
        case UInt8(ascii: "g"): return matches("&gt;", at: k) ? (UInt8(ascii: ">"), 4) : nil
        case UInt8(ascii: "q"): return matches("&quot;", at: k) ? (UInt8(ascii: "\""), 6) : nil
        case UInt8(ascii: "a"):
            if matches("&amp;", at: k) { return (UInt8(ascii: "&"), 5) }
            return matches("&apos;", at: k) ? (UInt8(ascii: "'"), 6) : nil
        default: return nil
        }
    }

    /// `</qname S? >`, closing the innermost open element (whose name it must be: the byte
    /// after it is then white space or `>`, or the part is refused).
    mutating func endTag() -> Bool {
        i += 2
        guard let top = stack.last, i + top.length <= end, equal(i, top.name, top.length) else { return false }
        i += top.length
        skipSpace()
        guard byte(i) == UInt8(ascii: ">") else { return false }
        i += 1
        closeElement()
        return true
    }

    mutating func closeElement() {
        tree.end()
        let bindings = stack.removeLast().bindings
        if namespaces.bindings.count > bindings {
            namespaces.pop(to: bindings)
            forgetQualifiedNames()
        }
    }

    /// Drops what qualified names meant, when the namespace bindings change.
    mutating func forgetQualifiedNames() {
        qnames.removeAll()
        infos.removeAll(keepingCapacity: true)
        tags.removeAll()
        tagReadings.removeAll(keepingCapacity: true)
        tagAttributeNames.removeAll(keepingCapacity: true)
        tagAttributeValues.removeAll(keepingCapacity: true)
    }

    // MARK: Bytes

    @inline(__always) func byte(_ k: Int) -> UInt8 { k < end ? p[k] : 0 }

    @inline(__always) func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
    }

    /// Skips white space; whether there was any.
    @discardableResult mutating func skipSpace() -> Bool {
        let start = i
        while i < end, isSpace(p[i]) { i += 1 }
        return i > start
    }

    func matches(_ s: StaticString, at k: Int? = nil) -> Bool {
        let k = k ?? i, n = s.utf8CodeUnitCount
        guard k + n <= end else { return false }
        for j in 0..<n where p[k + j] != s.utf8Start[j] { return false }
        return true
    }

    /// Whether the `length` bytes at `a` and at `b` are the same.
    func equal(_ a: Int, _ b: Int, _ length: Int) -> Bool {
        ByteKeyTable.equal(p + a, p + b, length)
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
    }

    /// The length of the well-formed UTF-8 sequence of an XML character at `k`, or 0 (bad
    /// UTF-8, a surrogate, U+FFFE or U+FFFF). The lead byte is not ASCII.
    func utf8Length(at k: Int) -> Int {
        let b0 = p[k]
        @inline(__always) func continuation(_ j: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            j < end && p[j] >= low && p[j] <= high
        }
        switch b0 {
        case 0xC2...0xDF:
            return continuation(k + 1) ? 2 : 0
        case 0xE0...0xEF:
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80, high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard continuation(k + 1, low, high), continuation(k + 2) else { return 0 }
            if b0 == 0xEF, p[k + 1] == 0xBF, p[k + 2] >= 0xBE { return 0 }  // U+FFFE, U+FFFF
            return 3
        case 0xF0...0xF4:
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80, high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            return continuation(k + 1, low, high) && continuation(k + 2) && continuation(k + 3) ? 4 : 0
        default:
            return 0
        }
    }
}
