internal import CZlib

/// What went wrong with an archive, naming the entry where there is one.
public struct ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case notAZip
        case corrupt
        case encrypted
        case missingEntry
        /// An entry or the whole archive inflates beyond the configured limits (zip bomb).
        case tooLarge
        case io
    }
    public var kind: Kind
    public var entry: String?
    public var message: String

    public init(_ kind: Kind, entry: String? = nil, _ message: String) {
        self.kind = kind
        self.entry = entry
        self.message = message
    }

    public var description: String { entry.map { "\($0): \(message)" } ?? message }
}

/// Bounds on decompression, checked before and during inflation.
public struct ZipLimits: Sendable, Equatable {
    /// Largest inflated size of one entry.
    public var maxEntryBytes: Int
    /// Largest inflated size summed over every entry read from one archive.
    public var maxTotalBytes: Int
    /// Largest inflated/compressed ratio of one entry (ordinary XML stays far below 100).
    public var maxRatio: Int
    /// Most entries an archive may list.
    public var maxEntries: Int

    public init(maxEntryBytes: Int = 64 << 20, maxTotalBytes: Int = 256 << 20, maxRatio: Int = 200, maxEntries: Int = 10_000) {
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.maxEntries = maxEntries
    }
}

/// A read-only ZIP archive in memory: the central directory is read here (PKWARE APPNOTE
/// 4.3, with the ZIP64 records), entries are inflated by zlib. Stored and deflated entries
/// are read (the two methods OOXML packages use); every entry's CRC-32 and sizes are checked.
/// Not Sendable: it counts what it has inflated; open one per document.
public final class ZipArchive {
    private let bytes: [UInt8]
    private let entries: [ZipEntry]
    /// Entry index by name; the first of duplicate names wins.
    private let index: [String: Int]
    /// Where the central directory starts: every entry's data lies before it.
    private let directoryOffset: Int
    public let limits: ZipLimits
    private var inflatedSoFar = 0

    public init(bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(ZipError) {
        self.bytes = bytes
        self.limits = limits
        let directory = try CentralDirectory.locate(in: bytes)
        if directory.count > limits.maxEntries {
            throw ZipError(.tooLarge, "archive lists \(directory.count) entries (limit \(limits.maxEntries))")
        }
        entries = try directory.entries(in: bytes)
        directoryOffset = directory.offset
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() where index[entry.name] == nil { index[entry.name] = i }
        self.index = index
    }

    /// Entry names in archive order.
    public var entryNames: [String] { entries.map(\.name) }

    public func contains(_ name: String) -> Bool { index[name] != nil }

    /// The inflated bytes of one entry, within the limits.
    public func contents(of name: String) throws(ZipError) -> [UInt8] {
        guard let i = index[name] else { throw ZipError(.missingEntry, entry: name, "no such entry") }
        let entry = entries[i]
        if entry.isEncrypted { throw ZipError(.encrypted, entry: name, "entry is encrypted") }
        let declared = entry.size
        if declared > limits.maxEntryBytes {
            throw ZipError(.tooLarge, entry: name, "inflates to \(declared) bytes (limit \(limits.maxEntryBytes))")
        }
        let compressed = entry.compressedSize
        if compressed > 0, declared / compressed > limits.maxRatio, declared > 1 << 20 {
            throw ZipError(.tooLarge, entry: name, "compression ratio \(declared / compressed):1 exceeds \(limits.maxRatio):1")
        }
        if inflatedSoFar + declared > limits.maxTotalBytes {
            throw ZipError(.tooLarge, entry: name, "archive inflates beyond \(limits.maxTotalBytes) bytes")
        }
        let start = try entry.dataOffset(in: bytes, limit: directoryOffset)
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard compressed == declared else { throw ZipError(.corrupt, entry: name, "stored entry's sizes differ") }
            out = Array(bytes[start..<start + compressed])
        case 8:
            out = try Inflater.inflate(bytes, from: start, count: compressed, declared: declared, entry: name)
        default:
            throw ZipError(.corrupt, entry: name, "compression method \(entry.method) not supported")
        }
        if out.count != declared { throw ZipError(.corrupt, entry: name, "entry is shorter than its declared size") }
        if Inflater.crc32(out) != entry.crc { throw ZipError(.corrupt, entry: name, "CRC error") }
        inflatedSoFar += out.count
        return out
    }
}

/// Raw deflate through zlib, into a buffer one byte longer than the declared size: data that
/// inflates past the declared size is refused, never followed.
enum Inflater {
    static func inflate(_ bytes: [UInt8], from start: Int, count: Int, declared: Int, entry: String) throws(ZipError) -> [UInt8] {
        guard count <= Int(UInt32.max), declared < Int(UInt32.max) else {
            throw ZipError(.tooLarge, entry: entry, "entry over 4 GiB")
        }
        var out = [UInt8](repeating: 0, count: declared + 1)
        var stream = z_stream()
        guard doccanon_inflate_init_raw(&stream) == Z_OK else { throw ZipError(.io, entry: entry, "cannot start inflation") }
        defer { inflateEnd(&stream) }
        let (status, filled) = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + start)
                stream.avail_in = uInt(count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                let status = CZlib.inflate(&stream, Z_FINISH)
                return (status, output.count - Int(stream.avail_out))
            }
        }
        if filled > declared { throw ZipError(.corrupt, entry: entry, "entry is longer than its declared size") }
        switch status {
        case Z_STREAM_END: break
        case Z_DATA_ERROR: throw ZipError(.corrupt, entry: entry, "invalid compressed data")
        case Z_MEM_ERROR: throw ZipError(.io, entry: entry, "out of memory while inflating")
        default: throw ZipError(.corrupt, entry: entry, "compressed data ends early")
        }
        out.removeLast(out.count - filled)
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return UInt32(truncatingIfNeeded: CZlib.crc32_z(0, base, z_size_t(buffer.count)))
        }
    }
}
