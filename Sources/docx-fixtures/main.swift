import DOCXFixtures
import Foundation

// docx-fixtures SOURCE.xml… [--output DIR]: writes DIR/<name>.docx for each fixture source
// (format: see DOCXFixture). Output is byte-identical across runs (fixed ZIP times).

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("docx-fixtures: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var output = "."
if let i = arguments.firstIndex(of: "--output"), i + 1 < arguments.count {
    output = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
}
if arguments.isEmpty { fail("usage: docx-fixtures SOURCE.xml… [--output DIR]") }

for path in arguments {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let url = URL(fileURLWithPath: path)
    let name = url.deletingPathExtension().lastPathComponent
    do {
        let docx = try DOCXFixture.build(String(decoding: data, as: UTF8.self))
        let target = URL(fileURLWithPath: output).appendingPathComponent("\(name).docx")
        try Data(docx).write(to: target)
        print(target.path)
    } catch {
        fail("\(path): \(error)")
    }
}
