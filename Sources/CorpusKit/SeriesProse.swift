import DocModel

/// The prose of a series report (总体情况): sentences that state the tables' numbers in the
/// wordings reports use, sentences with numbers that are not the tables' (主动公开…条, last
/// year's figure, a change), and, when planted, one statement whose number is wrong or an "all
/// upheld" that the table contradicts.
struct SeriesProse {
    let cells: [ExpectedCell]
    let year: Int
    var rng: SplitMix64

    struct Statement {
        var path: String
        var value: Int
        var wordings: [String]
    }

    struct Written {
        var paragraphs: [String] = []
        var statements = 0
        var mismatches: [(path: String, stated: Int, table: Int)] = []
    }

    init(cells: [ExpectedCell], year: Int, rng: SplitMix64) {
        self.cells = cells
        self.year = year
        self.rng = rng
    }

    func value(_ path: String) -> Int {
        cells.first { $0.path == path }?.value?.integer ?? 0
    }

    static let denied = [
        "stateSecret", "prohibitedByLaw", "securityOrStability", "thirdPartyRights", "internalAffairs",
        "processInformation", "enforcementFiles", "administrativeQuery",
    ]

    func statements() -> [[Statement]] {
        let a = "applications", r = "reviewsAndLitigation"
        let deniedSum = Self.denied.reduce(0) { $0 + value("\(a).results.denied.\($1).total") }
        let lawsuits = value("\(r).litigationDirect.total") + value("\(r).litigationAfterReview.total")
        return [
            [
                Statement(path: "\(a).newlyReceived.total", value: value("\(a).newlyReceived.total"),
                          wordings: ["全年共受理政府信息公开申请#件", "本年度共收到政府信息公开申请#件", "全年新收政府信息公开申请#件"]),
                Statement(path: "\(a).carriedOver.total", value: value("\(a).carriedOver.total"), wordings: ["上年结转#件", "上年度结转申请#件"]),
                Statement(path: "\(a).results.total.total", value: value("\(a).results.total.total"), wordings: ["办结#件", "已全部办结#件"]),
                Statement(path: "\(a).carriedForward.total", value: value("\(a).carriedForward.total"),
                          wordings: ["结转下年度继续办理#件", "结转至下一年度办理#件"]),
            ],
            [
                Statement(path: "\(a).results.granted.total", value: value("\(a).results.granted.total"), wordings: ["其中予以公开#件"]),
                Statement(path: "\(a).results.partiallyGranted.total", value: value("\(a).results.partiallyGranted.total"), wordings: ["部分公开#件"]),
                Statement(path: "\(a).results.denied.stateSecret.total", value: deniedSum, wordings: ["不予公开#件"]),
            ],
            [
                Statement(path: "activeDisclosure.licensing.decisions", value: value("activeDisclosure.licensing.decisions"),
                          wordings: ["全年办理行政许可#件", "作出行政许可决定#件"]),
                Statement(path: "activeDisclosure.penalties.decisions", value: value("activeDisclosure.penalties.decisions"),
                          wordings: ["作出行政处罚决定#件", "行政处罚#件"]),
                Statement(path: "activeDisclosure.coercion.decisions", value: value("activeDisclosure.coercion.decisions"),
                          wordings: ["实施行政强制#件", "行政强制#件"]),
            ],
            [
                Statement(path: "\(r).administrativeReview.total", value: value("\(r).administrativeReview.total"),
                          wordings: ["全年发生政府信息公开行政复议#件", "被申请行政复议#件"]),
                Statement(path: "\(r).litigationDirect.total", value: lawsuits, wordings: ["行政诉讼#件", "被提起行政诉讼#件"]),
            ],
        ]
    }

    /// The paragraphs; with `plant`, one statement's number off (or a false "均获维持").
    mutating func write(plant: Bool) -> Written {
        var out = Written()
        let groups = statements()
        let flat = groups.flatMap { $0 }
        var wrong = plant ? rng.int(0...(flat.count)) : -1
        let r = "reviewsAndLitigation"
        let review = (value("\(r).administrativeReview.upheld"), value("\(r).administrativeReview.total"))
        let suitUpheld = value("\(r).litigationDirect.upheld") + value("\(r).litigationAfterReview.upheld")
        let suit = (suitUpheld, value("\(r).litigationDirect.total") + value("\(r).litigationAfterReview.total"))
        // Planting a false "均获维持" needs a case that was not upheld; else a number is off.
        if wrong == flat.count, review.0 == review.1, suit.0 == suit.1 { wrong = rng.int(0...(flat.count - 1)) }
        var k = 0
        for (g, group) in groups.enumerated() {
            var clauses: [String] = []
            for s in group {
                var stated = s.value
                if k == wrong {
                    let delta = rng.pick([1, 2, 3, 5, 10, 20])
                    stated = s.value >= delta && rng.chance(0.5) ? s.value - delta : s.value + delta
                    out.mismatches.append((s.path, stated, s.value))
                }
                clauses.append(rng.pick(s.wordings).replacingAll("#", with: String(stated)))
                out.statements += 1
                k += 1
            }
            var sentence = clauses.joined(separator: "，")
            if g == groups.count - 1 {
                let allUpheld = review.0 == review.1 && suit.0 == suit.1
                if (allUpheld && review.1 + suit.1 > 0 && rng.chance(0.7)) || wrong == flat.count {
                    sentence += "，均获维持"
                    if review.0 != review.1 { out.mismatches.append(("\(r).administrativeReview.upheld", review.1, review.0)) }
                    if suit.0 != suit.1 { out.mismatches.append(("\(r).litigationDirect.upheld", suit.1, suit.0)) }
                }
            }
            out.paragraphs.append(sentence + "。")
        }
        out.paragraphs.append(contentsOf: distractors())
        return out
    }

    /// Numbers the tables do not hold, which must stay silent.
    mutating func distractors() -> [String] {
        var out = ["全年共主动公开政府信息\(rng.int(20...3000))条。"]
        if rng.chance(0.5) { out.append("\(year - 1)年共受理政府信息公开申请\(rng.int(0...300))件。") }
        if rng.chance(0.5) { out.append("与上年相比，受理申请数量增加\(rng.int(1...50))件。") }
        if rng.chance(0.3) { out.append("累计办理政府信息公开申请\(rng.int(100...900))件。") }
        return out
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
