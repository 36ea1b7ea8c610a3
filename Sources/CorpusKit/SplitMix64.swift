/// A small seeded pseudo-random generator (SplitMix64), so that a corpus is the same on every
/// platform and Swift version: the standard library's generators make no such promise.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for the `index`-th document of a corpus: independent of how many numbers
    /// earlier documents drew, so one document can be regenerated alone.
    public static func forDocument(seed: UInt64, index: Int) -> SplitMix64 {
        var g = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        _ = g.next()
        return g
    }

    /// A uniform integer in `range` (no modulo bias worth caring about for corpus sizes).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// A small count: mostly 0, sometimes a few, rarely many.
    public mutating func count(zeroChance: Double = 0.55, scale: Int = 20) -> Int {
        if chance(zeroChance) { return 0 }
        if chance(0.8) { return int(1...max(1, scale / 4)) }
        return int(1...scale)
    }

    /// `k` distinct indices of `0..<n`, in increasing order.
    public mutating func indices(_ k: Int, of n: Int) -> [Int] {
        var pool = Array(0..<n)
        var out: [Int] = []
        for _ in 0..<min(k, n) { out.append(pool.remove(at: int(0...(pool.count - 1)))) }
        return out.sorted()
    }
}
