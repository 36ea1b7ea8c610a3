import DocModel
import DoccanonKit
import Foundation
import Serialization
import TestSupport
import Testing

import Collections
import CorpusKit

@testable import ReviewSite

@Suite struct MarkupTests {
    @Test func scriptJSONCannotCloseItsElementAndParsesBackEqual() throws {
        let hostile = "</script><script>alert(1)</script><!-- & \u{2028}\u{2029} \"q\" \\ <b>"
        let value = CanonicalValue.object([.init("t", .string(hostile)), .init("n", .array(itemName: "n", [.integer(1)]))])
        let json = Markup.scriptJSON(value)
        for forbidden in ["<", "\u{2028}", "\u{2029}"] {
            #expect(!json.contains(forbidden), "\(forbidden) left in \(json)")
        }
        #expect(json.contains("\\u003c/script>") && json.contains("\\u003c!--") && json.contains("\\u2028"))
        let parsed = try JSONReader.parse(Array(json.utf8))
        #expect(parsed["t"] == .string(hostile))
    }

    @Test func textAndAttributesAreEscaped() {
        #expect(Markup.text("<img src=x onerror=alert(1)>&") == "&lt;img src=x onerror=alert(1)&gt;&amp;")
        #expect(Markup.attribute("a\"b<c") == "a&quot;b&lt;c")
        #expect(Markup.text("a\u{1}b") == "a\u{FFFD}b")
    }
}

@Suite struct SourceContextTests {
    @Test func textLocationsHighlightTheirColumns() {
        var context = SourceContext("规章\n\t１，８７８件\n行政许可")
        let placed = context.place(.text(line: 2, from: 1, to: 7), raw: "１，８７８件")
        #expect(placed?.line == 2 && placed?.window == nil)
        #expect(placed?.highlight.map { [$0.0, $0.1] } == [1, 7])
    }

    @Test func htmlCellsAreHighlightedOnlyWhenTheirTextIsUnambiguous() {
        var context = SourceContext("<tr><td>规章</td><td>12</td><td>0</td><td>0</td></tr>")
        #expect(context.place(.html(table: 0, row: 1, cell: 1, line: 1), raw: "12")?.highlight.map { [$0.0, $0.1] } == [19, 21])
        #expect(context.place(.html(table: 0, row: 1, cell: 2, line: 1), raw: "0")?.highlight == nil)
    }

    @Test func longLinesAreCutToAWindowAroundTheCell() {
        let line = String(repeating: "<td>x</td>", count: 300) + "<td>4711</td>" + String(repeating: "<td>y</td>", count: 300)
        var context = SourceContext(line)
        let placed = context.place(.html(table: 0, row: 0, cell: 100, line: 1), raw: "4711")
        let window = placed?.window ?? ""
        #expect(window.unicodeScalars.count <= SourceContext.maxLine + 2)
        if let (a, b) = placed?.highlight {
            let units = Array(window.utf16)
            #expect(String(decoding: units[a..<b], as: UTF16.self) == "4711")
        } else {
            Issue.record("no highlight in a long line")
        }
    }
}

@Suite struct ReportPageTests {
    static func report(_ relative: String) throws -> Report {
        try Pipeline.report(bytes: TestPaths.read(relative), name: relative)
    }

    /// The page's data (the JSON of its data element).
    static func data(_ html: String) throws -> CanonicalValue {
        guard let start = html.firstRange(of: "id=\"data\">"), let end = html[start.upperBound...].firstRange(of: "</script>") else {
            throw ReviewError("no data element")
        }
        return try JSONReader.parse(Array(html[start.upperBound..<end.lowerBound].utf8))
    }

    /// Value cells of a page, path (row's data-r + the field the cell's data-f indexes in the
    /// data's "fields") → shown text, read back from the markup.
    static func cells(_ html: String) throws -> [String: String] {
        guard case .array(_, let names)? = try data(html)["fields"] else { throw ReviewError("no fields") }
        let fields = names.map { name -> String in
            if case .string(let s) = name { return s }
            return "?"
        }
        var out: [String: String] = [:]
        for row in html.split(separator: "<tr data-r=\"").dropFirst() {
            guard let end = row.firstIndex(of: "\"") else { continue }
            let rowPath = row[..<end]
            for piece in row.split(separator: "<td data-f=\"").dropFirst() {
                guard let close = piece.firstIndex(of: "\""), let gt = piece[close...].firstIndex(of: ">"),
                    let stop = piece[gt...].firstRange(of: "</td>")
                else { continue }
                let field = Int(piece[..<close]).flatMap { fields.indices.contains($0) ? fields[$0] : nil } ?? "?"
                out["\(rowPath).\(field)"] = String(piece[piece.index(after: gt)..<stop.lowerBound])
            }
        }
        return out
    }

    @Test func everyValueIsDrawnInItsCell() throws {
        let report = try Self.report("Samples/text/001_7097c5c10f7e9ea9.txt")
        let html = ReportPage(input: ReviewInput(id: "x", report: report), agencyLink: nil).render()
        let cells = try Self.cells(html)
        var count = 0
        for (key, table) in report.tables {
            for row in table?.rows ?? [] {
                for field in row.fields {
                    count += 1
                    #expect(cells["\(key).\(row.path).\(field.name)"] == (Markup.display(field.value) ?? ""), "\(key).\(row.path).\(field.name)")
                }
            }
        }
        #expect(cells.count == count && count > 150)
        #expect(cells["activeDisclosure.fees.amount"] == "15996.59")
    }

    @Test func aPlantedReportShowsItsMarkupAsText() throws {
        let report = try Self.report("Tests/Fixtures/review/planted_xss.txt")
        #expect(report.metadata.title?.contains("<script>") == true)
        let html = ReportPage(input: ReviewInput(id: "planted", report: report), agencyLink: nil).render()
        // Our two script elements only: the site's file and the JSON data.
        #expect(html.split(separator: "<script").count - 1 == 2)
        #expect(!html.contains("<img") && !html.contains("<!--"))
        #expect(html.contains("&lt;script&gt;document.title=\"P\"&lt;/script&gt;"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'; script-src 'self';"))
        let data = try Self.data(html)
        guard case .array(_, let findings)? = data["findings"] else {
            Issue.record("no findings in the data")
            return
        }
        #expect(findings.contains { finding in
            if case .string(let message)? = finding["message"] { return message.contains("<img src=x onerror=") }
            return false
        })
    }

    @Test func rowFindingsColourTheRowLabelAndTableFindingsNoCell() throws {
        var report = try Self.report("Samples/text/001_7097c5c10f7e9ea9.txt")
        report.findings = [
            Finding(.tableRowInferred, "行", path: "applications.carriedOver"),
            Finding(.textRepaired, "表", path: "applications"),
            Finding(.applicationsBalance, "列", path: "applications.results.total.naturalPerson"),
        ]
        let marks = CellMarks(report.findings)
        #expect(marks.severity(of: "applications.carriedOver.total") == .warning)
        #expect(marks.severity(of: "applications.results.total.naturalPerson") == .error)
        #expect(marks.severity(of: "applications.newlyReceived.total") == nil)
        #expect(marks.severity(ofRow: "applications.newlyReceived") == nil)
        var layout = TableLayout(report: report, marks: marks)
        _ = layout.activeDisclosure() + layout.applications() + layout.reviewsAndLitigation()
        #expect(layout.drawn.count == Set(layout.drawn).count && layout.drawn.count > 150)
        #expect(marks.general(cellPaths: Set(layout.drawn)) == [1])
    }
}

@Suite struct SiteTests {
    static func build(_ paths: [String]) throws -> (URL, ReviewBuilder.Outcome) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString)")
        let outcome = try ReviewBuilder.build(paths: paths.map { TestPaths.root.appendingPathComponent($0).path }, directory: dir.path, jobs: 2)
        return (dir, outcome)
    }

    @Test func aSiteIsTheSameWhateverTheJobs() throws {
        let (a, first) = try Self.build(["Samples/text", "Tests/Fixtures/review/agency"])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString)")
        _ = try ReviewBuilder.build(
            paths: ["Samples/text", "Tests/Fixtures/review/agency"].map { TestPaths.root.appendingPathComponent($0).path }, directory: dir.path, jobs: 1)
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: dir)
        }
        // 5 sources and their 5 report JSON files, 4 agency years; the 5 document JSON files are listed as unreadable.
        #expect(first.reports == 14 && first.failures == 5)
        let files = try FileManager.default.subpathsOfDirectory(atPath: a.path).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted()))
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".js") || file.hasSuffix(".css") {
            #expect(try Data(contentsOf: a.appendingPathComponent(file)) == Data(contentsOf: dir.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test func theAgencyChartMarksTheCarryOverBreak() throws {
        let (dir, _) = try Self.build(["Tests/Fixtures/review/agency"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = try String(contentsOf: dir.appendingPathComponent(Summary.agencyPage(key: AgencyIdentity.key("安泽县审计局"))), encoding: .utf8)
        // The collection check's crossYear.carryOver finding, marked between 2022 and 2023.
        #expect(page.contains("<title>安泽县审计局2023年报告的“上年结转政府信息公开申请数量”与2022年报告的“结转下年度继续办理”不一致：自然人 1≠3，总计 1≠3</title>"))
        #expect(page.contains(">结转不符 3→1</text>"))
        #expect(page.split(separator: "class=\"break\"").count - 1 == 1)
        #expect(page.split(separator: "<polyline").count - 1 == 3)
    }
}

@Suite struct ReviewFixesTests {
    /// The source line an HTML cell names is the line its text is on, so the review shows and
    /// highlights it: in the Word-exported page a `<td>` start tag ends two lines above its text.
    @Test(arguments: ["Samples/html/010_trs_portal_utf8.html", "Samples/html/011_word_export_gbk.html"])
    func htmlCellsAreFoundOnTheirSourceLine(_ sample: String) throws {
        let bytes = try TestPaths.read(sample)
        let (_, sources) = try Pipeline.reportWithSources(bytes: bytes, name: sample)
        var context = SourceContext(SourceDecoding.text(bytes))
        var found = 0, total = 0
        for (path, source) in sources {
            guard let raw = source.raw, let location = source.location, !raw.isEmpty else { continue }
            total += 1
            let n = location.line ?? 0
            let line = n >= 1 && n <= context.lines.count ? String(context.lines[n - 1]) : ""
            // The text's first word right after a tag (a cell's text may go on over a line break).
            let first = raw.split(whereSeparator: { $0.isWhitespace }).first.map(String.init) ?? raw
            if line.contains(">" + first) { found += 1 } else { Issue.record("\(path): “\(raw)” not on line \(location.line ?? 0): \(line)") }
            _ = context.place(location, raw: raw)
        }
        #expect(total > 30 && found == total, "\(found) of \(total)")
    }

    /// Agency rule 6, as `check` applies it: 洪泽区's 2023 report (signed 洪泽区人民政府) and
    /// its 2024 report (淮安市洪泽区人民政府) are one agency with one page, which both report
    /// pages link to.
    @Test func reportsJoinedByRuleSixShareOneAgencyPage() throws {
        let (dir, outcome) = try SiteTests.build(["Tests/Fixtures/real/hongze2023.pdf", "Tests/Fixtures/real/hongze2024.pdf"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(outcome.reports == 2 && outcome.failures == 0)
        let index = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("多年度的机关（1）") && index.contains("2023–2024（2 年）"))
        for id in ["hongze2023.pdf", "hongze2024.pdf"] {
            let page = try String(
                contentsOf: dir.appendingPathComponent(Summary.reportPage(id: TestPaths.root.appendingPathComponent("Tests/Fixtures/real/" + id).path)),
                encoding: .utf8)
            guard let start = page.firstRange(of: "<a href=\"../agencies/"), let end = page[start.upperBound...].firstIndex(of: "\"") else {
                Issue.record("\(id): no agency link")
                continue
            }
            let agency = try String(contentsOf: dir.appendingPathComponent("agencies/" + page[start.upperBound..<end]), encoding: .utf8)
            #expect(agency.contains("2 份报告") && agency.contains(">2023<") && agency.contains(">2024<"), "\(id)")
        }
    }

    /// A converted report's prose mismatches reach its page (the sentence marked) and the
    /// index (the collection finding) from one scan; a report without any is not scanned again.
    @Test func proseMismatchesAreMarkedFromOneScan() throws {
        let generated = Corpus.report(index: 2, seed: 9)
        var bytes = try CorpusFormat.text.render(generated)
        let clean = try CollectionReader.load(path: "r.txt", bytes: bytes).get()
        let (cleanInput, cleanKept) = ReviewBuilder.prepare(path: "r.txt", bytes: bytes, loaded: clean)
        if !clean.report.findings.contains(where: { $0.rule == .proseMismatch }) {
            #expect(cleanInput.proseMismatches.isEmpty && cleanKept.proseMismatches == [])
        }
        // A sentence stating a number the table contradicts.
        let total = try #require(clean.report.applications?.value("newlyReceived", "total")?.integer)
        let sentence = "本年度共收到政府信息公开申请\(total + 7)件。"
        let text = String(decoding: bytes, as: UTF8.self)
        let heading = try #require(text.firstRange(of: "三、收到和处理政府信息公开申请情况"))
        bytes = Array((String(text[..<heading.upperBound]) + "\n" + sentence + String(text[heading.upperBound...])).utf8)
        let loaded = try CollectionReader.load(path: "r.txt", bytes: bytes).get()
        let (input, kept) = ReviewBuilder.prepare(path: "r.txt", bytes: bytes, loaded: loaded)
        #expect(input.proseMismatches.count == 1 && kept.proseMismatches == input.proseMismatches)
        let html = ReportPage(input: input, agencyLink: nil).render()
        let marked = html.split(separator: "<mark class=\"w\" data-f=\"").dropFirst().map { $0.split(separator: "</mark>")[0] }
        #expect(marked.count == 1 && marked.first?.hasSuffix(String(sentence.dropLast())) == true, "\(marked)")
        var check = CollectionCheck()
        check.add(id: "r.txt", loaded: kept)
        #expect(check.proseFindings.count == 1)
    }
}

@Suite struct PageCropTests {
    /// A PDF source's flagged cells get images of their page region, rendered by the engine:
    /// PNG files of the size the region and resolution give, each region around its cell's box,
    /// the same bytes whatever the jobs, at most `maxPerReport`.
    @Test func flaggedPDFCellsHaveTheirPageRegion() throws {
        let pdf = "Tests/Fixtures/real/hongze2023.pdf"
        let (a, _) = try SiteTests.build([pdf])
        let b = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString)")
        _ = try ReviewBuilder.build(paths: [TestPaths.root.appendingPathComponent(pdf).path], directory: b.path, jobs: 1)
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let images = try FileManager.default.contentsOfDirectory(atPath: a.appendingPathComponent("pages").path).sorted()
        #expect(!images.isEmpty && images.count <= PageCrops.maxPerReport)
        #expect(images == (try FileManager.default.contentsOfDirectory(atPath: b.appendingPathComponent("pages").path).sorted()))
        let page = try String(contentsOf: a.appendingPathComponent(Summary.reportPage(id: TestPaths.root.appendingPathComponent(pdf).path)), encoding: .utf8)
        let data = try ReportPageTests.data(page)
        guard case .array(_, let cells)? = data["cells"] else {
            Issue.record("no cells")
            return
        }
        func numbers(_ v: CanonicalValue?) -> [Double] {
            guard case .array(_, let items)? = v else { return [] }
            return items.compactMap { item in
                switch item {
                case .integer(let i): return Double(i)
                case .number(let s): return Double(s)
                default: return nil
                }
            }
        }
        var crops = 0
        for cell in cells {
            guard let crop = cell["c"], case .string(let src)? = crop["s"] else { continue }
            crops += 1
            #expect(cell["f"] != nil, "a crop for a cell without a finding")
            let region = numbers(crop["b"]), box = Array(numbers(cell["l"]).dropFirst())
            #expect(region.count == 4 && box.count == 4)
            guard region.count == 4, box.count == 4 else { continue }
            #expect(region[0] <= box[0] && region[1] <= box[1] && box[2] <= region[2] + 0.5 && box[3] <= region[3] + 0.5, "\(region) \(box)")
            let file = a.appendingPathComponent(String(src.dropFirst(3)))
            let png = try Array(Data(contentsOf: file))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(src) is no PNG")
            #expect(png == (try Array(Data(contentsOf: b.appendingPathComponent(String(src.dropFirst(3)))))), "\(src) differs with 1 job")
            // Width and height (IHDR) are the region at the crops' resolution.
            let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
            let scale = PageCrops.dpi / 72
            #expect(abs(Double(width) - (region[2] - region[0]) * scale) < 1.5 && abs(Double(height) - (region[3] - region[1]) * scale) < 1.5)
        }
        #expect(crops == images.count)
    }
}
