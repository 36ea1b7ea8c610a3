/// A finding of `doccanon check` reduced to what scoring needs: reports by file name
/// (without folders), and the values compared.
public struct CheckedFinding: Sendable, Equatable {
    public struct Compared: Sendable, Equatable {
        public var report: String
        public var path: String
        public var value: Int?
        public init(report: String, path: String, value: Int?) {
            self.report = report
            self.path = path
            self.value = value
        }
    }
    public var rule: String
    public var severity: String
    public var reports: [String]
    public var values: [Compared]

    public init(rule: String, severity: String, reports: [String], values: [Compared]) {
        self.rule = rule
        self.severity = severity
        self.reports = reports
        self.values = values
    }
}

/// Precision and recall of one rule over a series.
public struct RuleScore: Sendable, Equatable {
    public var rule: String
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    /// 1 when nothing was reported (no false positive).
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    /// 1 when nothing was to be found.
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
}

/// Scores check findings against what a series planted. A carry-over finding is right when it
/// names the planted pair of reports and exactly the planted columns; a prose finding when it
/// names the planted report, quantity and stated number; a template change when it names the
/// pair. Any other finding of these rules, and any duplicate or agency-variant finding (a
/// series plants none), is a false positive.
public enum SeriesScoring {
    public static let rules = [
        "crossYear.carryOver", "prose.mismatch", "crossYear.templateMismatch", "collection.duplicate", "collection.duplicateCopy",
        "collection.agencyVariant",
    ]

    public static func score(_ findings: [CheckedFinding], truth: SeriesTruth) -> [RuleScore] {
        var expected: [String: Set<String>] = [
            "crossYear.carryOver": Set(truth.carryOverBreaks.map { "\($0.previous)|\($0.current)|\($0.columns.joined(separator: ","))" }),
            "prose.mismatch": Set(truth.proseMismatches.map { "\($0.report)|\($0.path)|\($0.stated)" }),
            "crossYear.templateMismatch": Set(truth.templateChanges.map { $0.joined(separator: "|") }),
        ]
        var scores = Dictionary(uniqueKeysWithValues: rules.map { ($0, RuleScore(rule: $0)) })
        for f in findings where scores[f.rule] != nil {
            if let key = key(f), expected[f.rule]?.remove(key) != nil {
                scores[f.rule]?.truePositives += 1
            } else {
                scores[f.rule]?.falsePositives += 1
            }
        }
        for (rule, left) in expected { scores[rule]?.falseNegatives += left.count }
        return rules.compactMap { scores[$0] }
    }

    /// What identifies a finding for its rule.
    static func key(_ f: CheckedFinding) -> String? {
        switch f.rule {
        case "crossYear.carryOver":
            guard f.reports.count == 2 else { return nil }
            var differing: [String] = []
            for v in f.values where v.path.hasPrefix("applications.carriedOver.") {
                let column = String(v.path.dropFirst("applications.carriedOver.".count))
                let forward = f.values.first { $0.path == "applications.carriedForward.\(column)" }
                if forward?.value != v.value { differing.append(column) }
            }
            return "\(f.reports[0])|\(f.reports[1])|\(differing.joined(separator: ","))"
        case "prose.mismatch":
            guard let report = f.reports.first, let first = f.values.first,
                let stated = f.values.first(where: { $0.path.hasPrefix("sections.") })?.value
            else { return nil }
            return "\(report)|\(first.path)|\(stated)"
        case "crossYear.templateMismatch":
            return f.reports.joined(separator: "|")
        default:
            return nil
        }
    }
}
