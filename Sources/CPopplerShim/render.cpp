// Page regions rendered to PNG (the review site's crops around a cell): poppler's Splash
// rasteriser, 8-bit grey, each region a slice of its page (only that slice is rasterised),
// written by poppler's PNG writer into memory.
#include "doccanon_pdf.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <vector>

#include <GlobalParams.h>
#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <goo/PNGWriter.h>
#include <splash/SplashBitmap.h>
#include <splash/SplashErrorCodes.h>

namespace {

struct RenderHolder {
    dc_pdf_images result;  // first member: the C view handed out
    std::vector<dc_pdf_image> images;
    std::vector<std::vector<uint8_t>> png;
};

struct Deadline {
    std::chrono::steady_clock::time_point end;
};

bool pastDeadline(void *data)
{
    return std::chrono::steady_clock::now() > static_cast<Deadline *>(data)->end;
}

// The slice's PNG, or empty when it could not be made.
std::vector<uint8_t> encode(SplashBitmap *bitmap, double dpi)
{
    std::vector<uint8_t> out;
    char *buffer = nullptr;
    size_t size = 0;
    FILE *file = open_memstream(&buffer, &size);
    if (!file) return out;
    PNGWriter writer(PNGWriter::GRAY);
    SplashError error = bitmap->writeImgFile(&writer, file, dpi, dpi, splashModeMono8);
    std::fclose(file);
    if (error == splashOk && buffer) out.assign(buffer, buffer + size);
    std::free(buffer);
    return out;
}

void renderRegion(PDFDoc &doc, SplashOutputDev &dev, const dc_pdf_region &region, double dpi, Deadline &deadline, RenderHolder &holder)
{
    dc_pdf_image image {};
    std::vector<uint8_t> png;
    int p = region.page;
    if (p >= 1 && p <= doc.getNumPages()) {
        bool turned = doc.getPageRotate(p) % 180 != 0;
        double w = turned ? doc.getPageCropHeight(p) : doc.getPageCropWidth(p);
        double h = turned ? doc.getPageCropWidth(p) : doc.getPageCropHeight(p);
        double scale = dpi / 72;
        int x0 = int(std::floor(std::fmax(0, region.x0) * scale)), y0 = int(std::floor(std::fmax(0, region.y0) * scale));
        int x1 = int(std::ceil(std::fmin(w, region.x1) * scale)), y1 = int(std::ceil(std::fmin(h, region.y1) * scale));
        if (x1 > x0 && y1 > y0 && x1 - x0 <= DC_PDF_MAX_RENDER_SIDE && y1 - y0 <= DC_PDF_MAX_RENDER_SIDE && !pastDeadline(&deadline)) {
            doc.displayPageSlice(&dev, p, dpi, dpi, 0, false, true, false, x0, y0, x1 - x0, y1 - y0, pastDeadline, &deadline);
            SplashBitmap *bitmap = dev.getBitmap();
            if (bitmap && !pastDeadline(&deadline)) {
                png = encode(bitmap, dpi);
                image.width = bitmap->getWidth();
                image.height = bitmap->getHeight();
            }
        }
    }
    image.page = p;
    holder.png.push_back(std::move(png));
    holder.images.push_back(image);
}

} // namespace

extern "C" dc_pdf_images *dc_pdf_render(const uint8_t *bytes, size_t length, const dc_pdf_region *regions, int32_t count, double dpi)
{
    RenderHolder *holder = new (std::nothrow) RenderHolder();
    if (!holder) return nullptr;
    std::memset(&holder->result, 0, sizeof holder->result);
    try {
        if (!globalParams || dpi < 18 || dpi > 600 || count < 0) {
            holder->result.status = DC_PDF_INTERNAL;
        } else {
            auto *stream = new MemStream(reinterpret_cast<const char *>(bytes), 0, Goffset(length), Object(objNull));
            PDFDoc doc(stream);
            if (!doc.isOk()) {
                holder->result.status = doc.getErrorCode() == errEncrypted ? DC_PDF_ENCRYPTED : DC_PDF_CORRUPT;
            } else {
                SplashColor paper;
                paper[0] = 255;
                SplashOutputDev dev(splashModeMono8, 4, false, paper);
                dev.startDoc(&doc);
                // One time limit for the whole call: a region past it is not rendered.
                Deadline deadline { std::chrono::steady_clock::now() + std::chrono::seconds(5) };
                for (int32_t i = 0; i < count; ++i) renderRegion(doc, dev, regions[i], dpi, deadline, *holder);
            }
        }
    } catch (...) {
        holder->result.status = DC_PDF_INTERNAL;
        holder->images.clear();
        holder->png.clear();
    }
    for (size_t i = 0; i < holder->images.size(); ++i) {
        holder->images[i].png = holder->png[i].data();
        holder->images[i].length = holder->png[i].size();
    }
    holder->result.images = holder->images.data();
    holder->result.count = int32_t(holder->images.size());
    return &holder->result;
}

extern "C" void dc_pdf_images_free(dc_pdf_images *images)
{
    delete reinterpret_cast<RenderHolder *>(images);
}
