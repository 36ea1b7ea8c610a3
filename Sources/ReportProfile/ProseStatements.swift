import DocModel
import TableCore

/// Numbers the prose states for single cells of 表二's documents rows, for the aligner to
/// choose between readings of a row that neither the text nor the arithmetic decides
/// (`Aligner.statements`; 表二 has no arithmetic).
///
/// A number of cases (件) is read as stated for a cell only when the words before it (since
/// the clause start or the previous number) name exactly one row, 规章 or 规范性文件, and
/// exactly one column of the template ("制发", "废止", "现行有效"; "新制作", "新公开", "公开总"),
/// and nothing in its clause makes it another period, a change, an estimate or a part
/// (`ProseScanner`'s rules). "主动公开规章22件" names no column and states nothing. A cell
/// stated twice with different numbers is left out.
enum ProseStatements {
    static let rows: [(path: String, words: [String])] = [("regulations", ["规章"]), ("normativeDocuments", ["规范性文件"])]
    static let columns: [Template: [(field: String, words: [String])]] = [
        .y2021: [("issued", ["制发"]), ("repealed", ["废止"]), ("inForce", ["现行有效"])],
        .y2019: [("newlyMade", ["新制作"]), ("newlyPublished", ["新公开"]), ("totalPublished", ["公开总"])],
    ]

    static func read(_ sections: [Section], year: Int?, template: Template) -> [String: StatedValue] {
        var found: [String: [StatedValue]] = [:]
        for section in sections {
            // Most paragraphs name neither row: nothing to read (a byte search first).
            for paragraph in section.paragraphs where paragraph.containsBytes("件") && names(paragraph) {
                for sentence in ProseScanner.sentences(paragraph) where sentence.containsBytes("件") && names(sentence) {
                    for (path, stated) in statements(in: sentence, year: year, template: template) { found[path, default: []].append(stated) }
                }
            }
        }
        return found.compactMapValues { list in Set(list.map(\.value)).count == 1 ? list[0] : nil }
    }

    /// Whether the text names one of the rows and one of the columns at all (byte searches).
    static func names(_ text: String) -> Bool {
        guard text.containsBytes("规章") || text.containsBytes("规范性文件") else { return false }
        for word in columnWords where text.containsBytes(word) { return true }
        return false
    }

    static let columnWords = columns.values.flatMap { $0.flatMap(\.words) }

    static func statements(in sentence: String, year: Int?, template: Template) -> [(String, StatedValue)] {
        let chars = Array(sentence)
        var out: [(String, StatedValue)] = []
        var lo = 0
        while lo < chars.count {
            var hi = lo
            while hi < chars.count, !ProseScanner.isClauseEnd(chars[hi]) { hi += 1 }
            let clause = Array(chars[lo..<hi])
            if !ProseScanner.excluded(String(clause), year: year) {
                out += statements(clause, sentence: chars, clauseStart: lo, template: template)
            }
            lo = hi + 1
        }
        return out
    }

    static func statements(_ clause: [Character], sentence: [Character], clauseStart: Int, template: Template) -> [(String, StatedValue)] {
        var out: [(String, StatedValue)] = []
        var contextStart = 0
        var i = 0
        while i < clause.count {
            guard let (value, end) = ProseScanner.number(clause, at: i) else {
                i += 1
                continue
            }
            defer {
                contextStart = min(end + 1, clause.count)
                i = end + 1
            }
            guard let value, end < clause.count, clause[end] == "件" else { continue }
            if end + 1 < clause.count, clause[end + 1] == "余" || clause[end + 1] == "多" { continue }
            let context = String(clause[contextStart..<i])
            if ProseScanner.estimates.contains(where: { context.hasSuffix($0) }) { continue }
            if ProseScanner.inclusive(sentence, after: clauseStart + end + 1) { continue }
            guard let path = cell(named: context, template: template) else { continue }
            out.append((path, StatedValue(value, claim: String(clause[contextStart...end]))))
        }
        return out
    }

    /// The dotted path of the one cell the words name, or nil.
    static func cell(named context: String, template: Template) -> String? {
        let row = rows.filter { $0.words.contains { context.containsBytes($0) } }
        let column = (columns[template] ?? []).filter { $0.words.contains { context.containsBytes($0) } }
        guard row.count == 1, column.count == 1 else { return nil }
        return "activeDisclosure.\(row[0].path).\(column[0].field)"
    }
}
