#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Repeated start tags. Word repeats most of its tags byte for byte (`<w:sz w:val="32"/>`,
/// `<w:rFonts w:ascii="仿宋_GB2312" …/>`), and a tag's reading depends only on its bytes and on
/// the namespace bindings in scope. So a tag with no namespace declaration, read in full once,
/// is kept by its bytes from `<` to its `>`; a later tag whose bytes up to the first `>` are the
/// same is that tag (a `>` inside a value would end the bytes early, and no whole tag is such
/// a prefix), and is read from what was kept: same element name, same kept attributes.
extension FlatXMLScanner {
    /// How a start tag was read.
    struct TagReading {
        var name: Int32
        var nameLength: Int
        var empty: Bool
        /// Its kept attributes in `tagAttributeNames` and `tagAttributeValues`.
        var attributes: Range<Int>
    }

    /// The bytes from `i` (a `<`) to the next `>`, as their end and hash.
    func tagCandidate() -> (end: Int, hash: UInt32)? {
        guard i + 1 < end, let found = memchr(p + i + 1, Int32(UInt8(ascii: ">")), end - i - 1) else { return nil }
        let tagEnd = UnsafeRawPointer(found) - UnsafeRawPointer(p) + 1
        return (tagEnd, ByteKeyTable.hash(p, i, tagEnd, limit: end))
    }

    /// Reads the tag at `i`, ending at `tagEnd`, as the kept reading `index`.
    mutating func repeatTag(_ index: Int, end tagEnd: Int) -> Bool {
        let reading = tagReadings[index]
        if !tree.pendingText.isEmpty { tree.flushText() }
        guard stack.count <= maxDepth else { return false }
        let attributeStart = Int32(tree.xml.attributeNames.count)
        for k in reading.attributes {
            tree.xml.attributeNames.append(tagAttributeNames[k])
            tree.xml.attributeValues.append(tagAttributeValues[k])
        }
        tree.start(name: reading.name, attributeStart: attributeStart)
        stack.append((i + 1, reading.nameLength, namespaces.bindings.count))
        i = tagEnd
        if reading.empty { closeElement() }
        return true
    }

    /// Keeps the reading of the tag just read at `start..<candidate.end`, whose kept attributes
    /// are the builder's from `keptFrom` on.
    mutating func rememberTag(_ start: Int, _ candidate: (end: Int, hash: UInt32), _ reading: TagReading, keptFrom: Int) {
        var reading = reading
        let first = tagAttributeNames.count
        let kept = keptFrom..<tree.xml.attributeNames.count
        tagAttributeNames.append(contentsOf: tree.xml.attributeNames[kept])
        tagAttributeValues.append(contentsOf: tree.xml.attributeValues[kept])
        reading.attributes = first..<tagAttributeNames.count
        tags.insert(p, start, candidate.end, tag: 0, hash: candidate.hash, value: Int32(tagReadings.count))
        tagReadings.append(reading)
    }
}
