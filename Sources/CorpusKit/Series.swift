import DocModel

/// Collections for `doccanon check` (issue 15): each agency's reports for consecutive years,
/// undamaged, whose 上年结转 continues the previous year's 结转下年度 column by column, with
/// prose that states the tables' numbers. When `planted`, some years break the carry-over and
/// some reports' prose states a wrong number; `SeriesTruth` says which.
public struct SeriesOptions: Sendable {
    public var agencies: Int
    public var years: ClosedRange<Int>
    public var seed: UInt64
    /// False: a clean collection (nothing planted).
    public var planted: Bool
    public var breakChance: Double
    public var proseChance: Double
    /// Formats, used in turn (report i of the collection gets formats[i % count]).
    public var formats: [CorpusFormat]

    public init(
        agencies: Int, years: ClosedRange<Int> = 2019...2023, seed: UInt64 = 1, planted: Bool = true,
        breakChance: Double = 0.15, proseChance: Double = 0.3, formats: [CorpusFormat] = [.text]
    ) {
        self.agencies = agencies
        self.years = years
        self.seed = seed
        self.planted = planted
        self.breakChance = breakChance
        self.proseChance = proseChance
        self.formats = formats
    }
}

/// One report of a series and where it belongs.
public struct SeriesReport: Sendable {
    /// File name without extension: agency number and year ("a00012-2021").
    public var name: String
    public var format: CorpusFormat
    public var agency: String
    public var year: Int
    public var generated: GeneratedReport
    public var fileName: String { "\(name).\(format.fileExtension)" }
}

/// What was planted in a series.
public struct SeriesTruth: Sendable, Equatable, Codable {
    public struct CarryOverBreak: Sendable, Equatable, Codable {
        public var previous: String
        public var current: String
        /// Columns (naturalPerson… total) where the two rows differ.
        public var columns: [String]
    }
    public struct ProseMismatch: Sendable, Equatable, Codable {
        public var report: String
        /// The first table path of the quantity (as `ProseQuantity.paths[0]`).
        public var path: String
        public var stated: Int
        public var table: Int
    }
    public var carryOverBreaks: [CarryOverBreak] = []
    public var proseMismatches: [ProseMismatch] = []
    /// Consecutive reports whose templates differ (previous, current).
    public var templateChanges: [[String]] = []
    /// Number statements written into the prose, right or planted.
    public var proseStatements = 0

    public init() {}
}

public enum Series {
    /// The reports of agency `index`, one per year, and what was planted in them.
    public static func agency(_ index: Int, options: SeriesOptions) -> (reports: [SeriesReport], truth: SeriesTruth) {
        var rng = SplitMix64.forDocument(seed: options.seed &+ 0x5E21E5, index: index)
        let name = agencyName(index)
        var truth = SeriesTruth()
        var reports: [SeriesReport] = []
        var previousForward: [Int]?
        for (offset, year) in options.years.enumerated() {
            let template: Template = year >= 2021 ? .y2021 : .y2019
            var gen = ReportGenerator(rng: rng)
            var broken = false
            if let prev = previousForward {
                broken = options.planted && gen.rng.chance(options.breakChance)
                gen.carriedOver = broken ? perturbed(prev, rng: &gen.rng) : prev
            }
            gen.disclosureValues(template)
            gen.applicationValues(template)
            gen.reviewValues()
            let date = (year + 1, gen.rng.int(1...3), gen.rng.int(1...28))
            var layout = gen.layout(
                template, title: "\(name)\(year)年政府信息公开工作年度报告", agency: name, year: year, date: date, hasSignature: true)
            let id = "a\(sixDigits(index))-\(year)"
            var prose = SeriesProse(cells: gen.cells, year: year, rng: gen.rng)
            let planted = prose.write(plant: options.planted && prose.rng.chance(options.proseChance))
            gen.rng = prose.rng
            layout.insertAfterFirstHeading(planted.paragraphs)
            truth.proseStatements += planted.statements
            let format = options.formats[(index * options.years.count + offset) % options.formats.count]
            let file = "\(id).\(format.fileExtension)"
            truth.proseMismatches += planted.mismatches.map { .init(report: file, path: $0.path, stated: $0.stated, table: $0.table) }
            let generated = GeneratedReport(
                index: index, name: id, layout: layout,
                truth: Truth(
                    template: template, title: "\(name)\(year)年政府信息公开工作年度报告", agency: name, year: year,
                    publishedOn: nil, sections: SectionID.allCases, cells: gen.cells, findings: [], inconsistent: false),
                damage: [], textShape: gen.rng.pick(TextShape.seriesShapes), spanStyle: .continuation)
            let current = SeriesReport(name: id, format: format, agency: name, year: year, generated: generated)
            if let last = reports.last {
                if last.generated.truth.template != template { truth.templateChanges.append([last.fileName, current.fileName]) }
                let over = columnValues(gen.cells, row: "carriedOver"), forward = columnValues(last.generated.truth.cells, row: "carriedForward")
                let columns = OfficialRows.applicantFields.indices.filter { over[$0] != forward[$0] }.map { OfficialRows.applicantFields[$0] }
                if broken || !columns.isEmpty {
                    truth.carryOverBreaks.append(.init(previous: last.fileName, current: current.fileName, columns: columns))
                }
            }
            previousForward = columnValues(gen.cells, row: "carriedForward").dropLast().map { $0 ?? 0 }
            reports.append(current)
            rng = gen.rng
        }
        return (reports, truth)
    }

    /// A name no other agency index has: a county, a two-character place and its kind.
    public static func agencyName(_ index: Int) -> String {
        let syllables = Array("东西南北青白金石桥河山林田泉溪湖岭坪塘湾沙水云龙凤安宁平和兴隆丰华新城关")
        let counties = ["江川区", "安泽县", "富阳区", "宁晋县", "孝南区", "文登区", "九龙坡区", "龙岗区", "绿园区", "徐闻县", "来凤县", "武强县"]
        let n = syllables.count
        let place = String([syllables[index % n], syllables[(index / n) % n]])
        let county = counties[(index / (n * n)) % counties.count]
        let kind = ["镇人民政府", "乡人民政府", "街道办事处"][(index / (n * n * counties.count)) % 3]
        return county + place + kind
    }

    /// The carried-forward row changed in one or two applicant columns.
    static func perturbed(_ row: [Int], rng: inout SplitMix64) -> [Int] {
        var out = row
        for c in rng.indices(rng.int(1...2), of: row.count) {
            let delta = rng.int(1...4)
            out[c] = out[c] >= delta && rng.chance(0.5) ? out[c] - delta : out[c] + delta
        }
        return out
    }

    /// The seven values (six applicants and the total) of a row of table 三.
    static func columnValues(_ cells: [ExpectedCell], row: String) -> [Int?] {
        OfficialRows.applicantFields.map { field in
            cells.first { $0.table == "applications" && $0.row == row && $0.field == field }?.value?.integer
        }
    }
}

extension Layout {
    /// Paragraphs placed right after the first heading (一、总体情况).
    mutating func insertAfterFirstHeading(_ paragraphs: [String]) {
        guard let i = blocks.firstIndex(where: { if case .heading = $0 { return true } else { return false } }) else { return }
        blocks.insert(contentsOf: paragraphs.map(LayoutBlock.paragraph), at: i + 1)
    }
}

extension SeriesTruth {
    public mutating func append(_ other: SeriesTruth) {
        carryOverBreaks += other.carryOverBreaks
        proseMismatches += other.proseMismatches
        templateChanges += other.templateChanges
        proseStatements += other.proseStatements
    }
}
