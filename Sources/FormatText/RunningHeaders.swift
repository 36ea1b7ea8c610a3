import Normalization

/// A page's running header in text extracted from a paged original: pdftotext starts each page
/// with a form feed, and a header the pages repeat ("政府信息公开工作年度报告" over every page)
/// is then the first line of several pages, word for word. Such a line is page furniture, as a
/// page number is: dropped wherever it falls, so that a label or a table goes on across it
/// ("2." | header | "重复申请"). The first page's line is kept (there it is often the title).
enum RunningHeaders {
    /// The lines, 0-based, that open a page after a form feed with the same text as another
    /// page's opening line: one piece of text, not a value, not a row of columns.
    static func lines(_ lines: [Substring]) -> [Int] {
        var openings: [String: [Int]] = [:]
        for (i, line) in lines.enumerated() where line.utf8.first == 0x0C {
            // The page's first line with text: the form feed's own, or the next one.
            var k = i
            while k < lines.count, k < i + 3, text(lines[k]).isEmpty { k += 1 }
            guard k < lines.count, let key = header(lines[k]) else { continue }
            openings[key, default: []].append(k)
        }
        return openings.values.filter { $0.count >= 2 }.flatMap { $0 }.sorted()
    }

    /// The line less the form feed and the spaces around its text.
    static func text(_ line: Substring) -> Substring {
        let isSpace = { (c: Character) in c == "\u{0C}" || c == " " || c == "\t" || c == "\u{3000}" }
        let s = line.drop(while: isSpace)
        return s[..<(s.lastIndex { !isSpace($0) }.map { s.index(after: $0) } ?? s.startIndex)]
    }

    /// The line's text when it may be a running header: one piece (no gap of two spaces: not a
    /// row set in columns), some Han text, no longer than a title.
    static func header(_ line: Substring) -> String? {
        let t = Normalizer.clean(String(text(line)))
        guard !t.isEmpty, t.unicodeScalars.count <= 40, !String(text(line)).contains("  "),
            t.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) })
        else { return nil }
        return t
    }
}
