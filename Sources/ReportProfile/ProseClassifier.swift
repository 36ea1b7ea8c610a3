import Normalization

/// Which table quantity the words before a number name (`ProseScanner`), or nil when they name
/// none or more than one.
enum ProseClassifier {
    static let carriedForwardWords = ["结转下年", "结转至下", "结转到下", "转入下年", "结转下一", "转至下年"]
    static let carriedOverWords = ["上年结转", "上年度结转", "上一年度结转", "上年度转结", "上年转结", "结转上年"]
    static let receivedWords = ["收到", "受理", "新收", "接收", "接到", "共收", "新增"]
    static let handledWords = ["办结", "答复", "办复", "办理完毕", "处理完毕"]
    /// Words that make a number something other than the table's count (公开的信息, 事项, 清单).
    static let notDecisions = ["事项", "清单", "目录", "信息", "公开", "公示", "权力", "网上", "指南", "平台"]
    static let outcomes: [(words: [String], review: ProseQuantity, lawsuit: ProseQuantity)] = [
        (["维持"], .reviewsUpheld, .lawsuitsUpheld),
        (["纠正", "纠错", "撤销"], .reviewsCorrected, .lawsuitsCorrected),
        (["尚未审结", "未审结", "审理中", "正在审理", "未结案"], .reviewsPending, .lawsuitsPending),
    ]

    static func quantity(_ context: String, sentenceBefore: String, sentence: String) -> ProseQuantity? {
        var found: [ProseQuantity] = []
        if let q = applications(context, sentence: sentence) { found.append(q) }
        if let q = reviews(context, sentenceBefore: sentenceBefore) { found.append(q) }
        if let q = decisions(context) { found.append(q) }
        return found.count == 1 ? found[0] : nil
    }

    static func any(_ words: [String], in text: String) -> Bool { words.contains { text.containsBytes($0) } }

    /// Table 三: received, carried over and forward, handled, granted, partly, denied.
    static func applications(_ c: String, sentence: String) -> ProseQuantity? {
        if any(["主动", "复议", "诉讼", "起诉"], in: c) { return nil }
        var found: [ProseQuantity] = []
        if any(carriedForwardWords, in: c) { found.append(.carriedForward) }
        if any(carriedOverWords, in: c) { found.append(.carriedOver) }
        if c.containsBytes("不予公开") {
            found.append(.denied)
        } else if c.containsBytes("部分公开") {
            found.append(.partiallyGranted)
        } else if c.containsBytes("予以公开") || c.containsBytes("同意公开") {
            found.append(.granted)
        }
        let received = any(receivedWords, in: c), handled = any(handledWords, in: c)
        if found.isEmpty, received != handled, !c.containsBytes("结转"), !c.containsBytes("办理") || handled {
            if received, c.containsBytes("申请") { found.append(.received) }
            if handled, sentence.containsBytes("申请") { found.append(.handled) }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Table 四: a group's count, or an outcome of the group named last before it.
    static func reviews(_ c: String, sentenceBefore: String) -> ProseQuantity? {
        if let outcome = outcomes.first(where: { any($0.words, in: c) }) {
            if outcomes.filter({ any($0.words, in: c) }).count > 1 { return nil }
            let g = groups(in: c)
            if g.review && g.lawsuit { return nil }
            if g.review || g.lawsuit { return g.review ? outcome.review : outcome.lawsuit }
            guard let last = lastGroup(in: sentenceBefore) else { return nil }
            return last == .reviews ? outcome.review : outcome.lawsuit
        }
        let g = groups(in: c)
        if g.review == g.lawsuit || any(["复议后", "直接起诉", "经复议"], in: c) { return nil }
        return g.review ? .reviews : .lawsuits
    }

    /// Table 二's decisions of 行政许可, 行政处罚, 行政强制.
    static func decisions(_ c: String) -> ProseQuantity? {
        let named: [ProseQuantity] = [("行政许可", ProseQuantity.licensing), ("行政处罚", .penalties), ("行政强制", .coercion)]
            .filter { c.containsBytes($0.0) }.map(\.1)
        guard named.count == 1, !any(notDecisions, in: c) else { return nil }
        return named[0]
    }

    /// Whether text names administrative reviews (复议, not as "复议后起诉") and lawsuits.
    static func groups(in text: String) -> (review: Bool, lawsuit: Bool) {
        let withoutAfter = text.replacingAll("复议后起诉", with: "起诉").replacingAll("经复议", with: "")
        return (withoutAfter.containsBytes("复议"), any(["诉讼", "起诉"], in: text))
    }

    /// The group named last in text.
    static func lastGroup(in text: String) -> ProseQuantity? {
        let chars = Array(text)
        var i = chars.count - 1
        while i > 0 {
            let pair = String(chars[(i - 1)...i])
            if pair == "诉讼" || pair == "起诉" { return .lawsuits }
            if pair == "复议" { return .reviews }
            i -= 1
        }
        return nil
    }
}
