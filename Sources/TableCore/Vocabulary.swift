import Normalization

/// The labels of a set of templates, indexed for tolerant matching. Building one costs more
/// than reading a report: build it once per set of templates and share it (it is immutable).
public struct Vocabulary: Sendable {
    enum Target: Sendable, Equatable {
        case row(Int, Int)
        case group(Int, String)
        case header(Int)
        case anchor(Int)

        var table: Int {
            switch self {
            case .row(let t, _), .group(let t, _), .header(let t), .anchor(let t): return t
            }
        }
    }

    struct Match {
        var target: Target
        var quality: Aligner.MatchQuality
        var score: Double
    }

    struct Entry: Sendable {
        var key: LabelKey
        var target: Target
        var group: String?
    }

    let entries: [Entry]
    let byKey: [String: [Int]]

    public init(_ templates: [TableTemplate]) {
        var entries: [Entry] = []
        for (t, template) in templates.enumerated() {
            for (r, row) in template.rows.enumerated() {
                for label in row.labels { entries.append(Entry(key: LabelKey.make(label), target: .row(t, r), group: row.group)) }
                for field in row.fields where field.kind != .unitOfPrevious {
                    entries.append(Entry(key: LabelKey.make(field.header), target: .header(t), group: nil))
                }
            }
            for group in template.groups {
                for label in group.labels { entries.append(Entry(key: LabelKey.make(label), target: .group(t, group.id), group: group.id)) }
            }
            for anchor in template.anchors { entries.append(Entry(key: LabelKey.make(anchor), target: .anchor(t), group: nil)) }
        }
        var byKey: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() { byKey[e.key.key, default: []].append(i) }
        self.entries = entries
        self.byKey = byKey
    }

    func group(of key: LabelKey, in table: Int) -> String? {
        match(key, preferTable: table, preferGroup: nil, hasValues: false).flatMap { m -> String? in
            if case .group(_, let g) = m.target { return g }
            return nil
        }
    }

    func match(_ key: LabelKey, preferTable: Int?, preferGroup: String?, hasValues: Bool) -> Match? {
        var best: Match?
        func consider(_ e: Entry, _ base: Double, _ quality: Aligner.MatchQuality) {
            var score = base
            if e.target.table == preferTable { score += 0.3 }
            if let g = preferGroup, e.group == g { score += 0.2 }
            switch e.target {
            case .row: score += hasValues ? 0.5 : 0
            case .header, .anchor, .group: score += hasValues ? -0.5 : 0.5
            }
            if best == nil || score > best!.score { best = Match(target: e.target, quality: quality, score: score) }
        }
        if let exact = byKey[key.key] {
            for i in exact { consider(entries[i], 3.0, .exact) }
        }
        let core = key.coreScalars
        let coreCount = core.count
        for e in entries {
            let other = e.key.coreScalars
            if coreCount == 0 {
                // Only numbering ("3."): the row of the current group with that number.
                if case .row = e.target, let g = preferGroup, e.group == g, let n = key.numbering.last, e.key.numbering.last == n {
                    consider(e, 2.0, .numberingOnly)
                }
                continue
            }
            if other.isEmpty { continue }
            if other == core {
                consider(e, 2.5, .exact)
            } else if min(coreCount, other.count) >= 4, core.starts(with: other) || other.starts(with: core) {
                consider(e, 2.0, .exact)
            } else if coreCount >= 4, other.count >= 4, abs(coreCount - other.count) <= max(coreCount, other.count) / 3,
                LabelKey.similarityBound(key, e.key) >= 0.8
            {
                let sim = LabelKey.similarity(core, other)
                if sim >= 0.8 { consider(e, 1.0 + sim, .variant) }
            }
        }
        return best
    }
}
