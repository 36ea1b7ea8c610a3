import DocModel

extension TableArithmetic {
    /// The grid of the candidate tables one scorer judges, rebuilt only where a row changed.
    ///
    /// The aligner judges hundreds of candidate tables of one table that differ in a row or
    /// two, and keeps each row's values in one array per reading. A row whose fields are the
    /// very array of the last table's row (same storage, held here so it cannot be freed or
    /// changed meanwhile) has the same fields, and keeps its cells.
    struct GridCache {
        var layout: Layout?
        /// The last table's rows (held in an array of the cache's own: see above) and its cells.
        var rows: [RowValues] = []
        var cells: [Int?] = []

        mutating func grid(_ t: TableValues, _ arithmetic: TableArithmetic) -> Grid {
            let w = arithmetic.columns.count
            if let layout, t.rows.count == rows.count, reuse(t, layout, w) {
                return Grid(layout: layout, cells: cells, width: w)
            }
            let g = arithmetic.grid(t, layout: &layout)
            // A copy of its own (sharing the caller's array would make the caller copy it on
            // its next change of a row).
            rows = t.rows.map { $0 }
            cells = g.cells
            return g
        }

        /// Updates the cells of the rows that changed; false when one no longer fits the layout.
        private mutating func reuse(_ t: TableValues, _ layout: Layout, _ w: Int) -> Bool {
            for r in t.rows.indices where !Self.sameStorage(t.rows[r], rows[r]) {
                let row = t.rows[r]
                guard row.path == layout.paths[r], row.fields.count == layout.names[r].count,
                    row.fields.indices.allSatisfy({ row.fields[$0].name == layout.names[r][$0] })
                else { return false }
                for c in 0..<w { cells[r * w + c] = nil }
                for (i, field) in row.fields.enumerated() where layout.fieldColumns[r][i] >= 0 {
                    if case .integer(let v)? = field.value { cells[r * w + layout.fieldColumns[r][i]] = v }
                }
                rows[r] = row
            }
            return true
        }

        /// The two rows' fields are one array (so equal), and their paths are equal.
        static func sameStorage(_ a: RowValues, _ b: RowValues) -> Bool {
            guard a.fields.count == b.fields.count, a.path == b.path else { return false }
            let x = a.fields.withUnsafeBufferPointer { $0.baseAddress }
            let y = b.fields.withUnsafeBufferPointer { $0.baseAddress }
            return x == y
        }
    }
}
