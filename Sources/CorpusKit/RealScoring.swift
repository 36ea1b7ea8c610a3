import DocModel

/// How one real document reads against its hand-typed truth.
public struct RealScore: Sendable, Equatable {
    public var id: String
    public var kind: String
    /// Nil when the document was converted; else why not (skipped or failed).
    public var skipped: String?
    public var failed: String?
    public var cells = CellTally()
    public var metadataFields = 0
    public var metadataRight = 0
    public var wrongCells: [String] = []
    public var wrongMetadata: [String] = []
}

/// What converting one document gave.
public enum RealOutcome: Sendable {
    case report(Report)
    case skipped(String)
    case failed(String)
}

public enum RealScorer {
    public static func score(_ outcome: RealOutcome, _ truth: RealTruth) -> RealScore {
        var s = RealScore(id: truth.id, kind: truth.kind)
        let report: Report
        switch outcome {
        case .skipped(let why):
            s.skipped = why
            return s
        case .failed(let why):
            s.failed = why
            // A document that does not convert loses every cell and every metadata field.
            s.cells = CellTally(total: truth.cells.count, missed: truth.cells.count)
            s.metadataFields = 5
            return s
        case .report(let r):
            report = r
        }
        let findingPaths = report.findings.compactMap(\.path)
        func flagged(_ cell: ExpectedCell) -> Bool {
            findingPaths.contains { p in p == cell.path || p == cell.rowPath || p.hasPrefix(cell.rowPath + ".") }
        }
        for cell in truth.cells {
            let got = Scorer.actual(report, cell)
            var t = CellTally(total: 1)
            let right = truth.alternatives[cell.path].map { $0.contains(got) } ?? (got == cell.value)
            if right, cell.determinable {
                t.exact = 1
            } else if got == nil, !cell.determinable, flagged(cell) {
                t.acceptedNull = 1
            } else if got == nil {
                t.missed = 1
            } else if flagged(cell) {
                t.flaggedWrong = 1
            } else {
                t.confidentWrong = 1
            }
            if t.right == 0 {
                let want = truth.alternatives[cell.path].map { $0.map(Scorer.show).joined(separator: "|") }
                    ?? (cell.determinable ? Scorer.show(cell.value) : "?")
                s.wrongCells.append("\(cell.path): \(want) → \(Scorer.show(got))\(t.confidentWrong == 1 ? " (confident)" : "")")
            }
            s.cells = s.cells + t
        }
        let m = report.metadata
        let fields: [(String, String, String)] = [
            ("title", truth.title ?? "null", m.title ?? "null"),
            ("agency", truth.agency ?? "null", m.agency ?? "null"),
            ("year", truth.year.map(String.init) ?? "null", m.year.map(String.init) ?? "null"),
            ("publishedOn", truth.publishedOn ?? "null", m.publishedOn ?? "null"),
            ("template", truth.template.rawValue, m.template?.rawValue ?? "null"),
        ]
        s.metadataFields = fields.count
        for (name, want, got) in fields {
            if want == got { s.metadataRight += 1 } else { s.wrongMetadata.append("\(name): \(want) → \(got)") }
        }
        return s
    }
}

/// The figures over a set of real documents.
public struct RealSetResult: Sendable {
    public var scores: [RealScore] = []

    public init() {}

    public var scored: [RealScore] { scores.filter { $0.skipped == nil } }
    public var cells: CellTally { scored.reduce(CellTally()) { $0 + $1.cells } }
    public var metadataFields: Int { scored.reduce(0) { $0 + $1.metadataFields } }
    public var metadataRight: Int { scored.reduce(0) { $0 + $1.metadataRight } }

    public var cellAccuracy: Double { cells.total == 0 ? 1 : Double(cells.right) / Double(cells.total) }
    public var metadataAccuracy: Double { metadataFields == 0 ? 1 : Double(metadataRight) / Double(metadataFields) }

    public func summary(details: Bool) -> String {
        var lines = ["document                                  kind                     cells right  conf.wrong  metadata"]
        for s in scores {
            let name = s.id.padding(41)
            if let why = s.skipped {
                lines.append("\(name) \(s.kind.padding(24)) skipped: \(why)")
                continue
            }
            let pct = s.cells.total == 0 ? 0 : 100 * Double(s.cells.right) / Double(s.cells.total)
            lines.append("\(name) \(s.kind.padding(24)) \(percent(pct).padding(6, left: true)) \(String(s.cells.right).padding(4, left: true))/\(s.cells.total)"
                + " \(String(s.cells.confidentWrong).padding(10, left: true))  \(s.metadataRight)/\(s.metadataFields)"
                + (s.failed.map { "  FAILED: \($0)" } ?? ""))
            if details {
                for w in s.wrongMetadata { lines.append("    metadata \(w)") }
                for w in s.wrongCells.prefix(40) { lines.append("    \(w)") }
                if s.wrongCells.count > 40 { lines.append("    … \(s.wrongCells.count - 40) more") }
            }
        }
        let c = cells
        lines.append("total: \(scored.count) documents (\(scores.count - scored.count) skipped), cells \(percent(100 * cellAccuracy))% right"
            + " (\(c.right)/\(c.total); exact \(c.exact), null with a finding \(c.acceptedNull), missed \(c.missed),"
            + " flagged wrong \(c.flaggedWrong), confident wrong \(c.confidentWrong)), metadata \(percent(100 * metadataAccuracy))%"
            + " (\(metadataRight)/\(metadataFields))")
        return lines.joined(separator: "\n")
    }

    func percent(_ v: Double) -> String {
        let hundredths = Int((v * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}

extension String {
    /// Pads to a display width, counting a CJK character as two columns.
    func padding(_ width: Int, left: Bool = false) -> String {
        let w = reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
        let pad = String(repeating: " ", count: max(0, width - w))
        return left ? pad + self : self + pad
    }
}
