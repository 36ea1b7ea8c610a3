/// Where a report value came from (provenance, spec §9): kept by the reconstructor for every
/// value it outputs, in `Report.sources`. Not serialised here: `--provenance` writes it.

/// A cell of the document: the index of its table among the document's tables, and of the
/// cell in that table's `cells` (whose `origin` says where it stands in the source file).
public struct CellRef: Sendable, Hashable, Comparable {
    public var table: Int
    public var cell: Int

    public init(table: Int, cell: Int) {
        self.table = table
        self.cell = cell
    }

    public static func < (a: CellRef, b: CellRef) -> Bool { (a.table, a.cell) < (b.table, b.cell) }
}

public enum ValueSource: Sendable, Hashable {
    /// Read from one cell, in the row and column the template gives it.
    case cell(CellRef)
    /// Not read from one cell as it stands: `how` it was inferred, from which cells and
    /// report paths.
    case inferred(Inference, cells: [CellRef], paths: [String])

    public enum Inference: String, Sendable, Hashable {
        /// The cell's row had no recognisable label and was placed by its position.
        case rowPosition
        /// The cell's column was chosen among several readings of its row by the arithmetic.
        case arithmetic
        /// The unit of an amount, from the amount's cell (or its column's header).
        case unitOfAmount
        /// One part of a cell whose digits ran together, split by the arithmetic.
        case digitSplit
    }
}
