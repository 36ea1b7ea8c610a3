import DocModel
import DoccanonKit
import Normalization
import SystemThreads
import XMLSupport

/// `doccanon review PATH… -o DIR`: reads every input (documents of any format, report JSON or
/// XML, folders of them), writes each report's page as soon as it is converted (`jobs` at a
/// time), then the index and the agency pages.
public enum ReviewBuilder {
    public struct Outcome: Sendable, Equatable {
        public var reports: Int
        public var failures: Int
        public var bytesWritten: Int
    }

    public static func build(paths: [String], directory: String, jobs: Int = 0) throws(ReviewError) -> Outcome {
        let files = InputWalk.files(paths)
        let site = try SiteWriter(directory: directory)
        let threads = max(1, min(jobs > 0 ? jobs : SystemThreads.processorCount, files.count))
        let work = WorkQueue(count: files.count)
        for _ in 0..<threads {
            let started = SystemThreads.start {
                while let index = work.next() {
                    do throws(ReviewError) {
                        try convert(files[index], index: index, into: site)
                    } catch {
                        work.fail(error)
                    }
                }
                work.finishThread()
            }
            if !started { work.finishThread() }
        }
        work.waitForThreads(threads)
        // Inputs left when no thread could start are converted here.
        while let index = work.next() { try convert(files[index], index: index, into: site) }
        if let error = work.firstError { throw error }
        try site.finish(notes: [])
        let failures = site.failureCount
        return Outcome(reports: files.count - failures, failures: failures, bytesWritten: site.bytesWritten)
    }

    /// One input: its report page, or a failure line on the index.
    static func convert(_ path: String, index: Int, into site: SiteWriter) throws(ReviewError) {
        let bytes: [UInt8]
        switch FileInput.read(path, limit: Limits().maxInputBytes) {
        case .success(let b): bytes = b
        case .failure(let error):
            site.addFailure(id: path, message: error.message, index: index)
            return
        }
        do {
            let report = try Validation.report(bytes: bytes, name: path, format: nil)
            var input = ReviewInput(id: path, report: report)
            if Validation.inputKind(bytes, format: nil) == .document, report.source.format == .html || report.source.format == .text {
                input.sourceText = SourceDecoding.text(bytes)
            }
            try site.add(input, index: index)
        } catch let error as ConversionError {
            site.addFailure(id: path, message: error.message, index: index)
        } catch let error as ReviewError {
            throw error
        } catch {
            site.addFailure(id: path, message: "\(error)", index: index)
        }
    }
}

/// Hands out input indices to worker threads and counts the threads that are done.
final class WorkQueue: @unchecked Sendable {
    private let monitor = Monitor()
    private var nextIndex = 0
    private var finished = 0
    private var error: ReviewError?
    let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        monitor.lock()
        defer { monitor.unlock() }
        guard nextIndex < count, error == nil else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Stops handing out work after a write failure (the first is kept).
    func fail(_ error: ReviewError) {
        monitor.lock()
        if self.error == nil { self.error = error }
        monitor.unlock()
    }

    var firstError: ReviewError? {
        monitor.lock()
        defer { monitor.unlock() }
        return error
    }

    func finishThread() {
        monitor.lock()
        finished += 1
        monitor.broadcast()
        monitor.unlock()
    }

    func waitForThreads(_ n: Int) {
        monitor.lock()
        while finished < n { monitor.wait() }
        monitor.unlock()
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
