import DocModel

/// A number the prose states for a quantity the tables hold, where the table disagrees.
public struct ProseMismatch: Sendable, Equatable {
    public var section: SectionID
    /// The whole sentence, as the report gives it.
    public var sentence: String
    /// The words that state the number ("受理政府信息公开申请749件").
    public var claim: String
    public var quantity: ProseQuantity
    public var stated: Int
    public var table: Int

    public var finding: Finding {
        let where_ = ReportValidator.sectionName(section)
        return Finding(
            .proseMismatch,
            "“\(where_)”部分称“\(claim)”（\(stated)），表中\(quantity.name)为\(table)；原句：“\(sentence)”",
            path: quantity.paths.count == 1 ? quantity.paths[0] : Self.commonPrefix(quantity.paths))
    }

    static func commonPrefix(_ paths: [String]) -> String {
        let parts = paths.map { $0.split(separator: ".").map(String.init) }
        var out: [String] = []
        for (i, p) in parts[0].enumerated() where parts.allSatisfy({ $0.count > i && $0[i] == p }) {
            if out.count != i { break }
            out.append(p)
        }
        return out.joined(separator: ".")
    }
}

/// prose.mismatch: reads the numbers the sections' sentences state for quantities of the tables
/// (applications received, carried over and forward, handled, granted, partly granted, denied;
/// administrative reviews and lawsuits with their outcomes; 行政许可/处罚/强制 decisions) and
/// compares each with the table. It leans to silence: a number is read only when the words
/// right before it name exactly one such quantity, its unit is a count of cases (件, 起, 宗,
/// 例), nothing in its clause makes it another period, a change, an estimate or a part, and
/// the table's cells are not blank. Anything else ("主动公开政府信息1136条") says nothing.
public enum ProseChecker {
    public static func findings(for report: Report) -> [Finding] {
        mismatches(in: report).map(\.finding)
    }

    public static func mismatches(in report: Report) -> [ProseMismatch] {
        var out: [ProseMismatch] = []
        for section in report.sections {
            for paragraph in section.paragraphs {
                for sentence in ProseScanner.sentences(paragraph) {
                    for claim in ProseScanner.claims(in: sentence, year: report.metadata.year) {
                        guard let (stated, table) = claim.compared(in: report), stated != table else { continue }
                        let m = ProseMismatch(
                            section: section.id, sentence: sentence, claim: claim.text, quantity: claim.quantity,
                            stated: stated, table: table)
                        if !out.contains(m) { out.append(m) }
                    }
                }
            }
        }
        return out
    }
}

/// One number read from a sentence.
struct ProseClaim: Equatable {
    var quantity: ProseQuantity
    /// nil for "均获维持" (every case upheld): the claim is that upheld equals the group's total.
    var stated: Int?
    var text: String

    /// The stated and the table's values; nil when the table's cells are blank.
    func compared(in report: Report) -> (stated: Int, table: Int)? {
        guard let table = quantity.value(in: report) else { return nil }
        if let stated {
            // "受理/收到申请N件" is written both for the year's new applications and for all the
            // year had to handle, new plus carried over ("共受理749件（含上年结转36件）"): either
            // reading agrees; a mismatch is reported against 新收.
            if quantity == .received, let carried = ProseQuantity.carriedOver.value(in: report),
                carried > 0, stated == table + carried
            {
                return (stated, stated)
            }
            return (stated, table)
        }
        let total: ProseQuantity = quantity == .reviewsUpheld ? .reviews : .lawsuits
        guard let all = total.value(in: report) else { return nil }
        return (all, table)
    }
}
