import CorpusKit
import DocModel
import DoccanonKit
import Foundation
import Testing
import TestSupport

/// The real-document regression set (Tests/Fixtures/real): real published reports scored
/// against hand-typed truths, as `scripts/bench-real` prints them. Each document must read at
/// least as well as its floor (Tests/Fixtures/real/floors), and no value may be confidently wrong.
@Suite struct RealSetTests {
    static let directory = TestPaths.root.appendingPathComponent("Tests/Fixtures/real").path

    @Sendable static func convert(_ bytes: [UInt8], _ name: String, _ format: SourceInfo.Format?) -> Result<Report, any Error> {
        Result { try Pipeline.report(bytes: bytes, name: name, format: format) }
    }

    static let result: Result<RealSetResult, any Error> = Result { try RealSet.run(directory: directory, convert: convert) }

    static func floors() throws -> [String: (cells: Int, metadata: Int)] {
        let text = try String(contentsOfFile: directory + "/floors", encoding: .utf8)
        var floors: [String: (Int, Int)] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let c = Int(parts[1]), let m = Int(parts[2]) else { continue }
            floors[String(parts[0])] = (c, m)
        }
        return floors
    }

    @Test func everyTruthParsesAndItsDocumentExists() throws {
        let result = try Self.result.get()
        #expect(result.scores.count >= 11)
        for score in result.scores {
            #expect(score.failed?.hasPrefix("document") != true, "\(score.id): \(score.failed ?? "")")
        }
    }

    @Test func noDocumentReadsWorseThanItsFloor() throws {
        let result = try Self.result.get()
        let floors = try Self.floors()
        // A document without a floor (a PDF when the PDF adapter lands) is scored, not yet held.
        for score in result.scores where score.skipped == nil {
            guard let floor = floors[score.id] else { continue }
            #expect(score.cells.right >= floor.cells, "\(score.id): \(score.cells.right) cells right, floor \(floor.cells): \(score.wrongCells.prefix(5))")
            #expect(score.metadataRight >= floor.metadata, "\(score.id): metadata \(score.wrongMetadata)")
        }
    }

    @Test func noValueIsConfidentlyWrong() throws {
        let result = try Self.result.get()
        for score in result.scores {
            #expect(score.cells.confidentWrong == 0, "\(score.id): \(score.wrongCells.filter { $0.hasSuffix("(confident)") })")
        }
    }
}
