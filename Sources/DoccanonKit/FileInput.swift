#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading an input file with the size limit checked before any byte is read, so that a huge
/// file costs one `fstat`, not its size in memory.
public enum FileInput {
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], ConversionError> {
        read(Array(path.utf8), display: path, limit: limit)
    }

    /// - Parameters:
    ///   - raw: the path's bytes as the file system knows them.
    ///   - display: the path in messages.
    public static func read(_ raw: [UInt8], display path: String, limit: Int) -> Result<[UInt8], ConversionError> {
        if raw.isEmpty { return .failure(ConversionError(.unreadable, "empty path")) }
        if raw.contains(0) { return .failure(ConversionError(.unreadable, "\(printable(path)): path contains a NUL byte")) }
        let fd = (raw + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> Int32 in
                guard let base = chars.baseAddress else { return -1 }
                return open(base, O_RDONLY | O_CLOEXEC)
            }
        }
        guard fd >= 0 else {
            let reason = errno == ENOENT || errno == ENOTDIR ? "no such file" : "cannot open (\(message(errno)))"
            return .failure(ConversionError(.unreadable, "\(printable(path)): \(reason)"))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            return .failure(ConversionError(.unreadable, "\(printable(path)): cannot read file (\(message(errno)))"))
        }
        let mode = info.st_mode & S_IFMT
        if mode == S_IFDIR { return .failure(ConversionError(.unreadable, "\(printable(path)): is a directory")) }
        let regular = mode == S_IFREG
        if regular, Int(info.st_size) > limit {
            return .failure(ConversionError(.tooLarge, "\(printable(path)): input is \(info.st_size) bytes (limit \(limit))"))
        }
        // A regular file is read in one buffer of its size; anything else (a pipe, a device) in
        // chunks, stopping one byte past the limit.
        var bytes = [UInt8](repeating: 0, count: regular ? Int(info.st_size) + 1 : 64 << 10)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { break }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - count + 1)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemRead(fd, base + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ConversionError(.unreadable, "\(printable(path)): cannot read file (\(message(errno)))"))
            }
            if n == 0 { break }
            count += n
        }
        if count > limit {
            return .failure(ConversionError(.tooLarge, "\(printable(path)): input is more than \(limit) bytes (limit \(limit))"))
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// A path as it may appear in a message: control characters escaped.
    public static func printable(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}

#if canImport(Glibc)
@inline(__always) private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    Glibc.read(fd, buffer, count)
}
#elseif canImport(Darwin)
@inline(__always) private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    Darwin.read(fd, buffer, count)
}
#endif
