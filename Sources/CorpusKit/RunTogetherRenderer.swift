/// Renders a table as a page's `textContent` (or BeautifulSoup's `get_text()`) gives it when
/// the markup has no whitespace between cells: each row's cells run together on one line
/// ("规章000", "一、本年新收政府信息公开申请数量21710000218"), or, for one table in four, the
/// whole table on one line. Merged cells appear once; a blank cell prints nothing.
enum RunTogetherRenderer {
    static func table(_ t: LayoutTable, rng: inout SplitMix64) -> [String] {
        let rows = TextRenderer.flatten(t, .absent)
        let oneLine = rng.chance(0.25) && !rows.contains { $0.kind == .pageNumber }
        let lines = rows.map { $0.cells.map(TextRenderer.oneLine).joined() }.filter { !$0.isEmpty }
        return oneLine ? [lines.joined()] : lines
    }
}
