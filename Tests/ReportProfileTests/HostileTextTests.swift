import DocModel
import DoccanonKit
import Foundation
import Testing

/// Text shaped to make a reader scan the same lines again and again, or look up thousands of
/// cells of one row: each reader remembers where a run proved to be no table, and a row's
/// label cells are looked up a bounded number of times. Bounded by this thread's CPU time
/// (a debug build; the quadratic readers took minutes at these sizes).
@Suite struct HostileTextTests {
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The arguments name the shape and how it is made (not the text itself, which the test
    /// log would print): `head`, then `unit` repeated `count` times.
    @Test(arguments: [
        ("lone pipes", "", "|\n", 60_000),
        ("a cell and a pipe", "", "x\n|\n", 30_000),
        ("one row of cells closed by pipes", String(repeating: "a |\n", count: 5) + "|\n", "b |\n", 30_000),
        ("label fragments", "", "本年\n新收\n", 30_000),
        // Cells a line, too few of them values for a table from any start (was 45 s in release).
        ("labels with a value every 39 lines", "", String(repeating: "本年\n", count: 38) + "1\n", 1_500),
        // Tika bookmarks on one line, each removed from the whole line in turn (was 31 s in release).
        ("bookmarks on one line", "", "[bookmark: _Toc1]", 300_000),
    ])
    func linesThatAreAlmostATable(_ shape: String, _ head: String, _ unit: String, _ count: Int) throws {
        let body = head + String(repeating: unit, count: count)
        let start = Self.cpuSeconds()
        do {
            _ = try Pipeline.report(bytes: Array(("一、总体情况\n" + body).utf8), name: "\(shape).txt", format: .text)
        } catch {
            #expect(error.message.count < 200)  // one clear line
        }
        #expect(Self.cpuSeconds() - start < 20)
    }

    /// One line of a huge number of cells: no reader makes a row of them (a line of more
    /// separators than a row has columns is text), fits them to a template row (the fits of 255
    /// surplus cells of 256 were an exponential search) or rebuilds the growing run ("0 0 0 …",
    /// quadratic).
    @Test(arguments: [
        ("values set by spaces", "规章 ", "0 ", 200_000),
        ("values set by tabs", "规章\t", "0\t", 200_000),
        ("pipes after a label", "规章 ", "|", 5_000),
        ("pipe cells", "规章 | ", "0 | ", 100_000),
    ])
    func oneLineOfManyCells(_ shape: String, _ head: String, _ unit: String, _ count: Int) throws {
        let line = head + String(repeating: unit, count: count)
        let start = Self.cpuSeconds()
        do {
            _ = try Pipeline.report(bytes: Array(("二、主动公开政府信息情况\n" + line + "\n").utf8), name: "\(shape).txt", format: .text)
        } catch {
            #expect(error.message.count < 200)
        }
        #expect(Self.cpuSeconds() - start < 20)
    }

    /// A table of more rows than a grid may hold positions: the reader stops at the limit and
    /// says so, instead of reading every row first (a million rows took 16 s and 1.8 GB).
    @Test(arguments: [
        ("rows set by spaces", "规章 0 0 0 0\n"),
        ("rows set by tabs", "规章\t0\t0\n"),
        ("cells a line", "规章\n0\n"),
        ("cells closed by pipes", "规章 |\n0 |\n"),
        ("cells opened by pipes", "| 0\n"),
        ("run together", "规章00000\n"),
    ])
    func tablesPastTheGridLimit(_ shape: String, _ row: String) throws {
        let text = "二、主动公开政府信息情况\n规章\n" + String(repeating: row, count: 210_000)
        let start = Self.cpuSeconds()
        #expect {
            _ = try Pipeline.report(bytes: Array(text.utf8), name: "\(shape).txt", format: .text)
        } throws: { error in
            (error as? ConversionError)?.message.contains("cells or more exceeds the limit of 200000 positions") == true
        }
        #expect(Self.cpuSeconds() - start < 30)
    }
}
