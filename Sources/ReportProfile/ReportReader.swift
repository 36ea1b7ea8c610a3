import DocModel
import Normalization
import TableCore

/// Why a document cannot be read as a report.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads a canonical document as a 政府信息公开工作年度报告: metadata, the six sections,
/// the three tables aligned to the official template, and every finding.
public enum ReportReader {
    public static func read(_ document: Document) throws(ReportError) -> Report {
        var findings = document.findings
        let tables = document.blocks.compactMap { block -> Table? in
            if case .table(let t) = block { return t }
            return nil
        }
        // Every table row, as cells with their grid columns and where they are in the document;
        // padding is no cell at all.
        var rows: [[InputCell]] = []
        for (t, table) in tables.enumerated() {
            // A sub-heading above the table (a column group's name) is read as its first row.
            if let caption = table.caption { rows.append([InputCell(caption, column: 0)]) }
            var byRow = Array(repeating: [InputCell](), count: table.rowCount)
            for (c, cell) in table.cells.enumerated() where cell.row < table.rowCount && !cell.isPadding {
                byRow[cell.row].append(InputCell(cell.text, column: cell.column, source: CellRef(table: t, cell: c), runTogether: table.runTogether, cellStream: table.cellStream))
            }
            rows += byRow
        }
        let title = TitleFinder.title(document.blocks)
        let (sections, sectionFindings, signatureStart) = SectionReader.read(document.blocks, title: title?.1)
        findings += sectionFindings
        var metadata = MetadataReader.read(document, title: title, signatureStart: signatureStart)

        let detected = TemplateDetector.detect(rows)
        let template: Template
        if let detected {
            template = detected
        } else {
            let year = metadata.year ?? 2021
            template = year >= 2021 ? .y2021 : .y2019
            if !rows.isEmpty {
                findings.append(.templateInferred(year: metadata.year, template: template.rawValue))
            }
        }
        metadata.template = template

        var aligner = Aligner(templates: OfficialTemplates.tables(template), vocabulary: OfficialTemplates.vocabulary(template)) { key in
            ReportValidator.scorer(tableKey: key)
        }
        aligner.statements = ProseStatements.read(sections, year: metadata.year, template: template)
        var alignment = aligner.align(rows)
        let missing = ["activeDisclosure", "applications", "reviewsAndLitigation"].filter { alignment.tables[$0] == nil }
        let unfilled = UnfilledTables.read(
            document.blocks, aligner: aligner, templates: OfficialTemplates.tables(template), vocabulary: OfficialTemplates.vocabulary(template),
            missing: missing, names: ReportValidator.tableName)
        alignment.tables.merge(unfilled.tables) { found, _ in found }
        alignment.findings += unfilled.findings
        findings += alignment.findings
        if alignment.tables.isEmpty, sections.count < 2 {
            throw ReportError("not a report: no statistical table of the annual report format and no section headings found")
        }
        var report = Report(
            source: document.source, metadata: metadata, sections: sections,
            activeDisclosure: alignment.tables["activeDisclosure"],
            applications: alignment.tables["applications"],
            reviewsAndLitigation: alignment.tables["reviewsAndLitigation"], findings: findings)
        report.sources = alignment.sources
        report.findings += ReportValidator.findings(for: report)
        return report
    }
}

/// Tells the 2019 template from the 2021 one by labels only one of them has.
enum TemplateDetector {
    static let markers2019 = BytePhrases(OfficialTemplates.markers2019.map { LabelKey.make($0).key })
    static let markers2021 = BytePhrases(OfficialTemplates.markers2021.map { LabelKey.make($0).key })

    static func detect(_ rows: [[InputCell]]) -> Template? {
        var s2019 = 0, s2021 = 0
        for row in rows {
            for cell in row {
                guard let key = cell.labelKey?.key else { continue }
                if markers2019.occurs(in: key) { s2019 += 1 }
                if markers2021.occurs(in: key) { s2021 += 1 }
            }
        }
        if s2019 == s2021 { return nil }
        return s2019 > s2021 ? .y2019 : .y2021
    }

}
