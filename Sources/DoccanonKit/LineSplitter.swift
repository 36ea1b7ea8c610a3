/// Splits a byte stream into record lines. A line longer than `maxLine` is never held: the rest
/// of it is skipped and only its length is reported. Blank lines (only spaces, tabs or a
/// carriage return) are not records. A trailing carriage return is removed.
public struct LineSplitter {
    public enum Line: Sendable, Equatable {
        case record([UInt8])
        /// A line of at least this many bytes, over the limit.
        case oversized(Int)
    }

    /// Fills the buffer with up to its size of input bytes: the count, 0 at the end, -1 on error.
    public typealias Read = @Sendable (UnsafeMutableRawBufferPointer) -> Int

    public let maxLine: Int
    private var chunk = [UInt8](repeating: 0, count: 64 << 10)
    private var position = 0
    private var end = 0
    private var finished = false
    /// Set when the source reported an error; the lines before it were returned.
    public private(set) var failed = false

    public init(maxLine: Int) {
        self.maxLine = maxLine
    }

    /// The next record line, or nil at the end of the input.
    public mutating func next(_ read: Read) -> Line? {
        var line: [UInt8] = []
        var length = 0
        var blank = true
        while true {
            if position == end {
                if finished { return length > 0 && !blank ? finish(line, length) : nil }
                let n = chunk.withUnsafeMutableBytes { read($0) }
                if n <= 0 {
                    if n < 0 { failed = true }
                    finished = true
                    continue
                }
                position = 0
                end = n
            }
            // Scan the chunk for the end of the line.
            var stop = position
            while stop < end, chunk[stop] != 0x0A { stop += 1 }
            let piece = chunk[position..<stop]
            if blank { blank = piece.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
            if length + piece.count <= maxLine + 1 { line.append(contentsOf: piece) } else if !line.isEmpty { line = [] }
            length += piece.count
            if stop < end {
                position = stop + 1
                if blank {
                    line.removeAll(keepingCapacity: true)
                    length = 0
                    continue
                }
                return finish(line, length)
            }
            position = end
        }
    }

    private func finish(_ line: [UInt8], _ length: Int) -> Line {
        var line = line
        var length = length
        if line.last == 0x0D, length <= maxLine + 1 {
            line.removeLast()
            length -= 1
        }
        return length > maxLine ? .oversized(length) : .record(line)
    }

    /// How many record lines a source holds, by the same rules, without keeping any line.
    public static func countRecords(_ read: Read) -> Int {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var count = 0
        var blank = true
        while true {
            let n = chunk.withUnsafeMutableBytes { read($0) }
            if n <= 0 { break }
            for b in chunk[0..<n] {
                if b == 0x0A {
                    if !blank { count += 1 }
                    blank = true
                } else if b != 0x20, b != 0x09, b != 0x0D {
                    blank = false
                }
            }
        }
        return blank ? count : count + 1
    }
}
