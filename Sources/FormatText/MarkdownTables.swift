/// Markdown as OCR and LLM tools write tables.
enum MarkdownTables {
    /// The text of an ATX heading line ("### 行政复议" → "行政复议"); nil for any other line.
    static func subheading(_ line: Substring) -> Substring? {
        let trimmed = line.drop { $0 == " " }
        let hashes = trimmed.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count), trimmed.dropFirst(hashes.count).first == " " else { return nil }
        let text = trimmed.dropFirst(hashes.count).drop { $0 == " " }
        return text.isEmpty ? nil : text
    }
}
