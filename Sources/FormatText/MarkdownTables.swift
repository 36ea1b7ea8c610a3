/// Markdown as OCR and LLM tools write it: ATX headings ("### 行政复议", "##一、总体情况") and
/// pipe tables under them.
enum MarkdownTables {
    /// The text of an ATX heading line ("### 行政复议" → "行政复议"); nil for any other line.
    /// One to six "#", then a space, or the heading's text glued on when it starts with a
    /// character outside ASCII ("##一、总体情况": tools that drop the space before CJK text);
    /// closing "#"s after a space are dropped too ("## 概述 ##").
    static func subheading(_ line: Substring) -> Substring? {
        heading(line)?.text
    }

    /// The level (number of "#") and text of an ATX heading line.
    static func heading(_ line: Substring) -> (level: Int, text: Substring)? {
        // Most lines do not start with "#": a byte test first.
        guard line.utf8.first(where: { $0 != 0x20 }) == 0x23 else { return nil }
        let trimmed = line.drop { $0 == " " }
        let hashes = trimmed.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count), let next = trimmed.dropFirst(hashes.count).unicodeScalars.first,
            next == " " || next.value > 0x7F
        else { return nil }
        var text = trimmed.dropFirst(hashes.count).drop { $0 == " " }
        // Closing sequence: spaces, then only "#" to the end of the line.
        let tail = text.reversed().prefix { $0 == " " || $0 == "\t" }.count
        text = text.dropLast(tail)
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing < text.count, text.dropLast(closing).last == " " {
            text = text.dropLast(closing)
            text = text.dropLast(text.reversed().prefix { $0 == " " }.count)
        }
        return text.isEmpty ? nil : (hashes.count, text)
    }
}
