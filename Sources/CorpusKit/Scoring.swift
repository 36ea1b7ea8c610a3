import DocModel

/// How one converted report compares with its truth.
public struct DocumentScore: Sendable, Equatable {
    public var cells = CellTally()
    /// Per damage operator: the cells that operator touched.
    public var cellsByOperator: [DamageOperator: CellTally] = [:]
    public var metadataFields = 0
    public var metadataRight = 0
    public var metadataWrong: [String] = []
    public var findings = FindingTally()
    public var findingsByOperator: [DamageOperator: FindingTally] = [:]
    /// Error findings that the truth does not call for.
    public var unexpectedErrors: [Finding] = []
    /// Cells read wrong, for the report ("path: expected → got").
    public var wrongCells: [String] = []
    /// Tracked findings given but neither required nor allowed, and required findings not given.
    public var unexpectedFindings: [Finding] = []
    public var missingFindings: [ExpectedFinding] = []
}

public struct CellTally: Sendable, Equatable {
    public var total = 0
    public var exact = 0
    /// Null with a finding where the source no longer determines the value.
    public var acceptedNull = 0
    /// A wrong value on a row that carries a finding.
    public var flaggedWrong = 0
    /// A wrong value with no finding anywhere on its row: the worst outcome.
    public var confidentWrong = 0
    /// Null where the source states a value, or an undeterminable cell left null without a word.
    public var missed = 0
    /// Cells the source no longer determines (counted in `total` too), and how many of them were
    /// read right all the same (exactly, or null with a finding).
    public var undeterminable = 0
    public var undeterminableRight = 0

    public var right: Int { exact + acceptedNull }

    public static func + (a: Self, b: Self) -> Self {
        Self(total: a.total + b.total, exact: a.exact + b.exact, acceptedNull: a.acceptedNull + b.acceptedNull,
             flaggedWrong: a.flaggedWrong + b.flaggedWrong, confidentWrong: a.confidentWrong + b.confidentWrong, missed: a.missed + b.missed,
             undeterminable: a.undeterminable + b.undeterminable, undeterminableRight: a.undeterminableRight + b.undeterminableRight)
    }
}

public struct FindingTally: Sendable, Equatable {
    /// Required findings and how many the reader gave.
    public var expected = 0
    public var recalled = 0
    /// Tracked findings the reader gave and how many the truth requires or allows.
    public var reported = 0
    public var correct = 0

    public static func + (a: Self, b: Self) -> Self {
        Self(expected: a.expected + b.expected, recalled: a.recalled + b.recalled, reported: a.reported + b.reported, correct: a.correct + b.correct)
    }
}

public enum Scorer {
    /// Rules whose findings are counted for precision and recall: the validator's, and the
    /// conversion rules the generator's damage calls for.
    public static let trackedRules: Set<Rule> = [
        .applicationsBalance, .applicationsRowTotal, .applicationsResultsTotal, .reviewsTotal, .valueNegative, .valueBlank,
        .tableMissing, .sectionMissing, .templateOutdated, .valueUnreadable, .valuePlaceholder, .valueUnitConverted,
        .textRepaired, .tableExtraRow, .tableExtraCell, .tableRowInferred, .tableRowMissing, .tableAmbiguous, .templateInferred,
    ]

    public static func score(_ report: Report, _ generated: GeneratedReport) -> DocumentScore {
        let truth = generated.truth
        var s = DocumentScore()
        let findingPaths = report.findings.compactMap(\.path)
        func hasFinding(on cell: ExpectedCell) -> Bool {
            findingPaths.contains { p in p == cell.path || p == cell.rowPath || (p.hasPrefix(cell.rowPath + ".") && p != cell.table + ".extraRows") }
        }
        for cell in truth.cells {
            let got = actual(report, cell)
            var t = CellTally(total: 1)
            if got == cell.value {
                t.exact = 1
            } else if got == nil, !cell.determinable, hasFinding(on: cell) {
                t.acceptedNull = 1
            } else if got == nil {
                t.missed = 1
            } else if hasFinding(on: cell) {
                t.flaggedWrong = 1
            } else {
                t.confidentWrong = 1
            }
            if !cell.determinable {
                t.undeterminable = 1
                t.undeterminableRight = t.right
            }
            if t.right == 0 {
                let note = t.confidentWrong == 1 ? " (confident-wrong: no finding)" : cell.determinable ? "" : " (undeterminable)"
                s.wrongCells.append("\(cell.path): \(show(cell.value)) → \(show(got))\(note)")
            }
            s.cells = s.cells + t
            for op in cell.damage { s.cellsByOperator[op, default: CellTally()] = s.cellsByOperator[op, default: CellTally()] + t }
        }
        let m = report.metadata
        let fields: [(String, Bool)] = [
            ("title", m.title == truth.title), ("agency", m.agency == truth.agency), ("year", m.year == truth.year),
            ("publishedOn", m.publishedOn == truth.publishedOn), ("template", m.template == truth.template),
            ("sections", report.sections.map(\.id) == truth.sections),
        ]
        s.metadataFields = fields.count
        s.metadataRight = fields.filter(\.1).count
        let got = [m.title ?? "null", m.agency ?? "null", m.year.map(String.init) ?? "null", m.publishedOn ?? "null", m.template?.rawValue ?? "null",
                   report.sections.map(\.id.rawValue).joined(separator: ",")]
        let want = [truth.title, truth.agency, String(truth.year), truth.publishedOn ?? "null", truth.template.rawValue,
                    truth.sections.map(\.rawValue).joined(separator: ",")]
        for (k, f) in fields.enumerated() where !f.1 { s.metadataWrong.append("\(f.0): \(want[k]) → \(got[k])") }
        scoreFindings(report, truth, generated.damage, &s)
        return s
    }

    static func matches(_ f: Finding, _ e: ExpectedFinding) -> Bool {
        guard f.rule == e.rule else { return false }
        guard let a = f.path, let b = e.path else { return f.path == e.path }
        return a == b || a.hasPrefix(b + ".") || b.hasPrefix(a + ".")
    }

    static func scoreFindings(_ report: Report, _ truth: Truth, _ damage: [DamageOperator], _ s: inout DocumentScore) {
        let reported = report.findings.filter { trackedRules.contains($0.rule) }
        // Recall: each required finding matched by a reported one.
        for e in truth.findings {
            let hit = reported.contains { matches($0, e) }
            if !hit { s.missingFindings.append(e) }
            let t = FindingTally(expected: 1, recalled: hit ? 1 : 0)
            s.findings = s.findings + t
            if let op = e.cause { s.findingsByOperator[op, default: FindingTally()] = s.findingsByOperator[op, default: FindingTally()] + t }
        }
        // Precision: each reported finding required or allowed.
        for f in reported {
            let ok = truth.findings.contains { matches(f, $0) } || truth.allowed.contains { matches(f, $0) }
            let t = FindingTally(reported: 1, correct: ok ? 1 : 0)
            s.findings = s.findings + t
            for op in damage { s.findingsByOperator[op, default: FindingTally()] = s.findingsByOperator[op, default: FindingTally()] + t }
            if !ok { s.unexpectedFindings.append(f) }
            if !ok, f.severity == .error { s.unexpectedErrors.append(f) }
        }
    }

    /// The value the report gives for a truth cell.
    static func actual(_ report: Report, _ cell: ExpectedCell) -> Value? {
        let table: TableValues?
        switch cell.table {
        case "activeDisclosure": table = report.activeDisclosure
        case "applications": table = report.applications
        default: table = report.reviewsAndLitigation
        }
        return table?.value(cell.row, cell.field)
    }

    static func show(_ v: Value?) -> String {
        switch v {
        case nil: return "null"
        case .integer(let i)?: return String(i)
        case .decimal(let d)?: return d
        case .text(let t)?: return "\"\(t)\""
        }
    }
}
