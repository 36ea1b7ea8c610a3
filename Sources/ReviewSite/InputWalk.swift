#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The inputs named on the command line: files as given, folders walked recursively (names
/// sorted bytewise, hidden entries and symbolic links to folders skipped), so that the same
/// tree always gives the same order.
enum InputWalk {
    static func files(_ paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths { walk(path, depth: 0, into: &out) }
        return out
    }

    static func walk(_ path: String, depth: Int, into out: inout [String]) {
        var info = stat()
        guard depth < 64, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            out.append(path)
            return
        }
        guard let dir = opendir(path) else {
            out.append(path)
            return
        }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(dir)
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var childInfo = stat()
            if lstat(child, &childInfo) == 0, (childInfo.st_mode & S_IFMT) == S_IFLNK,
                stat(child, &childInfo) == 0, (childInfo.st_mode & S_IFMT) == S_IFDIR
            {
                continue
            }
            walk(child, depth: depth + 1, into: &out)
        }
    }
}
