// doccanon's PDF engine on poppler's core: words with boxes and table rules in one pass.
//
// A TextOutputDev subclass collects the words (content order: the Swift side rebuilds lines
// itself, so poppler's reading-order analysis is skipped) and, from the same interpretation of
// each page, the straight strokes and thin filled rectangles that draw table rules.
#include "doccanon_pdf.h"

#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <set>
#include <string>
#include <vector>

#include <Error.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <Object.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>

namespace {

struct Holder {
    dc_pdf_result result;  // first member: the C view handed out
    std::vector<dc_pdf_page> pages;
    std::vector<dc_pdf_word> words;
    std::vector<uint32_t> codepoints;
    std::vector<float> charX0, charX1;
    std::vector<dc_pdf_rule> rules;
    std::string info[7];
    bool hasInfo[7] = {};
};

void quietErrors(ErrorCategory, Goffset, const char *) { }

void initialisePoppler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        setErrorCallback(quietErrors);
        globalParams = std::make_unique<GlobalParams>();
        globalParams->setErrQuiet(true);
    });
}

bool isNearWhite(const GfxRGB &rgb)
{
    return colToDbl(rgb.r) > 0.9 && colToDbl(rgb.g) > 0.9 && colToDbl(rgb.b) > 0.9;
}

// Words and rules of one page at a time.
class CollectingDev : public TextOutputDev {
public:
    CollectingDev(Holder &holder) : TextOutputDev(nullptr, nullptr, false, 0, true), holder(holder) { }

    int page = 0;

    void stroke(GfxState *state) override
    {
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        if (isNearWhite(rgb)) return;
        double half = std::max(state->getTransformedLineWidth(), 0.1) / 2;
        const GfxPath *path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            for (int i = 1; i < sub->getNumPoints(); ++i) {
                if (sub->getCurve(i)) continue;
                double x0, y0, x1, y1;
                state->transform(sub->getX(i - 1), sub->getY(i - 1), &x0, &y0);
                state->transform(sub->getX(i), sub->getY(i), &x1, &y1);
                addSegment(x0, y0, x1, y1, half);
            }
        }
    }

    void fill(GfxState *state) override { fillRules(state); }
    void eoFill(GfxState *state) override { fillRules(state); }

private:
    Holder &holder;

    void addSegment(double x0, double y0, double x1, double y1, double half)
    {
        if (half > 2) return;  // a thick stroke is drawing, not a rule
        if (std::fabs(y0 - y1) < 0.5 && std::fabs(x1 - x0) > 1) {
            double y = (y0 + y1) / 2;
            push(std::min(x0, x1), y - half, std::max(x0, x1), y + half);
        } else if (std::fabs(x0 - x1) < 0.5 && std::fabs(y1 - y0) > 1) {
            double x = (x0 + x1) / 2;
            push(x - half, std::min(y0, y1), x + half, std::max(y0, y1));
        }
    }

    // A filled axis-aligned rectangle at most 2.5 pt thin is a rule (many exporters draw
    // borders this way); wider fills are backgrounds.
    void fillRules(GfxState *state)
    {
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        if (isNearWhite(rgb)) return;
        const GfxPath *path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            int n = sub->getNumPoints();
            if (n < 4 || n > 5) continue;
            double minX = 1e30, minY = 1e30, maxX = -1e30, maxY = -1e30;
            bool straight = true;
            double px = 0, py = 0;
            for (int i = 0; i < n; ++i) {
                if (sub->getCurve(i)) straight = false;
                double x, y;
                state->transform(sub->getX(i), sub->getY(i), &x, &y);
                if (i > 0 && std::fabs(x - px) > 0.01 && std::fabs(y - py) > 0.01) straight = false;
                px = x;
                py = y;
                minX = std::min(minX, x);
                maxX = std::max(maxX, x);
                minY = std::min(minY, y);
                maxY = std::max(maxY, y);
            }
            if (!straight) continue;
            double w = maxX - minX, h = maxY - minY;
            if (std::min(w, h) <= 2.5 && std::max(w, h) > 1) push(minX, minY, maxX, maxY);
        }
    }

    void push(double x0, double y0, double x1, double y1)
    {
        holder.rules.push_back(dc_pdf_rule { page, float(x0), float(y0), float(x1), float(y1) });
    }
};

// Inflated bytes of a content stream (or array of them), counted against the limit.
bool countStream(const Object &obj, int64_t &total, int64_t limit)
{
    if (obj.isArray()) {
        for (int i = 0; i < obj.arrayGetLength(); ++i) {
            Object item = obj.arrayGet(i);
            if (!countStream(item, total, limit)) return false;
        }
        return true;
    }
    if (!obj.isStream()) return true;
    Stream *stream = obj.getStream();
    stream->reset();
    unsigned char buffer[16384];
    int n;
    while ((n = stream->doGetChars(sizeof buffer, buffer)) > 0) {
        total += n;
        if (total > limit) break;
    }
    stream->close();
    return total <= limit;
}

// Form XObjects reachable from a resource dictionary: their bytes counted, their nesting bounded.
int scanResources(Dict *resources, int depth, const dc_pdf_limits &limits, int64_t &total, std::set<int> &open)
{
    if (!resources) return DC_PDF_OK;
    Object xobjects = resources->lookup("XObject");
    if (!xobjects.isDict()) return DC_PDF_OK;
    for (int i = 0; i < xobjects.dictGetLength(); ++i) {
        const Object &ref = xobjects.dictGetValNF(i);
        if (ref.isRef() && open.count(ref.getRefNum())) return DC_PDF_TOO_DEEP;
        Object form = xobjects.dictGetVal(i);
        if (!form.isStream()) continue;
        Object subtype = form.streamGetDict()->lookup("Subtype");
        if (!subtype.isName("Form")) continue;
        if (depth + 1 > limits.maxFormDepth) return DC_PDF_TOO_DEEP;
        if (!countStream(form, total, limits.maxStreamBytes)) return DC_PDF_STREAM_TOO_LARGE;
        if (ref.isRef()) open.insert(ref.getRefNum());
        Object inner = form.streamGetDict()->lookup("Resources");
        int status = scanResources(inner.isDict() ? inner.getDict() : nullptr, depth + 1, limits, total, open);
        if (ref.isRef()) open.erase(ref.getRefNum());
        if (status != DC_PDF_OK) return status;
    }
    return DC_PDF_OK;
}

void appendWords(Holder &holder, TextWordList &list, int page)
{
    for (int i = 0; i < list.getLength(); ++i) {
        TextWord *word = list.get(i);
        dc_pdf_word out {};
        out.page = page;
        out.rotation = word->getRotation();
        double x0, y0, x1, y1;
        word->getBBox(&x0, &y0, &x1, &y1);
        out.x0 = float(x0), out.y0 = float(y0), out.x1 = float(x1), out.y1 = float(y1);
        out.baseline = float(word->getBaseline());
        out.fontSize = float(word->getFontSize());
        const TextFontInfo *font = word->getFontInfo(0);
        const GooString *name = font ? font->getFontName() : nullptr;
        bool bold = font && font->isBold();
        if (name && (strstr(name->c_str(), "Bold") || strstr(name->c_str(), "Heavy") || strstr(name->c_str(), "Black"))) bold = true;
        out.flags = (bold ? DC_PDF_WORD_BOLD : 0) | (font && font->isItalic() ? DC_PDF_WORD_ITALIC : 0) | (word->getSpaceAfter() ? DC_PDF_WORD_SPACE_AFTER : 0);
        out.charStart = int32_t(holder.codepoints.size());
        out.charCount = word->getLength();
        for (int c = 0; c < word->getLength(); ++c) {
            holder.codepoints.push_back(*word->getChar(c));
            double cx0, cy0, cx1, cy1;
            word->getCharBBox(c, &cx0, &cy0, &cx1, &cy1);
            holder.charX0.push_back(float(std::min(cx0, cx1)));
            holder.charX1.push_back(float(std::max(cx0, cx1)));
        }
        holder.words.push_back(out);
    }
}

void appendUTF8(std::string &out, uint32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x110000) {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

void readInfo(Holder &holder, PDFDoc &doc)
{
    static const char *keys[7] = { "Title", "Author", "Subject", "Creator", "Producer", "CreationDate", "ModDate" };
    for (int k = 0; k < 7; ++k) {
        std::unique_ptr<GooString> value = doc.getDocInfoStringEntry(keys[k]);
        if (!value) continue;
        Unicode *ucs4 = nullptr;
        int length = TextStringToUCS4(value->toStr(), &ucs4);
        for (int i = 0; i < length; ++i) {
            if (ucs4[i] != 0) appendUTF8(holder.info[k], ucs4[i]);
        }
        gfree(ucs4);
        holder.hasInfo[k] = true;
    }
}

int readDocument(Holder &holder, const uint8_t *bytes, size_t length, const dc_pdf_limits &limits)
{
    bool reconstructed = false;
    auto *stream = new MemStream(reinterpret_cast<const char *>(bytes), 0, Goffset(length), Object(objNull));
    PDFDoc doc(stream, std::optional<GooString>(), std::optional<GooString>(), nullptr, [&reconstructed] { reconstructed = true; });
    holder.result.repaired = reconstructed ? 1 : 0;
    if (!doc.isOk()) return doc.getErrorCode() == errEncrypted ? DC_PDF_ENCRYPTED : DC_PDF_CORRUPT;
    int pages = doc.getNumPages();
    holder.result.pageCount = pages;
    if (pages > limits.maxPages) return DC_PDF_TOO_MANY_PAGES;
    readInfo(holder, doc);
    int64_t total = 0;
    CollectingDev dev(holder);
    for (int p = 1; p <= pages; ++p) {
        Page *page = doc.getPage(p);
        if (!page) return DC_PDF_CORRUPT;
        if (!countStream(page->getContents(), total, limits.maxStreamBytes)) return DC_PDF_STREAM_TOO_LARGE;
        std::set<int> open;
        int status = scanResources(page->getResourceDict(), 0, limits, total, open);
        if (status != DC_PDF_OK) return status;
        bool turned = doc.getPageRotate(p) % 180 != 0;
        double w = doc.getPageCropWidth(p), h = doc.getPageCropHeight(p);
        holder.pages.push_back(dc_pdf_page { float(turned ? h : w), float(turned ? w : h) });
        dev.page = p;
        doc.displayPage(&dev, p, 72, 72, 0, false, true, false);
        std::unique_ptr<TextWordList> list = dev.makeWordList();
        if (list) appendWords(holder, *list, p);
    }
    holder.result.streamBytes = total;
    holder.result.repaired = reconstructed ? 1 : 0;
    return DC_PDF_OK;
}

void publish(Holder &holder)
{
    dc_pdf_result &r = holder.result;
    r.pages = holder.pages.data();
    r.words = holder.words.data();
    r.wordCount = int32_t(holder.words.size());
    r.codepoints = holder.codepoints.data();
    r.charX0 = holder.charX0.data();
    r.charX1 = holder.charX1.data();
    r.charCount = int32_t(holder.codepoints.size());
    r.rules = holder.rules.data();
    r.ruleCount = int32_t(holder.rules.size());
    for (int k = 0; k < 7; ++k) r.info[k] = holder.hasInfo[k] ? holder.info[k].data() : nullptr;
}

} // namespace

extern "C" dc_pdf_result *dc_pdf_read(const uint8_t *bytes, size_t length, dc_pdf_limits limits)
{
    Holder *holder = new (std::nothrow) Holder();
    if (!holder) return nullptr;
    std::memset(&holder->result, 0, sizeof holder->result);
    try {
        initialisePoppler();
        holder->result.status = readDocument(*holder, bytes, length, limits);
        if (holder->result.status != DC_PDF_OK) {
            holder->pages.clear();
            holder->words.clear();
            holder->rules.clear();
        }
    } catch (...) {
        holder->result.status = DC_PDF_INTERNAL;
    }
    publish(*holder);
    return &holder->result;
}

extern "C" void dc_pdf_free(dc_pdf_result *result)
{
    delete reinterpret_cast<Holder *>(result);
}
