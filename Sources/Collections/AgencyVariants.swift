import DocModel

/// `collection.agencyVariant`: agency keys that differ by one edit (a character added, dropped
/// or changed) or where one contains the other (at least 4 characters), when the two never
/// report the same year, so they may be one agency spelt two ways. They are not merged: the
/// finding names every report of both, and the user decides. Keys that report the same year
/// (统计局 and 审计局 of one county) are distinct agencies and are not reported. The one
/// exception is rule 6 (`regionAliases`): a name with its higher-level region before it is
/// joined to the name without, and the finding says so.
enum AgencyVariants {
    static let minimumContained = 4

    /// Region prefixes: a key that is another key with these before it names the same agency.
    static let regionEnds = ["省", "市", "州", "盟", "地区", "自治区"]

    /// Keys joined to another (short → long) by rule 6 of the agency identity: the long key is
    /// the short one with its higher-level region before it (淮安市 + 洪泽区政府), and no other
    /// key is the short one with another region before it (鼓楼区 of 南京市 and of 福州市 stay
    /// apart).
    static func regionAliases(_ keys: [String]) -> [String: String] {
        let set = Set(keys)
        var candidates: [String: [String]] = [:]
        for key in keys {
            let chars = Array(key)
            for i in 1..<max(1, chars.count) where i <= 12 {
                let prefix = String(chars[..<i]), rest = String(chars[i...])
                if rest.count >= minimumContained, regionEnds.contains(where: { prefix.hasSuffix($0) }), set.contains(rest) {
                    candidates[rest, default: []].append(key)
                }
            }
        }
        return candidates.compactMapValues { Set($0).count == 1 ? $0[0] : nil }
    }

    static func findings(_ digests: [ReportDigest], aliases: [String: String]) -> [CollectionFinding] {
        var reportsByKey: [String: [ReportDigest]] = [:]
        for d in digests {
            guard let key = d.agencyKey, d.year != nil else { continue }
            reportsByKey[key, default: []].append(d)
        }
        let keys = reportsByKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out: [CollectionFinding] = []
        for (a, b) in pairs(keys) {
            guard let ra = reportsByKey[a], let rb = reportsByKey[b] else { continue }
            let joined = aliases[a] == b || aliases[b] == a
            let yearsA = Set(ra.compactMap(\.year)), yearsB = Set(rb.compactMap(\.year))
            guard joined || yearsA.isDisjoint(with: yearsB) else { continue }
            let nameA = ra[0].agency ?? a, nameB = rb[0].agency ?? b
            let message = joined
                ? "机构名称“\(nameA)”与“\(nameB)”仅差上级行政区划，按机构识别规则6视为同一机构（跨年度检查合并进行）"
                : "机构名称“\(nameA)”与“\(nameB)”相近（\(relation(a, b))），年度互不重复，可能是同一机构的不同写法；未合并"
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

extension AgencyIdentity {
    /// Rule 6: keys joined to a longer key that is them with a higher-level region before it
    /// (short → long), when that longer key is the only one.
    public static func regionAliases(_ keys: [String]) -> [String: String] {
        AgencyVariants.regionAliases(keys)
    }
}
