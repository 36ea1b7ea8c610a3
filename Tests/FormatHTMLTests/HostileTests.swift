import DocModel
import DoccanonKit
import Foundation
import Testing

/// Hostile pages: bounded time and memory, then a result or one clear error.
@Suite struct HostileTests {
    /// The body's value and the CPU seconds this thread spent on it: a hang guard that other
    /// work on a loaded machine (parallel tests, other builds) does not trip, as wall-clock time would.
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        func cpuSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let start = cpuSeconds()
        let value = try body()
        return (value, cpuSeconds() - start)
    }

    @Test func hundredsOfThousandsOfNestedElements() throws {
        let depth = 300_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>一、总体情况</p>深处的文字" + String(repeating: "</div>", count: depth) + "</body></html>"
        let (d, seconds) = try Self.timed { try Page.document(html) }
        #expect(Page.texts(d).joined().contains("深处的文字"))
        #expect(seconds < 90)  // a hang guard for a debug build on a loaded machine, not a speed measure
    }

    @Test func unclosedNestingOfInlineTags() throws {
        let html = "<html><body><p>" + String(repeating: "<font><b><span>", count: 100_000) + "文字</p></body></html>"
        let d = try Page.document(html)
        #expect(Page.texts(d).joined().contains("文字"))
    }

    @Test func thousandsOfNestedTables() throws {
        let n = 5000
        let html = "<html><body>" + String(repeating: "<table><tr><td>格", count: n) + "底" + String(repeating: "</td></tr></table>", count: n) + "</body></html>"
        let (d, seconds) = try Self.timed { try Page.document(html) }
        #expect(Page.texts(d).joined().contains("格") || Page.tables(d).contains { $0.cells.contains { $0.text.contains("格") } })
        #expect(seconds < 90)  // a hang guard for a debug build on a loaded machine, not a speed measure
    }

    @Test func hugeAttributes() throws {
        let big = String(repeating: "A", count: 20 << 20)
        let html = "<html><body><div id=zoom><img src=\"data:image/png;base64,\(big)\"><p class=\"\(big)\">一、总体情况</p><p>本年度公开信息86条。</p></div></body></html>"
        let (d, seconds) = try Self.timed { try Page.document(html) }
        #expect(Page.texts(d) == ["一、总体情况", "本年度公开信息86条。"])
        #expect(seconds < 90)  // a hang guard for a debug build on a loaded machine, not a speed measure
    }

    @Test func fiftyMegabytePage() throws {
        let paragraph = "<p>本年度主动公开政府信息1234条，其中政策文件56件，机构职能信息7条，财政预决算信息89条。</p>\n"
        let count = (50 << 20) / paragraph.utf8.count
        let html = "<html><body><div id=zoom>" + String(repeating: paragraph, count: count) + "</div></body></html>"
        let (result, seconds): (Result<Document, ConversionError>, Double) = Self.timed {
            do throws(ConversionError) { return .success(try Page.document(html)) } catch { return .failure(error) }
        }
        switch result {
        case .success(let d): #expect(d.blocks.count == count)
        case .failure(let e): #expect(e.code == .tooLarge)
        }
        #expect(seconds < 60)
    }

    @Test func tooManyTagsIsOneClearError() throws {
        let html = "<html><body>" + String(repeating: "<b>x</b>", count: 600_000) + "</body></html>"
        do throws(ConversionError) {
            _ = try Page.document(html)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message == "page.html: page too large: more than 500000 tags")
        }
    }

    @Test func moreParagraphsThanAnyReportIsOneClearError() throws {
        let html = "<div id=zoom>" + String(repeating: "<p>第一段</p><p>第二段</p><br>", count: 60_000) + "</div>"
        do throws(ConversionError) {
            _ = try Page.document(html)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message == "page.html: page too large: more than 100000 paragraphs")
        }
    }

    @Test func tensOfThousandsOfSiblingTables() throws {
        let html = "<div id=zoom>" + String(repeating: "<table><tr><td>格</td><td>1</td></tr></table>", count: 50_000) + "</div>"
        let (d, seconds) = try Self.timed { try Page.document(html) }
        #expect(Page.tables(d).map(\.rowCount) == [50_000])
        #expect(d.findings.count == 1)
        #expect(seconds < 30)
    }

    @Test func aTagWithTensOfThousandsOfAttributesIsOneClearError() throws {
        let html = "<html><body><div " + (0..<50_000).map { "a\($0)=x" }.joined(separator: " ") + ">文字</div></body></html>"
        let (result, seconds): (Result<Document, ConversionError>, Double) = Self.timed {
            do throws(ConversionError) { return .success(try Page.document(html)) } catch { return .failure(error) }
        }
        #expect(seconds < 10)
        guard case .failure(let error) = result else { Issue.record("expected an error"); return }
        #expect(error.code == .tooLarge)
        #expect(error.message == "page.html: page too large: a tag with more than 2000 attributes")
    }

    /// "=" inside quoted values count too (1,800 here): the check is one pass without a tokenizer.
    @Test func manyAttributesWithinTheLimitAreRead() throws {
        let html = "<div id=zoom><p " + (0..<900).map { "data-a\($0)=\"1=2\"" }.joined(separator: " ") + ">文字</p></div>"
        #expect(Page.texts(try Page.document(html)) == ["文字"])
    }

    /// libxml2 looks for each end tag down its stack of open elements: stray end tags under
    /// 100,000 unclosed ones would take minutes.
    @Test func strayEndTagsUnderThousandsOfOpenElements() throws {
        let html = "<html><body>" + String(repeating: "<div>", count: 100_000) + String(repeating: "</span>", count: 100_000) + "</body></html>"
        let (result, seconds): (Result<Document, ConversionError>, Double) = Self.timed {
            do throws(ConversionError) { return .success(try Page.document(html)) } catch { return .failure(error) }
        }
        #expect(seconds < 10)
        guard case .failure(let error) = result else { Issue.record("expected an error"); return }
        #expect(error.code == .tooLarge)
        #expect(error.message == "page.html: page too large: end tags that match none of thousands of unclosed elements")
    }

    @Test func hugeSpansAreClamped() throws {
        let html = "<div id=zoom><table><tr><td colspan=999999999 rowspan=99999999>合计</td><td>1</td></tr><tr><td>2</td></tr></table></div>"
        let t = try #require(Page.tables(try Page.document(html)).first)
        #expect(t.rowCount == 2)
        #expect(t.columnCount <= 1001)
    }

    @Test func emptyAndTruncatedPages() throws {
        #expect(try Page.document("").blocks.isEmpty)
        #expect(try Page.document("<html><body><div id=zoom><p>一、总体情况</p><table><tr><td>规章<td>0").blocks.count == 2)
        #expect(try Page.document("<").blocks.isEmpty)
    }
}
