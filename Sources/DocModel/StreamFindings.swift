/// Findings of the reader of tables written one cell a line (`Table.cellStream`, TableCore's
/// CellStream*.swift).
extension Finding {
    /// `table.rowInferred`: a row whose values do not follow its label in the text (written before
    /// it, or after other rows' labels), paired with it by the template's row order.
    public static func streamPaired(title: String, label: String, row: String, path: String) -> Finding {
        Finding(
            .tableRowInferred, "\(title)：“\(label)”的数值与标签在文字中不相邻（一格一行），按模板行序与其他行的数值一起配对读取",
            path: path, detail: .label(source: label, template: row))
    }

    /// `table.ambiguous`: rows whose values the text gives column by column, or interleaved with
    /// another row's; only that order keeps the table's arithmetic.
    public static func streamReordered(title: String, rows: [String], how: String, path: String) -> Finding {
        Finding(
            .tableAmbiguous, "\(title)：\(rows.joined(separator: "、")) 的数值在文字中\(how)，按行读取时不合表内勾稽关系，只有这一种顺序相合",
            path: path, detail: .cells(rows))
    }

    /// `table.ambiguous`: the orders of a stream's values that keep the arithmetic disagree on
    /// these cells, which are null.
    public static func streamUndecided(title: String, row: String, readings: [[Value?]], path: String) -> Finding {
        Finding(
            .tableAmbiguous, "\(title)“\(row)”：一格一行的文字中数值的顺序有多种读法同样合乎表内勾稽关系，各读法不一致的单元格取 null：\(readings.map { show($0) }.joined(separator: " "))",
            path: path, detail: .reading(cells: readings.first?.count ?? 0, columns: readings.first?.count ?? 0, decision: .undecided, chosen: readings.first ?? [], others: Array(readings.dropFirst())))
    }

    /// `table.ambiguous`: a row of several cells whose values do not follow its label, in a table
    /// without arithmetic to check their order (表二): null.
    public static func streamUnchecked(title: String, row: String, path: String) -> Finding {
        Finding(
            .tableAmbiguous, "\(title)“\(row)”：一格一行的文字中其数值不紧随标签，该表没有勾稽关系可以验证数值的顺序，各单元格取 null",
            path: path, detail: .label(source: row, template: row))
    }

    /// `table.rowMissing` on a table: its values in a one-cell-a-line text cannot be paired with
    /// the rows whose labels it gives (the counts differ).
    public static func streamUnpaired(title: String, values: Int, cells: Int, path: String) -> Finding {
        Finding(
            .tableRowMissing, "\(title)：一格一行的文字中有 \(values) 个数值，而其标签给出的行共 \(cells) 列，无法配对，该表未读取",
            path: path, detail: .label(source: "", template: ""))
    }
}
