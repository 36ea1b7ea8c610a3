import DocModel

/// Which findings concern which cell. A finding concerns a cell when its path is the cell's
/// path or the cell's row's path (a row inferred from its position, a label read as a
/// variant); a finding on a whole table or section is shown with it, not on every cell.
struct CellMarks {
    /// Finding indices by path.
    let byPath: [String: [Int]]
    let findings: [Finding]

    init(_ findings: [Finding]) {
        self.findings = findings
        var byPath: [String: [Int]] = [:]
        for (i, finding) in findings.enumerated() {
            if let path = finding.path { byPath[path, default: []].append(i) }
        }
        self.byPath = byPath
    }

    /// The findings of a cell: its own, then its row's.
    func findings(ofCell path: String) -> [Int] {
        var out = byPath[path] ?? []
        if let dot = path.lastIndex(of: ".") { out += byPath[String(path[..<dot])] ?? [] }
        return out
    }

    /// The most severe finding on a cell or on its row.
    func severity(of path: String) -> Severity? {
        findings(ofCell: path).map { findings[$0].severity }.min()
    }

    /// The most severe finding on a row itself (its label cell).
    func severity(ofRow path: String) -> Severity? {
        (byPath[path] ?? []).map { findings[$0].severity }.min()
    }

    /// Findings on a path that is no cell or row of the drawn tables (a table, a section, the
    /// metadata), or on none.
    func general(cellPaths: Set<String>) -> [Int] {
        var rowPaths: Set<String> = []
        for path in cellPaths {
            if let dot = path.lastIndex(of: ".") { rowPaths.insert(String(path[..<dot])) }
        }
        return findings.indices.filter { i in
            guard let path = findings[i].path else { return true }
            return !cellPaths.contains(path) && !rowPaths.contains(path)
        }
    }

    static func className(_ severity: Severity) -> String {
        switch severity {
        case .error: return "e"
        case .warning: return "w"
        case .info: return "i"
        }
    }
}
