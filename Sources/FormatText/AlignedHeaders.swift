import DocModel
import Normalization

/// Header cells wrapped over several lines, put back together over the columns of the values
/// below them: "结果" / "维持" under one value column reads "结果维持". A header cell over
/// several value columns ("行政诉讼", "申请人情况") stays a cell of its own, in a row of its own
/// line, at the first column it covers; header text left of the values is the label column's.
enum AlignedHeaders {
    /// `block`: the header lines (blank lines allowed between them); `centres`: the doubled
    /// centres of the value columns below; `labelCount`: the grid column of the first value.
    static func rows(_ block: [AlignedTable.Line], centres: [Int], labelCount: Int, lines: [Substring]) -> [AlignedRows.OutRow] {
        guard let firstCentre = centres.first else { return [] }
        let spacing = centres.count >= 2 ? (centres[1] - centres[0]) : 16
        var labelPieces: [AlignedRows.Piece] = []
        var columns = [[AlignedRows.Piece]](repeating: [], count: centres.count)
        var out: [AlignedRows.OutRow] = []
        for line in block {
            var spanning: [(column: Int, text: String, origin: CellOrigin)] = []
            for f in line.fields {
                let piece = AlignedRows.Piece(line: line.index, field: f)
                let covered = centres.indices.filter { f.start * 2 <= centres[$0] && centres[$0] <= f.end * 2 }
                if covered.count >= 2 {
                    spanning.append((labelCount + covered[0], Normalizer.clean(f.text), AlignedRows.origin([piece], lines)))
                } else if f.end * 2 < firstCentre - spacing / 2 {
                    labelPieces.append(piece)
                } else {
                    let nearest = centres.indices.min { abs(centres[$0] - f.centre) < abs(centres[$1] - f.centre) } ?? 0
                    columns[nearest].append(piece)
                }
            }
            if !spanning.isEmpty { out.append(AlignedRows.OutRow(cells: spanning)) }
        }
        var merged: [(column: Int, text: String, origin: CellOrigin)] = []
        if !labelPieces.isEmpty {
            merged.append((max(labelCount - 1, 0), Normalizer.clean(labelPieces.map(\.field.text).joined(separator: "\n")), AlignedRows.origin(labelPieces, lines)))
        }
        for (j, pieces) in columns.enumerated() where !pieces.isEmpty {
            merged.append((labelCount + j, Normalizer.clean(pieces.map(\.field.text).joined(separator: "\n")), AlignedRows.origin(pieces, lines)))
        }
        if !merged.isEmpty { out.append(AlignedRows.OutRow(cells: merged)) }
        return out
    }
}
