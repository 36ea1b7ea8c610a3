/// Start tags of `FlatXMLScanner`: names, attributes, namespace declarations, and the
/// interning of qualified names, all as libxml2's SAX2 parser reports them.
extension FlatXMLScanner {
    /// `<qname (S attribute)* S? (/>|>)`: opens an element, and closes it when it is empty.
    mutating func startTag() -> Bool {
        i += 1
        guard let name = qname() else { return false }
        tree.flushText()
        guard stack.count <= maxDepth else { return false }
        attributes.removeAll(keepingCapacity: true)
        var empty = false
        while true {
            let spaced = skipSpace()
            let b = byte(i)
            if b == UInt8(ascii: ">") {
                i += 1
                break
            }
            if b == UInt8(ascii: "/") {
                guard byte(i + 1) == UInt8(ascii: ">") else { return false }
                i += 2
                empty = true
                break
            }
            guard spaced, let attribute = attribute() else { return false }
            attributes.append(attribute)
        }
        let bindings = namespaces.bindings.count
        guard declareNamespaces(), let id = elementName(name) else { return false }
        let attributeStart = Int32(tree.xml.attributeNames.count)
        guard keepAttributes() else { return false }
        tree.start(name: id, attributeStart: attributeStart)
        stack.append((name.start, name.end - name.start, bindings))
        if empty { closeElement() }
        return true
    }

    /// An ASCII qualified name at `i`: NCName, or NCName `:` NCName.
    mutating func qname() -> QName? {
        let start = i
        guard isNameStart(byte(i)) else { return nil }
        i += 1
        var colon = -1
        while i < end {
            let b = p[i]
            if isNameStart(b) || b &- UInt8(ascii: "0") < 10 || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
                i += 1
            } else if b == UInt8(ascii: ":"), colon < 0, isNameStart(byte(i + 1)) {
                colon = i
                i += 2
            } else {
                break
            }
        }
        return QName(start: start, colon: colon, end: i)
    }

    @inline(__always) func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20) &- UInt8(ascii: "a") < 26 || b == UInt8(ascii: "_")
    }

    /// `qname S? = S? "value"` (or single quotes). The value's characters are checked here.
    mutating func attribute() -> RawAttribute? {
        guard let name = qname() else { return nil }
        skipSpace()
        guard byte(i) == UInt8(ascii: "=") else { return nil }
        i += 1
        skipSpace()
        let quote = byte(i)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        i += 1
        let start = i
        var decode = false
        while true {
            guard i < end else { return nil }
            let b = p[i]
            if b == quote { break }
            if b >= 0x80 {
                let n = utf8Length(at: i)
                guard n > 0 else { return nil }
                i += n
                continue
            }
            if b == UInt8(ascii: "&") {
                guard predefinedEntity() != nil else { return nil }
                decode = true
                continue
            }
            if b < 0x20 {
                // A tab or line feed is read as a space (attribute-value normalisation).
                guard b == 0x09 || b == 0x0A else { return nil }
                decode = true
            } else if b == UInt8(ascii: "<") {
                return nil
            }
            i += 1
        }
        i += 1
        let declaration = name.hasPrefix ? matches("xmlns", at: name.start) && name.colon - name.start == 5 : isXMLNS(name.start, name.end)
        return RawAttribute(name: name, valueStart: start, valueEnd: i - 1, decode: decode, declaration: declaration)
    }

    func isXMLNS(_ start: Int, _ end: Int) -> Bool {
        end - start == 5 && matches("xmlns", at: start)
    }

    /// A value as libxml2 gives it without entity substitution: tabs and line feeds become
    /// spaces, `&lt;` `&gt;` `&quot;` `&apos;` their characters, and `&amp;` stays a reference,
    /// written `&#38;`.
    mutating func value(_ a: RawAttribute) -> String {
        guard a.decode else { return string(a.valueStart, a.valueEnd) }
        scratch.removeAll(keepingCapacity: true)
        var k = a.valueStart
        while k < a.valueEnd {
            let b = p[k]
            if b == UInt8(ascii: "&"), let (c, length) = entity(at: k) {
                if c == UInt8(ascii: "&") { scratch.append(contentsOf: "&#38;".utf8) } else { scratch.append(c) }
                k += length
            } else {
                scratch.append(b == 0x09 || b == 0x0A ? 0x20 : b)
                k += 1
            }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Binds the `xmlns` and `xmlns:prefix` attributes of the tag. Declarations libxml2 warns
    /// about or drops (the reserved prefixes and namespace names, an empty prefixed namespace,
    /// a prefix declared twice, a value with references) are left to libxml2.
    mutating func declareNamespaces() -> Bool {
        let first = namespaces.bindings.count
        for a in attributes where a.declaration {
            guard !a.decode else { return false }
            let uri = string(a.valueStart, a.valueEnd)
            guard uri != NamespaceScope.xml, uri != "http://www.w3.org/2000/xmlns/" else { return false }
            var prefix = (start: 0, length: 0)
            if a.name.hasPrefix {
                prefix = (a.name.localStart, a.name.end - a.name.localStart)
                guard !uri.isEmpty, !(prefix.length == 3 && matches("xml", at: prefix.start)), !isXMLNS(prefix.start, a.name.end) else {
                    return false
                }
            }
            for b in namespaces.bindings[first...] where b.length == prefix.length && equal(b.prefix, prefix.start, prefix.length) {
                return false
            }
            namespaces.push(prefix: prefix.start, length: prefix.length, uri: uri)
        }
        return true
    }

    /// The name id of an element: its prefix's namespace, or the default namespace.
    mutating func elementName(_ name: QName) -> Int32? {
        guard let uri = name.hasPrefix ? namespaces.resolve(p, name.start, name.colon - name.start) : namespaces.defaultURI else {
            return nil
        }
        return nameID(uri: uri, name)
    }

    /// Appends the tag's kept attributes (not the declarations), after libxml2's checks: every
    /// prefix declared, no attribute twice by prefixed name or by namespace and local name.
    mutating func keepAttributes() -> Bool {
        for n in attributes.indices where !attributes[n].declaration {
            let name = attributes[n].name
            guard let uri = name.hasPrefix ? namespaces.resolve(p, name.start, name.colon - name.start) : 0 else { return false }
            attributes[n].uri = uri
            let local = name.end - name.localStart
            for b in attributes[..<n] where !b.declaration && b.name.end - b.name.localStart == local && equal(b.name.localStart, name.localStart, local) {
                let samePrefix = b.name.localStart - b.name.start == name.localStart - name.start && equal(b.name.start, name.start, name.localStart - name.start)
                if samePrefix || (uri != 0 && b.uri == uri) { return false }
            }
            guard isKept(name) else { continue }
            let id = nameID(uri: uri, name)
            tree.xml.attributeNames.append(id)
            tree.xml.attributeValues.append(value(attributes[n]))
        }
        return true
    }

    /// Whether the attribute's local name is one the reader keeps.
    mutating func isKept(_ name: QName) -> Bool {
        guard let keep else { return true }
        let found = kept.find(p, name.localStart, name.end, tag: 0)
        if let value = found.value { return value != 0 }
        let isKept = keep.contains(string(name.localStart, name.end))
        kept.insert(p, name.localStart, name.end, tag: 0, hash: found.hash, value: isKept ? 1 : 0)
        return isKept
    }

    /// The id of (namespace, local name), given on first use.
    mutating func nameID(uri: Int32, _ name: QName) -> Int32 {
        let found = names.find(p, name.localStart, name.end, tag: uri)
        if let id = found.value { return id }
        let id = tree.intern(XMLName(namespace: namespaces.uris[Int(uri)], local: string(name.localStart, name.end)))
        names.insert(p, name.localStart, name.end, tag: uri, hash: found.hash, value: id)
        return id
    }
}
