/// A finding: a repair, a guess, an inconsistency or a check that failed (spec §2, Findings).
///
/// Messages are Chinese, as the documents are; rule ids are English. The rules the report
/// profile and the aligner produce are built by per-rule constructors (`Finding.balance(…)`,
/// `Finding.ambiguous(…)`, in FindingRules.swift) that keep their parameters in `detail`, so
/// that a test checks the rule, the path and the parameters, never the wording.
public struct Finding: Sendable, Equatable, Hashable {
    public var rule: Rule
    public var severity: Severity
    public var message: String
    /// Dotted path into the report ("applications.results.total.naturalPerson"), where one applies.
    public var path: String?
    /// The finding's parameters, when a per-rule constructor built it. Not serialised: a
    /// finding read back from JSON or XML has none, and equality ignores it.
    public var detail: FindingDetail?

    public init(_ rule: Rule, _ message: String, path: String? = nil) {
        self.rule = rule
        self.severity = rule.severity
        self.message = message
        self.path = path
    }

    init(_ rule: Rule, _ message: String, path: String?, detail: FindingDetail) {
        self.init(rule, message, path: path)
        self.detail = detail
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.rule == b.rule && a.severity == b.severity && a.message == b.message && a.path == b.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(path)
    }
}

public enum Severity: String, Sendable, CaseIterable, Comparable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Every rule the tool reports. The first group is re-derived from a report by the validator;
/// the second records what happened during conversion and can only be carried over.
public enum Rule: String, Sendable, CaseIterable {
    // Validator rules: re-run by `doccanon validate` on any report.
    case applicationsBalance = "applications.balance"
    case applicationsRowTotal = "applications.rowTotal"
    case applicationsResultsTotal = "applications.resultsTotal"
    case reviewsTotal = "reviews.total"
    case valueNegative = "value.negative"
    case valueBlank = "value.blank"
    case tableMissing = "table.missing"
    case sectionMissing = "section.missing"
    case templateOutdated = "template.outdated"
    // Conversion rules: what reading the source involved.
    case textRepaired = "text.repaired"
    case valuePlaceholder = "value.placeholder"
    case valueUnreadable = "value.unreadable"
    case valueUnitConverted = "value.unitConverted"
    case tableExtraRow = "table.extraRow"
    case tableAmbiguous = "table.ambiguous"
    /// A template row whose label was lost, placed by its position between recognised rows.
    case tableRowInferred = "table.rowInferred"
    /// A row label that differs from the template's wording but was matched to it.
    case tableLabelVariant = "table.labelVariant"
    /// A text cell after a row's values that is not part of the template; not read.
    case tableExtraCell = "table.extraCell"
    /// The adapter changed the source's structure to read it (a one-cell layout table read as
    /// its content, a nested table moved after its parent, parts of a split table joined, a
    /// merge continuation with nothing to continue). Says what and where.
    case sourceRestructured = "source.restructured"
    /// The source's bytes were decoded other than declared (a wrong charset declaration), or
    /// invalid byte sequences were replaced.
    case sourceEncoding = "source.encoding"
    /// A template row that the source does not contain at all (its values are null).
    case tableRowMissing = "table.rowMissing"
    /// A section heading that appears a second time; its paragraphs join the first.
    case sectionRepeated = "section.repeated"
    /// The template could not be told from the tables' labels and was taken from the year.
    case templateInferred = "template.inferred"
    // Prose against tables (a validator rule: derived from the report's sections and tables).
    /// A number the prose states for a quantity the tables hold disagrees with the table.
    case proseMismatch = "prose.mismatch"
    // Collection rules (`doccanon check`): across reports, never in a single report's findings.
    /// Year N's applications.carriedOver differs from year N−1's carriedForward (same agency).
    case crossYearCarryOver = "crossYear.carryOver"
    /// The template changed between consecutive years of one agency.
    case crossYearTemplateMismatch = "crossYear.templateMismatch"
    /// The same agency and year twice, with different numbers.
    case collectionDuplicate = "collection.duplicate"
    /// The same agency and year twice, with the same numbers.
    case collectionDuplicateCopy = "collection.duplicateCopy"
    /// Two agency names that differ slightly (one edit, or one inside the other) and never
    /// report the same year: perhaps one agency spelt two ways; not merged.
    case collectionAgencyVariant = "collection.agencyVariant"
    /// Cells run together ("6233440") whose split neither the text nor the tables' arithmetic
    /// decides: the values are null and the finding lists the competing splits (spec §8).
    case valueUndecidable = "value.undecidable"
    /// A cell that neither the text nor the arithmetic decides, taken from a number the
    /// report's prose states for that row and column (the sentence quoted).
    case valueFromProse = "value.fromProse"
    /// A table printed with its labels and no values (a form left blank): read as present,
    /// every cell null.
    case tableUnfilled = "table.unfilled"

    public var severity: Severity {
        switch self {
        case .applicationsBalance, .applicationsRowTotal, .applicationsResultsTotal, .reviewsTotal,
            .valueNegative, .valueUnreadable, .tableMissing, .crossYearCarryOver:
            return .error
        case .valueBlank, .sectionMissing, .templateOutdated, .tableAmbiguous, .tableRowInferred,
            .tableRowMissing, .templateInferred, .tableExtraCell, .proseMismatch, .collectionDuplicate, .valueUndecidable, .valueFromProse,
            .tableUnfilled:
            return .warning
        case .valuePlaceholder, .textRepaired, .valueUnitConverted, .tableExtraRow, .tableLabelVariant,
            .sectionRepeated, .sourceRestructured, .sourceEncoding, .crossYearTemplateMismatch, .collectionDuplicateCopy,
            .collectionAgencyVariant:
            return .info
        }
    }

    /// True for rules the validator derives from the report itself.
    public var isValidatorRule: Bool {
        switch self {
        case .applicationsBalance, .applicationsRowTotal, .applicationsResultsTotal, .reviewsTotal,
            .valueNegative, .valueBlank, .tableMissing, .sectionMissing, .templateOutdated, .proseMismatch:
            return true
        default:
            return false
        }
    }
}
