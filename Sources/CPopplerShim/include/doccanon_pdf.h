// doccanon's PDF engine: poppler's core behind a small C API of plain C types. The engine is a
// shared library (libDoccanonPDF, built from Sources/CPopplerShim) that PDFSupport loads with
// dlopen on the first PDF, so that no other run loads poppler or libstdc++. Swift sees only
// this header (through module CPDFEngineAPI): each function has a type `name_t`, and PDFSupport
// looks the function up by its name (dlsym) as a pointer of type `name_fn`. A new function is
// declared the same way (`name_t`, `name_fn`, `DC_PDF_EXPORT name_t name;`) and gets one
// lookup in PDFSupport's PDFEngineLibrary.
//
// One call reads a whole document in one pass per page: words with their boxes (poppler's
// TextOutputDev) and, from the same interpretation of the content stream, the page's
// straight strokes and thin filled rectangles (table rules). Coordinates are PDF points
// from the page's top left.
#ifndef DOCCANON_PDF_H
#define DOCCANON_PDF_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    DC_PDF_OK = 0,
    DC_PDF_CORRUPT = 1,      // not parseable, or truncated beyond repair
    DC_PDF_ENCRYPTED = 2,    // a user password is needed
    DC_PDF_TOO_MANY_PAGES = 3,
    DC_PDF_STREAM_TOO_LARGE = 4,
    DC_PDF_TOO_DEEP = 5,     // form XObjects nested past the limit (or a cycle)
    DC_PDF_INTERNAL = 6      // out of memory, or an exception inside poppler
};

enum { DC_PDF_WORD_BOLD = 1, DC_PDF_WORD_ITALIC = 2, DC_PDF_WORD_SPACE_AFTER = 4 };

typedef struct {
    int32_t page;            // 1-based
    int32_t rotation;        // poppler's word rotation, 0 for horizontal text
    float x0, y0, x1, y1;    // box
    float baseline;
    float fontSize;
    uint32_t flags;          // DC_PDF_WORD_*
    int32_t charStart;       // into codepoints / charX0 / charX1
    int32_t charCount;
} dc_pdf_word;

typedef struct {
    int32_t page;
    float x0, y0, x1, y1;    // a horizontal or vertical rule as a thin box
} dc_pdf_rule;

typedef struct {
    float width, height;     // crop box, points
} dc_pdf_page;

typedef struct {
    int32_t status;          // DC_PDF_*
    int32_t pageCount;
    int32_t repaired;        // 1 when poppler had to reconstruct the cross-reference table
    int32_t wordCount, charCount, ruleCount;
    dc_pdf_page *pages;
    dc_pdf_word *words;      // per page in content order
    uint32_t *codepoints;
    float *charX0, *charX1;
    dc_pdf_rule *rules;
    // Information dictionary entries as UTF-8 (NULL when absent), in this order:
    // Title, Author, Subject, Creator, Producer, CreationDate, ModDate.
    char *info[7];
    int64_t streamBytes;     // inflated content-stream bytes read
} dc_pdf_result;

typedef struct {
    int32_t maxPages;
    int64_t maxStreamBytes;
    int32_t maxFormDepth;
} dc_pdf_limits;

// Reads `bytes` (not retained). Never returns NULL except when out of memory; the result
// must be released with dc_pdf_free. Thread-safe for distinct calls.
typedef dc_pdf_result *dc_pdf_read_t(const uint8_t *bytes, size_t length, dc_pdf_limits limits);
typedef void dc_pdf_free_t(dc_pdf_result *result);

// Regions of pages rendered to PNG (the review site's crops): 8-bit grey, at `dpi` (18 to
// 600), each region in points from its page's top left (clipped to the page; one side at most
// DC_PDF_MAX_RENDER_SIDE pixels), the call cut off after 5 seconds (a region not rendered by
// then has no image). Call only on bytes
// dc_pdf_read has accepted under the caller's limits (it also sets poppler up). One image per
// region, in order; a region that could not be rendered has length 0. Release with
// dc_pdf_images_free.
enum { DC_PDF_MAX_RENDER_SIDE = 4000 };

typedef struct {
    int32_t page;            // 1-based
    float x0, y0, x1, y1;
} dc_pdf_region;

typedef struct {
    int32_t page;
    int32_t width, height;   // pixels
    uint8_t *png;
    size_t length;
} dc_pdf_image;

typedef struct {
    int32_t status;          // DC_PDF_*
    int32_t count;
    dc_pdf_image *images;
} dc_pdf_images;

typedef dc_pdf_images *dc_pdf_render_t(const uint8_t *bytes, size_t length, const dc_pdf_region *regions, int32_t count, double dpi);
typedef void dc_pdf_images_free_t(dc_pdf_images *images);

// What PDFSupport casts each looked-up symbol to.
typedef dc_pdf_read_t *dc_pdf_read_fn;
typedef dc_pdf_free_t *dc_pdf_free_fn;
typedef dc_pdf_render_t *dc_pdf_render_fn;
typedef dc_pdf_images_free_t *dc_pdf_images_free_fn;

// The library's definitions, declared by their types (hidden from Swift, which must not link
// them: it calls them through the pointers PDFSupport looks up).
#ifndef __swift__
#define DC_PDF_EXPORT __attribute__((visibility("default")))
DC_PDF_EXPORT dc_pdf_read_t dc_pdf_read;
DC_PDF_EXPORT dc_pdf_free_t dc_pdf_free;
DC_PDF_EXPORT dc_pdf_render_t dc_pdf_render;
DC_PDF_EXPORT dc_pdf_images_free_t dc_pdf_images_free;
#endif

#ifdef __cplusplus
}
#endif
#endif
