import ArgumentParser
import DocModel
import DoccanonKit
#if os(Linux)
// For its link directives: libxml2, zlib, liblzma, libcrypto and libstdc++ from their static
// archives, so that start-up loads only the C library (see Sources/StaticLibraries).
import StaticLibraries
#endif

@main
struct Doccanon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doccanon",
        abstract: "Turn 政府信息公开工作年度报告 documents (DOCX, HTML, text, PDF) into a canonical, validated model.",
        version: DoccanonVersion.string,
        subcommands: [
            ReportCommand.self, DocumentCommand.self, ValidateCommand.self, BatchCommand.self, CheckCommand.self, ExportCommand.self,
            ReviewCommand.self, BatchWorkerCommand.self,
        ])

    /// `doccanon report FILE` and `doccanon document FILE` with no flags (how batch scripts and
    /// people run it, once per file) skip the argument parser, whose set-up by reflection costs
    /// about a third of a small conversion's time. Anything else goes through the parser.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count == 2, arguments[1] == "-" || !arguments[1].hasPrefix("-"), !arguments[1].isEmpty {
            do {
                switch arguments[0] {
                case "report":
                    try ReportCommand.convert(files: [arguments[1]], format: .json, from: nil, output: nil, strict: false, provenance: false)
                    exit(withError: nil)
                case "document":
                    try DocumentCommand.convert(file: arguments[1], format: .json, from: nil, output: nil)
                    exit(withError: nil)
                default:
                    break
                }
            } catch {
                exit(withError: error)
            }
        }
        main(nil)
    }
}

/// Input format names accepted by `--from`.
enum InputFormatOption: String, ExpressibleByArgument, CaseIterable {
    case docx, html, text
    var format: SourceInfo.Format {
        switch self {
        case .docx: return .docx
        case .html: return .html
        case .text: return .text
        }
    }
}

enum ReportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case json, xml
    var output: OutputFormat { self == .xml ? .xml : .json }
}

enum DocumentFormatOption: String, ExpressibleByArgument, CaseIterable {
    case json, xml, markdown, html
    var output: OutputFormat {
        switch self {
        case .json: return .json
        case .xml: return .xml
        case .markdown: return .markdown
        case .html: return .html
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Convert reports to the canonical report model.")

    @Argument(help: "Input files; - reads standard input.") var files: [String]
    @Option(help: "Output format.") var format: ReportFormatOption = .json
    @Option(help: "Input format (default: detected from content).") var from: InputFormatOption?
    @Option(help: "Write to this file (one input) or into this directory (several inputs).") var output: String?
    @Flag(help: "Exit with status 1 when a report has an error finding.") var strict = false
    @Flag(help: "Add `sources`: where each value was read and what the source wrote there.") var provenance = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one input file") }
    }

    func run() throws {
        try Self.convert(files: files, format: format, from: from, output: output, strict: strict, provenance: provenance)
    }

    static func convert(
        files: [String], format: ReportFormatOption, from: InputFormatOption?, output: String?, strict: Bool, provenance: Bool
    ) throws {
        var status: Int32 = 0
        var rendered: [(name: String, text: String)] = []
        for file in files {
            let input = try CLIInput.read(file)
            do {
                let (report, sources) = try Self.report(input, from: from, provenance: provenance)
                if strict, report.findings.contains(where: { $0.severity == .error }) { status = max(status, 1) }
                rendered.append((input.name, Rendering.render(report, as: format.output, sources: sources)))
            } catch {
                CLIOutput.fail(error.description)
                status = 2
            }
        }
        try CLIOutput.emit(rendered, to: output, extension: format.rawValue)
        if status != 0 { throw ExitCode(status) }
    }
}

extension ReportCommand {
    /// The report of an input and, with provenance, its values' sources.
    static func report(_ input: CLIInput.Input, from: InputFormatOption?, provenance: Bool) throws(ConversionError) -> (Report, [String: Provenance]?) {
        guard provenance else { return (try Pipeline.report(bytes: input.bytes, name: input.name, format: from?.format), nil) }
        let (report, sources) = try Pipeline.reportWithSources(bytes: input.bytes, name: input.name, format: from?.format)
        return (report, sources)
    }
}

struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document", abstract: "Convert any DOCX, HTML or text file to the canonical document.")

    @Argument(help: "Input file; - reads standard input.") var file: String
    @Option(help: "Output format.") var format: DocumentFormatOption = .json
    @Option(help: "Input format (default: detected from content).") var from: InputFormatOption?
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        try Self.convert(file: file, format: format, from: from, output: output)
    }

    static func convert(file: String, format: DocumentFormatOption, from: InputFormatOption?, output: String?) throws {
        let input = try CLIInput.read(file)
        let document: Document
        do {
            document = try Pipeline.document(bytes: input.bytes, name: input.name, format: from?.format)
        } catch {
            CLIOutput.fail(error.description)
            throw ExitCode(2)
        }
        try CLIOutput.emit([(input.name, Rendering.render(document, as: format.output))], to: output, extension: format.rawValue)
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Re-run every rule on a report (JSON or XML output of `report`, or any input document).")

    @Argument(help: "A report as JSON or XML, or an input document; - reads standard input.") var file: String
    @Option(help: "Findings as human-readable lines (text) or as JSON.") var format: ValidateFormatOption = .text
    @Option(help: "Input format of a document to convert first (default: detected).") var from: InputFormatOption?

    func run() throws {
        let input = try CLIInput.read(file)
        let findings: [Finding]
        do {
            findings = try Validation.findings(bytes: input.bytes, name: input.name, format: from?.format)
        } catch {
            CLIOutput.fail(error.description)
            throw ExitCode(2)
        }
        if !FileOutput.write(Validation.render(findings, json: format == .json), to: FileOutput.standardOutput) {
            CLIOutput.fail("cannot write to standard output")
            throw ExitCode(74)
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

enum ValidateFormatOption: String, ExpressibleByArgument, CaseIterable { case text, json }

/// Reading inputs: a path or standard input, with a size limit and one clear error line.
enum CLIInput {
    struct Input {
        var name: String
        var bytes: [UInt8]
    }

    static func read(_ path: String) throws -> Input {
        let stdin = path == "-"
        switch FileInput.read(stdin ? "/dev/stdin" : path, limit: Limits().maxInputBytes) {
        case .success(let bytes):
            return Input(name: stdin ? "stdin" : path, bytes: bytes)
        case .failure(let error):
            let message = stdin && error.message.hasPrefix("/dev/stdin") ? "stdin" + error.message.dropFirst(10) : error.message
            CLIOutput.fail(message)
            throw ExitCode(2)
        }
    }
}

enum CLIOutput {
    static func fail(_ message: String) {
        FileOutput.write("doccanon: \(message)\n", to: FileOutput.standardError)
    }

    /// Writes rendered outputs to standard output, a file, or a directory. Files are written to
    /// a temporary name and renamed, so nothing is ever half written.
    static func emit(_ outputs: [(name: String, text: String)], to path: String?, extension ext: String) throws {
        guard let path else {
            for output in outputs where !FileOutput.write(output.text, to: FileOutput.standardOutput) {
                fail("cannot write to standard output")
                throw ExitCode(74)
            }
            return
        }
        if outputs.count == 1, !path.hasSuffix("/") {
            try atomicWrite(outputs[0].text, to: path)
            return
        }
        guard FileOutput.makeDirectories(path) else {
            fail("\(path): cannot create directory")
            throw ExitCode(74)
        }
        for output in outputs {
            let base = output.name.split(separator: "/").last.map(String.init) ?? output.name
            try atomicWrite(output.text, to: FileOutput.join(path, base + "." + ext))
        }
    }

    static func atomicWrite(_ text: String, to path: String) throws {
        if let reason = FileOutput.atomicWrite(Array(text.utf8), to: path) {
            fail("\(path): cannot write output (\(reason))")
            throw ExitCode(74)
        }
    }
}
