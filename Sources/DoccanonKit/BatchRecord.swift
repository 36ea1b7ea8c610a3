import DocModel
import Serialization

/// What `doccanon batch` produces for each record, and how records are given (spec §6).
public struct BatchOptions: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case report, document
    }

    public enum InputMode: String, Sendable, CaseIterable {
        /// One path a line.
        case paths
        /// One JSON object a line: `{"id", "path"}` or `{"id", "name", "contentBase64"}`.
        case ndjson
    }

    public var kind: Kind
    public var input: InputMode
    /// `exitCode` 1 for a report with an error finding, as `report --strict` would exit.
    public var strict: Bool
    public var limits: Limits
    /// Reports carry `sources` (spec §9).
    public var provenance: Bool

    public init(kind: Kind = .report, input: InputMode = .paths, strict: Bool = false, limits: Limits = Limits(), provenance: Bool = false) {
        self.kind = kind
        self.input = input
        self.strict = strict
        self.limits = limits
        self.provenance = provenance
    }

    /// The longest record line read: a path, or an NDJSON record carrying the largest input in
    /// base64 (4 bytes for 3) with room for its id and name. Longer lines are skipped unread and
    /// answered with `input.tooLarge`.
    public var maxLineBytes: Int {
        switch input {
        case .paths: return 64 << 10
        case .ndjson: return limits.maxInputBytes / 3 * 4 + (64 << 10)
        }
    }
}

/// One record of a batch: its id and where its bytes come from.
public struct BatchRecord: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        /// A file: its path as text (for messages and the source name) and as the bytes given,
        /// which are what is opened (a path need not be UTF-8: archives of GBK-named files are).
        case path(String, raw: [UInt8])
        case bytes(name: String, [UInt8])
    }

    /// Echoed as given (any JSON value for NDJSON, the path as a string for `--input paths`).
    public var id: CanonicalValue
    public var content: Content

    public init(id: CanonicalValue, content: Content) {
        self.id = id
        self.content = content
    }

    /// A record line (without its line break) in the given mode. A line that is not a
    /// record is an error with the id it names, if any.
    public static func parse(_ line: ArraySlice<UInt8>, mode: BatchOptions.InputMode) -> Result<BatchRecord, BatchFailure> {
        switch mode {
        case .paths:
            let path = String(decoding: line, as: UTF8.self)
            return .success(BatchRecord(id: .string(path), content: .path(path, raw: Array(line))))
        case .ndjson:
            return parseJSON(Array(line))
        }
    }

    private static func parseJSON(_ line: [UInt8]) -> Result<BatchRecord, BatchFailure> {
        let value: CanonicalValue
        do {
            value = try JSONReader.parse(line, maxDepth: 16)
        } catch {
            return .failure(BatchFailure(id: .null, .unreadable, "record is not valid JSON: \(error.description)"))
        }
        guard case .object(let members) = value else {
            return .failure(BatchFailure(id: .null, .unreadable, "record is not a JSON object"))
        }
        let id = value["id"] ?? .null
        func fail(_ message: String) -> Result<BatchRecord, BatchFailure> {
            .failure(BatchFailure(id: id, .unreadable, "record: \(message)"))
        }
        if let unknown = members.first(where: { !["id", "path", "name", "contentBase64"].contains($0.key) }) {
            return fail("unknown key \"\(unknown.key)\" (expected id, path, or name and contentBase64)")
        }
        switch (value["path"], value["contentBase64"]) {
        case (.some(.string(let path)), nil):
            if value["name"] != nil { return fail("name goes with contentBase64, not with path") }
            return .success(BatchRecord(id: id, content: .path(path, raw: Array(path.utf8))))
        case (nil, .some(.string(let encoded))):
            let name: String
            switch value["name"] {
            case .some(.string(let n)) where !n.isEmpty: name = n
            case nil: return fail("contentBase64 needs a name (the file name the report cites)")
            default: return fail("name must be a non-empty string")
            }
            guard let bytes = Base64.decode(encoded.utf8) else { return fail("contentBase64 is not valid base64") }
            return .success(BatchRecord(id: id, content: .bytes(name: name, bytes)))
        case (.some, .some):
            return fail("give either path or contentBase64, not both")
        case (nil, nil):
            return fail("needs path, or name and contentBase64")
        default:
            return fail("path and contentBase64 must be strings")
        }
    }
}

/// A record that could not be converted: the error line's content.
public struct BatchFailure: Error, Sendable, Equatable {
    public var id: CanonicalValue
    public var error: ConversionError

    public init(id: CanonicalValue, _ code: ConversionError.Code, _ message: String) {
        self.id = id
        self.error = ConversionError(code, message)
    }

    public init(id: CanonicalValue, error: ConversionError) {
        self.id = id
        self.error = error
    }
}

/// Converting one record line to its output line: a pure function of the line's bytes and
/// the options, so the output is the same whatever else shares the batch and however many
/// jobs run it.
public enum BatchConverter {
    /// The output line for a record line, ending in a line break.
    public static func convert(line: ArraySlice<UInt8>, options: BatchOptions) -> [UInt8] {
        convertWithStatus(line: line, options: options).bytes
    }

    static func convertWithStatus(line: ArraySlice<UInt8>, options: BatchOptions) -> (bytes: [UInt8], isError: Bool) {
        switch BatchRecord.parse(line, mode: options.input) {
        case .failure(let failure): return (render(failure), true)
        case .success(let record): return convertWithStatus(record, options: options)
        }
    }

    /// The output line for a line longer than `maxLineBytes`, which is never held in memory.
    public static func oversizedLine(length: Int, options: BatchOptions) -> [UInt8] {
        render(BatchFailure(id: .null, .tooLarge, "record line is \(length) bytes or more (limit \(options.maxLineBytes))"))
    }

    public static func convert(_ record: BatchRecord, options: BatchOptions) -> [UInt8] {
        convertWithStatus(record, options: options).bytes
    }

    static func convertWithStatus(_ record: BatchRecord, options: BatchOptions) -> (bytes: [UInt8], isError: Bool) {
        let bytes: [UInt8], name: String
        switch record.content {
        case .bytes(let n, let b):
            name = n
            bytes = b
        case .path(let path, let raw):
            switch FileInput.read(raw, display: path, limit: options.limits.maxInputBytes) {
            case .success(let b):
                bytes = b
                name = path
            case .failure(let error):
                return (render(BatchFailure(id: record.id, error: error)), true)
            }
        }
        do {
            let key: String, body: CanonicalValue, exitCode: Int
            switch options.kind {
            case .report:
                let report: Report
                if options.provenance {
                    let read = try Pipeline.reportWithSources(bytes: bytes, name: name, limits: options.limits)
                    report = read.report
                    body = report.canonical(sources: read.sources)
                } else {
                    report = try Pipeline.report(bytes: bytes, name: name, limits: options.limits)
                    body = report.canonical
                }
                key = "report"
                exitCode = options.strict && report.findings.contains { $0.severity == .error } ? 1 : 0
            case .document:
                key = "document"
                body = try Pipeline.document(bytes: bytes, name: name, limits: options.limits).canonical
                exitCode = 0
            }
            let ok: CanonicalValue = .object([
                .init("id", record.id), .init("status", .string("ok")), .init("exitCode", .integer(exitCode)), .init(key, body),
            ])
            return (line(ok), false)
        } catch {
            return (render(BatchFailure(id: record.id, error: error)), true)
        }
    }

    public static func render(_ failure: BatchFailure) -> [UInt8] {
        line(.object([
            .init("id", failure.id), .init("status", .string("error")), .init("exitCode", .integer(2)),
            .init("error", .object([
                .init("code", .string(failure.error.code.rawValue)), .init("message", .string(failure.error.message)),
            ])),
        ]))
    }

    private static func line(_ value: CanonicalValue) -> [UInt8] {
        var bytes = JSONWriter.bytes(value, pretty: false)
        bytes.append(0x0A)
        return bytes
    }
}

/// Standard base64 (RFC 4648 §4) with or without padding; no line breaks or other characters.
public enum Base64 {
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    public static func decode<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 4 * 3 + 3)
        var buffer: UInt32 = 0, bits = 0, padding = 0, count = 0
        for c in text {
            count += 1
            if c == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            let v = table[Int(c)]
            if v == 0xFF || padding > 0 { return nil }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        // Leftover bits must be zero and the padding must complete the last quantum.
        if bits >= 6 || buffer != 0 || padding > 2 { return nil }
        if padding > 0, count % 4 != 0 { return nil }
        return out
    }
}
