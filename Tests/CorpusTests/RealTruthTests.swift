import CorpusKit
import DocModel
import Testing

/// The truth file format of the real-document set: rows by dotted path, completeness, and the
/// tables' arithmetic as a check on typing.
@Suite struct RealTruthTests {
    /// A complete, consistent 2021 truth with one row to vary.
    static func truth(_ granted: String = "3 0 0 0 1 0 4", extra: String = "") -> String {
        var lines = ["document: x.txt", "title: 某县2021年政府信息公开工作年度报告", "agency: 某县人民政府", "year: 2021",
                     "publishedOn: null", "template: 2021", extra]
        lines += ["activeDisclosure.regulations: 0 0 0", "activeDisclosure.normativeDocuments: 1 0 3", "activeDisclosure.licensing: 5",
                  "activeDisclosure.penalties: 7", "activeDisclosure.coercion: null", "activeDisclosure.fees: 0.5"]
        let zeros = "0 0 0 0 0 0 0"
        lines += ["applications.newlyReceived: 3 0 0 0 1 0 4", "applications.carriedOver: \(zeros)", "applications.results.granted: \(granted)",
                  "applications.results.total: 3 0 0 0 1 0 4", "applications.carriedForward: \(zeros)"]
        for row in ["partiallyGranted", "denied.stateSecret", "denied.prohibitedByLaw", "denied.securityOrStability", "denied.thirdPartyRights",
                    "denied.internalAffairs", "denied.processInformation", "denied.enforcementFiles", "denied.administrativeQuery",
                    "unableToProvide.notHeld", "unableToProvide.needsCreation", "unableToProvide.unclearAfterCorrection",
                    "notProcessed.petitionOrComplaint", "notProcessed.duplicate", "notProcessed.publication", "notProcessed.excessiveRepeated",
                    "notProcessed.confirmation", "otherHandling.overdueCorrection", "otherHandling.unpaidFees", "otherHandling.other"] {
            lines.append("applications.results.\(row): \(zeros)")
        }
        lines += ["reviewsAndLitigation.administrativeReview: 1 0 0 0 1", "reviewsAndLitigation.litigationDirect: 0 0 0 0 0",
                  "reviewsAndLitigation.litigationAfterReview: 0 0 0 1 1"]
        return lines.joined(separator: "\n")
    }

    @Test func readsEveryCellOfTheTemplate() throws {
        let t = try RealTruthParser.parse(Self.truth(), id: "t")
        #expect(t.cells.count == 10 + 25 * 7 + 15)
        #expect(t.agency == "某县人民政府" && t.publishedOn == nil && t.year == 2021)
        #expect(t.cells.first { $0.path == "activeDisclosure.fees.amount" }?.value == .decimal("0.5"))
        #expect(t.cells.first { $0.path == "activeDisclosure.coercion.decisions" }?.value == nil)
        #expect(t.cells.first { $0.path == "reviewsAndLitigation.litigationAfterReview.pending" }?.value == .integer(1))
    }

    @Test func aTypoThatBreaksASumIsRefused() {
        #expect(throws: RealTruthError.self) { try RealTruthParser.parse(Self.truth("3 0 0 0 1 0 5"), id: "t") }
        #expect(throws: RealTruthError.self) { try RealTruthParser.parse(Self.truth("2 0 0 0 1 0 3"), id: "t") }
    }

    @Test func aDeclaredInconsistencyIsKeptAsPrinted() throws {
        // The row total (3 + 1 ≠ 5) and the results column total (5 ≠ 4) both fail, both declared.
        let declared = "inconsistent: applications.results.granted\ninconsistent: applications.results.total"
        let t = try RealTruthParser.parse(Self.truth("3 0 0 0 1 0 5", extra: declared), id: "t")
        #expect(t.cells.first { $0.path == "applications.results.granted.total" }?.value == .integer(5))
    }

    @Test func aMissingRowOrAWrongWidthIsRefused() {
        let missing = Self.truth().split(separator: "\n").filter { !$0.hasPrefix("applications.carriedOver") }.joined(separator: "\n")
        #expect(throws: RealTruthError.self) { try RealTruthParser.parse(missing, id: "t") }
        #expect(throws: RealTruthError.self) { try RealTruthParser.parse(Self.truth("3 0 0 0 1 4"), id: "t") }
    }

    @Test func openCellsAcceptEveryListedReading() throws {
        let t = try RealTruthParser.parse(Self.truth("3 0 0 0 1 0|null 4"), id: "t")
        #expect(t.alternatives["applications.results.granted.otherOrganization"] == [.integer(0), nil])
    }
}
