import Testing
import ZipSupport
import ZipWriting

/// The ZIP reader on archives written by libzip (ZipWriting) and on archives built here byte
/// by byte (PKWARE APPNOTE 4.3: local headers, central directory, end records, ZIP64).
@Suite struct ZipReaderTests {
    static let xml = Array("<w:document><w:body><w:p/></w:body></w:document>".utf8)

    @Test func readsWhatLibzipWrites() throws {
        let text = Array(String(repeating: "政府信息公开 ", count: 2_000).utf8)
        let bytes = try ZipWriter.archive([(path: "[Content_Types].xml", data: Self.xml), (path: "word/document.xml", data: text)])
        let archive = try ZipArchive(bytes: bytes)
        #expect(archive.entryNames == ["[Content_Types].xml", "word/document.xml"])
        #expect(archive.contains("word/document.xml"))
        #expect(!archive.contains("word/styles.xml"))
        #expect(try archive.contents(of: "word/document.xml") == text)
        #expect(try archive.contents(of: "[Content_Types].xml") == Self.xml)
        #expect(throws: ZipError(.missingEntry, entry: "word/styles.xml", "no such entry")) { try archive.contents(of: "word/styles.xml") }
    }

    @Test func readsStoredAndZip64Entries() throws {
        for zip64 in [false, true] {
            let archive = try ZipArchive(bytes: HandZip(name: "word/document.xml", data: Self.xml, zip64: zip64).bytes)
            #expect(archive.entryNames == ["word/document.xml"])
            #expect(try archive.contents(of: "word/document.xml") == Self.xml)
        }
    }

    /// A comment may follow the end record and may itself contain the record's signature.
    @Test func endRecordIsFoundBeforeAComment() throws {
        var zip = HandZip(name: "a.xml", data: Self.xml)
        zip.comment = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18) + Array("end".utf8)
        #expect(try ZipArchive(bytes: zip.bytes).contents(of: "a.xml") == Self.xml)
    }

    @Test func damageIsNamed() throws {
        func error(_ change: (inout HandZip) -> Void) -> ZipError? {
            var zip = HandZip(name: "a.xml", data: Self.xml)
            change(&zip)
            do {
                _ = try ZipArchive(bytes: zip.bytes).contents(of: "a.xml")
                return nil
            } catch { return error }
        }
        #expect(error { $0.crc ^= 1 }?.message == "CRC error")
        #expect(error { $0.flags = 1 }?.kind == .encrypted)
        #expect(error { $0.localName = "b.xml" }?.message == "local header names another entry")
        #expect(error { $0.declaredSize += 1 }?.message == "stored entry's sizes differ")
        #expect(error { $0.method = 12 }?.message == "compression method 12 not supported")
        #expect(error { $0.truncateData = true }?.message == "entry data runs past its end (into the central directory)")
        #expect(error { $0.disk = 1 }?.kind == .corrupt)
    }

    /// Deflated data that inflates past the size the directory declares is refused, not followed.
    @Test func inflatedSizeIsChecked() throws {
        let text = Array(String(repeating: "表一 ", count: 500).utf8)
        let good = try ZipWriter.archive([(path: "a.xml", data: text)])
        for (delta, words) in [(-1, "longer than its declared size"), (1, "shorter than its declared size")] {
            var bytes = good
            let directory = try #require(HandZip.find(bytes, signature: 0x0201_4B50))
            let size = Int(HandZip.u32(bytes, directory + 24)) + delta
            bytes.replaceSubrange((directory + 24)..<(directory + 28), with: HandZip.le32(UInt32(size)))
            #expect(throws: ZipError(.corrupt, entry: "a.xml", "entry is \(words)")) { try ZipArchive(bytes: bytes).contents(of: "a.xml") }
        }
    }

    @Test func notAZip() {
        for bytes: [UInt8] in [[], Array("PK".utf8), [UInt8](repeating: 0x50, count: 300), [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0xAB, count: 400)] {
            #expect { try ZipArchive(bytes: bytes) } throws: { ($0 as? ZipError)?.kind == .notAZip }
        }
    }
}

/// One stored entry, written field by field, with knobs for damage.
struct HandZip {
    var name: String
    var data: [UInt8]
    var zip64 = false
    var comment: [UInt8] = []
    var crc: UInt32
    var flags: UInt16 = 0
    var method: UInt16 = 0
    var localName: String
    var declaredSize: Int
    var truncateData = false
    var disk: UInt16 = 0

    init(name: String, data: [UInt8], zip64: Bool = false) {
        self.name = name
        self.data = data
        self.zip64 = zip64
        crc = Self.crc32(data)
        localName = name
        declaredSize = data.count
    }

    var bytes: [UInt8] {
        let wide: UInt32 = 0xFFFF_FFFF
        var out: [UInt8] = Self.le32(0x0403_4B50) + Self.le16(zip64 ? 45 : 20) + Self.le16(flags) + Self.le16(method)
        out += Self.le16(0) + Self.le16(0x21) + Self.le32(crc) + Self.le32(UInt32(data.count)) + Self.le32(UInt32(data.count))
        out += Self.le16(UInt16(localName.utf8.count)) + Self.le16(0) + Array(localName.utf8) + (truncateData ? [] : data)
        let directory = out.count
        var extra: [UInt8] = []
        if zip64 { extra = Self.le16(1) + Self.le16(24) + Self.le64(UInt64(declaredSize)) + Self.le64(UInt64(data.count)) + Self.le64(0) }
        out += Self.le32(0x0201_4B50) + Self.le16(zip64 ? 45 : 20) + Self.le16(zip64 ? 45 : 20) + Self.le16(flags) + Self.le16(method)
        out += Self.le16(0) + Self.le16(0x21) + Self.le32(crc)
        out += zip64 ? Self.le32(wide) + Self.le32(wide) : Self.le32(UInt32(data.count)) + Self.le32(UInt32(declaredSize))
        out += Self.le16(UInt16(name.utf8.count)) + Self.le16(UInt16(extra.count)) + Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le32(0)
        out += (zip64 ? Self.le32(wide) : Self.le32(0)) + Array(name.utf8) + extra
        let size = out.count - directory
        if zip64 {
            let record = out.count
            out += Self.le32(0x0606_4B50) + Self.le64(44) + Self.le16(45) + Self.le16(45) + Self.le32(0) + Self.le32(0)
            out += Self.le64(1) + Self.le64(1) + Self.le64(UInt64(size)) + Self.le64(UInt64(directory))
            out += Self.le32(0x0706_4B50) + Self.le32(0) + Self.le64(UInt64(record)) + Self.le32(1)
        }
        out += Self.le32(0x0605_4B50) + Self.le16(disk) + Self.le16(0)
        out += zip64 ? Self.le16(0xFFFF) + Self.le16(0xFFFF) + Self.le32(wide) + Self.le32(wide) : Self.le16(1) + Self.le16(1) + Self.le32(UInt32(size)) + Self.le32(UInt32(directory))
        return out + Self.le16(UInt16(comment.count)) + comment
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }
    static func le64(_ v: UInt64) -> [UInt8] { le32(UInt32(v & 0xFFFF_FFFF)) + le32(UInt32(v >> 32)) }
    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[at + $1]) << (8 * $1) } }
    static func find(_ b: [UInt8], signature: UInt32) -> Int? { (0..<(b.count - 3)).first { u32(b, $0) == signature } }

    /// CRC-32 (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
