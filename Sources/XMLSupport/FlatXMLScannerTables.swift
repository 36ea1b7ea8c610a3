/// Namespace bindings in scope while `FlatXMLScanner` reads, innermost last, with the namespace
/// names as ids (0: no namespace; 1: the `xml` prefix's).
struct NamespaceScope {
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// Prefix bytes in the input (length 0: the default namespace) and namespace id.
    var bindings: [(prefix: Int, length: Int, uri: Int32)] = []
    var uris: [String] = ["", xml]
    var ids: [String: Int32] = ["": 0, xml: 1]
    /// The namespace of unprefixed element names.
    var defaultURI: Int32 = 0
    /// Prefix → namespace id, for the bindings in scope (emptied when they change).
    var cache = ByteKeyTable()

    mutating func push(prefix: Int, length: Int, uri: String) {
        let id: Int32
        if let known = ids[uri] {
            id = known
        } else {
            id = Int32(uris.count)
            uris.append(uri)
            ids[uri] = id
        }
        bindings.append((prefix, length, id))
        if length == 0 { defaultURI = id }
        cache.removeAll()
    }

    /// Drops the bindings of elements that closed.
    mutating func pop(to count: Int) {
        guard bindings.count > count else { return }
        bindings.removeSubrange(count...)
        defaultURI = bindings.last { $0.length == 0 }?.uri ?? 0
        cache.removeAll()
    }

    /// The namespace a prefix is bound to (`xml` always is), or nil when it is not declared.
    mutating func resolve(_ p: UnsafePointer<UInt8>, _ start: Int, _ length: Int) -> Int32? {
        let found = cache.find(p, start, start + length, tag: 0)
        if let id = found.value { return id }
        var id: Int32?
        if let binding = bindings.last(where: { b in b.length == length && (0..<length).allSatisfy { p[b.prefix + $0] == p[start + $0] } }) {
            id = binding.uri
        } else if length == 3, p[start] == UInt8(ascii: "x"), p[start + 1] == UInt8(ascii: "m"), p[start + 2] == UInt8(ascii: "l") {
            id = 1
        }
        if let id { cache.insert(p, start, start + length, tag: 0, hash: found.hash, value: id) }
        return id
    }
}

/// An open-addressing hash table from (tag, bytes of the input) to an Int32, for names read
/// from one buffer: keys are kept as offsets into it, so a lookup allocates nothing.
struct ByteKeyTable {
    struct Entry {
        var hash: UInt32 = 0
        var tag: Int32 = 0
        var start: Int32 = 0
        var length: Int32 = 0
        /// -1: empty slot.
        var value: Int32 = -1
    }

    var entries = [Entry](repeating: Entry(), count: 64)
    var count = 0

    static func hash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, tag: Int32) -> UInt32 {
        var h: UInt32 = 2_166_136_261 ^ UInt32(bitPattern: tag)
        for k in start..<end { h = (h ^ UInt32(p[k])) &* 16_777_619 }
        return h
    }

    /// The value stored for the key, and the key's hash (for `insert`).
    func find(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, tag: Int32) -> (hash: UInt32, value: Int32?) {
        let h = Self.hash(p, start, end, tag: tag)
        let mask = entries.count - 1
        var slot = Int(h) & mask
        while true {
            let e = entries[slot]
            if e.value < 0 { return (h, nil) }
            if e.hash == h, e.tag == tag, Int(e.length) == end - start,
                (0..<(end - start)).allSatisfy({ p[Int(e.start) + $0] == p[start + $0] })
            {
                return (h, e.value)
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, tag: Int32, hash: UInt32, value: Int32) {
        if (count + 1) * 2 > entries.count { grow() }
        place(Entry(hash: hash, tag: tag, start: Int32(start), length: Int32(end - start), value: value))
        count += 1
    }

    private mutating func place(_ entry: Entry) {
        let mask = entries.count - 1
        var slot = Int(entry.hash) & mask
        while entries[slot].value >= 0 { slot = (slot + 1) & mask }
        entries[slot] = entry
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(), count: old.count * 2)
        for e in old where e.value >= 0 { place(e) }
    }

    mutating func removeAll() {
        guard count > 0 else { return }
        for k in entries.indices { entries[k].value = -1 }
        count = 0
    }
}
