import Collections

/// The inputs named on the command line, walked as `doccanon check` walks them (Collections'
/// `InputWalker`: files as given, folders recursively in byte order of the names, files with a
/// report's extension, hidden entries and links to folders skipped), so that review and check
/// see the same collection in the same order. A path that cannot be walked is kept: reading it
/// gives its error.
enum InputWalk {
    static func files(_ paths: [String]) -> [String] {
        InputWalker(paths).map { item in
            switch item {
            case .file(let path): return path
            case .failure(let path, _): return path
            }
        }
    }
}
