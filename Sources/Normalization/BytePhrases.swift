/// A set of phrases searched for in one pass over a text's UTF-8 bytes: `occurs(in:)` is
/// `phrases.contains { text.containsBytes($0) }` without a pass per phrase. Candidates are
/// picked by their first two bytes, then compared byte for byte.
public struct BytePhrases: Sendable {
    /// Phrases of two bytes or more, grouped by their first two bytes.
    let groups: [[[UInt8]]]
    /// For each first two bytes (index: first << 8 | second), 1 + the index of their group, or 0.
    let starts: [UInt8]
    /// Phrases of one byte, by that byte (nil when there are none).
    let singles: [Bool]?
    /// An empty phrase occurs in every text.
    let hasEmpty: Bool

    public init(_ phrases: [String]) {
        var groups: [[[UInt8]]] = []
        var starts = [UInt8](repeating: 0, count: 1 << 16)
        var singles = [Bool](repeating: false, count: 256)
        var hasEmpty = false
        for phrase in phrases.map({ Array($0.utf8) }) {
            if phrase.count < 2 {
                if let b = phrase.first { singles[Int(b)] = true } else { hasEmpty = true }
                continue
            }
            let key = Int(phrase[0]) << 8 | Int(phrase[1])
            if starts[key] == 0 {
                precondition(groups.count < 255, "at most 255 distinct phrase starts")
                groups.append([])
                starts[key] = UInt8(groups.count)
            }
            groups[Int(starts[key]) - 1].append(phrase)
        }
        self.groups = groups
        self.starts = starts
        self.singles = singles.contains(true) ? singles : nil
        self.hasEmpty = hasEmpty
    }

    public func occurs(in text: String) -> Bool {
        if hasEmpty { return true }
        var text = text
        return text.withUTF8 { hay in
            let n = hay.count
            if let singles, hay.contains(where: { singles[Int($0)] }) { return true }
            guard n >= 2 else { return false }
            return starts.withUnsafeBufferPointer { starts in
                for i in 0..<(n - 1) {
                    let group = Int(starts[Int(hay[i]) << 8 | Int(hay[i + 1])])
                    if group == 0 { continue }
                    for needle in groups[group - 1] where i + needle.count <= n {
                        var k = 2
                        while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                        if k == needle.count { return true }
                    }
                }
                return false
            }
        }
    }
}
