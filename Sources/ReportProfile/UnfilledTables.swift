import DocModel
import Normalization
import TableCore

/// Tables printed with their labels and no values: a form left blank, as a plain text
/// extraction of its PDF gives it (each label a short line of its own, nothing between them).
/// The text readers find no table there (a table needs values), so the labels come through as
/// paragraphs. When one of the three tables was not found among the document's tables, the
/// short paragraphs are aligned again, as label rows alone; a table the labels name is taken
/// only when not one value is read into it. It reads as present with every cell null (so
/// `value.blank` for each), and `table.unfilled` says how it was found. A table whose labels
/// are not there stays `table.missing`.
enum UnfilledTables {
    /// Longest paragraph taken as a label (the template's longest label is about 35 characters).
    static let labelLength = 40

    /// Most short paragraphs joined into one label ("一、本年新收政府信息" + "公开申请数量").
    static let mostJoined = 4
    /// Most short blocks aligned again: a blank form's three tables have about 150 labels; a
    /// text of more short lines than this is no form (and is not aligned twice over).
    static let mostLabels = 5_000

    /// The short paragraphs and headings that may be a table's labels (no sentence ends in them),
    /// each a label row. Consecutive ones are joined where none of them is a label of the
    /// templates and their join is (a label wrapped over lines, each line a block of its own).
    static func labelRows(_ blocks: [Block], vocabulary: Vocabulary) -> [[InputCell]] {
        let texts: [String?] = blocks.map { block in
            // A numbered label alone on its line ("（一）予以公开") reads as a heading.
            let text: String
            switch block {
            case .paragraph(let t), .heading(_, let t): text = t
            default: return nil
            }
            guard text.unicodeScalars.count <= labelLength,
                !text.unicodeScalars.contains(where: { $0 == "。" || $0 == "；" || $0 == "！" || $0 == "？" })
            else { return nil }
            return text
        }
        guard texts.count(where: { $0 != nil }) <= mostLabels else { return [] }
        var rows: [[InputCell]] = []
        var i = 0
        while i < texts.count {
            guard let text = texts[i] else {
                i += 1
                continue
            }
            var label = text
            var next = i + 1
            if !vocabulary.hasLabel(text) {
                var joined = text
                var k = i + 1
                while k < texts.count, k < i + mostJoined, let more = texts[k], !vocabulary.hasLabel(more) {
                    joined += more
                    k += 1
                    if vocabulary.hasLabel(joined) {
                        (label, next) = (joined, k)
                        break
                    }
                }
            }
            rows.append([InputCell(label, column: 0)])
            i = next
        }
        return rows
    }

    /// The tables of `missing` that the labels name with no value in them, and their findings
    /// (the second alignment's, for those tables, and one `table.unfilled` each). A table is
    /// taken on evidence a list of words in prose does not give: a header label only that
    /// table has (`TableTemplate.anchors`: "信息内容", "申请人情况", "行政诉讼"), and at least
    /// half its rows named; a table of fewer than two rows (表四, one row under its headers)
    /// only beside another table taken so.
    static func read(
        _ blocks: [Block], aligner: Aligner, templates: [TableTemplate], vocabulary: Vocabulary, missing: [String],
        names: (String) -> String
    ) -> (tables: [String: TableValues], findings: [Finding]) {
        guard !missing.isEmpty else { return ([:], []) }
        let rows = labelRows(blocks, vocabulary: vocabulary)
        guard !rows.isEmpty else { return ([:], []) }
        var labelsOnly = aligner
        labelsOnly.statements = [:]  // the prose fills no cell of a table printed blank
        let alignment = labelsOnly.align(rows)
        let keys = Set(rows.map { LabelKey.make($0[0].text).key })
        var taken: [String] = []
        var small: [String] = []
        for key in missing {
            guard let table = alignment.tables[key], isBlank(table), let template = templates.first(where: { $0.key == key }) else { continue }
            let anchored = template.anchors.contains { anchor in
                let a = LabelKey.make(anchor).key
                return keys.contains { !$0.isEmpty && ($0 == a || $0.contains(a)) }
            }
            let missingRows = alignment.findings.filter { $0.rule == .tableRowMissing && isIn(key, $0) }.count
            guard anchored else { continue }
            if template.rows.count < 2 {
                small.append(key)
            } else if 2 * (template.rows.count - missingRows) >= template.rows.count {
                taken.append(key)
            }
        }
        if !taken.isEmpty { taken += small }
        var tables: [String: TableValues] = [:]
        var findings: [Finding] = []
        for key in taken {
            guard var table = alignment.tables[key] else { continue }
            // Short lines the template does not name are the text's, not rows of a blank form.
            table.extraRows = []
            tables[key] = table
            findings.append(.tableUnfilled(key, name: names(key)))
            findings += alignment.findings.filter { $0.rule != .tableExtraRow && isIn(key, $0) }
        }
        return (tables, findings)
    }

    static func isIn(_ key: String, _ finding: Finding) -> Bool {
        finding.path.map { $0 == key || $0.hasPrefix(key + ".") } ?? false
    }

    static func isBlank(_ table: TableValues) -> Bool {
        table.rows.allSatisfy { $0.fields.allSatisfy { $0.value == nil } } && table.extraRows.allSatisfy { $0.values.allSatisfy { $0 == nil } }
    }
}
