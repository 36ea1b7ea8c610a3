import Collections
import DocModel
import DoccanonKit
import Normalization
import ReportProfile
import XMLSupport

/// `doccanon review PATH… -o DIR`: built from the same inputs `doccanon check` takes (documents
/// of any format, report JSON or XML, folders of them, read by `CollectionReader`). Each
/// report's page is written by the thread that converted it; the collection checks run on the
/// digests; then the index and the agency pages are written.
public enum ReviewBuilder {
    public struct Outcome: Sendable, Equatable {
        public var reports: Int
        public var failures: Int
        public var findings: Int
        public var bytesWritten: Int
    }

    public static func build(paths: [String], directory: String, jobs: Int = 0, limits: Limits = Limits()) throws(ReviewError) -> Outcome {
        let site = try SiteWriter(directory: directory)
        var check = CollectionCheck()
        var order: [String] = []
        let reader = CollectionReader(paths: paths, jobs: jobs, limits: limits) { path, bytes in
            CollectionReader.load(path: path, bytes: bytes, provenance: true).map { loaded in
                var (input, kept) = prepare(path: path, bytes: bytes, loaded: loaded)
                if loaded.proseChecked, loaded.report.source.format == .pdf {
                    input.crops = PageCrops.make(
                        bytes: bytes, id: path, sources: input.sources, marks: CellMarks(loaded.report.findings), site: site)
                }
                site.add(input)
                return kept
            }
        }
        reader.forEach { entry in
            switch entry.result {
            case .success(let loaded):
                check.add(id: entry.id, loaded: loaded)
                order.append(entry.id)
            case .failure(let error):
                site.addFailure(id: entry.id, message: error.message)
            }
        }
        if let error = site.writeError { throw error }
        let findings = check.findings { CollectionReader.reread($0, limits: limits) }
        try site.finish(order: order, findings: findings, aliases: check.aliases)
        return Outcome(reports: order.count, failures: site.failureCount, findings: findings.count, bytesWritten: site.bytesWritten)
    }

    /// One report as its page shows it, and what the collection checks keep of it. The prose
    /// scan runs at most once more than the conversion's own: only for a report whose findings
    /// hold a prose.mismatch (the page marks its sentences, the checks list it), or one read
    /// back from JSON or XML; its result goes to both.
    static func prepare(path: String, bytes: [UInt8], loaded: LoadedReport) -> (ReviewInput, LoadedReport) {
        let report = loaded.report
        var kept = loaded
        let mismatches =
            !loaded.proseChecked || report.findings.contains(where: { $0.rule == .proseMismatch })
            ? ProseChecker.mismatches(in: report) : []
        kept.proseMismatches = mismatches
        kept.sources = nil
        var input = ReviewInput(
            id: path, report: report, sources: loaded.sources ?? [:], publisher: loaded.publisher, proseMismatches: mismatches)
        if loaded.proseChecked, report.source.format == .html || report.source.format == .text {
            input.sourceText = SourceDecoding.text(bytes)
        }
        return (input, kept)
    }
}

/// The source's text for showing lines around a cell: UTF-16 after a BOM, UTF-8 when valid,
/// else GB18030 (the legacy encoding of Chinese pages; invalid bytes shown as U+FFFD).
enum SourceDecoding {
    static func text(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) { return TextDecoding.utf16(bytes, littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return TextDecoding.utf16(bytes, littleEndian: false) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        if case .decoded(let utf8, _) = Transcoder.toUTF8(bytes, from: "GB18030", maxInvalid: bytes.count) {
            return String(decoding: utf8, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
