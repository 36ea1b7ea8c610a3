import DocModel

/// What a generated report should read as: the values, metadata, sections and findings that a
/// perfect reader would produce from the damaged source (not from the undamaged values: a
/// cell that the damage blanked is expected null).
public struct Truth: Sendable, Equatable {
    public var template: Template
    public var title: String
    public var agency: String
    public var year: Int
    public var publishedOn: String?
    /// The sections whose headings the source still carries, in order.
    public var sections: [SectionID]
    public var cells: [ExpectedCell]
    /// Findings the source calls for: damage the reader must report, and the validator's
    /// findings on the values as the source states them.
    public var findings: [ExpectedFinding]
    /// Findings a reader may also give without being wrong: on cells the damage left
    /// undeterminable, checks that a perfect reading would make.
    public var allowed: [ExpectedFinding] = []
    /// True when the values were made to break the tables' arithmetic on purpose.
    public var inconsistent: Bool

    public func cell(_ path: String) -> ExpectedCell? { cells.first { $0.path == path } }
}

/// One template cell: its dotted report path ("applications.results.granted.total"), the value
/// the source states, and whether the source still determines it (a cell shifted by a lost
/// neighbour may not be: there, null with a finding is as good as the value).
public struct ExpectedCell: Sendable, Equatable {
    public var table: String
    public var row: String
    public var field: String
    public var value: Value?
    public var determinable: Bool
    /// The damage operators that touched this cell or its row.
    public var damage: [DamageOperator]

    public var rowPath: String { "\(table).\(row)" }
    public var path: String { "\(table).\(row).\(field)" }
}

public struct ExpectedFinding: Sendable, Equatable, Hashable {
    public var rule: Rule
    public var path: String?
    /// The operator whose damage calls for the finding (nil: the values themselves).
    public var cause: DamageOperator?

    public init(_ rule: Rule, _ path: String?, cause: DamageOperator? = nil) {
        self.rule = rule
        self.path = path
        self.cause = cause
    }
}
