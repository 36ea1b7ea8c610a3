import DocModel
import PDFSupport

/// For a PDF source, images of the page around its flagged cells (shown in the provenance
/// panel with the cell's box drawn on them), rendered by the PDF engine (poppler's Splash) as
/// grey PNG files in the site's `pages/` folder. Bounded: only cells with a finding, at most
/// `maxPerReport` of them (errors first, then warnings, then infos; by path within each), each
/// a region of about 260 × 90 points at `dpi` (typically 10–20 KB).
enum PageCrops {
    static let maxPerReport = 24
    static let dpi = 144.0
    /// Margins around the cell's box, in points: the cells beside it and the rows above and
    /// below, so that the value can be read in its context.
    static let marginX = 108.0, marginY = 36.0

    /// A crop: its image relative to the site's root, and the page region it shows (points).
    struct Crop: Sendable, Equatable {
        var path: String
        var region: PDFRegion
    }

    /// The cells to crop: those with a finding (`marks`) and a PDF location, most severe first.
    static func cells(_ sources: [String: Provenance], marks: CellMarks) -> [(path: String, region: PDFRegion)] {
        var flagged: [(severity: Severity, path: String, region: PDFRegion)] = []
        for (path, source) in sources {
            guard let severity = marks.severity(of: path), case .pdf(let page, let x0, let y0, let x1, let y1)? = source.location else { continue }
            let region = PDFRegion(page: page, x0: x0 - marginX, y0: y0 - marginY, x1: x1 + marginX, y1: y1 + marginY)
            flagged.append((severity, path, region))
        }
        flagged.sort { a, b in a.severity != b.severity ? a.severity < b.severity : a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        return flagged.prefix(maxPerReport).map { ($0.path, $0.region) }
    }

    /// Renders the crops of a report and writes them into the site; the crops by cell path.
    /// Nothing when the engine cannot render (the panel then shows the location alone).
    static func make(bytes: [UInt8], id: String, sources: [String: Provenance], marks: CellMarks, site: SiteWriter) -> [String: Crop] {
        let wanted = cells(sources, marks: marks)
        guard !wanted.isEmpty, let images = try? PDFEngine.render(bytes, regions: wanted.map(\.region), dpi: dpi) else { return [:] }
        let stem = String(Summary.reportPage(id: id).dropFirst("reports/".count).dropLast(".html".count))
        var out: [String: Crop] = [:]
        for (k, (cell, image)) in zip(wanted, images).enumerated() {
            guard let image else { continue }
            let file = "pages/\(stem)-\(k + 1).png"
            do {
                try site.write(bytes: image.png, to: file)
            } catch {
                site.keep(error)
                return out
            }
            // The region as rendered: clipped to the page, in whole pixels.
            let scale = dpi / 72
            let x0 = (max(0, cell.region.x0) * scale).rounded(.down) / scale, y0 = (max(0, cell.region.y0) * scale).rounded(.down) / scale
            let region = PDFRegion(
                page: cell.region.page, x0: x0, y0: y0, x1: x0 + Double(image.width) / scale, y1: y0 + Double(image.height) / scale)
            out[cell.path] = Crop(path: file, region: region)
        }
        return out
    }
}
