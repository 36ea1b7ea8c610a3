import Checksum
import Foundation

/// The corpus's PDF column: each report's paper source (`PaperRenderer`: a DOCX or the portal
/// page) laid out by LibreOffice headless, many files per `soffice` run. Renderings are kept
/// under the cache folder by the SHA-256 of their source, so a re-run converts only what
/// changed. Without `soffice` on the PATH the column is skipped, as for a format without an
/// adapter.
public struct PDFRendering: Sendable {
    public struct Rendered: Sendable {
        public var style: PaperSource.Style
        public var bytes: [UInt8]
    }

    public var cache: String
    public var batch = 150

    public init(cache: String) { self.cache = cache }

    public func render(_ reports: [GeneratedReport]) throws -> [String: Rendered] {
        let folder = URL(fileURLWithPath: cache)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var out: [String: Rendered] = [:]
        var missing: [(name: String, key: String, source: PaperSource)] = []
        for report in reports where PaperRenderer.prints(report) {
            let source = try PaperRenderer.source(report)
            let key = Checksum.sha256Hex(source.bytes) + "-" + source.fileExtension
            if let data = try? Data(contentsOf: folder.appendingPathComponent(key + ".pdf")) {
                out[report.name] = Rendered(style: source.style, bytes: [UInt8](data))
            } else {
                missing.append((report.name, key, source))
            }
        }
        guard !missing.isEmpty else { return out }
        guard let soffice = Self.executable("soffice") else {
            FileHandle.standardError.write(Data("pdf: soffice not found (libreoffice-writer-nogui): \(missing.count) reports not rendered\n".utf8))
            return out
        }
        FileHandle.standardError.write(Data("pdf: laying out \(missing.count) reports with LibreOffice (cached in \(cache))\n".utf8))
        let work = folder.appendingPathComponent("work-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for ext in ["docx", "html"] {
            let todo = missing.filter { $0.source.fileExtension == ext }
            for first in stride(from: 0, to: todo.count, by: batch) {
                let slice = todo[first..<min(todo.count, first + batch)]
                for item in slice { try Data(item.source.bytes).write(to: work.appendingPathComponent("\(item.key).\(ext)")) }
                try convert(slice.map { work.appendingPathComponent("\($0.key).\(ext)").path }, html: ext == "html", soffice: soffice, work: work)
                for item in slice {
                    let pdf = work.appendingPathComponent(item.key + ".pdf")
                    guard let data = try? Data(contentsOf: pdf) else { continue }
                    _ = try? FileManager.default.moveItem(at: pdf, to: folder.appendingPathComponent(item.key + ".pdf"))
                    out[item.name] = Rendered(style: item.source.style, bytes: [UInt8](data))
                    try? FileManager.default.removeItem(at: work.appendingPathComponent("\(item.key).\(ext)"))
                }
            }
        }
        return out
    }

    /// One `soffice` run over many files (a portal page through Writer/Web's PDF export, as a
    /// browser prints it).
    func convert(_ paths: [String], html: Bool, soffice: String, work: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(work.path)/profile", "--headless", "--convert-to",
                             html ? "pdf:writer_web_pdf_Export" : "pdf", "--outdir", work.path] + paths
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    static func executable(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
