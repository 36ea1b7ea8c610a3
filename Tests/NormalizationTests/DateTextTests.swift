import Normalization
import Testing

/// Dates as signatures and page headers write them.
@Suite struct DateTextTests {
    @Test(arguments: [
        ("2022年1月20日", "2022-01-20"), ("2022年01月20日", "2022-01-20"), ("2022 年 1 月 20 日", "2022-01-20"),
        ("二〇二二年一月二十日", "2022-01-20"), ("二○二二年十二月三十一日", "2022-12-31"), ("二〇二二年元月八日", "2022-01-08"),
        ("2022-01-20", "2022-01-20"), ("2022.1.20", "2022-01-20"), ("2022/1/20", "2022-01-20"), ("２０２２年２月１５日", "2022-02-15"),
        ("2022-01-20 10:35", "2022-01-20"), ("二〇二二年二月十五号", "2022-02-15"),
    ])
    func wholeLineDates(text: String, iso: String) {
        #expect(DateText.whole(text) == iso)
    }

    @Test(arguments: ["2022年1月", "2022年13月1日", "2022年2月", "2022-01-20日报", "安泽县人民政府", "20220120", "2022.1.20.3", "12345年1月1日"])
    func notADate(text: String) {
        #expect(DateText.whole(text) == nil)
    }

    @Test func firstDateInALine() {
        #expect(DateText.first(in: "来源：区政府办 发布时间：2023-02-01 09:00 浏览次数：35") == "2023-02-01")
        #expect(DateText.first(in: "本报告所列数据统计期限自2024年1月1日起") == "2024-01-01")
        #expect(DateText.first(in: "无日期") == nil)
    }
}
