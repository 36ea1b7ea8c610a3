import CPDFEngineAPI

/// A region of a PDF page rendered to a PNG image (8-bit grey).
public struct PDFImage: Sendable, Equatable {
    public var page: Int
    /// Pixels.
    public var width: Int
    public var height: Int
    public var png: [UInt8]
}

/// A region of a page, in points from the page's top left.
public struct PDFRegion: Sendable, Equatable {
    public var page: Int
    public var x0, y0, x1, y1: Double

    public init(page: Int, x0: Double, y0: Double, x1: Double, y1: Double) {
        self.page = page
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }
}

extension PDFEngine {
    /// The largest side of a rendered image, in pixels (`DC_PDF_MAX_RENDER_SIDE`).
    public static let maxRenderSide = Int(DC_PDF_MAX_RENDER_SIDE)

    /// Renders regions of pages (only each region is rasterised) at `dpi`, one image per region
    /// in order, nil for a region that could not be rendered (outside its page, too large, over
    /// the engine's time limit). Call only on bytes `read` accepted.
    public static func render(_ bytes: [UInt8], regions: [PDFRegion], dpi: Double) throws(PDFEngineError) -> [PDFImage?] {
        let engine = try PDFEngineLibrary.shared.get()
        let cRegions = regions.map {
            dc_pdf_region(page: Int32(clamping: $0.page), x0: Float($0.x0), y0: Float($0.y0), x1: Float($0.x1), y1: Float($0.y1))
        }
        let result = bytes.withUnsafeBufferPointer { buffer in
            cRegions.withUnsafeBufferPointer { engine.render(buffer.baseAddress, buffer.count, $0.baseAddress, Int32(clamping: $0.count), dpi) }
        }
        guard let result else { throw .internal }
        defer { engine.imagesFree(result) }
        let r = result.pointee
        switch r.status {
        case Int32(DC_PDF_OK): break
        case Int32(DC_PDF_ENCRYPTED): throw .encrypted
        case Int32(DC_PDF_CORRUPT): throw .corrupt
        default: throw .internal
        }
        return (0..<Int(r.count)).map { i -> PDFImage? in
            let image = r.images[i]
            guard image.length > 0, let png = image.png else { return nil }
            return PDFImage(
                page: Int(image.page), width: Int(image.width), height: Int(image.height),
                png: Array(UnsafeBufferPointer(start: png, count: image.length)))
        }
    }
}
