import DocModel
import DoccanonKit

/// What every fuzz target does with an input: the whole conversion a user would run
/// (adapter, report profile, validator, both writers). Errors are expected; crashes, hangs,
/// leaks and memory errors are what the fuzzer looks for.
public enum FuzzSupport {
    public static func bytes(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    public static func convert(_ bytes: [UInt8], name: String, format: SourceInfo.Format?) {
        let document: Document
        do {
            document = try Pipeline.document(bytes: bytes, name: name, format: format)
        } catch {
            _ = error.code
            return
        }
        _ = Rendering.render(document, as: .json)
        _ = Rendering.render(document, as: .xml)
        if let report = try? Pipeline.report(bytes: bytes, name: name, format: format) {
            _ = Rendering.render(report, as: .json)
            _ = Rendering.render(report, as: .xml)
        }
    }
}
