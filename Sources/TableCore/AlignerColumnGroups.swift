import Normalization

/// Rows printed one column group at a time: 表四 as three small tables, each under a caption
/// naming its group ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）") with the
/// group's five headers and one row of five values. The caption selects the group's columns
/// of the template row; the groups' rows make one source row, the groups not printed blank.
extension Aligner {
    /// A column group of a template row: table, row, group.
    struct GroupRef: Equatable {
        var table: Int
        var row: Int
        var group: Int
    }

    /// The column group a caption row names: one label cell alone on its row whose text ends
    /// with one of the group's labels (brackets and punctuation aside: "行政诉讼（复议后起诉）"),
    /// naming no other group. A longer heading that goes on after the group's name
    /// ("行政复议、行政诉讼情况") names none.
    func columnGroup(captioned row: [InputCell]) -> GroupRef? {
        guard !vocabulary.captionWords.isEmpty, let k = row.firstIndex(where: { !$0.isBlank }), !row[(k + 1)...].contains(where: { !$0.isBlank }),
            let key = row[k].labelKey, key.core.utf8.count <= Self.maxCaption * 4, names(key.core),
            key.core.unicodeScalars.count <= Self.maxCaption
        else { return nil }
        let groupLabels = vocabulary.groupLabels
        let text = String(String.UnicodeScalarView(key.core.unicodeScalars.filter { !Self.captionPunctuation.contains($0) }))
        let found = groupLabels.filter { entry in entry.cores.contains { text.hasSuffix($0) } }
        return found.count == 1 ? found[0].ref : nil
    }

    /// Every column group of the templates with its labels' cores.
    static func groupLabels(_ templates: [TableTemplate]) -> [(ref: GroupRef, cores: [String])] {
        var out: [(ref: GroupRef, cores: [String])] = []
        for (t, template) in templates.enumerated() {
            for (r, row) in template.rows.enumerated() {
                // The labels are written as cores (no numbering, no spaces): used as they are.
                for (g, group) in row.columnGroups.enumerated() where !group.labels.isEmpty {
                    out.append((GroupRef(table: t, row: r, group: g), group.labels))
                }
            }
        }
        return out
    }

    /// Whether the text holds a group's name at all (a byte search).
    func names(_ text: String) -> Bool {
        for word in vocabulary.captionWords where text.containsBytes(word) { return true }
        return false
    }

    /// Longest caption read as naming a column group, in scalars.
    static let maxCaption = 20
    static let captionPunctuation: Set<Unicode.Scalar> = ["(", ")", "（", "）", "[", "]", "【", "】", "：", ":", "、"]

    /// The entry of a values row under a group caption: the row's cells in its group's columns
    /// of the template row, every other column blank; nil when its cells are not one group's.
    func groupEntry(_ entry: Entry, _ ref: GroupRef) -> Entry? {
        let row = templates[ref.table].rows[ref.row]
        let group = row.columnGroups[ref.group]
        guard entry.slots.count == group.fields.count, entry.slots.contains(where: { !$0.isBlank }) else { return nil }
        let start = row.columnGroups[..<ref.group].reduce(0) { $0 + $1.fields.count }
        var slots = Array(repeating: Slot(text: "", column: -1, isBlank: true), count: row.columns.count)
        slots.replaceSubrange(start..<(start + group.fields.count), with: entry.slots)
        var out = Entry(kind: .data(row: ref.row), table: ref.table, label: "", labelKey: nil, quality: .exact, slots: slots, headers: [])
        out.groupsPrinted = [ref.group]
        return out
    }

    /// Joins a group's row into the entry already holding other groups of the same template
    /// row; false when that group is already there.
    func join(_ entry: Entry, _ ref: GroupRef, into target: inout Entry) -> Bool {
        guard !target.groupsPrinted.contains(ref.group) else { return false }
        let row = templates[ref.table].rows[ref.row]
        let start = row.columnGroups[..<ref.group].reduce(0) { $0 + $1.fields.count }
        for k in start..<(start + row.columnGroups[ref.group].fields.count) { target.slots[k] = entry.slots[k] }
        target.groupsPrinted.insert(ref.group)
        return true
    }
}
