internal import CLibZip

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

/// A read-only ZIP archive in memory, through libzip. Not Sendable: a `zip_t` must not be
/// shared across threads; open one per document.
public final class ZipArchive {
    private let handle: OpaquePointer
    /// Keeps the bytes alive for libzip's buffer source.
    private let storage: UnsafeMutableRawBufferPointer
    public let limits: ZipLimits
    private var inflatedSoFar = 0

    /// - SeeAlso: `zip_source_buffer_create`, `zip_open_from_source`.
    public init(bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(ZipError) {
        self.limits = limits
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        self.storage = storage
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(storage.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            storage.deallocate()
            throw ZipError(.io, "cannot read archive bytes")
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(source)
            storage.deallocate()
            let code = zip_error_code_zip(&error)
            let message = String(cString: zip_error_strerror(&error))
            throw ZipError(code == ZIP_ER_NOZIP ? .notAZip : .corrupt, message)
        }
        handle = archive
        let count = zip_get_num_entries(archive, 0)
        if count < 0 || Int(count) > limits.maxEntries {
            // Every stored property is set: deinit runs and frees the archive and the bytes.
            throw ZipError(.tooLarge, "archive lists \(count) entries (limit \(limits.maxEntries))")
        }
    }

    deinit {
        zip_discard(handle)
        storage.deallocate()
    }

    /// Entry names in archive order.
    public var entryNames: [String] {
        let count = zip_get_num_entries(handle, 0)
        guard count > 0 else { return [] }
        var names: [String] = []
        for i in 0..<count {
            if let name = zip_get_name(handle, zip_uint64_t(i), ZIP_FL_ENC_GUESS) { names.append(String(cString: name)) }
        }
        return names
    }

    public func contains(_ name: String) -> Bool { zip_name_locate(handle, name, 0) >= 0 }

    /// The inflated bytes of one entry, within the limits.
    /// - SeeAlso: `zip_stat`, `zip_fopen`, `zip_fread`.
    public func contents(of name: String) throws(ZipError) -> [UInt8] {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat(handle, name, 0, &stat) == 0 else { throw ZipError(.missingEntry, entry: name, "no such entry") }
        if stat.valid & zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD) != 0, stat.encryption_method != UInt16(ZIP_EM_NONE) {
            throw ZipError(.encrypted, entry: name, "entry is encrypted")
        }
        let declared = Int(clamping: stat.size)
        let compressed = Int(clamping: stat.comp_size)
        if declared > limits.maxEntryBytes {
            throw ZipError(.tooLarge, entry: name, "inflates to \(declared) bytes (limit \(limits.maxEntryBytes))")
        }
        if compressed > 0, declared / compressed > limits.maxRatio, declared > 1 << 20 {
            throw ZipError(.tooLarge, entry: name, "compression ratio \(declared / compressed):1 exceeds \(limits.maxRatio):1")
        }
        if inflatedSoFar + declared > limits.maxTotalBytes {
            throw ZipError(.tooLarge, entry: name, "archive inflates beyond \(limits.maxTotalBytes) bytes")
        }
        guard let file = zip_fopen(handle, name, 0) else {
            throw ZipError(.corrupt, entry: name, zipErrorMessage(zip_get_error(handle)))
        }
        defer { zip_fclose(file) }
        // Never trust the declared size: read at most one byte past it and fail if it is there.
        var out = [UInt8](repeating: 0, count: declared + 1)
        var filled = 0
        while filled < out.count {
            let n = out.withUnsafeMutableBytes { buf in
                zip_fread(file, buf.baseAddress! + filled, zip_uint64_t(buf.count - filled))
            }
            if n < 0 {
                throw ZipError(.corrupt, entry: name, zipErrorMessage(zip_file_get_error(file)))
            }
            if n == 0 { break }
            filled += Int(n)
        }
        if filled > declared { throw ZipError(.corrupt, entry: name, "entry is longer than its declared size") }
        out.removeLast(out.count - filled)
        inflatedSoFar += filled
        return out
    }
}

/// The message of an error libzip owns. `zip_error_strerror` allocates the text into the
/// error it is given: it gets a private copy of the codes, finished here, so nothing leaks
/// (a copy of the struct itself would leak the text; found by the DOCX fuzzer).
private func zipErrorMessage(_ error: UnsafeMutablePointer<zip_error_t>?) -> String {
    guard let error else { return "unknown libzip error" }
    var copy = zip_error_t()
    zip_error_init(&copy)
    defer { zip_error_fini(&copy) }
    zip_error_set(&copy, zip_error_code_zip(error), zip_error_code_system(error))
    return String(cString: zip_error_strerror(&copy))
}

/// Writes a ZIP archive in memory (deflated entries), for test fixtures and generated corpora.
public enum ZipWriter {
    /// - SeeAlso: `zip_source_buffer_create`, `zip_file_add`, `zip_source_keep`.
    public static func archive(_ entries: [(path: String, data: [UInt8])]) throws(ZipError) -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let target = zip_source_buffer_create(nil, 0, 0, &error) else { throw ZipError(.io, "cannot create buffer") }
        zip_source_keep(target)
        defer { zip_source_free(target) }
        guard let archive = zip_open_from_source(target, ZIP_TRUNCATE, &error) else { throw ZipError(.io, "cannot open archive for writing") }
        // Buffers handed to libzip must outlive zip_close.
        var buffers: [UnsafeMutableRawBufferPointer] = []
        defer { for b in buffers { b.deallocate() } }
        for entry in entries {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(entry.data.count, 1), alignment: 1)
            entry.data.withUnsafeBytes { buffer.copyMemory(from: $0) }
            buffers.append(buffer)
            guard let source = zip_source_buffer(archive, buffer.baseAddress, zip_uint64_t(entry.data.count), 0) else {
                zip_discard(archive)
                throw ZipError(.io, entry: entry.path, "cannot add entry")
            }
            let index = zip_file_add(archive, entry.path, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
            if index < 0 {
                zip_source_free(source)
                zip_discard(archive)
                throw ZipError(.io, entry: entry.path, "cannot add entry")
            }
            // A fixed time stamp (1980-01-01) keeps generated archives byte-identical across runs.
            zip_file_set_mtime(archive, zip_uint64_t(index), 315_532_800, 0)
        }
        guard zip_close(archive) == 0 else {
            zip_discard(archive)
            throw ZipError(.io, "cannot finish archive")
        }
        guard zip_source_open(target) == 0 else { throw ZipError(.io, "cannot read finished archive") }
        defer { zip_source_close(target) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { zip_source_read(target, $0.baseAddress, zip_uint64_t($0.count)) }
            if n <= 0 { break }
            out += chunk[0..<Int(n)]
        }
        return out
    }
}
