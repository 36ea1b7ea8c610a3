import Normalization
import TableCore

/// One piece of a line whose columns are set by spaces (pdftotext -layout, text copied from a
/// PDF viewer, OCR text): its text as written and where it stands, in display columns (a
/// Chinese character is two columns wide) and in Unicode scalars on the line.
struct AlignedField: Equatable {
    var text: String
    var start: Int
    var end: Int
    var from: Int
    var to: Int
    var isValue: Bool
    /// True when a gap of two columns or more (or a tab) comes before the field: the line has
    /// column geometry, not just single spaces between words.
    var afterWideGap: Bool
    /// Display columns of space before the field (a tab at least two).
    var gap: Int = 0

    var width: Int { end - start }
    var centre: Int { start + end }  // doubled, to stay in integers
}

/// Cutting a line into fields by its spacing.
///
/// Fields are separated by gaps of two display columns or more (spaces, tabs, ideographic
/// spaces). Inside a field, words separated by one space are split where the text says they
/// are cells: the trailing run of values ("行政许可 97", "规章 0 -1 0"), and a numbering marker
/// that starts a second label ("三、本年度办理结果 (一) 予以公开").
enum AlignedColumns {
    /// Display width of a scalar: two for East Asian wide and full-width characters.
    static func width(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Spaces, tabs, ideographic spaces, NBSP, and the form feed pdftotext puts before a page.
    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{0C}" }

    struct Word {
        var text: String.UnicodeScalarView
        var start: Int, end: Int, from: Int, to: Int
        var gapBefore: Int
    }

    /// The line's words; nil when there are more than `limit` (a line of more cells than a
    /// row has is no row).
    static func words(_ line: Substring, limit: Int = TextAdapter.mostCellsPerLine) -> [Word]? {
        var words: [Word] = []
        var column = 0, index = 0, gap = 0
        var current: Word?
        // A word's text is cut from the line once it ends (not built scalar by scalar).
        let scalars = line.unicodeScalars
        var i = scalars.startIndex, wordStart = i
        func end() {
            guard var w = current else { return }
            w.text = String(Substring(scalars[wordStart..<i])).unicodeScalars
            words.append(w)
            current = nil
        }
        while i < scalars.endIndex {
            if words.count > limit { return nil }
            let s = scalars[i]
            if isSpace(s) {
                end()
                // A tab or an ideographic space is a cell boundary wherever it stands.
                let w = s == "\t" ? 8 - column % 8 : width(s)
                gap += s == "\t" || s == "\u{3000}" ? max(w, 2) : w
                column += w
            } else {
                if current == nil {
                    current = Word(text: .init(), start: column, end: column, from: index, to: index, gapBefore: gap)
                    wordStart = i
                }
                column += width(s)
                current?.end = column
                current?.to = index + 1
                gap = 0
            }
            index += 1
            scalars.formIndex(after: &i)
        }
        end()
        return words.count > limit ? nil : words
    }

    static func fields(_ line: Substring) -> [AlignedField] {
        var fields: [AlignedField] = []
        var group: [Word] = []
        func flush() {
            guard !group.isEmpty else { return }
            fields += split(group)
            group = []
        }
        guard let words = words(line) else { return [] }
        for w in words {
            if w.gapBefore >= 2 { flush() }
            group.append(w)
        }
        flush()
        return fields
    }

    /// Words joined by single spaces: one field, less its trailing values and any label a
    /// numbering marker starts.
    static func split(_ words: [Word]) -> [AlignedField] {
        var isValue = words.map { isValueWord($0.text) }
        // Only the trailing run of values is cut into cells; a value inside text ("2021 年") stays.
        var firstValue = words.count
        while firstValue > 0, isValue[firstValue - 1] { firstValue -= 1 }
        for k in 0..<firstValue { isValue[k] = false }
        var out: [AlignedField] = []
        var k = 0
        while k < words.count {
            var j = k + 1
            if !isValue[k] {
                while j < firstValue, !isMarker(words[j].text) { j += 1 }
            }
            var text = String(words[k].text)
            for m in (k + 1)..<j {
                text += " "
                text += String(words[m].text)
            }
            out.append(AlignedField(text: text, start: words[k].start, end: words[j - 1].end, from: words[k].from,
                to: words[j - 1].to, isValue: isValue[k], afterWideGap: words[k].gapBefore >= 2, gap: words[k].gapBefore))
            k = j
        }
        return out
    }

    /// A word that reads as a value (and is no numbering marker).
    static func isValueWord(_ word: String.UnicodeScalarView) -> Bool {
        // A Han character that no value holds is left as it is by cleaning (outside a Tika
        // bookmark, which cleaning drops): the word is text, and need not be cleaned and read.
        if !word.contains("["), word.contains(where: { (0x4E00...0x9FFF).contains($0.value) && !ValueParser.valueScalars.contains($0) }) {
            return false
        }
        // Full-width digits ("１２") read as values once normalised.
        let text = word.contains { $0.value >= 0xFF00 } ? Normalizer.clean(String(word)) : String(word)
        return ValueParser.isValueLike(text) && !isMarker(word)
    }

    /// A numbering marker that starts a label: "（一）", "(二)", "1.", "3、", "四、".
    static func isMarker(_ word: String.UnicodeScalarView) -> Bool {
        let s = Array(word)
        guard let first = s.first else { return false }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
        if first == "（" || first == "(" {
            var i = 1
            while i < s.count, numerals.contains(s[i]) || isDigit(s[i]) { i += 1 }
            return i > 1 && i < s.count && (s[i] == "）" || s[i] == ")")
        }
        var i = 0
        while i < s.count, numerals.contains(s[i]) || isDigit(s[i]) { i += 1 }
        guard i > 0, i < s.count, i <= 3 else { return false }
        if numerals.contains(first) { return s[i] == "、" }
        // "1." and "1、" followed by text: a bare "1.5" is a number.
        return (s[i] == "." || s[i] == "、" || s[i] == "．") && (i + 1 == s.count || !isDigit(s[i + 1]))
    }
}
