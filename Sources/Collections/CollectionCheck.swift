import DocModel
import ReportProfile

/// The checks across a collection's reports (spec §8): fed one report at a time, it keeps a
/// `ReportDigest` of each (and the prose findings of each report), then groups the digests by
/// agency key and year. Findings come out in a fixed order: by agency key, year, rule, report.
public struct CollectionCheck: Sendable {
    public private(set) var digests: [ReportDigest] = []
    /// Each report's own prose.mismatch findings, as collection findings.
    public private(set) var proseFindings: [CollectionFinding] = []

    public init() {}

    public mutating func add(id: String, loaded: LoadedReport) {
        let digest = ReportDigest(index: digests.count, id: id, loaded: loaded)
        digests.append(digest)
        // The prose scan is the costliest part of a report; a report converted in this run was
        // scanned already, and needs the structured mismatches only when it found some.
        if let mismatches = loaded.proseMismatches {
            proseFindings += ProseFindings.findings(mismatches, loaded, reference: digest.reference)
        } else if !loaded.proseChecked || loaded.report.findings.contains(where: { $0.rule == .proseMismatch }) {
            proseFindings += ProseFindings.findings(ProseChecker.mismatches(in: loaded.report), loaded, reference: digest.reference)
        }
    }

    /// Agency keys joined to another by rule 6 (region prefix), short → long.
    public var aliases: [String: String] {
        AgencyVariants.regionAliases(Set(digests.compactMap(\.agencyKey)).sorted())
    }

    /// Every finding. `reread` gives a report again by id (the duplicates' differing cells are
    /// listed from a second reading, so that no report is held while the collection is read).
    public func findings(reread: (String) -> LoadedReport?) -> [CollectionFinding] {
        var out: [CollectionFinding] = []
        let aliases = self.aliases
        for (_, years) in agencies() {
            for year in years.keys.sorted() {
                guard let group = years[year] else { continue }
                if group.count > 1 { out.append(Duplicates.finding(group, reread: reread)) }
                guard let current = representative(group), let previous = years[year - 1].flatMap(representative) else { continue }
                if previous.template != nil, current.template != nil, previous.template != current.template {
                    out.append(Self.templateMismatch(previous, current))
                }
                if let f = Self.carryOver(previous, current) { out.append(f) }
            }
        }
        out += AgencyVariants.findings(digests, aliases: aliases)
        let byIndex = Dictionary(uniqueKeysWithValues: digests.map { ($0.id, $0.index) })
        out += proseFindings.sorted { (byIndex[$0.reports[0].id] ?? 0) < (byIndex[$1.reports[0].id] ?? 0) }
        return out
    }

    /// Digests grouped by agency key, then year, in key order; reports without an agency or a
    /// year take part in no cross-report check.
    func agencies() -> [(key: String, years: [Int: [ReportDigest]])] {
        var groups: [String: [Int: [ReportDigest]]] = [:]
        let aliases = self.aliases
        for d in digests {
            guard let raw = d.agencyKey, let year = d.year else { continue }
            let key = aliases[raw] ?? raw
            groups[key, default: [:]][year, default: []].append(d)
        }
        return groups.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, groups[$0] ?? [:]) }
    }

    /// The report standing for its agency's year: the first, when every report of the year has
    /// the same numbers; nil when they differ (which one holds is not known: silence, the
    /// duplicate finding says why).
    func representative(_ group: [ReportDigest]) -> ReportDigest? {
        guard let first = group.first, group.allSatisfy({ $0.numbers == first.numbers }) else { return nil }
        return first
    }

    static func columnName(_ c: String) -> String {
        ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"][ReportDigest.columns.firstIndex(of: c) ?? 6]
    }

    /// Year N's carriedOver against year N−1's carriedForward, column by column; a column
    /// with a blank on either side is not compared. Nil when every compared column agrees.
    static func carryOver(_ previous: ReportDigest, _ current: ReportDigest) -> CollectionFinding? {
        var values: [ComparedValue] = []
        var differing: [String] = []
        for (c, column) in ReportDigest.columns.enumerated() {
            guard let forward = previous.carriedForward[c], let over = current.carriedOver[c] else { continue }
            let forwardPath = "applications.carriedForward.\(column)", overPath = "applications.carriedOver.\(column)"
            values.append(
                ComparedValue(report: previous.id, path: forwardPath, value: .integer(forward), source: previous.carrySources[forwardPath]))
            values.append(ComparedValue(report: current.id, path: overPath, value: .integer(over), source: current.carrySources[overPath]))
            if forward != over { differing.append("\(columnName(column)) \(over)≠\(forward)") }
        }
        guard !differing.isEmpty, let year = current.year else { return nil }
        let message = "\(current.agency ?? "")\(year)年报告的“上年结转政府信息公开申请数量”与\(year - 1)年报告的“结转下年度继续办理”不一致："
            + differing.joined(separator: "，")
        return CollectionFinding(.crossYearCarryOver, message, reports: [previous.reference, current.reference], values: values)
    }

    static func templateMismatch(_ previous: ReportDigest, _ current: ReportDigest) -> CollectionFinding {
        let (a, b) = (previous.template?.rawValue ?? "", current.template?.rawValue ?? "")
        let year = current.year ?? 0
        var message = "\(current.agency ?? "")\(year - 1)年报告使用\(a)年版格式，\(year)年报告使用\(b)年版格式"
        if previous.template == .y2019, current.template == .y2021, year == 2021 { message += "（2021年起启用新版格式，属正常切换）" }
        return CollectionFinding(
            .crossYearTemplateMismatch, message, reports: [previous.reference, current.reference],
            values: [
                ComparedValue(report: previous.id, path: "metadata.template", value: .text(a)),
                ComparedValue(report: current.id, path: "metadata.template", value: .text(b)),
            ])
    }
}
