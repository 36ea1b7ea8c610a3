import DocModel
import TableCore

/// Every table cell of the report model by its dotted path, with a label for people, in a
/// fixed order: for each table (二, 三, 四), the 2021 template's cells in template order, then
/// the 2019 template's cells that 2021 lacks, in template order. `doccanon export` uses it for
/// its columns, so the columns of both templates are in one file.
public enum CellPaths {
    public struct Cell: Sendable, Equatable {
        /// "applications.results.granted.naturalPerson".
        public var path: String
        /// "表三 （一）予以公开 · 自然人".
        public var label: String
    }

    public static let all: [Cell] = {
        var out: [Cell] = []
        var seen = Set<String>()
        let tables2021 = OfficialTemplates.tables(.y2021), tables2019 = OfficialTemplates.tables(.y2019)
        for (t2021, t2019) in zip(tables2021, tables2019) {
            for cell in cells(t2021) + cells(t2019) where seen.insert(cell.path).inserted { out.append(cell) }
        }
        return out
    }()

    /// The cells of one template's table; table 四's single row of 15 fields is split by group
    /// as the report nests it.
    static func cells(_ table: TableTemplate) -> [Cell] {
        let name = ["activeDisclosure": "表二", "applications": "表三", "reviewsAndLitigation": "表四"][table.key] ?? table.key
        var out: [Cell] = []
        for row in table.rows {
            for field in row.fields {
                let rowPath = row.path == "all" ? "" : row.path + "."
                let label = row.path == "all"
                    ? "\(name) \(ReportValidator.groupName(String(field.name.prefix { $0 != "." }))) · \(field.header)"
                    : "\(name) \(row.labels.first ?? row.path) · \(field.header.isEmpty ? field.name : field.header)"
                out.append(Cell(path: "\(table.key).\(rowPath)\(field.name)", label: label))
            }
        }
        return out
    }
}
