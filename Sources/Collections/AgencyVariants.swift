import DocModel

/// `collection.agencyVariant`: agency keys that differ by one edit (a character added, dropped
/// or changed) or where one contains the other (at least 4 characters), when the two never
/// report the same year, so they may be one agency spelt two ways. They are not merged: the
/// finding names every report of both, and the user decides. Keys that report the same year
/// (统计局 and 审计局 of one county) are distinct agencies and are not reported.
enum AgencyVariants {
    static let minimumContained = 4

    static func findings(_ digests: [ReportDigest]) -> [CollectionFinding] {
        var reportsByKey: [String: [ReportDigest]] = [:]
        for d in digests {
            guard let key = d.agencyKey, d.year != nil else { continue }
            reportsByKey[key, default: []].append(d)
        }
        let keys = reportsByKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out: [CollectionFinding] = []
        for (a, b) in pairs(keys) {
            guard let ra = reportsByKey[a], let rb = reportsByKey[b] else { continue }
            let yearsA = Set(ra.compactMap(\.year)), yearsB = Set(rb.compactMap(\.year))
            guard yearsA.isDisjoint(with: yearsB) else { continue }
            let nameA = ra[0].agency ?? a, nameB = rb[0].agency ?? b
            let message = "机构名称“\(nameA)”与“\(nameB)”相近（\(relation(a, b))），年度互不重复，可能是同一机构的不同写法；未合并"
            let involved = ra + rb
            out.append(
                CollectionFinding(
                    .collectionAgencyVariant, message, reports: involved.map(\.reference),
                    values: involved.map { ComparedValue(report: $0.id, path: "metadata.agency", value: $0.agency.map(Value.text)) }))
        }
        return out
    }

    static func relation(_ a: String, _ b: String) -> String {
        if a.contains(b) || b.contains(a) { return "一个包含另一个" }
        return "仅差一个字"
    }

    /// Pairs of keys (a < b) one edit apart or one inside the other, each pair once, sorted.
    static func pairs(_ keys: [String]) -> [(String, String)] {
        let set = Set(keys)
        var found = Set<[String]>()
        // One edit: two keys within one edit share a key with one character deleted (or one is
        // such a deletion of the other).
        var byDeletion: [String: [String]] = [:]
        for key in keys {
            let chars = Array(key)
            guard chars.count >= minimumContained else { continue }
            var variants: Set<String> = [key]
            for i in chars.indices {
                var c = chars
                c.remove(at: i)
                variants.insert(String(c))
            }
            for v in variants { byDeletion[v, default: []].append(key) }
        }
        for (_, group) in byDeletion where group.count > 1 {
            for i in group.indices { for j in group.indices where i < j { found.insert([group[i], group[j]].sorted()) } }
        }
        // Containment: every inner run of at least `minimumContained` characters looked up.
        for key in keys {
            let chars = Array(key)
            guard chars.count > minimumContained else { continue }
            for length in minimumContained..<chars.count {
                for start in 0...(chars.count - length) {
                    let inner = String(chars[start..<(start + length)])
                    if inner != key, set.contains(inner) { found.insert([inner, key].sorted()) }
                }
            }
        }
        return found.map { ($0[0], $0[1]) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}
