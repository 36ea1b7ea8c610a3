import DocModel

/// Which cells of a row that lost or repeated a cell the source still determines.
///
/// Every way of fitting the row's remaining cells to its columns is a reading; the readings
/// that break no more of the tables' rules than the true one are all possible, and a cell on
/// which they disagree (or that is the lost cell) cannot be told from the source. There, a
/// reader that gives null with a finding is right.
extension Damager {
    mutating func settleReshapedRows(_ truth: inout Truth) {
        for (op, rowPath, before, after) in reshaped {
            // A repeated cell that ends up blank is a surplus blank to a reader: no word needed.
            let repeatedBlank = op == .duplicatedCells && after.contains { i in after.filter { $0 == i }.count > 1 && cells[i].value == nil }
            let n = before.count
            var fits: [[Int?]] = []
            if after.count < n {
                for holes in Self.combinations(n, n - after.count) {
                    var fit: [Int?] = []
                    var k = 0
                    for j in 0..<n {
                        if holes.contains(j) { fit.append(nil) } else { fit.append(after[k]); k += 1 }
                    }
                    fits.append(fit)
                }
            } else if after.count > n {
                for drops in Self.combinations(after.count, after.count - n) {
                    fits.append(after.indices.filter { !drops.contains($0) }.map { Optional(after[$0]) })
                }
            } else {
                fits = [after.map { Optional($0) }]
            }
            let values = cells.map(\.value)
            func value(_ fit: [Int?], _ j: Int) -> Value?? { fit[j].map { values[$0] } }
            func isTrue(_ fit: [Int?]) -> Bool {
                (0..<n).allSatisfy { j in fit[j].map { values[$0] == values[before[j]] } ?? true }
            }
            let scores = fits.map { score($0, before) }
            let trueScore = zip(fits, scores).filter { isTrue($0.0) }.map(\.1).min() ?? Int.max
            let possible = zip(fits, scores).filter { $0.1 <= trueScore }.map(\.0)
            var undeterminable: [Int] = []
            for j in 0..<n {
                let readings = possible.map { value($0, j) }
                let lost = readings.contains { $0 == nil }
                let differ = readings.contains { $0 != readings.first ?? nil }
                if lost || differ { undeterminable.append(j) }
            }
            for j in undeterminable {
                cells[before[j]].determinable = false
                // The 2019 procurement unit is read from its amount's cell.
                if cells[before[j]].field == "amount", let u = cells.firstIndex(where: { $0.rowPath == cells[before[j]].rowPath && $0.field == "unit" }) {
                    cells[u].determinable = false
                }
                allowed.append(ExpectedFinding(.valueBlank, cells[before[j]].path))
                allowed.append(ExpectedFinding(.valueUnreadable, cells[before[j]].path))
            }
            let finding = ExpectedFinding(.tableAmbiguous, rowPath, cause: nil)
            if undeterminable.isEmpty || repeatedBlank { allowed.append(finding) } else { findings.append(finding) }
        }
        truth.cells = cells
    }

    /// Violations of the arithmetic when the row reads as `fit` (a lost cell filled from its
    /// row's total where that is possible).
    func score(_ fit: [Int?], _ before: [Int]) -> Int {
        var overriding: [Int: Value?] = [:]
        for (j, slot) in fit.enumerated() { overriding[before[j]] = slot.map { cells[$0].value } ?? nil }
        // Groups of columns that sum to a total: table 三 rows (7), table 四 groups (5).
        var extra = 0
        let width = cells[before[0]].table == "reviewsAndLitigation" ? 5 : (cells[before[0]].table == "applications" ? 7 : 0)
        if width > 0 {
            for start in stride(from: 0, to: before.count, by: width) where start + width <= before.count {
                let group = Array(start..<(start + width))
                let holes = group.filter { fit[$0] == nil }
                guard holes.count == 1, let h = holes.first else { continue }
                let parts = group.filter { $0 != h }.compactMap { fit[$0].flatMap { cells[$0].value?.integer } }
                guard parts.count == width - 1, let last = parts.last else { continue }
                let filled = h == start + width - 1 ? parts.reduce(0, +) : last - parts.dropLast().reduce(0, +)
                if filled < 0 { extra += 1 }
                overriding[before[h]] = .integer(filled)
            }
        }
        return SpecRules.violations(template, cells, overriding: overriding) + extra
    }

    /// All `k`-element subsets of `0..<n` (n is at most 16 here).
    static func combinations(_ n: Int, _ k: Int) -> [Set<Int>] {
        var out: [Set<Int>] = []
        var current: [Int] = []
        func go(_ start: Int) {
            if current.count == k { out.append(Set(current)); return }
            guard start < n else { return }
            for i in start..<n {
                current.append(i)
                go(i + 1)
                current.removeLast()
            }
        }
        go(0)
        return out
    }
}
