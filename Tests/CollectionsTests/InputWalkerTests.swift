import Collections
import Foundation
import Testing

@Suite struct InputWalkerTests {
    /// Folders in byte order of names, recursively; report extensions only; hidden entries and
    /// links to folders (a cycle here) skipped; a file named directly is read whatever its name.
    @Test func walkOrderAndFilters() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doccanon-walk-\(UUID().uuidString)")
        let fm = FileManager.default
        for dir in ["b", "a/z", ".hidden"] { try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true) }
        defer { try? fm.removeItem(at: root) }
        for file in ["b/2.txt", "b/1.DOCX", "a/z/x.json", "a/readme.md", "a/y.html", ".hidden/h.txt", "c.txt", "notes"] {
            _ = fm.createFile(atPath: root.appendingPathComponent(file).path, contents: Data("x".utf8))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/loop").path, withDestinationPath: root.path)
        let items = Array(InputWalker([root.path, root.appendingPathComponent("notes").path, "/nonexistent/doccanon"]))
        let r = root.path
        #expect(items == [
            .file("\(r)/a/y.html"), .file("\(r)/a/z/x.json"), .file("\(r)/b/1.DOCX"), .file("\(r)/b/2.txt"), .file("\(r)/c.txt"),
            .file("\(r)/notes"), .failure(path: "/nonexistent/doccanon", message: "/nonexistent/doccanon: no such file or folder"),
        ])
    }
}
