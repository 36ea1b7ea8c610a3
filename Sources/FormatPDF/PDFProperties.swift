import Normalization

/// The information dictionary as document properties, under `pdf…` keys so that no reader
/// mistakes them for facts the report states: a file's dates are when a tool wrote the file,
/// never the report's `publishedOn`.
enum PDFProperties {
    static let keys: [(info: String, property: String)] = [
        ("Title", "pdfTitle"), ("Author", "pdfAuthor"), ("Subject", "pdfSubject"), ("Creator", "pdfCreator"),
        ("Producer", "pdfProducer"), ("CreationDate", "pdfCreated"), ("ModDate", "pdfModified"),
    ]

    static func properties(_ info: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for (infoKey, property) in keys {
            guard let raw = info[infoKey] else { continue }
            let value = infoKey.hasSuffix("Date") ? (isoDate(raw) ?? Normalizer.clean(raw)) : Normalizer.clean(raw)
            if !value.isEmpty { out[property] = value }
        }
        // The title the file gives itself, as a web page's <title>: the report profile falls
        // back to it when the body names no report.
        if let title = out["pdfTitle"] { out["title"] = title }
        return out
    }

    /// `D:YYYYMMDDHHmmSS+HH'mm'` (every part after the year optional) as ISO 8601:
    /// "2022-02-15", "2022-02-15T09:30:00+08:00"; nil when it is not such a date.
    static func isoDate(_ raw: String) -> String? {
        var s = Substring(raw.trimmingSpaces)
        if s.hasPrefix("D:") { s = s.dropFirst(2) }
        let digits = s.prefix { $0.isASCIIDigit }
        guard digits.count >= 8, digits.count % 2 == 0, digits.count <= 14 else { return nil }
        let d = Array(digits)
        func part(_ from: Int, _ length: Int) -> String { String(d[from..<(from + length)]) }
        guard let month = Int(part(4, 2)), (1...12).contains(month), let day = Int(part(6, 2)), (1...31).contains(day) else { return nil }
        var out = "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))"
        guard d.count >= 12 else { return out }
        out += "T\(part(8, 2)):\(part(10, 2)):\(d.count >= 14 ? part(12, 2) : "00")"
        let zone = s.dropFirst(digits.count)
        if zone.first == "Z" { return out + "Z" }
        if let sign = zone.first, sign == "+" || sign == "-" {
            let z = Array(zone.dropFirst().filter(\.isASCIIDigit))
            if z.count >= 4 { out += "\(sign)\(String(z[0..<2])):\(String(z[2..<4]))" }
            if z.count == 2 { out += "\(sign)\(String(z)):00" }
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
