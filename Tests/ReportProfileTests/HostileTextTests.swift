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

    @Test(arguments: [
        ("lone pipes", String(repeating: "|\n", count: 60_000)),
        ("a cell and a pipe", String(repeating: "x\n|\n", count: 30_000)),
        ("one row of cells closed by pipes", String(repeating: "a |\n", count: 5) + "|\n" + String(repeating: "b |\n", count: 30_000)),
        ("label fragments", String(repeating: "本年\n新收\n", count: 30_000)),
    ])
    func linesThatAreAlmostATable(_ shape: String, _ body: String) throws {
        let start = Self.cpuSeconds()
        do {
            _ = try Pipeline.report(bytes: Array(("一、总体情况\n" + body).utf8), name: "\(shape).txt", format: .text)
        } catch {
            #expect(error.message.count < 200)  // one clear line
        }
        #expect(Self.cpuSeconds() - start < 20)
    }
}
