import Normalization

/// A description of one official statistical table: what the aligner matches against.
/// The report profile writes one per table and template version; the mechanism is generic.
public struct TableTemplate: Sendable {
    /// The report key of the table ("applications").
    public var key: String { didSet { fieldPaths = Self.fieldPaths(key, rows) } }
    /// How findings name the table ("表三").
    public var title: String
    /// Header and note labels that only this table has ("申请人情况", "行政复议").
    public var anchors: [String]
    /// Label-only rows that give context: blocks of table 二 and groups of table 三.
    public var groups: [GroupTemplate]
    /// Data rows in template order.
    public var rows: [RowTemplate] { didSet { fieldPaths = Self.fieldPaths(key, rows) } }
    /// Per row, the dotted report path of each of its fields, made once.
    public private(set) var fieldPaths: [[String]]

    public init(key: String, title: String, anchors: [String], groups: [GroupTemplate], rows: [RowTemplate]) {
        self.key = key
        self.title = title
        self.anchors = anchors
        self.groups = groups
        self.rows = rows
        fieldPaths = Self.fieldPaths(key, rows)
    }

    static func fieldPaths(_ key: String, _ rows: [RowTemplate]) -> [[String]] {
        rows.map { Aligner.fieldPaths(key, $0) }
    }
}

public struct GroupTemplate: Sendable {
    public var id: String
    public var labels: [String]
    public init(id: String, labels: [String]) {
        self.id = id
        self.labels = labels
    }
}

public struct RowTemplate: Sendable {
    /// Dotted path of the row in its table ("results.denied.stateSecret"); empty for a row
    /// whose column groups are the table's rows (表四).
    public var path: String
    /// Accepted labels, the official one first. Empty: the row has no label by design (表四).
    public var labels: [String]
    /// The group the row belongs to, so that "1." under （四） is told from "1." under （三）.
    public var group: String?
    public var fields: [FieldTemplate] { didSet { columns = fields.filter { $0.kind != .unitOfPrevious } } }
    /// The fields that are columns of the source table (a derived unit is not).
    public private(set) var columns: [FieldTemplate]
    /// Consecutive runs of `fields` that the report keeps as rows of their own: 表四 is one
    /// source row of fifteen cells, three groups of five (行政复议, 未经复议直接起诉, 复议后起诉).
    /// Empty: the fields are one row at `path`.
    public var columnGroups: [ColumnGroup]

    public init(path: String, labels: [String], group: String? = nil, fields: [FieldTemplate]) {
        self.path = path
        self.labels = labels
        self.group = group
        self.fields = fields
        columns = fields.filter { $0.kind != .unitOfPrevious }
        self.columnGroups = []
    }

    /// A row of the source table whose cells are, left to right, the fields of `groups`.
    public init(path: String = "", labels: [String], group: String? = nil, groups: [ColumnGroup]) {
        self.path = path
        self.labels = labels
        self.group = group
        self.fields = groups.flatMap(\.fields)
        columns = fields.filter { $0.kind != .unitOfPrevious }
        self.columnGroups = groups
    }

    /// How findings name the row: its official label, else its path, else "数据行".
    public var name: String { labels.first ?? (path.isEmpty ? "数据行" : path) }

    /// The report rows this template row becomes: one per column group (with the group's
    /// fields), or the row itself. `path` joins the row's path and the group's.
    public var reportRows: [(path: String, fields: Range<Int>)] {
        guard !columnGroups.isEmpty else { return [(path, 0..<fields.count)] }
        var out: [(path: String, fields: Range<Int>)] = []
        var start = 0
        for g in columnGroups {
            out.append((path.isEmpty ? g.path : "\(path).\(g.path)", start..<(start + g.fields.count)))
            start += g.fields.count
        }
        return out
    }
}

/// A run of a row's fields that the report keeps as a row of its own (see `columnGroups`).
public struct ColumnGroup: Sendable {
    public var path: String
    public var fields: [FieldTemplate]
    /// Words that name the group alone ("复议后起诉"): a caption above a row of just this
    /// group's cells (a table per group, as OCR tools print 表四) selects its columns.
    public var labels: [String]
    public init(path: String, labels: [String] = [], fields: [FieldTemplate]) {
        self.path = path
        self.labels = labels
        self.fields = fields
    }
}

public struct FieldTemplate: Sendable {
    public var name: String
    public var kind: FieldKind
    /// The column header as the template writes it ("自然人"); used for column positions.
    public var header: String {
        didSet {
            headerKey = LabelKey.make(header).key
            headerUnit = Aligner.unit(inHeader: header)
        }
    }
    /// The header's tolerant key and the unit it names, made once (every row with header cells
    /// above it is matched against it; every value without a unit takes it).
    public private(set) var headerKey: String
    public private(set) var headerUnit: String?

    public init(_ name: String, _ kind: FieldKind = .count, header: String) {
        self.name = name
        self.kind = kind
        self.header = header
        headerKey = LabelKey.make(header).key
        headerUnit = Aligner.unit(inHeader: header)
    }
}
