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
    private var summaries: [Int: Summary] = [:]
    private var failures: [Int: (id: String, message: String)] = [:]
    private(set) public var bytesWritten = 0

    public init(directory: String) throws(ReviewError) {
        self.directory = directory
        for sub in ["", "reports", "agencies", "pages"] where !FileOutput.makeDirectories(FileOutput.join(directory, sub)) {
            throw ReviewError("\(directory): cannot create directory \(sub)")
        }
    }

    /// The report page of the input at `index` (its position among the inputs).
    public static func reportPage(_ index: Int) -> String {
        let digits = String(index + 1)
        return "reports/r" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".html"
    }

    /// Writes one report's page; callable from several threads.
    public func add(_ input: ReviewInput, index: Int) throws(ReviewError) {
        let page = Self.reportPage(index)
        let agencyLink = input.report.metadata.agency.map { "../" + Summary.agencyPage($0) }
        let html = ReportPage(input: input, agencyLink: agencyLink).render()
        try write(html, to: page)
        let summary = Summary(input, page: page)
        monitor.lock()
        summaries[index] = summary
        monitor.unlock()
    }

    /// Records an input that could not be read; it is listed on the index.
    public func addFailure(id: String, message: String, index: Int) {
        monitor.lock()
        failures[index] = (id, message)
        monitor.unlock()
    }

    public var failureCount: Int {
        monitor.lock()
        defer { monitor.unlock() }
        return failures.count
    }

    /// Writes the index, one page per agency, the style sheet and the script.
    public func finish(notes: [CollectionNote]) throws(ReviewError) {
        monitor.lock()
        let ordered = summaries.keys.sorted().compactMap { summaries[$0] }
        let failed = failures.keys.sorted().compactMap { failures[$0] }
        monitor.unlock()
        var byAgency: [String: [Summary]] = [:]
        for s in ordered { if let agency = s.agency { byAgency[agency, default: []].append(s) } }
        for agency in byAgency.keys.sorted() {
            let reports = (byAgency[agency] ?? []).enumerated().sorted {
                ($0.element.year ?? Int.max, $0.offset) < ($1.element.year ?? Int.max, $1.offset)
            }.map(\.element)
            try write(AgencyPage(agency: agency, reports: reports, notes: notes).render(), to: Summary.agencyPage(agency))
        }
        try write(IndexPage(summaries: ordered, notes: notes, failures: failed).render(), to: "index.html")
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

    /// Copies a file into the site (a rendered PDF page).
    public func write(bytes: [UInt8], to relative: String) throws(ReviewError) {
        if let reason = FileOutput.atomicWrite(bytes, to: FileOutput.join(directory, relative)) {
            throw ReviewError("\(FileOutput.join(directory, relative)): cannot write (\(reason))")
        }
        monitor.lock()
        bytesWritten += bytes.count
        monitor.unlock()
    }
}
