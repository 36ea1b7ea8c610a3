import Testing
@testable import Normalization

@Suite struct NormalizerTests {
    @Test func fullWidthDigitsAndLetters() {
        #expect(Normalizer.clean("１８７８") == "1878")
        #expect(Normalizer.clean("ＡＢｃ１２") == "ABc12")
        #expect(Normalizer.clean("１５９９６．５９") == "15996.59")
        #expect(Normalizer.clean("１，２３４") == "1,234")
        #expect(Normalizer.clean("－１") == "-1")
    }

    @Test func chinesePunctuationStaysInLabels() {
        #expect(Normalizer.clean("（一）予以公开") == "（一）予以公开")
        #expect(Normalizer.clean("本年收费金额（单位：万元）") == "本年收费金额（单位：万元）")
    }

    @Test func markersRemoved() {
        #expect(Normalizer.clean("[bookmark: _GoBack]一是落实领导责任制。") == "一是落实领导责任制。")
        #expect(Normalizer.clean("前[bookmark: bookmark16]后") == "前后")
        #expect(Normalizer.clean("**一是进一步完善领导机制。**由党政办") == "一是进一步完善领导机制。由党政办")
    }

    @Test func spacesAndBreaksInsideChineseRemoved() {
        #expect(Normalizer.clean("自然 人") == "自然人")
        #expect(Normalizer.clean("三、本 年度办 理结果") == "三、本年度办理结果")
        #expect(Normalizer.clean("结果\n维持") == "结果维持")
        #expect(Normalizer.clean("社会 公益 组织") == "社会公益组织")
        #expect(Normalizer.clean("　　三、收到和处理") == "三、收到和处理")
        #expect(Normalizer.clean("只计这一情形， 不计其他情形") == "只计这一情形，不计其他情形")
        #expect(Normalizer.clean("(一) 予以公开") == "(一)予以公开")
    }

    @Test func spacesBetweenLatinWordsKept() {
        #expect(Normalizer.clean("Word  2019 格式") == "Word 2019格式")
        #expect(Normalizer.clean("  a b  ") == "a b")
    }

    @Test func zeroWidthAndNonBreakingSpaces() {
        #expect(Normalizer.clean("\u{FEFF}规\u{200B}章\u{00A0}") == "规章")
    }
}

@Suite struct LabelKeyTests {
    @Test func ocrConfusionRepairedAndReported() {
        let key = LabelKey.make("现行冇效件数")
        #expect(key.key == "现行有效件数")
        #expect(key.repairs == ["冇 → 有"])
    }

    @Test func commaForDotInItemNumber() {
        let key = LabelKey.make("3,要求提供公开出版物")
        #expect(key.key == "3.要求提供公开出版物")
        #expect(key.numbering == ["3."])
        #expect(key.repairs.count == 1)
        // "3、" is a legitimate variant, not a repair.
        #expect(LabelKey.make("3、要求提供公开出版物").repairs.isEmpty)
    }

    @Test func strayLeadingPunctuation() {
        let key = LabelKey.make(".第二十条第（五）项")
        #expect(key.key == "第二十条第(五)项")
        #expect(key.repairs == ["removed leading \".\""])
    }

    @Test func numberingIsSeparated() {
        let key = LabelKey.make("（三） 不予公开")
        #expect(key.numbering == ["(三)"])
        #expect(key.core == "不予公开")
        #expect(LabelKey.make("四、结转下年度继续办理").core == "结转下年度继续办理")
        #expect(LabelKey.make("3.危及“三安全一稳定”").core == "危及三安全一稳定")
    }

    @Test func similarityIsBoundedAndSymmetric() {
        let a = "其他法律法规禁止公开", b = "其他法律行政法规禁止公开"
        #expect(LabelKey.similarity(a, b) > 0.85)
        #expect(LabelKey.similarity(a, b) == LabelKey.similarity(b, a))
        #expect(LabelKey.similarity("规章", "行政强制") == 0)
        #expect(LabelKey.similarity(String(repeating: "长", count: 500), "长") == 0)
    }

    /// The matcher skips a comparison when the cheap bound is below its threshold: the bound
    /// must never be below the real similarity, or a matching label would be lost.
    @Test func similarityBoundNeverUnderestimates() {
        let labels = [
            "其他法律行政法规禁止公开", "其他法律法规禁止公开", "属于国家秘密", "危及三安全一稳定", "保护第三方合法权益",
            "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确", "申请人逾期未按收费通知要求缴纳费用",
            "行政事业性收费", "现行有效件数", "现行冇效件数", "商业企业", "科研机构", "自然人", "尚未审结",
        ]
        var state: UInt64 = 42
        func shuffled(_ s: String) -> String {
            var chars = Array(s)
            for i in chars.indices.reversed() where i > 0 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                chars.swapAt(i, Int(state >> 33) % (i + 1))
            }
            return String(chars)
        }
        let all = labels + labels.map(shuffled)
        for a in all {
            for b in all {
                let ka = LabelKey.make(a), kb = LabelKey.make(b)
                #expect(LabelKey.similarityBound(ka, kb) >= LabelKey.similarity(ka.core, kb.core))
            }
        }
        #expect(LabelKey.similarityBound(LabelKey.make("规章"), LabelKey.make("行政强制")) == 0)
    }

    @Test func keysCompareByScalarsAndFoldASCIICase() {
        let key = LabelKey.make("（三）ABC 不予公开\r\n")
        #expect(key.key == "(三)abc不予公开")
        #expect(key.coreScalars == Array("abc不予公开".unicodeScalars.map(\.value)))
    }
}
