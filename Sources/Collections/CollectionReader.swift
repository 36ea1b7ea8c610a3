import DocModel
import DoccanonKit
import ReportProfile
import SystemThreads

/// One report of a collection, as read.
public struct LoadedReport: Sendable {
    public var report: Report
    /// The source's own 发布机构 property (HTML pages' info table), when it has one.
    public var publisher: String?
    /// True when the report was converted in this run, so its findings already hold every
    /// prose.mismatch `ProseChecker` gives (a report read back from JSON/XML may predate it).
    public var proseChecked: Bool
    /// The report's prose mismatches, when a caller has them already (the review site needs
    /// them for its page too), so that they are not scanned for again.
    public var proseMismatches: [ProseMismatch]?
    /// Where each value was read (`--provenance`, spec §9); nil when not asked for or unknown.
    public var sources: [String: Provenance]?

    public init(
        report: Report, publisher: String? = nil, proseChecked: Bool = false, proseMismatches: [ProseMismatch]? = nil,
        sources: [String: Provenance]? = nil
    ) {
        self.report = report
        self.publisher = publisher
        self.proseChecked = proseChecked
        self.proseMismatches = proseMismatches
        self.sources = sources
    }
}

/// One input of a collection: its id (the path as given, or as joined while walking a folder)
/// and the report read from it, or why it could not be read.
public struct CollectionEntry: Sendable {
    public var id: String
    public var result: Result<LoadedReport, ConversionError>
}

/// Reads a collection: the files `InputWalker` finds under the paths, each converted (a
/// document of any format) or read back (report JSON or XML, `doccanon report`'s output), on
/// `jobs` threads, handed to the caller one at a time in walking order (`next()` or `forEach`). At most `window`
/// entries are held at once, so memory does not grow with the collection.
public final class CollectionReader: @unchecked Sendable {
    public typealias Loader = @Sendable (_ path: String, _ bytes: [UInt8]) -> Result<LoadedReport, ConversionError>

    public let jobs: Int
    public let window: Int
    public let limits: Limits
    private let loader: Loader

    // Shared state, guarded by `monitor`.
    private let monitor = Monitor()
    private var walker: InputWalker
    private var taken = 0
    private var consumed = 0
    private var walkDone = false
    private var ready: [Int: CollectionEntry] = [:]
    /// Touched only by the consuming thread.
    private var started = false
    private var inline = false

    /// - Parameters:
    ///   - jobs: conversions at once (0: one per core).
    ///   - loader: how a file's bytes become a report (default: `CollectionReader.load`).
    ///   - provenance: resolve each report's value sources (`LoadedReport.sources`).
    public init(paths: [String], jobs: Int = 0, limits: Limits = Limits(), provenance: Bool = false, loader: Loader? = nil) {
        self.jobs = jobs > 0 ? jobs : SystemThreads.processorCount
        self.window = 4 * self.jobs
        self.limits = limits
        self.walker = InputWalker(paths)
        self.loader = loader ?? { path, bytes in CollectionReader.load(path: path, bytes: bytes, provenance: provenance) }
    }

    /// A document converted (its 发布机构 property kept), or a report read back from JSON or XML.
    /// With `provenance`, the values' sources: resolved from the document's cells, or read back
    /// with a report that carries them (`report --provenance`).
    public static func load(path: String, bytes: [UInt8], provenance: Bool = false) -> Result<LoadedReport, ConversionError> {
        do throws(ConversionError) {
            if Validation.inputKind(bytes, format: nil) != .document {
                let (report, sources) = try Validation.reportWithSources(bytes: bytes, name: path, format: nil)
                return .success(LoadedReport(report: report, sources: provenance ? sources : nil))
            }
            let document = try Pipeline.document(bytes: bytes, name: path)
            let report = try Pipeline.report(of: document)
            return .success(
                LoadedReport(
                    report: report, publisher: document.properties["publisher"], proseChecked: true,
                    sources: provenance ? Provenance.resolve(report.sources, in: document) : nil))
        } catch {
            return .failure(error)
        }
    }

    /// A report of the collection read again by its id (for `CollectionCheck.findings`).
    public static func reread(_ id: String, limits: Limits, provenance: Bool = false) -> LoadedReport? {
        guard case .success(let bytes) = FileInput.read(id, limit: limits.maxInputBytes),
            case .success(let loaded) = load(path: id, bytes: bytes, provenance: provenance)
        else { return nil }
        return loaded
    }

    /// Calls `body` with every entry, in walking order, on the calling thread.
    public func forEach(_ body: (CollectionEntry) -> Void) {
        while let entry = next() { body(entry) }
    }

    /// The next entry in walking order, nil at the end. The first call starts the threads.
    public func next() -> CollectionEntry? {
        if !started { start() }
        if inline {
            // No thread could start: read in order on this one.
            guard let (index, item) = take() else { return nil }
            let entry = read(item, index: index)
            monitor.lock()
            consumed += 1
            monitor.unlock()
            return entry
        }
        monitor.lock()
        defer { monitor.unlock() }
        while ready[consumed] == nil, !(walkDone && consumed == taken) { monitor.wait() }
        guard let entry = ready.removeValue(forKey: consumed) else { return nil }
        consumed += 1
        monitor.broadcast()
        return entry
    }

    private func start() {
        started = true
        var count = 0
        for _ in 0..<jobs where SystemThreads.start({ [self] in work() }) { count += 1 }
        inline = count == 0
    }

    /// The next item to read with its index, or nil at the end. Waits while the window is full.
    private func take() -> (Int, InputWalker.Item)? {
        monitor.lock()
        defer { monitor.unlock() }
        while !walkDone, taken - consumed >= window { monitor.wait() }
        guard !walkDone, let item = walker.next() else {
            walkDone = true
            monitor.broadcast()
            return nil
        }
        taken += 1
        return (taken - 1, item)
    }

    private func work() {
        while let (index, item) = take() {
            let entry = read(item, index: index)
            monitor.lock()
            ready[index] = entry
            monitor.broadcast()
            monitor.unlock()
        }
    }

    private func read(_ item: InputWalker.Item, index: Int) -> CollectionEntry {
        switch item {
        case .failure(let path, let message):
            return CollectionEntry(id: path, result: .failure(ConversionError(.unreadable, message)))
        case .file(let path):
            switch FileInput.read(path, limit: limits.maxInputBytes) {
            case .failure(let error): return CollectionEntry(id: path, result: .failure(error))
            case .success(let bytes): return CollectionEntry(id: path, result: loader(path, bytes))
            }
        }
    }
}
