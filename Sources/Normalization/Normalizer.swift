#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text normalisation shared by every adapter (spec §4).
///
/// `clean` is faithful: it removes extraction artefacts and layout whitespace but never
/// changes a word. Repairs against the template's vocabulary happen in the report profile,
/// where they are reported as findings.
public enum Normalizer {
    /// - Removes Tika-style `[bookmark: …]` markers and Markdown `**bold**` markers.
    /// - Full-width digits and letters become half-width; full-width `．，－＋` between or
    ///   before digits become `. , - +` (they are data there); other Chinese punctuation stays.
    /// - Whitespace (including U+3000, NBSP, line breaks) next to Chinese text is removed
    ///   ("自然 人" → "自然人", "商业\n企业" → "商业企业"); other runs become one space;
    ///   zero-width characters go; the result is trimmed.
    public static func clean(_ input: String) -> String {
        if input.isEmpty { return input }
        // Most cells and lines are clean already: nothing to change, no copy.
        if !input.unicodeScalars.contains(where: mayChange) { return input }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(input.unicodeScalars.count)
        for s in stripMarkers(input).unicodeScalars {
            switch s.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                scalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: s.value - 0xFEE0)))
            case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F, 0x0B, 0x0C:
                scalars.append(" ")
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x0D:
                continue
            default:
                scalars.append(s)
            }
        }
        // Full-width punctuation that is part of a number.
        for i in scalars.indices {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            let prev = i > 0 ? scalars[i - 1] : " "
            switch scalars[i].value {
            case 0xFF0E where isDigit(prev) && isDigit(next): scalars[i] = "."
            case 0xFF0C where isDigit(prev) && isDigit(next): scalars[i] = ","
            case 0xFF0D where isDigit(next): scalars[i] = "-"
            case 0xFF0B where isDigit(next): scalars[i] = "+"
            default: break
            }
        }
        // Whitespace runs. (The result is built as UTF-8 bytes: appending to a scalar view
        // one scalar at a time cost more than the rest of the function.)
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 3)
        var last: Unicode.Scalar?
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if isSpace(s) {
                var j = i
                while j < scalars.count, isSpace(scalars[j]) { j += 1 }
                if let before = last, j < scalars.count {
                    let after = scalars[j]
                    let joined =
                        (isChineseLike(before) || isChineseLike(after))
                        && ((isChineseLike(before) && isChineseLike(after)) || (isChineseLike(before) ? isJoinable(after) : isJoinable(before)))
                    if !joined {
                        out.append(0x20)
                        last = " "
                    }
                }
                i = j
                continue
            }
            appendUTF8(s, to: &out)
            last = s
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// A scalar `clean` may change or remove, or that may start a marker (`[bookmark:`, `**`):
    /// text without any is returned as it is.
    @inline(__always) static func mayChange(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0...0x20, 0x2A, 0x5B, 0xA0, 0xAD, 0x2002...0x2060, 0x3000, 0xFEFF, 0xFF0B...0xFF5A: return true
        default: return false
        }
    }

    /// Removes `[bookmark: …]` (Tika's rendering of Word bookmarks) and `**` bold markers.
    static func stripMarkers(_ s: String) -> String {
        // Cheap byte check first: most text has neither "[" nor "*".
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "*") }),
            s.containsBytes("[bookmark:") || s.containsBytes("**")
        else { return s }
        // One pass, the text between markers copied once (removing each marker from the whole
        // string in turn was quadratic: 400,000 markers on a line took a minute).
        var result = ""
        var rest = s[...]
        while let start = rest.range(of: "[bookmark:"), let end = rest[start.upperBound...].firstIndex(of: "]") {
            result += rest[..<start.lowerBound]
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        return result.replacingAll("**", with: "")
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n"
    }

    /// Han characters, CJK punctuation and full-width forms, and the general punctuation that
    /// Chinese text uses (quotes, dashes, ellipsis).
    public static func isChineseLike(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF, 0x2010...0x2027:
            return true
        default:
            return false
        }
    }

    /// ASCII digits and punctuation, which join Chinese text without a space.
    static func isJoinable(_ s: Unicode.Scalar) -> Bool {
        guard s.isASCII else { return false }
        switch s.value {
        case 0x21...0x2F, 0x30...0x39, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, containsBytes(target) else { return self }
        var result = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            result += rest[..<r.lowerBound]
            result += replacement
            rest = rest[r.upperBound...]
        }
        result += rest
        return result
    }
}

extension String {
    /// `split(whereSeparator:)` for separators that are characters of one scalar, found on
    /// scalars (much cheaper than walking characters): a scalar `isSeparator` accepts that is
    /// a character of its own there (not "\r\n", not followed by a combining mark). Empty
    /// pieces are left out. `isSeparator` must accept every scalar canonically equivalent to
    /// a separator ("\u{387}" is "·").
    public func split(onScalars isSeparator: (Unicode.Scalar) -> Bool) -> [Substring] {
        var pieces: [Substring] = []
        let scalars = unicodeScalars
        var start = startIndex, i = scalars.startIndex
        while i < scalars.endIndex {
            let next = scalars.index(after: i)
            if isSeparator(scalars[i]), i.samePosition(in: self) != nil, index(after: i) == next {
                if start < i { pieces.append(self[start..<i]) }
                start = next
            }
            i = next
        }
        if start < endIndex { pieces.append(self[start...]) }
        return pieces
    }
}

extension String {
    /// `StringProtocol.containsBytes` for a `String`: the generic one reached the bytes through
    /// protocol witnesses on every call (it is not specialised across modules).
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { ByteSearch.contains(h, $0) } }
    }
}

extension Substring {
    /// As `String.containsBytes`.
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { ByteSearch.contains(h, $0) } }
    }
}

extension StringProtocol {
    /// `count <= n`, in at most `n` steps whatever the length (a long paragraph is not counted
    /// through to say it is not a short line).
    public func hasAtMost(characters n: Int) -> Bool {
        utf8.count <= n || dropFirst(n).isEmpty
    }

    /// Whether `needle` occurs in the string, compared as UTF-8 bytes (so whole scalars match
    /// whole scalars). Much cheaper than the generic `contains`, which builds a searcher.
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in  // a native or literal string: its own bytes, no copy
            if n.isEmpty { return true }
            if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.contains($0, n) }) { return found }
            let bytes = Array(utf8)
            return bytes.withUnsafeBufferPointer { ByteSearch.contains($0, n) }
        }
    }

    /// The range of the first occurrence of `target`, by Character comparison on scalars.
    func range(of target: String) -> Range<Index>? {
        let t = Array(target.unicodeScalars)
        guard let first = t.first else { return nil }
        let scalars = self.unicodeScalars
        var i = scalars.startIndex
        while i != scalars.endIndex {
            if scalars[i] == first {
                var j = i
                var k = 0
                while k < t.count, j != scalars.endIndex, scalars[j] == t[k] {
                    j = scalars.index(after: j)
                    k += 1
                }
                if k == t.count { return i..<j }
            }
            i = scalars.index(after: i)
        }
        return nil
    }
}

/// Substring search on UTF-8 bytes.
public enum ByteSearch {
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(haystack, $0) }
    }

    /// Finds the needle's last byte with the C library's `memchr` (vectorised), then compares
    /// the bytes before it. For Chinese text the last byte of a character is a continuation
    /// byte, rare among the text's bytes; the first byte (a lead byte) matched at every third.
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard haystack.count >= n, let base = haystack.baseAddress else { return false }
        let last = Int32(needle[n - 1])
        var from = n - 1
        while from < haystack.count {
            guard let hit = memchr(base + from, last, haystack.count - from) else { return false }
            let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var j = 1
            while j < n, haystack[end - j] == needle[n - 1 - j] { j += 1 }
            if j == n { return true }
            from = end + 1
        }
        return false
    }
}
