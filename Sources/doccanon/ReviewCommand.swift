import ArgumentParser
import DoccanonKit
import ReviewSite

/// `doccanon review PATH… -o DIR` (spec §8): a static review site of a collection, openable
/// from the file system with no server and no network.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write a static review site of reports: index, one page per report, agency pages.",
        discussion: """
            Inputs are documents of any format, report JSON or XML, or folders of them (walked \
            recursively in name order). Open DIR/index.html in a browser: no server, no network.
            """)

    @Argument(help: "Documents, reports or folders.") var paths: [String]
    @Option(name: [.customShort("o"), .long], help: "Directory to write the site into (created if missing).") var output: String
    @Option(help: "Conversions run at once (0: one per core).") var jobs: Int = 0

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one input path") }
        if jobs < 0 || jobs > 1024 { throw ValidationError("--jobs must be between 0 and 1024") }
    }

    func run() throws {
        do {
            let outcome = try ReviewBuilder.build(paths: paths, directory: output, jobs: jobs)
            if FileOutput.isTerminal(FileOutput.standardError) {
                FileOutput.write(
                    "doccanon: \(outcome.reports) reports, \(outcome.failures) unreadable, \(outcome.findings) collection findings, \(outcome.bytesWritten) bytes written to \(output)\n",
                    to: FileOutput.standardError)
            }
        } catch {
            CLIOutput.fail(error.description)
            throw ExitCode(74)
        }
    }
}
