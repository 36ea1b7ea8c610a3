import DocModel
import DoccanonKit
import FormatDOCX
import Foundation
import Normalization
import XMLSupport
import ZipSupport

// docx-bench FILE.docx… [--runs N]: in-process time of the DOCX adapter alone and of the
// whole `doccanon document` conversion (adapter + JSON), per document, excluding process
// start-up. Used by scripts/bench-docx next to whole-process timings.

func cpuMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
}

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 50
if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) {
    runs = n
    arguments.removeSubrange(i...(i + 1))
}
for path in arguments {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    let bytes = [UInt8](data)
    let source = SourceInfo(format: .docx, name: "x.docx", sha256: "", bytes: bytes.count)
    var blocks = 0
    let a0 = cpuMilliseconds()
    for _ in 0..<runs { blocks = (try? DOCXAdapter.read(bytes, source: source, limits: ReadLimits()))?.blocks.count ?? -1 }
    let adapter = (cpuMilliseconds() - a0) / Double(runs)
    var length = 0
    let b0 = cpuMilliseconds()
    for _ in 0..<runs {
        if let doc = try? Pipeline.document(bytes: bytes, name: "x.docx") { length = Rendering.render(doc, as: .json).utf8.count }
    }
    let whole = (cpuMilliseconds() - b0) / Double(runs)
    let c0 = cpuMilliseconds()
    var parsed = 0
    for _ in 0..<runs {
        if let zip = try? ZipArchive(bytes: bytes), let xml = try? zip.contents(of: "word/document.xml") {
            parsed += (try? FlatXML.parse(xml, attributes: ["val", "type", "fldCharType", "char", "font", "id", "styleId", "abstractNumId", "numId", "ilvl", "default", "Requires"]))?.nodes.count ?? 0
        }
    }
    let zipParse = (cpuMilliseconds() - c0) / Double(runs)
    let z0 = cpuMilliseconds()
    for _ in 0..<runs {
        if let zip = try? ZipArchive(bytes: bytes), let xml = try? zip.contents(of: "word/document.xml") { parsed += xml.count }
    }
    let zipOnly = (cpuMilliseconds() - z0) / Double(runs)
    print(String(format: "  zip %.2f ms, zip+SAX parse %.2f ms, nodes %d", zipOnly, zipParse, parsed / runs))
    let name = URL(fileURLWithPath: path).lastPathComponent
    print(name.padding(toLength: 32, withPad: " ", startingAt: 0), String(format: "adapter %6.2f ms   document+JSON %6.2f ms   (%d blocks, %d bytes JSON)", adapter, whole, blocks, length))
}
