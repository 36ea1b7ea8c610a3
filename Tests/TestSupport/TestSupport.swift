import Foundation

/// Shared helpers for the test targets: repository paths and golden files.
public enum TestPaths {
    /// The repository root, found from this file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let samples = root.appendingPathComponent("Samples")
    public static let seeds = root.appendingPathComponent("Samples/text")

    public static func read(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }
}

/// Golden files: compared byte for byte; re-recorded (and the test failed) when the
/// environment variable RECORD_GOLDEN=1 is set, so a re-record is never silent.
public enum Golden {
    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Returns nil when `actual` equals the golden file, else a description of the difference.
    public static func compare(_ actual: String, to relativePath: String) -> String? {
        let url = TestPaths.root.appendingPathComponent(relativePath)
        if recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return "recorded \(relativePath) (RECORD_GOLDEN=1): review it, then run again without the switch"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing golden file \(relativePath); run with RECORD_GOLDEN=1 to create it"
        }
        if expected == actual { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let al = i < a.count ? String(a[i]) : "<end>"
            let el = i < e.count ? String(e[i]) : "<end>"
            if al != el { return "\(relativePath): first difference at line \(i + 1):\n  expected: \(el)\n  actual:   \(al)" }
        }
        return "\(relativePath): differs"
    }
}
