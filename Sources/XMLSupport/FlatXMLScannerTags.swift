/// Start tags of `FlatXMLScanner`: names, attributes, namespace declarations, and the
/// interning of qualified names, all as libxml2's SAX2 parser reports them.
extension FlatXMLScanner {
    /// `<qname (S attribute)* S? (/>|>)`: opens an element, and closes it when it is empty.
    mutating func startTag() -> Bool {
        let candidate = tagCandidate()
        if let candidate, let index = tags.find(p, i, candidate.end, tag: 0, hash: candidate.hash) {
            return repeatTag(Int(index), end: candidate.end)
        }
        let tagStart = i
        i += 1
        guard let name = qname() else { return false }
        tree.flushText()
        guard stack.count <= maxDepth else { return false }
        attributeCount = 0
        declarationCount = 0
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
            // Libxml2 compares each attribute with the ones before it; a tag with more than Word
            // ever writes is left to it, so that the scanner never does more than it would.
            guard spaced, attributeCount < FlatXMLScanner.maxAttributes, let attribute = attribute() else { return false }
            if attributeCount < attributes.count { attributes[attributeCount] = attribute } else { attributes.append(attribute) }
            attributeCount += 1
            if attribute.declaration { declarationCount += 1 }
        }
        let bindings = namespaces.bindings.count
        guard declareNamespaces(), let id = elementName(name) else { return false }
        let attributeStart = Int32(tree.xml.attributeNames.count)
        guard keepAttributes() else { return false }
        tree.start(name: id, attributeStart: attributeStart)
        stack.append((name.start, name.end - name.start, bindings))
        if declarationCount == 0, let candidate, candidate.end == i {
            rememberTag(tagStart, candidate, TagReading(name: id, nameLength: name.end - name.start, empty: empty, attributes: 0..<0), keptFrom: Int(attributeStart))
        }
        if empty { closeElement() }
        return true
    }

    /// An ASCII qualified name at `i`: NCName, or NCName `:` NCName.
    mutating func qname() -> QName? {
        let start = i
        guard isNameStart(byte(start)) else { return nil }
        var k = start + 1
        var colon = -1
        while k < end {
            let b = p[k]
            if !isNameChar(b) {
                guard b == UInt8(ascii: ":"), colon < 0, isNameStart(byte(k + 1)) else { break }
                colon = k
            }
            k += 1
        }
        i = k
        return QName(start: start, colon: colon, end: k)
    }

    @inline(__always) func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20) &- UInt8(ascii: "a") < 26 || b == UInt8(ascii: "_")
    }

    /// A-Z a-z 0-9 _ - . as a bitmap of the ASCII range.
    @inline(__always) func isNameChar(_ b: UInt8) -> Bool {
        let low: UInt64 = 0x03FF_6000_0000_0000, high: UInt64 = 0x07FF_FFFE_87FF_FFFE
        return b < 64 ? low &>> b & 1 != 0 : b < 128 && high &>> (b &- 64) & 1 != 0
    }

    /// `S? = S?` and the opening quote of a value, after a name: the quote (`"` or `'`), the
    /// position just past it; nil when they are not there.
    @inline(__always)
    mutating func openValue() -> UInt8? {
        skipSpace()
        guard byte(i) == UInt8(ascii: "=") else { return nil }
        i += 1
        skipSpace()
        let quote = byte(i)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        i += 1
        return quote
    }

    /// `qname S? = S? "value"` (or single quotes). The value's characters are checked here.
    mutating func attribute() -> RawAttribute? {
        guard let name = qname(), let quote = openValue() else { return nil }
        let start = i
        var k = start
        var decode = false
        while true {
            guard k < end else { return nil }
            let b = p[k]
            if b == quote { break }
            if b >= 0x80 {
                let n = utf8Length(at: k)
                guard n > 0 else { return nil }
                k += n
                continue
            }
            if b == UInt8(ascii: "&") {
                guard let (_, length) = entity(at: k) else { return nil }
                decode = true
                k += length
                continue
            }
            if b < 0x20 {
                // A tab or line feed is read as a space (attribute-value normalisation).
                guard b == 0x09 || b == 0x0A else { return nil }
                decode = true
            } else if b == UInt8(ascii: "<") {
                return nil
            }
            k += 1
        }
        i = k + 1
        let declaration = p[name.start] == UInt8(ascii: "x") && isXMLNS(name.start, name.hasPrefix ? name.colon : name.end)
        return RawAttribute(name: name, valueStart: start, valueEnd: k, decode: decode, declaration: declaration)
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
        guard declarationCount > 0 else { return true }
        let first = namespaces.bindings.count
        for a in attributes[..<attributeCount] where a.declaration {
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
        if namespaces.bindings.count > first { forgetQualifiedNames() }
        return true
    }

    /// The name id of an element: its prefix's namespace, or the default namespace.
    mutating func elementName(_ name: QName) -> Int32? {
        guard let info = info(name, attribute: false) else { return nil }
        return nameID(info.key, name)
    }

    /// Appends the tag's kept attributes (not the declarations), after libxml2's checks: every
    /// prefix declared, no attribute twice by prefixed name or by namespace and local name.
    mutating func keepAttributes() -> Bool {
        for n in 0..<attributeCount where !attributes[n].declaration {
            let name = attributes[n].name
            guard let info = info(name, attribute: true) else { return false }
            // An unprefixed name's key is (no namespace, local name), so one key is one
            // prefixed name or one (namespace, local name).
            var m = 0
            while m < n {
                if attributes[m].key == info.key { return false }
                m += 1
            }
            attributes[n].key = info.key
            guard info.kept else { continue }
            tree.xml.attributeNames.append(nameID(info.key, name))
            tree.xml.attributeValues.append(value(attributes[n]))
        }
        return true
    }

    /// What a qualified name means under the bindings in scope; nil when its prefix is not
    /// declared. Attributes without a prefix are in no namespace.
    mutating func info(_ name: QName, attribute: Bool) -> NameInfo? {
        let tag: Int32 = attribute ? 1 : 0
        let hash = ByteKeyTable.hash(p, name.start, name.end, limit: end)
        if let index = qnames.find(p, name.start, name.end, tag: tag, hash: hash) { return infos[Int(index)] }
        let uri: Int32
        if name.hasPrefix {
            guard let bound = namespaces.resolve(p, name.start, name.colon - name.start) else { return nil }
            uri = bound
        } else {
            uri = attribute ? 0 : namespaces.defaultURI
        }
        let localHash = ByteKeyTable.hash(p, name.localStart, name.end, limit: end)
        let key: Int32
        if let known = keys.find(p, name.localStart, name.end, tag: uri, hash: localHash) {
            key = known
        } else {
            key = Int32(keyNames.count)
            keyNames.append((uri, -1))
            keys.insert(p, name.localStart, name.end, tag: uri, hash: localHash, value: key)
        }
        let kept = !attribute || keep.map { $0.contains(string(name.localStart, name.end)) } ?? true
        let info = NameInfo(key: key, kept: kept)
        qnames.insert(p, name.start, name.end, tag: tag, hash: hash, value: Int32(infos.count))
        infos.append(info)
        return info
    }

    /// The name id of a key, given on first use.
    mutating func nameID(_ key: Int32, _ name: QName) -> Int32 {
        let known = keyNames[Int(key)]
        if known.id >= 0 { return known.id }
        let id = tree.intern(XMLName(namespace: namespaces.uris[Int(known.uri)], local: string(name.localStart, name.end)))
        keyNames[Int(key)].id = id
        return id
    }
}
