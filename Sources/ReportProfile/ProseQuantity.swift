import DocModel

/// A quantity that report prose states and the tables hold (prose.mismatch): its name for
/// messages and the table cells whose value (or sum) it is.
public enum ProseQuantity: String, Sendable, CaseIterable {
    case received, carriedOver, carriedForward, handled, granted, partiallyGranted, denied
    case reviews, reviewsUpheld, reviewsCorrected, reviewsPending
    case lawsuits, lawsuitsUpheld, lawsuitsCorrected, lawsuitsPending
    case licensing, penalties, coercion

    public var name: String {
        switch self {
        case .received: return "本年新收政府信息公开申请数量"
        case .carriedOver: return "上年结转政府信息公开申请数量"
        case .carriedForward: return "结转下年度继续办理"
        case .handled: return "本年度办理结果总计"
        case .granted: return "予以公开"
        case .partiallyGranted: return "部分公开"
        case .denied: return "不予公开（8项之和）"
        case .reviews: return "行政复议总计"
        case .reviewsUpheld: return "行政复议结果维持"
        case .reviewsCorrected: return "行政复议结果纠正"
        case .reviewsPending: return "行政复议尚未审结"
        case .lawsuits: return "行政诉讼总计（未经复议直接起诉与复议后起诉之和）"
        case .lawsuitsUpheld: return "行政诉讼结果维持"
        case .lawsuitsCorrected: return "行政诉讼结果纠正"
        case .lawsuitsPending: return "行政诉讼尚未审结"
        case .licensing: return "行政许可处理决定数量"
        case .penalties: return "行政处罚处理决定数量"
        case .coercion: return "行政强制处理决定数量"
        }
    }

    static let deniedReasons = [
        "stateSecret", "prohibitedByLaw", "securityOrStability", "thirdPartyRights", "internalAffairs",
        "processInformation", "enforcementFiles", "administrativeQuery",
    ]
    static let litigation = ["litigationDirect", "litigationAfterReview"]

    /// The dotted report paths whose values add up to the quantity.
    public var paths: [String] {
        let a = "applications", r = "reviewsAndLitigation"
        switch self {
        case .received: return ["\(a).newlyReceived.total"]
        case .carriedOver: return ["\(a).carriedOver.total"]
        case .carriedForward: return ["\(a).carriedForward.total"]
        case .handled: return ["\(a).results.total.total"]
        case .granted: return ["\(a).results.granted.total"]
        case .partiallyGranted: return ["\(a).results.partiallyGranted.total"]
        case .denied: return Self.deniedReasons.map { "\(a).results.denied.\($0).total" }
        case .reviews: return ["\(r).administrativeReview.total"]
        case .reviewsUpheld: return ["\(r).administrativeReview.upheld"]
        case .reviewsCorrected: return ["\(r).administrativeReview.corrected"]
        case .reviewsPending: return ["\(r).administrativeReview.pending"]
        case .lawsuits: return Self.litigation.map { "\(r).\($0).total" }
        case .lawsuitsUpheld: return Self.litigation.map { "\(r).\($0).upheld" }
        case .lawsuitsCorrected: return Self.litigation.map { "\(r).\($0).corrected" }
        case .lawsuitsPending: return Self.litigation.map { "\(r).\($0).pending" }
        case .licensing: return ["activeDisclosure.licensing.decisions"]
        case .penalties: return ["activeDisclosure.penalties.decisions"]
        case .coercion: return ["activeDisclosure.coercion.decisions"]
        }
    }

    /// The table's value: the sum of `paths`, nil when any of them is blank or missing.
    public func value(in report: Report) -> Int? {
        var sum = 0
        for path in paths {
            guard let v = Self.cell(path, in: report) else { return nil }
            sum += v
        }
        return sum
    }

    static func cell(_ path: String, in report: Report) -> Int? {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count >= 3 else { return nil }
        let table: TableValues?
        switch parts[0] {
        case "activeDisclosure": table = report.activeDisclosure
        case "applications": table = report.applications
        default: table = report.reviewsAndLitigation
        }
        return table?.value(parts[1..<(parts.count - 1)].joined(separator: "."), parts[parts.count - 1])?.integer
    }
}
