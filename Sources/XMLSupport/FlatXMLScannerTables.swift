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
    }

    /// Drops the bindings of elements that closed.
    mutating func pop(to count: Int) {
        bindings.removeSubrange(count...)
        defaultURI = bindings.last { $0.length == 0 }?.uri ?? 0
    }

    /// The namespace a prefix is bound to (`xml` always is), or nil when it is not declared.
    func resolve(_ p: UnsafePointer<UInt8>, _ start: Int, _ length: Int) -> Int32? {
        if let binding = bindings.last(where: { $0.length == length && ByteKeyTable.equal(p + $0.prefix, p + start, length) }) {
            return binding.uri
        }
        if length == 3, p[start] == UInt8(ascii: "x"), p[start + 1] == UInt8(ascii: "m"), p[start + 2] == UInt8(ascii: "l") {
            return 1
        }
        return nil
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

    /// A hash of the bytes `start..<end` of a buffer of `limit` bytes, eight at a time (the
    /// last one to seven bytes as one little-endian word, whichever way they are loaded).
    static func hash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, limit: Int) -> UInt32 {
        var h = UInt64(truncatingIfNeeded: end - start) &* 0x9E37_79B9_7F4A_7C15
        var k = start
        while k + 8 <= end {
            h = (h ^ UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h &>> 29
            k += 8
        }
        if k < end {
            var word: UInt64 = 0
            if k + 8 <= limit {
                word = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self) & (UInt64.max &>> UInt64(64 - 8 * (end - k)))
            } else {
                for j in k..<end { word |= UInt64(p[j]) &<< UInt64(8 * (j - k)) }
            }
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h &>> 32
        return UInt32(truncatingIfNeeded: h)
    }

    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var k = 0
        while k + 8 <= length {
            let x = UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self), y = UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self)
            if x != y { return false }
            k += 8
        }
        while k < length {
            if a[k] != b[k] { return false }
            k += 1
        }
        return true
    }

    /// The value stored for (tag, the bytes `start..<end`), whose hash is `hash`.
    func find(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, tag: Int32, hash: UInt32) -> Int32? {
        let mask = entries.count - 1
        var slot = Int(hash) & mask
        return entries.withUnsafeBufferPointer { entries in
            while true {
                let e = entries[slot]
                if e.value < 0 { return nil }
                if e.hash == hash, e.tag == tag, Int(e.length) == end - start, Self.equal(p + Int(e.start), p + start, end - start) {
                    return e.value
                }
                slot = (slot + 1) & mask
            }
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

    /// Empties the table in constant time (a new small table, not a pass over a large one).
    mutating func removeAll() {
        guard count > 0 else { return }
        if entries.count > 64 {
            entries = [Entry](repeating: Entry(), count: 64)
        } else {
            for k in entries.indices { entries[k].value = -1 }
        }
        count = 0
    }
}
