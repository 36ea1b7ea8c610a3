/// One central directory record, with ZIP64 sizes resolved.
struct ZipEntry {
    var name: String
    /// The name's bytes as the directory holds them (compared with the local header's).
    var rawName: Range<Int>
    var flags: UInt16
    var method: UInt16
    var crc: UInt32
    var compressedSize: Int
    var size: Int
    var localOffset: Int

    /// Bit 0 of the general purpose flags, or the WinZip AES method (99).
    var isEncrypted: Bool { flags & 1 != 0 || method == 99 }

    /// Where the entry's data starts: after its local header, which must be there, name the
    /// same entry and leave room for the compressed bytes before `limit` (the directory).
    func dataOffset(in bytes: [UInt8], limit: Int) throws(ZipError) -> Int {
        let reader = LittleEndian(bytes)
        guard localOffset + 30 <= limit, reader.u32(localOffset) == 0x0403_4B50 else {
            throw ZipError(.corrupt, entry: name, "local header missing or damaged")
        }
        let nameLength = Int(reader.u16(localOffset + 26))
        let start = localOffset + 30 + nameLength + Int(reader.u16(localOffset + 28))
        guard start + compressedSize <= limit else {
            throw ZipError(.corrupt, entry: name, "entry data runs past its end (into the central directory)")
        }
        guard bytes[(localOffset + 30)..<(localOffset + 30 + nameLength)].elementsEqual(bytes[rawName]) else {
            throw ZipError(.corrupt, entry: name, "local header names another entry")
        }
        return start
    }
}

/// The end of central directory record (and its ZIP64 form): where the directory is and how
/// many entries it lists.
struct CentralDirectory {
    var offset: Int
    var size: Int
    var count: Int

    /// The end record is searched from the end (a comment of up to 64 KiB may follow it, and
    /// may itself hold the signature): a record whose comment ends the file is tried first,
    /// then the others, the last first; the first that describes a directory is taken.
    static func locate(in bytes: [UInt8]) throws(ZipError) -> CentralDirectory {
        guard bytes.count >= 22 else { throw notAZip }
        let reader = LittleEndian(bytes)
        var candidates: [Int] = []
        var at = bytes.count - 22
        while at >= max(0, bytes.count - 22 - 0xFFFF) {
            if bytes[at] == 0x50, reader.u32(at) == 0x0605_4B50 {
                let end = at + 22 + Int(reader.u16(at + 20))
                if end == bytes.count { candidates.insert(at, at: 0) } else if end < bytes.count { candidates.append(at) }
            }
            at -= 1
        }
        var firstError: ZipError?
        for candidate in candidates {
            do throws(ZipError) {
                return try directory(endingAt: candidate, in: bytes)
            } catch {
                firstError = firstError ?? error
            }
        }
        throw firstError ?? notAZip
    }

    private static let notAZip = ZipError(.notAZip, "not a ZIP archive (no end of central directory record)")

    private static func directory(endingAt end: Int, in bytes: [UInt8]) throws(ZipError) -> CentralDirectory {
        let reader = LittleEndian(bytes)
        if reader.u16(end + 4) != 0 || reader.u16(end + 6) != 0 {
            throw ZipError(.corrupt, "archives split over several disks are not supported")
        }
        var directory = CentralDirectory(
            offset: Int(reader.u32(end + 16)), size: Int(reader.u32(end + 12)), count: Int(reader.u16(end + 10)))
        if directory.count == 0xFFFF || directory.size == 0xFFFF_FFFF || directory.offset == 0xFFFF_FFFF {
            directory = try zip64(bytes, end: end) ?? directory
        }
        guard directory.offset + directory.size <= end,
            directory.count == 0 || (directory.size >= 46 && reader.u32(directory.offset) == 0x0201_4B50)
        else {
            throw ZipError(.corrupt, "central directory missing or outside the archive")
        }
        return directory
    }

    private static func zip64(_ bytes: [UInt8], end: Int) throws(ZipError) -> CentralDirectory? {
        let reader = LittleEndian(bytes)
        guard end >= 20, reader.u32(end - 20) == 0x0706_4B50 else { return nil }
        let record = reader.u64(end - 12)
        guard record <= UInt64(end - 56), reader.u32(Int(record)) == 0x0606_4B50 else {
            throw ZipError(.corrupt, "ZIP64 end of central directory record missing or damaged")
        }
        let at = Int(record)
        let count = reader.u64(at + 32), size = reader.u64(at + 40), offset = reader.u64(at + 48)
        guard count <= UInt64(Int32.max), size <= UInt64(bytes.count), offset <= UInt64(bytes.count) else {
            throw ZipError(.corrupt, "ZIP64 end of central directory record out of range")
        }
        return CentralDirectory(offset: Int(offset), size: Int(size), count: Int(count))
    }

    /// Every record of the directory, in order.
    func entries(in bytes: [UInt8]) throws(ZipError) -> [ZipEntry] {
        let reader = LittleEndian(bytes)
        let limit = offset + size
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var at = offset
        for number in 0..<count {
            guard at + 46 <= limit, reader.u32(at) == 0x0201_4B50 else {
                throw ZipError(.corrupt, "central directory record \(number + 1) of \(count) missing or damaged")
            }
            let nameLength = Int(reader.u16(at + 28)), extraLength = Int(reader.u16(at + 30))
            let next = at + 46 + nameLength + extraLength + Int(reader.u16(at + 32))
            guard next <= limit else { throw ZipError(.corrupt, "central directory record \(number + 1) runs past the directory") }
            var entry = ZipEntry(
                name: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self), rawName: (at + 46)..<(at + 46 + nameLength),
                flags: reader.u16(at + 8), method: reader.u16(at + 10), crc: reader.u32(at + 16),
                compressedSize: Int(reader.u32(at + 20)), size: Int(reader.u32(at + 24)), localOffset: Int(reader.u32(at + 42)))
            try Self.applyZip64(&entry, extra: (at + 46 + nameLength)..<(at + 46 + nameLength + extraLength), reader: reader)
            entries.append(entry)
            at = next
        }
        return entries
    }

    /// ZIP64 extended information (header 0x0001): 8-byte values, in this order, for the
    /// fields whose 4-byte value is 0xFFFFFFFF.
    private static func applyZip64(_ entry: inout ZipEntry, extra: Range<Int>, reader: LittleEndian) throws(ZipError) {
        guard entry.size == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF || entry.localOffset == 0xFFFF_FFFF else { return }
        var at = extra.lowerBound
        while at + 4 <= extra.upperBound {
            let id = reader.u16(at), length = Int(reader.u16(at + 2))
            guard at + 4 + length <= extra.upperBound else { break }
            if id == 0x0001 {
                var field = at + 4
                func next() throws(ZipError) -> Int {
                    guard field + 8 <= at + 4 + length else { throw ZipError(.corrupt, entry: entry.name, "ZIP64 extra field too short") }
                    let value = reader.u64(field)
                    field += 8
                    guard value <= UInt64(Int.max >> 1) else { throw ZipError(.corrupt, entry: entry.name, "ZIP64 size out of range") }
                    return Int(value)
                }
                if entry.size == 0xFFFF_FFFF { entry.size = try next() }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next() }
                if entry.localOffset == 0xFFFF_FFFF { entry.localOffset = try next() }
                return
            }
            at += 4 + length
        }
        throw ZipError(.corrupt, entry: entry.name, "ZIP64 sizes without their extra field")
    }
}

/// Little-endian integers at byte offsets the caller has bounds-checked.
struct LittleEndian {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
}
