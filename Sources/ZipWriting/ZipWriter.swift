internal import CLibZip
import ZipSupport

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
