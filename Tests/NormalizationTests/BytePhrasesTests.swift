import Normalization
import Testing

/// `BytePhrases.occurs` answers as a byte search per phrase does.
@Suite struct BytePhrasesTests {
    static let phrases = ["同比", "较上年", "%", "本年新制作数量", "上一年项目数量", "上一篇", "ICP备", "维持"]
    static let texts = [
        "", "%", "增长5%", "本年新制作数量（件）", "本年新制作数", "上一年", "上一年项目数量", "与上一篇相关", "京ICP备12345号", "ICP",
        "行政复议结果维持3件", "同", "比上年增加", "较上年", "信息公开工作年度报告", "上一年项目数",
    ]

    @Test(arguments: texts)
    func agreesWithSearchingEachPhrase(text: String) {
        let expected = Self.phrases.contains { text.containsBytes($0) }
        #expect(BytePhrases(Self.phrases).occurs(in: text) == expected)
    }

    @Test func phrasesSharingTheirFirstBytesAreAllTried() {
        // 上一年 and 上一篇 start with the same bytes; the second must still be found.
        let phrases = BytePhrases(["上一年项目", "上一篇"])
        #expect(phrases.occurs(in: "见上一篇"))
        #expect(phrases.occurs(in: "上一年项目数量"))
        #expect(!phrases.occurs(in: "上一年"))
    }

    @Test func anEmptyPhraseOccursEverywhere() {
        #expect(BytePhrases(["", "维持"]).occurs(in: "报告"))
        #expect(!BytePhrases(["维持"]).occurs(in: ""))
    }
}
