#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing outputs without Foundation (which would cost every process its start-up): standard
/// streams, and files written to a temporary name and renamed, so never half written.
public enum FileOutput {
    public static let standardOutput: Int32 = 1
    public static let standardError: Int32 = 2

    /// Writes every byte to a file descriptor; false when the write fails (a full disk, a
    /// closed pipe).
    @discardableResult
    public static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemWrite(fd, base + offset, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            if n == 0 { return false }
            offset += n
        }
        return true
    }

    @discardableResult
    public static func write(_ text: String, to fd: Int32) -> Bool { write(Array(text.utf8), to: fd) }

    /// Writes `bytes` to `path` through a temporary file in the same directory and a rename.
    /// Returns the reason on failure; nothing is left behind then.
    public static func atomicWrite(_ bytes: [UInt8], to path: String) -> String? {
        let temp = path + ".tmp-doccanon"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return FileInput.message(errno) }
        let written = write(bytes, to: fd)
        let reason = written ? nil : FileInput.message(errno)
        if close(fd) != 0 || !written {
            unlink(temp)
            return reason ?? "cannot close file"
        }
        if rename(temp, path) != 0 {
            let reason = FileInput.message(errno)
            unlink(temp)
            return reason
        }
        return nil
    }

    /// Creates a directory and its parents (like `mkdir -p`); true when it exists afterwards.
    public static func makeDirectories(_ path: String) -> Bool {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            _ = mkdir(prefix, 0o755)
            prefix += "/"
        }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Joins a directory and a file name.
    public static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Whether a file descriptor is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }
}

#if canImport(Glibc)
@inline(__always) private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    Glibc.write(fd, buffer, count)
}
#elseif canImport(Darwin)
@inline(__always) private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    Darwin.write(fd, buffer, count)
}
#endif
