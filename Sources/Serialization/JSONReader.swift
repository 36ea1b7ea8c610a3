import DocModel

/// Why a JSON or XML model file could not be read back, and where.
public struct ModelReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int = 0, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if line == 0 { return message }
        return column > 0 ? "line \(line), column \(column): \(message)" : "line \(line): \(message)"
    }
}

/// The names of array items in the model, shared by the readers (the JSON has none; the XML
/// names each item element): "sections" holds "section" items, and so on.
public enum CanonicalNames {
    public static let itemNames: [String: String] = [
        "sections": "section", "paragraphs": "paragraph", "findings": "finding", "extraRows": "extraRow",
        "values": "value", "blocks": "block", "cells": "cell",
        // Provenance (`sources`, spec §9).
        "from": "source", "columns": "column", "box": "coordinate",
    ]

    public static func itemName(forArrayKey key: String) -> String { itemNames[key] ?? "item" }
}

/// Parses JSON (RFC 8259) into a `CanonicalValue`, keeping number literals exactly: an integer
/// literal that fits `Int` becomes `.integer`, any other number `.number(literal)`. Arrays get
/// their item names from `CanonicalNames`. Strict: no comments, no trailing commas, no
/// duplicate keys, no leading zeros, valid UTF-8 only; nesting is limited to `maxDepth`.
public struct JSONReader {
    public static let defaultMaxDepth = 128

    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(ModelReadError) -> CanonicalValue {
        var reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
        // A UTF-8 byte order mark is tolerated.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipWhitespace()
        let value = try reader.value(key: nil, depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    private let bytes: [UInt8]
    private let maxDepth: Int
    private var index = 0

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private func error(_ message: String) -> ModelReadError {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < min(index, bytes.count) {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        // Column in characters, not bytes.
        let column = bytes[lineStart..<min(index, bytes.count)].reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) } + 1
        return ModelReadError(line: line, column: column, message: message)
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
    }

    private mutating func expect(_ literal: String) throws(ModelReadError) {
        for b in literal.utf8 {
            guard peek == b else { throw error("invalid literal (expected \(literal))") }
            index += 1
        }
    }

    private mutating func value(key: String?, depth: Int) throws(ModelReadError) -> CanonicalValue {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        guard let b = peek else { throw error("unexpected end of input") }
        switch b {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(key: key, depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        default:
            throw error("unexpected character")
        }
    }

    private mutating func object(depth: Int) throws(ModelReadError) -> CanonicalValue {
        index += 1
        var members: [CanonicalValue.Member] = []
        var seen = Set<String>()
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return .object([])
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
            let key = try string()
            guard seen.insert(key).inserted else { throw error("duplicate key \"\(key)\"") }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\"") }
            index += 1
            skipWhitespace()
            members.append(.init(key, try value(key: key, depth: depth + 1)))
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard peek == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
            index += 1
            return .object(members)
        }
    }

    private mutating func array(key: String?, depth: Int) throws(ModelReadError) -> CanonicalValue {
        index += 1
        let itemName = CanonicalNames.itemName(forArrayKey: key ?? "")
        var items: [CanonicalValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return .array(itemName: itemName, [])
        }
        while true {
            skipWhitespace()
            items.append(try value(key: nil, depth: depth + 1))
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard peek == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
            index += 1
            return .array(itemName: itemName, items)
        }
    }

    private mutating func number() throws(ModelReadError) -> CanonicalValue {
        let start = index
        var isInteger = true
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, first >= 0x30, first <= 0x39 else { throw error("invalid number") }
        index += 1
        if first != 0x30 { skipDigits() }
        if peek == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard skipDigits() > 0 else { throw error("invalid number: digits must follow '.'") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw error("invalid number: digits must follow the exponent") }
        }
        if let b = peek, (b >= 0x30 && b <= 0x39) { throw error("invalid number: leading zero") }
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let i = Int(literal) { return .integer(i) }
        return .number(literal)
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = index
        while let b = peek, b >= 0x30, b <= 0x39 { index += 1 }
        return index - start
    }

    private mutating func string() throws(ModelReadError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flushRun(_ s: inout String.UnicodeScalarView, _ from: Int, _ to: Int, _ bytes: [UInt8]) -> Bool {
            guard from < to else { return true }
            guard let text = String(validating: bytes[from..<to], as: UTF8.self) else { return false }
            s.append(contentsOf: text.unicodeScalars)
            return true
        }
        while true {
            guard let b = peek else { throw error("unterminated string") }
            if b == UInt8(ascii: "\"") {
                guard flushRun(&scalars, runStart, index, bytes) else { throw error("invalid UTF-8 in string") }
                index += 1
                return String(scalars)
            }
            if b < 0x20 { throw error("control character in string (must be escaped)") }
            if b != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            guard flushRun(&scalars, runStart, index, bytes) else { throw error("invalid UTF-8 in string") }
            index += 1
            guard let e = peek else { throw error("unterminated escape") }
            index += 1
            switch e {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard peek == UInt8(ascii: "\\") else { throw error("unpaired surrogate escape") }
                    index += 1
                    guard peek == UInt8(ascii: "u") else { throw error("unpaired surrogate escape") }
                    index += 1
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("unpaired surrogate escape") }
                scalars.append(scalar)
            default:
                throw error("invalid escape")
            }
            runStart = index
        }
    }

    private mutating func hex4() throws(ModelReadError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek else { throw error("unterminated \\u escape") }
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error("invalid \\u escape")
            }
            code = code * 16 + digit
            index += 1
        }
        return code
    }
}
