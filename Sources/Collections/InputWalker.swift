#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths a collection command is given into the files to read, lazily: a file is
/// itself; a folder is every file under it with a report's extension (`extensions`), walked
/// recursively in byte order of the names, hidden entries (".name") and links to folders
/// skipped. Only one folder's
/// listing is held at a time per level, so a collection is never listed whole in memory.
public struct InputWalker: IteratorProtocol, Sequence {
    /// A path to read, or one that cannot be walked (missing, unreadable folder).
    public enum Item: Sendable, Equatable {
        case file(String)
        case failure(path: String, message: String)
    }

    /// Extensions (lower case) of the files read from folders. A file named on the command line
    /// is read whatever its name.
    public static let extensions: Set<String> = ["docx", "doc", "html", "htm", "shtml", "xhtml", "txt", "text", "json", "xml", "pdf"]

    private var roots: [String]
    private var rootIndex = 0
    /// Folders being walked: each with its remaining entries, sorted.
    private var stack: [(path: String, entries: [String], next: Int)] = []

    public init(_ paths: [String]) {
        roots = paths
    }

    public mutating func next() -> Item? {
        while true {
            if var top = stack.popLast() {
                guard top.next < top.entries.count else { continue }
                let name = top.entries[top.next]
                top.next += 1
                stack.append(top)
                let path = Self.join(top.path, name)
                switch Self.kind(path, insideFolder: true) {
                case .directory:
                    if let item = enter(path) { return item }
                case .file where Self.hasReportExtension(name):
                    return .file(path)
                default:
                    continue
                }
                continue
            }
            guard rootIndex < roots.count else { return nil }
            let root = roots[rootIndex]
            rootIndex += 1
            switch Self.kind(root) {
            case .directory:
                if let item = enter(root) { return item }
            case .missing:
                return .failure(path: root, message: "\(root): no such file or folder")
            default:
                return .file(root)
            }
        }
    }

    /// Pushes a folder's sorted listing; a failure item when it cannot be listed.
    private mutating func enter(_ path: String) -> Item? {
        guard let entries = Self.list(path) else {
            return .failure(path: path, message: "\(path): cannot list folder (\(String(cString: strerror(errno))))")
        }
        stack.append((path, entries, 0))
        return nil
    }

    static func hasReportExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    enum Kind { case file, directory, missing, other }

    /// What a path is. Inside a folder, a symbolic link to a folder is skipped (`other`), so a
    /// link cycle cannot make the walk endless; a link to a file is its file.
    static func kind(_ path: String, insideFolder: Bool = false) -> Kind {
        var info = stat()
        if insideFolder, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0 else { return .missing }
            return info.st_mode & S_IFMT == S_IFDIR ? .other : .file
        }
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// A folder's entry names without "." and hidden ones, in byte order.
    static func list(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
