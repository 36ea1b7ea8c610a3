import XMLSupport

/// A table as WordprocessingML states it: grid columns, then rows of cells with their
/// spans and merge marks (placed into a logical grid by `TableCore.GridBuilder`).
struct RawTable {
    var gridColumns = 0
    var rows: [RawRow] = []
}

struct RawRow {
    var gridBefore = 0
    var gridAfter = 0
    /// `w:tblHeader`: repeated at the top of each page (it appears once in the file).
    var isHeader = false
    var cells: [RawCell] = []
}

struct RawCell {
    enum Merge { case none, restart, `continue` }
    var span = 1
    var vMerge = Merge.none
    var hMerge = Merge.none
    var items: [Item] = []
}

extension BodyReader {
    /// Largest span or skip taken from one attribute; larger values are hostile.
    static let maxSpan = 1000

    mutating func table(_ tbl: Int) -> RawTable {
        var table = RawTable()
        appendRows(of: tbl, to: &table)
        return table
    }

    mutating func appendRows(of node: Int, to table: inout RawTable) {
        for c in part.children(node) {
            switch part.tag(c) {
            case .tblGrid:
                table.gridColumns = part.children(c).reduce(0) { $0 + (part.tag($1) == .gridCol ? 1 : 0) }
            case .tr:
                if let row = row(c) { table.rows.append(row) }
            case .sdt:
                if let content = sdtContent(c) { appendRows(of: content, to: &table) }
            case .customXml, .ins, .moveTo, .sdtContent:
                appendRows(of: c, to: &table)
            case .alternateContent:
                if let branch = part.chosenBranch(c) { appendRows(of: branch, to: &table) }
            default:
                break
            }
        }
    }

    /// One row, or nil when the row is a tracked deletion (accepted view).
    mutating func row(_ tr: Int) -> RawRow? {
        var row = RawRow()
        if let trPr = part.child(tr, .trPr) {
            for c in part.children(trPr) {
                switch part.tag(c) {
                case .gridBefore: row.gridBefore = count(part.attribute(c, "val"))
                case .gridAfter: row.gridAfter = count(part.attribute(c, "val"))
                case .tblHeader: row.isHeader = part.isOn(c)
                case .del: return nil
                default: break
                }
            }
        }
        appendCells(of: tr, to: &row)
        return row
    }

    mutating func appendCells(of node: Int, to row: inout RawRow) {
        for c in part.children(node) {
            switch part.tag(c) {
            case .tc: if let cell = cell(c) { row.cells.append(cell) }
            case .sdt: if let content = sdtContent(c) { appendCells(of: content, to: &row) }
            case .customXml, .ins, .moveTo, .sdtContent: appendCells(of: c, to: &row)
            case .alternateContent: if let branch = part.chosenBranch(c) { appendCells(of: branch, to: &row) }
            default: break
            }
        }
    }

    /// One cell, or nil when the cell is a tracked deletion (`w:cellDel`, accepted view).
    mutating func cell(_ tc: Int) -> RawCell? {
        var cell = RawCell()
        if let tcPr = part.child(tc, .tcPr) {
            for c in part.children(tcPr) {
                switch part.tag(c) {
                case .gridSpan: cell.span = max(1, count(part.attribute(c, "val")))
                case .vMerge: cell.vMerge = part.attribute(c, "val") == "restart" ? .restart : .continue
                case .hMerge: cell.hMerge = part.attribute(c, "val") == "restart" ? .restart : .continue
                case .cellDel: return nil
                default: break
                }
            }
        }
        cell.items = blocks(in: tc)
        return cell
    }

    func count(_ value: String?) -> Int {
        guard let value, let n = Int(value) else { return 0 }
        return min(max(n, 0), BodyReader.maxSpan)
    }
}
