import DocModel

/// Which cells run-together text (`RunTogetherRenderer`) still determines.
///
/// A row's values are one string of digits there. Every split of it into the row's cells (each
/// part a number as a cell writes it: "0", or digits without a leading zero, a decimal point,
/// thousands commas, a sign) that breaks no more of the tables' rules than the true values is
/// possible; a cell the possible splits disagree on cannot be told from the text, and null with
/// a finding is right there. A row with a blank cell, or one that lost or repeated a cell, is
/// not determined at all (the text no longer says which cells its digits belong to).
/// Written from the spec and the renderer, apart from the reader's `digitSplit`.
enum RunTogetherTruth {
    /// Most splits of one row considered; beyond, the row is not determined.
    static let maxSplits = 4096

    static func settled(_ report: GeneratedReport) -> GeneratedReport {
        var out = report
        var truth = report.truth
        let baseline = SpecRules.violations(truth.template, truth.cells, overriding: [:])
        for case .table(let table) in report.layout.blocks {
            for row in table.rows where row.kind == .data {
                let indices = row.cells.filter { $0.role == .value }.compactMap(\.truth).filter { truth.cells[$0].field != "unit" }
                guard !indices.isEmpty, let path = row.rowPath else { continue }
                let digits = row.cells.filter { $0.role == .value }.map { TextRenderer.oneLine($0.text) }.joined()
                let whole = Set(indices).count == indices.count && indices.allSatisfy { truth.cells[$0].value != nil && truth.cells[$0].determinable }
                let splits = whole ? Self.splits(digits, into: indices.count) : nil
                var undetermined = Set<Int>()
                if let splits, splits.count <= maxSplits, !splits.isEmpty {
                    let possible = splits.filter { split in
                        let overriding = Dictionary(uniqueKeysWithValues: zip(indices, split.map { Optional($0) }))
                        return SpecRules.violations(truth.template, truth.cells, overriding: overriding) <= baseline
                    }
                    for (k, i) in indices.enumerated() where possible.isEmpty || possible.contains(where: { $0[k] != truth.cells[i].value }) {
                        undetermined.insert(i)
                    }
                } else {
                    undetermined = Set(indices)
                }
                if let splits, splits.count > 1 { truth.allowed.append(ExpectedFinding(.tableAmbiguous, path)) }
                for i in undetermined {
                    truth.cells[i].determinable = false
                    truth.allowed.append(ExpectedFinding(.valueBlank, truth.cells[i].path))
                    truth.allowed.append(ExpectedFinding(.tableAmbiguous, path))
                }
            }
        }
        truth.allowed += SpecRules.findings(truth.template, truth.cells, treatUndeterminableAsNull: true)
        out.truth = truth
        return out
    }

    /// The splits of `digits` into `n` numbers (up to `maxSplits` + 1).
    static func splits(_ digits: String, into n: Int) -> [[Value]] {
        var s = Array(digits)
        if s.last == "元" { s.removeLast() }
        if s.last == "万" { s.removeLast() }
        var out: [[Value]] = []
        var parts: [Value] = []
        func go(_ at: Int) {
            if out.count > maxSplits { return }
            if at == s.count {
                if parts.count == n { out.append(parts) }
                return
            }
            guard parts.count < n, s.count - at >= n - parts.count else { return }
            for end in (at + 1)...s.count {
                guard let value = number(String(s[at..<end])) else { continue }
                parts.append(value)
                go(end)
                parts.removeLast()
            }
        }
        go(0)
        return out
    }

    /// A cell's number: optional sign, digits without a leading zero (or "0"), thousands commas,
    /// a decimal part.
    static func number(_ text: String) -> Value? {
        var t = Substring(text)
        var negative = false
        if let f = t.first, "+-增减".contains(f) { negative = f == "-" || f == "减"; t = t.dropFirst() }
        if t.count == 1, t == "—" { return .integer(0) }
        let halves = t.split(separator: ".", omittingEmptySubsequences: false)
        guard halves.count <= 2, let whole = halves.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1, groups[0].count > 3 || groups.dropFirst().contains(where: { $0.count != 3 }) { return nil }
        let digits = groups.joined()
        guard digits == "0" || digits.first != "0" || groups[0] == "0" && groups.count == 1, digits.count <= 15 else { return nil }
        if halves.count == 2 {
            guard !halves[1].isEmpty, halves[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return .decimal((negative ? "-" : "") + digits + "." + halves[1])
        }
        guard let v = Int(digits) else { return nil }
        return .integer(negative ? -v : v)
    }
}
