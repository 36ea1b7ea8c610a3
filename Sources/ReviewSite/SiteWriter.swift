import Collections
import DocModel
import DoccanonKit
import SystemThreads

/// Why the site could not be written (exit status 74).
public struct ReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Writes the site: report pages as they come (from any thread), then the index, the agency
/// pages and the assets. Only each report's summary is kept in memory.
public final class SiteWriter: @unchecked Sendable {
    public let directory: String
    private let monitor = Monitor()
    private var summaries: [String: Summary] = [:]
    private var failures: [(id: String, message: String)] = []
    /// The first page that could not be written; the run stops with it (exit status 74).
    private(set) public var writeError: ReviewError?
    private(set) public var bytesWritten = 0

    public init(directory: String) throws(ReviewError) {
        self.directory = directory
        for sub in ["", "reports", "agencies", "pages"] where !FileOutput.makeDirectories(FileOutput.join(directory, sub)) {
            throw ReviewError("\(directory): cannot create directory \(sub)")
        }
    }

    /// Writes one report's page; callable from several threads. A write failure is kept in
    /// `writeError`.
    public func add(_ input: ReviewInput) {
        let summary = Summary(input, page: Summary.reportPage(id: input.id))
        let agencyLink = summary.agencyKey.map { "../" + Summary.agencyPage(key: $0) }
        let html = ReportPage(input: input, agencyLink: agencyLink).render()
        do {
            try write(html, to: summary.page)
        } catch {
            keep(error)
            return
        }
        monitor.lock()
        summaries[input.id] = summary
        monitor.unlock()
    }

    /// Keeps the first write failure (the run stops with it).
    func keep(_ error: ReviewError) {
        monitor.lock()
        if writeError == nil { writeError = error }
        monitor.unlock()
    }

    /// Records an input that could not be read (in walking order); it is listed on the index.
    public func addFailure(id: String, message: String) {
        monitor.lock()
        failures.append((id, message))
        monitor.unlock()
    }

    public var failureCount: Int {
        monitor.lock()
        defer { monitor.unlock() }
        return failures.count
    }

    /// Writes the index (reports in `order`, the inputs' walking order), one page per agency,
    /// the style sheet and the script.
    /// - Parameter aliases: agency keys joined to another by agency rule 6 (short → long,
    ///   `CollectionCheck.aliases`): their reports are on the long key's page, which is written
    ///   under the short key's name too (the report pages, written earlier, link to that).
    public func finish(order: [String], findings: [CollectionFinding], aliases: [String: String] = [:]) throws(ReviewError) {
        monitor.lock()
        let ordered = order.compactMap { summaries[$0] }.map { s in
            var s = s
            s.agencyKey = s.agencyKey.map { aliases[$0] ?? $0 }
            return s
        }
        let failed = failures
        monitor.unlock()
        var byAgency: [String: [Summary]] = [:]
        for s in ordered { if let key = s.agencyKey { byAgency[key, default: []].append(s) } }
        var names: [String: [String]] = [:]
        for (short, long) in aliases { names[long, default: []].append(short) }
        for key in byAgency.keys.sorted() {
            let reports = (byAgency[key] ?? []).enumerated().sorted {
                ($0.element.year ?? Int.max, $0.offset) < ($1.element.year ?? Int.max, $1.offset)
            }.map(\.element)
            let page = AgencyPage(agency: reports.first?.agency ?? key, reports: reports, findings: findings).render()
            for name in [key] + (names[key] ?? []).sorted() { try write(page, to: Summary.agencyPage(key: name)) }
        }
        try write(IndexPage(summaries: ordered, findings: findings, failures: failed).render(), to: "index.html")
        try write(StyleSheet.source, to: "review.css")
        try write(Script.source, to: "review.js")
    }

    func write(_ text: String, to relative: String) throws(ReviewError) {
        let bytes = Array(text.utf8)
        if let reason = FileOutput.atomicWrite(bytes, to: FileOutput.join(directory, relative)) {
            throw ReviewError("\(FileOutput.join(directory, relative)): cannot write (\(reason))")
        }
        monitor.lock()
        bytesWritten += bytes.count
        monitor.unlock()
    }

    /// Writes a file of bytes into the site (an image of a PDF page's region).
    public func write(bytes: [UInt8], to relative: String) throws(ReviewError) {
        if let reason = FileOutput.atomicWrite(bytes, to: FileOutput.join(directory, relative)) {
            throw ReviewError("\(FileOutput.join(directory, relative)): cannot write (\(reason))")
        }
        monitor.lock()
        bytesWritten += bytes.count
        monitor.unlock()
    }
}
