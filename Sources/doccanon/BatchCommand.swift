import ArgumentParser

/// `doccanon batch` (spec §6). (Issue 7: in progress.)
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Convert a collection: one JSON line per input record, in input order.")

    func run() throws {
        throw ExitCode(64)
    }
}
