import DocModel
import DoccanonKit
import Serialization

/// The output of `doccanon check`: one JSON object (keys sorted, reports in walking order,
/// findings in the checks' fixed order), or lines for people.
extension CheckResult {
    public var canonical: CanonicalValue {
        .object([
            .init("reports", .array(itemName: "report", reports.map(\.canonical))),
            .init("findings", .array(itemName: "finding", findings.map(\.canonical))),
            .init("errors", .array(itemName: "error", errors.map(Self.canonical))),
        ])
    }

    static func canonical(_ e: (id: String, error: ConversionError)) -> CanonicalValue {
        .object([.init("id", .string(e.id)), .init("code", .string(e.error.code.rawValue)), .init("message", .string(e.error.message))])
    }

    public var json: String {
        var out: [UInt8] = []
        _ = writeJSON { out += $0; return true }
        return String(decoding: out, as: UTF8.self)
    }

    /// The JSON of `canonical`, byte for byte, written a piece at a time (each report, finding
    /// and error rendered on its own, never the whole tree), so that the output of a large
    /// collection is never held whole. False as soon as `write` fails.
    public func writeJSON(_ write: ([UInt8]) -> Bool) -> Bool {
        let sections: [(key: String, count: Int, item: (Int) -> CanonicalValue)] = [
            ("errors", errors.count, { Self.canonical(self.errors[$0]) }),
            ("findings", findings.count, { self.findings[$0].canonical }),
            ("reports", reports.count, { self.reports[$0].canonical }),
        ]
        var buffer: [UInt8] = Array("{".utf8)
        for (n, section) in sections.enumerated() {
            buffer += Array(((n > 0 ? "," : "") + "\n  \"\(section.key)\": ").utf8)
            if section.count == 0 {
                buffer += Array("[]".utf8)
                continue
            }
            buffer.append(UInt8(ascii: "["))
            for i in 0..<section.count {
                buffer += Array(((i > 0 ? "," : "") + "\n    ").utf8)
                // The item as the whole-tree writer nests it: its lines indented by two levels.
                for byte in JSONWriter.bytes(section.item(i), pretty: true).dropLast() {
                    buffer.append(byte)
                    if byte == 0x0A { buffer += [0x20, 0x20, 0x20, 0x20] }
                }
                if buffer.count >= 1 << 16 {
                    guard write(buffer) else { return false }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            buffer += Array("\n  ]".utf8)
        }
        buffer += Array("\n}\n".utf8)
        return write(buffer)
    }

    public var text: String {
        let agencies = Set(reports.compactMap(\.agencyKey)).count
        var lines = [
            "\(reports.count) 份报告，\(agencies) 个机构，\(errors.count) 份无法读取；"
                + "发现 error \(count(.error))、warning \(count(.warning))、info \(count(.info))",
        ]
        for f in findings {
            lines.append("")
            lines.append("\(f.severity.rawValue) \(f.rule.rawValue): \(f.message)")
            for r in f.reports { lines.append("  报告 \(r.id)（\(r.source.name)）") }
            for v in f.values where v.quote == nil {
                let source = v.source.map { "　" + $0.described } ?? ""
                lines.append("    \(v.report) \(v.path) = \(v.value.map(ReportDigest.show) ?? "null")\(source)")
            }
        }
        for e in errors { lines.append("无法读取 \(e.id): \(e.error.code.rawValue) \(e.error.message)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

func optional(_ s: String?) -> CanonicalValue { s.map(CanonicalValue.string) ?? .null }

extension ReportDigest {
    public var canonical: CanonicalValue {
        .object([
            .init("id", .string(id)), .init("source", source.canonical), .init("agency", optional(agency)),
            .init("agencyKey", optional(agencyKey)), .init("agencySource", optional(agencySource?.rawValue)),
            .init("year", year.map(CanonicalValue.integer) ?? .null), .init("template", optional(template?.rawValue)),
        ])
    }
}

extension CollectionFinding {
    public var canonical: CanonicalValue {
        .object([
            .init("rule", .string(rule.rawValue)), .init("severity", .string(severity.rawValue)), .init("message", .string(message)),
            .init(
                "reports",
                .array(itemName: "report", reports.map { .object([.init("id", .string($0.id)), .init("source", $0.source.canonical)]) })),
            .init("values", .array(itemName: "value", values.map(\.canonical))),
        ])
    }
}

extension ComparedValue {
    public var canonical: CanonicalValue {
        var members: [CanonicalValue.Member] = [
            .init("report", .string(report)), .init("path", .string(path)), .init("value", value?.canonical ?? .null),
        ]
        if let quote { members.append(.init("quote", .string(quote))) }
        if let source { members.append(.init("source", source.canonical)) }
        return .object(members)
    }
}
