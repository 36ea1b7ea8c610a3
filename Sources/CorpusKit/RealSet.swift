import DocModel
import Foundation

/// The real-document regression set: every `*.truth` file of a folder, its document beside it
/// (or where its `document:` line points), converted by the caller's pipeline and scored.
public enum RealSet {
    /// Converts a document's bytes (the pipeline's `report`); `format` is given for a PDF only,
    /// the others are detected.
    public typealias Convert = @Sendable (_ bytes: [UInt8], _ name: String, _ format: SourceInfo.Format?) -> Result<Report, any Error>

    public static func truths(in directory: String) throws -> [RealTruth] {
        let dir = URL(fileURLWithPath: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".truth") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            return try RealTruthParser.parse(text, id: String(name.dropLast(".truth".count)))
        }
    }

    public static func run(directory: String, convert: Convert) throws -> RealSetResult {
        var result = RealSetResult()
        for truth in try truths(in: directory) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(truth.document).standardizedFileURL
            let outcome: RealOutcome
            if let data = FileManager.default.contents(atPath: url.path) {
                outcome = convertOrSkip([UInt8](data), url.lastPathComponent, url.pathExtension.lowercased(), convert)
            } else {
                outcome = .failed("document \(truth.document) not found")
            }
            result.scores.append(RealScorer.score(outcome, truth))
        }
        return result
    }

    /// PDFs are scored once the build reads PDF; until then they are skipped with a note.
    static func convertOrSkip(_ bytes: [UInt8], _ name: String, _ ext: String, _ convert: Convert) -> RealOutcome {
        var format: SourceInfo.Format?
        if ext == "pdf" {
            guard let pdf = SourceInfo.Format(rawValue: "pdf") else { return .skipped("no PDF adapter in this build") }
            format = pdf
        }
        switch convert(bytes, name, format) {
        case .success(let report): return .report(report)
        case .failure(let error): return .failed(String(describing: error))
        }
    }
}
