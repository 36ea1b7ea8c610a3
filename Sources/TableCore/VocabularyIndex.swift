import Normalization

/// The cores of a vocabulary's entries laid out flat (lengths, first scalars, masks and
/// scalars in plain arrays), so that `Vocabulary.match` rules out most entries with integer
/// tests before it looks at one: a label is compared with every entry, and walking the
/// entries themselves copied their keys' strings and arrays each time.
struct VocabularyIndex: Sendable {
    /// Per entry: the core's length in scalars, its first scalar, its scalar mask
    /// (`LabelKey.coreMask`), where its scalars start in `scalars`, and whether it is a data row.
    let counts: [Int]
    let firsts: [UInt32]
    let masks: [UInt64]
    let starts: [Int]
    let isRow: [Bool]
    let scalars: [UInt32]

    init(_ keys: [LabelKey], isRow: [Bool]) {
        counts = keys.map(\.coreScalars.count)
        firsts = keys.map { $0.coreScalars.first ?? 0 }
        masks = keys.map(\.coreMask)
        var starts: [Int] = []
        var scalars: [UInt32] = []
        for key in keys {
            starts.append(scalars.count)
            scalars += key.coreScalars
        }
        self.starts = starts
        self.scalars = scalars
        self.isRow = isRow
    }

    /// How an entry's core relates to the label's (`Vocabulary.match`'s tests, in its order):
    /// equal, one a prefix of the other, or similar enough in length and scalars that their
    /// similarity must be worked out.
    enum Relation { case same, prefix, maybeVariant }

    /// The entries whose core relates to `core` (not empty), in entry order.
    func related(_ core: [UInt32], mask: UInt64) -> [(entry: Int, relation: Relation)] {
        let n = core.count
        // Per bit of the mask, how many of the core's scalars have it: `LabelKey.similarityBound`'s
        // count of the core's scalars whose bit an entry's mask has, summed over the shared bits.
        var perBit = [Int](repeating: 0, count: 64)
        for v in core { perBit[Int(v & 63)] += 1 }
        var out: [(entry: Int, relation: Relation)] = []
        for e in counts.indices {
            let m = counts[e]
            if m == 0 { continue }
            if firsts[e] == core[0] {
                let s = starts[e], shorter = min(n, m)
                var common = 1
                while common < shorter, scalars[s + common] == core[common] { common += 1 }
                if n == m, common == n {
                    out.append((e, .same))
                    continue
                }
                if shorter >= Vocabulary.minimumCore, common == shorter {
                    out.append((e, .prefix))
                    continue
                }
            }
            guard n >= Vocabulary.minimumCore, m >= Vocabulary.minimumCore, abs(n - m) <= max(n, m) / 3 else { continue }
            var present = 0
            var shared = masks[e] & mask
            while shared != 0 {
                present += perBit[shared.trailingZeroBitCount]
                shared &= shared - 1
            }
            if Double(2 * min(present, m)) / Double(n + m) >= Vocabulary.minimumSimilarity { out.append((e, .maybeVariant)) }
        }
        return out
    }
}
