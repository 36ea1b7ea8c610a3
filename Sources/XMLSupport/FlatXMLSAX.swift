internal import CLibXML2

extension FlatXML {
    /// Parses `bytes` (not empty, under 2 GiB) with libxml2's SAX2 interface straight into flat
    /// arrays (no libxml2 tree is built).
    /// - SeeAlso: `xmlCreateMemoryParserCtxt`, `xmlCtxtUseOptions`, `xmlParseDocument`.
    static func parseWithLibXML2(_ bytes: [UInt8], attributes: Set<String>?, maxDepth: Int) throws(XMLParseError) -> FlatXML {
        xmlInitParser()
        // The builder lives behind a pointer: callbacks reach it through the context's _private,
        // and pointer access needs no dynamic exclusivity checks (the hot path of a large part).
        let state = UnsafeMutablePointer<SAXBuilder>.allocate(capacity: 1)
        state.initialize(to: SAXBuilder(keep: attributes, maxDepth: maxDepth))
        defer {
            state.deinitialize(count: 1)
            state.deallocate()
        }
        let outcome: (wellFormed: Bool, line: Int, message: String?) = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> (Bool, Int, String?) in
                guard let ctxt = xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return (false, 0, "out of memory") }
                defer {
                    ctxt.pointee._private = nil
                    xmlFreeParserCtxt(ctxt)
                }
                _ = xmlCtxtUseOptions(ctxt, Int32(
                    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_HUGE.rawValue))
                guard let sax = ctxt.pointee.sax else { return (false, 0, "out of memory") }
                // Only these callbacks: no tree, no entity declarations, no DTD handling.
                sax.pointee = xmlSAXHandler()
                sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
                sax.pointee.startElementNs = saxStart
                sax.pointee.endElementNs = saxEnd
                sax.pointee.characters = saxCharacters
                sax.pointee.ignorableWhitespace = saxCharacters
                sax.pointee.cdataBlock = saxCharacters
                sax.pointee.internalSubset = saxDoctype
                sax.pointee.externalSubset = saxDoctype
                sax.pointee.serror = { _, _ in }
                ctxt.pointee._private = UnsafeMutableRawPointer(state)
                _ = xmlParseDocument(ctxt)
                if ctxt.pointee.wellFormed == 0 {
                    let error = xmlCtxtGetLastError(ctxt)
                    var message = error?.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
                    while message.last == "\n" { message.removeLast() }
                    return (false, Int(error?.pointee.line ?? 0), message)
                }
                return (true, 0, nil)
            }
        }
        if let error = state.pointee.error { throw error }
        if !outcome.wellFormed {
            throw XMLParseError(kind: .malformed, line: outcome.line, message: outcome.message ?? "not well-formed XML")
        }
        guard !state.pointee.tree.xml.nodes.isEmpty else { throw XMLParseError(kind: .empty, line: 0, message: "no root element") }
        return state.pointee.tree.xml
    }
}

/// Builds a `FlatXML` from SAX2 events (reached through the parser context's `_private`).
private struct SAXBuilder {
    struct PointerPair: Hashable {
        var name: UInt
        var namespace: UInt
    }

    var tree = FlatXMLBuilder()
    let keep: Set<String>?
    let maxDepth: Int
    var error: XMLParseError?
    /// libxml2 interns names in its dictionary: the same pointers mean the same name.
    var byPointer: [PointerPair: Int32] = [:]
    /// Whether an attribute local name (by interned pointer) is kept.
    var keptAttribute: [UInt: Bool] = [:]
    /// Direct-mapped caches in front of the dictionaries: (name pointer, namespace pointer, id).
    var nameCache = [(UInt, UInt, Int32)](repeating: (0, 0, -1), count: 256)
    var keepCache = [(UInt, Bool)](repeating: (0, false), count: 256)

    init(keep: Set<String>?, maxDepth: Int) {
        self.keep = keep
        self.maxDepth = maxDepth
    }

    mutating func intern(_ local: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) -> Int32 {
        let l = UInt(bitPattern: local), u = UInt(bitPattern: uri)
        let slot = Int(truncatingIfNeeded: (l >> 3) ^ (u >> 5)) & 255
        let cached = nameCache[slot]
        if cached.0 == l, cached.1 == u, cached.2 >= 0 { return cached.2 }
        let key = PointerPair(name: l, namespace: u)
        if let id = byPointer[key] {
            nameCache[slot] = (l, u, id)
            return id
        }
        let id = tree.intern(XMLName(namespace: uri.map { String(cString: $0) } ?? "", local: local.map { String(cString: $0) } ?? ""))
        byPointer[key] = id
        nameCache[slot] = (l, u, id)
        return id
    }

    mutating func start(_ local: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        tree.flushText()
        if tree.open.count >= maxDepth + 1 {
            error = XMLParseError(kind: .tooDeep(limit: maxDepth), line: 0, message: "elements nested deeper than \(maxDepth) levels")
            return false
        }
        let name = intern(local, uri)
        let attributeStart = Int32(tree.xml.attributeNames.count)
        if let attributes {
            for i in 0..<count {
                let base = attributes + i * 5
                guard let name = base[0], let value = base[3], let end = base[4] else { continue }
                let key = UInt(bitPattern: name)
                let slot = Int(truncatingIfNeeded: key >> 3) & 255
                let kept: Bool
                if keepCache[slot].0 == key {
                    kept = keepCache[slot].1
                } else {
                    if let k = keptAttribute[key] {
                        kept = k
                    } else {
                        kept = keep.map { $0.contains(String(cString: name)) } ?? true
                        keptAttribute[key] = kept
                    }
                    keepCache[slot] = (key, kept)
                }
                guard kept else { continue }
                tree.xml.attributeNames.append(intern(name, base[2]))
                tree.xml.attributeValues.append(String(decoding: UnsafeBufferPointer(start: value, count: end - value), as: UTF8.self))
            }
        }
        tree.start(name: name, attributeStart: attributeStart)
        return true
    }
}

private func builder(_ ctx: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, UnsafeMutablePointer<SAXBuilder>)? {
    guard let ctx else { return nil }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = ctxt.pointee._private else { return nil }
    return (ctxt, raw.assumingMemoryBound(to: SAXBuilder.self))
}

private let saxStart: startElementNsSAX2Func = { ctx, local, _, uri, _, _, count, _, attributes in
    guard let (ctxt, b) = builder(ctx) else { return }
    if !b.pointee.start(local, uri, Int(count), attributes) { xmlStopParser(ctxt) }
}

private let saxEnd: endElementNsSAX2Func = { ctx, _, _, _ in
    builder(ctx)?.1.pointee.tree.end()
}

private let saxCharacters: charactersSAXFunc = { ctx, chars, length in
    guard let (_, b) = builder(ctx), let chars, length > 0, !b.pointee.tree.open.isEmpty else { return }
    b.pointee.tree.pendingText.append(contentsOf: UnsafeBufferPointer(start: chars, count: Int(length)))
}

private let saxDoctype: internalSubsetSAXFunc = { ctx, _, _, _ in
    guard let (ctxt, b) = builder(ctx) else { return }
    b.pointee.error = XMLParseError(kind: .doctypeForbidden, line: 0, message: "document declares a DTD (refused: DTDs and entities are never loaded)")
    xmlStopParser(ctxt)
}
