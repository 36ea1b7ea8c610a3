import ArgumentParser
import Collections
import DoccanonKit

enum CheckFormatOption: String, ExpressibleByArgument, CaseIterable { case json, text }

/// `doccanon check PATH…` (spec §8): the checks across a collection's reports and between each
/// report's prose and tables. Exit status 0, or 1 when a finding is an error (as `validate`);
/// 2 when no input could be read as a report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a collection: carry-overs across years, duplicates, template changes, prose against tables.",
        discussion: """
            Inputs are documents (any format), report JSON or XML (the output of `report`), or \
            folders of them, walked recursively in name order. Output: one JSON object \
            {"reports", "findings", "errors"}, or --format text. With --provenance each \
            table value a finding compares carries its source (Schemas/check.schema.json).
            """)

    @Argument(help: "Documents, reports or folders.") var paths: [String] = []
    @Option(help: "Output format.") var format: CheckFormatOption = .json
    @Option(help: "Inputs read at once (0: one per core).") var jobs: Int = 0
    @Flag(help: "Each compared table value carries `source`: where it was read and what the source wrote there.")
    var provenance = false
    @Flag(help: "Print the rules that identify an agency and exit.") var explainAgencies = false

    func validate() throws {
        if paths.isEmpty, !explainAgencies { throw ValidationError("give at least one path") }
        if jobs < 0 || jobs > 1024 { throw ValidationError("--jobs must be between 0 and 1024") }
    }

    func run() throws {
        if explainAgencies {
            try write(AgencyIdentity.explanation.joined(separator: "\n") + "\n")
            return
        }
        let meter = FileOutput.isTerminal(FileOutput.standardError) ? ProgressMeter(label: "doccanon check") : nil
        let result = CheckResult.run(paths: paths, jobs: jobs, provenance: provenance, progress: meter.map { meter in { meter.update(done: $0, errors: $1) } })
        meter?.finish()
        if result.reports.isEmpty {
            let first = result.errors.first.map { ": \($0.error.message)" } ?? ""
            CLIOutput.fail("no report could be read from the paths given\(first)")
            throw ExitCode(2)
        }
        if format == .json {
            if !result.writeJSON({ FileOutput.write($0, to: FileOutput.standardOutput) }) {
                CLIOutput.fail("cannot write to standard output")
                throw ExitCode(74)
            }
        } else {
            try write(result.text)
        }
        if result.count(.error) > 0 { throw ExitCode(1) }
    }

    func write(_ text: String) throws {
        if !FileOutput.write(text, to: FileOutput.standardOutput) {
            CLIOutput.fail("cannot write to standard output")
            throw ExitCode(74)
        }
    }
}
