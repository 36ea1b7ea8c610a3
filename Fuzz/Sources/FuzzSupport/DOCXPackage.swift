import ZipWriting

/// Wraps fuzzed WordprocessingML parts into a well-formed package, so that the fuzzer's
/// mutations reach the XML readers instead of being stopped by ZIP checksums. The input holds
/// word/document.xml, then optionally word/numbering.xml and word/styles.xml, separated by
/// `separator` lines.
public enum DOCXPackage {
    public static let separator: [UInt8] = Array("\n--doccanon-part--\n".utf8)

    static let contentTypes = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """.utf8)
    static let rels = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """.utf8)
    static let documentRels = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """.utf8)

    /// The package for a fuzz input, or nil if the writer refuses it.
    public static func package(_ input: [UInt8]) -> [UInt8]? {
        var parts: [[UInt8]] = []
        var start = 0
        var i = 0
        while i + separator.count <= input.count, parts.count < 2 {
            if input[i] == separator[0], input[i..<(i + separator.count)].elementsEqual(separator) {
                parts.append(Array(input[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Array(input[start...]))
        var entries: [(path: String, data: [UInt8])] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rels), ("word/_rels/document.xml.rels", documentRels),
            ("word/document.xml", parts[0]),
        ]
        if parts.count > 1 { entries.append(("word/numbering.xml", parts[1])) }
        if parts.count > 2 { entries.append(("word/styles.xml", parts[2])) }
        return try? ZipWriter.archive(entries)
    }
}
