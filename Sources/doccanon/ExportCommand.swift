import ArgumentParser
import DoccanonKit
import WideExport

extension ExportFormat: ExpressibleByArgument {}

/// `doccanon export PATH… --format csv|xlsx -o FILE` (spec §8): one row per report, columns in
/// the fixed order of docs/model.md §7. Inputs that cannot be read get no row and one line on
/// standard error each; exit status 2 when none could be read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a collection as one wide table: one row per report, every cell a column (CSV or XLSX).")

    @Argument(help: "Documents, reports or folders.") var paths: [String]
    @Option(help: "Output format.") var format: ExportFormat
    @Option(name: [.customShort("o"), .long], help: "The file to write.") var output: String
    @Option(help: "Inputs read at once (0: one per core).") var jobs: Int = 0
    @Flag(
        help: """
            Also write where each value was read: a sheet `sources` in the XLSX, or FILE.sources.csv \
            beside the CSV, with the reports' rows and columns.
            """)
    var provenance = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one path") }
        if jobs < 0 || jobs > 1024 { throw ValidationError("--jobs must be between 0 and 1024") }
    }

    func run() throws {
        let meter = FileOutput.isTerminal(FileOutput.standardError) ? ProgressMeter(label: "doccanon export") : nil
        let summary: Exporter.Summary
        do {
            summary = try Exporter.run(
                paths: paths, format: format, output: output, jobs: jobs, provenance: provenance, progress: meter.map { meter in { meter.update(done: $0, errors: $1) } })
        } catch {
            meter?.finish()
            CLIOutput.fail(error.description)
            throw ExitCode(74)
        }
        meter?.finish()
        for e in summary.errors { CLIOutput.fail("skipped \(e.id): \(e.error.message)") }
        if summary.rows == 0 {
            CLIOutput.fail("no report could be read from the paths given")
            throw ExitCode(2)
        }
    }
}
