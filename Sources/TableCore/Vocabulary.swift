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
    /// The entries' cores, flat, for `match`'s first tests.
    let index: VocabularyIndex
    /// The distinct cores of two scalars or more, for finding labels glued together (`cover`).
    let cores: [[Unicode.Scalar]]

    public init(_ templates: [TableTemplate]) {
        var entries: [Entry] = []
        for (t, template) in templates.enumerated() {
            // Rows share their column headers: each header once per table.
            var headers = Set<String>()
            for (r, row) in template.rows.enumerated() {
                for label in row.labels { entries.append(Entry(key: LabelKey.make(label), target: .row(t, r), group: row.group)) }
                for field in row.fields where field.kind != .unitOfPrevious && headers.insert(field.header).inserted {
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
        index = VocabularyIndex(entries.map(\.key), isRow: entries.map { if case .row = $0.target { true } else { false } })
        var seen = Set<String>()
        cores = entries.compactMap { e in
            e.key.core.unicodeScalars.count >= 2 && seen.insert(e.key.core).inserted ? Array(e.key.core.unicodeScalars) : nil
        }
        groupLabels = Aligner.groupLabels(templates)
        captionWords = groupLabels.flatMap(\.cores)
    }

    /// Every column group's name, for a quick test of a caption.
    let captionWords: [String]

    /// The column groups that captions may name (`AlignerColumnGroups`), with their labels' cores.
    let groupLabels: [(ref: Aligner.GroupRef, cores: [String])]

    func group(of key: LabelKey, in table: Int) -> String? {
        match(key, preferTable: table, preferGroup: nil, hasValues: false).flatMap { m -> String? in
            if case .group(_, let g) = m.target { return g }
            return nil
        }
    }

    // MARK: - Match weights
    //
    // A label is matched to the vocabulary entry with the highest score: a base for how
    // closely the texts match, plus bonuses for context that makes the entry likelier. The
    // bases rank the kinds of match half a point apart (exact key 3.0, same core 2.5, prefix
    // or numbering 2.0, similar wording 1.8 to 2.0). The bonuses are of the same size on
    // purpose: between entries of equal text ("1." in two groups, "其他" as a header and as a
    // row) context alone decides, and a match of the right kind in the right table (a row
    // label followed by values) beats a closer match of the wrong kind (a header word), which
    // is what real tables need: their row labels repeat header and group words.

    /// The label's tolerant key equals the entry's key (numbering and punctuation included).
    static let exactKeyBase = 3.0
    /// The cores (text without numbering) are equal: "本年新收…" for "一、本年新收…".
    static let sameCoreBase = 2.5
    /// One core starts with the other, both at least `minimumCore` scalars: a label cut short
    /// by a page or a cell ("（二）部分公开" for its long official wording).
    static let prefixBase = 2.0
    /// Only numbering ("3."): the row of the current group with that number.
    static let numberingOnlyBase = 2.0
    /// Similar wording: 1.0 + similarity (so 1.8 to 2.0) for a similarity of at least
    /// `minimumSimilarity`, cores of comparable length (differing by at most a third).
    static let variantBase = 1.0
    static let minimumSimilarity = 0.8
    /// Shorter cores are matched only exactly: two or three characters are too easily alike.
    static let minimumCore = 4
    /// The entry is in the table the reading is in (rows follow their table's header).
    static let preferTableBonus = 0.3
    /// The entry is in the group of the rows around it ("1." under （四）).
    static let preferGroupBonus = 0.2
    /// A label followed by values names a data row; one without values names a header, a
    /// group or an anchor: the kind that fits gains this much, the other loses it.
    static let kindFitBonus = 0.5

    /// Whether `text` is, by its key, one of the labels exactly: a row's, a group's, a column
    /// header or an anchor.
    public func hasLabel(_ text: String) -> Bool { byKey[LabelKey.make(text).key] != nil }

    func match(_ key: LabelKey, preferTable: Int?, preferGroup: String?, hasValues: Bool) -> Match? {
        var best: Match?
        func consider(_ e: Entry, _ base: Double, _ quality: Aligner.MatchQuality) {
            var score = base
            if e.target.table == preferTable { score += Self.preferTableBonus }
            if let g = preferGroup, e.group == g { score += Self.preferGroupBonus }
            switch e.target {
            case .row: score += hasValues ? Self.kindFitBonus : 0
            case .header, .anchor, .group: score += hasValues ? -Self.kindFitBonus : Self.kindFitBonus
            }
            if best == nil || score > best!.score { best = Match(target: e.target, quality: quality, score: score) }
        }
        if let exact = byKey[key.key] {
            for i in exact { consider(entries[i], Self.exactKeyBase, .exact) }
        }
        let core = key.coreScalars
        if core.isEmpty {
            // Numbering alone ("3."): the row of the current group with that number.
            guard let g = preferGroup, let n = key.numbering.last else { return best }
            for i in entries.indices where index.isRow[i] && entries[i].group == g && entries[i].key.numbering.last == n {
                consider(entries[i], Self.numberingOnlyBase, .numberingOnly)
            }
            return best
        }
        for (i, relation) in index.related(core, mask: key.coreMask) {
            switch relation {
            case .same: consider(entries[i], Self.sameCoreBase, .exact)
            case .prefix: consider(entries[i], Self.prefixBase, .exact)
            case .maybeVariant:
                let sim = LabelKey.similarity(core, entries[i].key.coreScalars)
                if sim >= Self.minimumSimilarity { consider(entries[i], Self.variantBase + sim, .variant) }
            }
        }
        return best
    }
}
