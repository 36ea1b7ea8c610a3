import DocModel

/// The hand-typed truth of one real published report (Tests/Fixtures/real/*.truth): what the
/// document itself prints, cell by cell, and its metadata. Written as readable lines:
///
///     document: hzq2024.pdf
///     title: 淮安市洪泽区人民政府2024年政府信息公开工作年度报告
///     agency: 淮安市洪泽区人民政府
///     year: 2024
///     publishedOn: null
///     template: 2021
///     inconsistent: reviewsAndLitigation.administrativeReview
///     activeDisclosure.regulations: 0 0 0
///     applications.newlyReceived: 95 0 0 0 0 0 95
///
/// A table row's values follow the template's column order (RealRows). `null` is a blank cell,
/// `?` a cell the document itself leaves unreadable (right when read as null with a finding),
/// `0|null` a cell the print leaves open between readings (a row printing six values under
/// seven columns): any of them is right.
/// `inconsistent:` names a row or column whose printed arithmetic does not add up: the truth
/// keeps what is printed, and the parser refuses a truth whose sums fail anywhere else (a typo).
public struct RealTruth: Sendable, Equatable {
    public var id: String
    /// The document's path, relative to the truth file's folder.
    public var document: String
    public var kind: String
    public var title: String?
    public var agency: String?
    public var year: Int?
    public var publishedOn: String?
    public var template: Template
    public var inconsistent: [String]
    public var cells: [ExpectedCell]
    /// Cells the print leaves open between several values (path → the values).
    public var alternatives: [String: [Value?]] = [:]
}

public struct RealTruthError: Error, CustomStringConvertible {
    public var description: String
}

public enum RealTruthParser {
    public static func parse(_ text: String, id: String) throws(RealTruthError) -> RealTruth {
        var keys: [String: String] = [:]
        var inconsistent: [String] = []
        var rows: [String: [String]] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = trimmed(raw)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let colon = line.firstIndex(of: ":") else { throw RealTruthError(description: "\(id) line \(number + 1): no “key:”") }
            let key = trimmed(line[..<colon])
            let value = trimmed(line[line.index(after: colon)...])
            if key.contains(".") {
                guard rows[key] == nil else { throw RealTruthError(description: "\(id): \(key) twice") }
                let tokens: [Substring] = value.split(whereSeparator: { (c: Character) -> Bool in c == " " || c == "\t" })
                rows[key] = tokens.map { String($0) }
            } else if key == "inconsistent" {
                inconsistent.append(value)
            } else {
                keys[key] = value
            }
        }
        guard let document = keys["document"] else { throw RealTruthError(description: "\(id): no document:") }
        guard let template = keys["template"].flatMap(Template.init(rawValue:)) else { throw RealTruthError(description: "\(id): template: 2019 or 2021") }
        func optional(_ key: String) -> String? { keys[key].flatMap { $0 == "null" || $0.isEmpty ? nil : $0 } }
        let (cells, alternatives) = try expand(rows, template, id)
        var truth = RealTruth(
            id: id, document: document, kind: keys["kind"] ?? "", title: optional("title"), agency: optional("agency"),
            year: optional("year").flatMap { Int($0) }, publishedOn: optional("publishedOn"), template: template,
            inconsistent: inconsistent, cells: cells, alternatives: alternatives)
        let broken = RealArithmetic.violations(truth).filter { v in !inconsistent.contains { v.hasPrefix($0) } }
        guard broken.isEmpty else {
            throw RealTruthError(description: "\(id): sums fail, a typo or an undeclared inconsistency: " + broken.joined(separator: "; "))
        }
        truth.inconsistent.sort()
        return truth
    }

    /// Every template row exactly once, with one value per column.
    static func expand(
        _ rows: [String: [String]], _ template: Template, _ id: String
    ) throws(RealTruthError) -> ([ExpectedCell], [String: [Value?]]) {
        var cells: [ExpectedCell] = []
        var alternatives: [String: [Value?]] = [:]
        var unused = Set(rows.keys)
        for row in RealRows.rows(template) {
            guard let tokens = rows[row.key] else { throw RealTruthError(description: "\(id): row \(row.key) missing") }
            unused.remove(row.key)
            guard tokens.count == row.fields.count else {
                throw RealTruthError(description: "\(id): \(row.key) has \(tokens.count) values, the template \(row.fields.count)")
            }
            for (field, token) in zip(row.fields, tokens) {
                let options = token.split(separator: "|").map { value(String($0)) }
                let cell = ExpectedCell(
                    table: row.table, row: row.path, field: field, value: options[0], determinable: token != "?", damage: [])
                if options.count > 1 { alternatives[cell.path] = options }
                cells.append(cell)
            }
        }
        guard unused.isEmpty else { throw RealTruthError(description: "\(id): rows not in the \(template.rawValue) template: \(unused.sorted())") }
        return (cells, alternatives)
    }

    static func trimmed(_ s: Substring) -> String {
        String(s.drop { " \t\r".contains($0) }.reversed().drop { " \t\r".contains($0) }.reversed())
    }

    static func value(_ token: String) -> Value? {
        if token == "null" || token == "?" { return nil }
        if let i = Int(token) { return .integer(i) }
        if token.contains("."), Double(token) != nil { return .decimal(token) }
        return .text(token)
    }
}
