import XMLSupport

/// Finds the element that holds a page's own content: a known CMS content container, else the
/// element whose paragraphs carry the most text (text density), else the body.
enum MainContent {
    /// Class names and ids of content containers in the CMSs Chinese government portals use
    /// (TRS WCM, Hanweb/大汉 ucap, 政府网站集约化平台 templates, Word-exported pages).
    static let containerNames: Set<String> = [
        "trs_editor", "trs_ueditor", "trs_word", "custom_unionstyle", "zoom", "fontzoom", "ucapcontent", "article-content",
        "article_content", "articlecontent", "art_content", "artcontent", "article-body", "articlebody", "content_text",
        "contenttext", "content-text", "pages_content", "pages-content", "xxgk_content", "xxgkcontent", "zwnr", "zw",
        "zwgk_content", "con_text", "contxt", "info_content", "infocontent", "news_content", "newscontent", "text_content",
        "textcontent", "j-fontcontent", "detail-content", "detail_content", "detailcontent", "main-text", "maintext",
        "wzcon", "bt_content", "zhengwen", "arc_content", "content-detail", "post-content", "entry-content", "xl_content",
        "xlcontent", "view_content", "wordsection1", "section1", "ucap-content", "zoomcon", "article-con", "content-con",
        "detail-con", "wz_content", "wzy_content", "nr_content", "news-content", "news_text", "newstext", "text-content",
        "artibody", "main-content", "mainbody-content", "gov-content", "xxgk-con", "zwgk-content",
    ]

    static let boilerplateTags: Set<String> = ["header", "nav", "footer", "aside"]

    struct Choice {
        var element: XMLElement
        /// True when found by its container name (or an `<article>`/`<main>`), false by density.
        var known: Bool
    }

    static func find(in body: XMLElement) -> Choice {
        var candidates: [(path: [Int], element: XMLElement, score: Int)] = []
        var classifier = NameClassifier()
        collect(body, path: [], into: &candidates, classifier: &classifier)
        if let best = candidates.max(by: { $0.score < $1.score }), best.score >= 60 {
            // The innermost container that still holds nearly all of the best one's text.
            var chosen = best
            for c in candidates where c.path.count > chosen.path.count && c.path.starts(with: chosen.path) && c.score * 10 >= best.score * 9 {
                chosen = c
            }
            return Choice(element: chosen.element, known: true)
        }
        var density = Density()
        _ = density.score(body, path: [])
        if let path = density.bestPath, density.bestScore >= 60, let element = element(at: path, in: body) {
            return Choice(element: element, known: false)
        }
        return Choice(element: body, known: false)
    }

    static func collect(
        _ e: XMLElement, path: [Int], into out: inout [(path: [Int], element: XMLElement, score: Int)], classifier: inout NameClassifier
    ) {
        for (i, child) in e.children.enumerated() {
            guard case .element(let c) = child, !boilerplateTags.contains(c.name) else { continue }
            let isKnown = c.name == "article" || c.name == "main" || c.attribute("role") == "main" || classifier.kinds(c).container
            if isKnown { out.append((path + [i], c, HTMLText.textLength(c, skipLinks: true))) }
            guard case .element = c.children.first(where: { if case .element = $0 { return true } else { return false } }) else { continue }
            collect(c, path: path + [i], into: &out, classifier: &classifier)
        }
    }

    static func element(at path: [Int], in root: XMLElement) -> XMLElement? {
        var e = root
        for i in path {
            guard i < e.children.count, case .element(let c) = e.children[i] else { return nil }
            e = c
        }
        return e
    }

    /// Readability-style density: each element scores the text its own paragraphs and text
    /// carry, plus half of what its children's own paragraphs carry.
    struct Density {
        static let paragraphish: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "li", "pre", "blockquote", "font", "span", "strong", "b"]
        var bestPath: [Int]?
        var bestScore = 0

        /// Returns the element's own (direct) score.
        mutating func score(_ e: XMLElement, path: [Int]) -> Int {
            var direct = 0
            var childDirect = 0
            for (i, child) in e.children.enumerated() {
                switch child {
                case .text(let t):
                    direct += t.utf8.count > 3 ? t.utf8.count : 0
                case .element(let c):
                    if c.name == "a" || MainContent.boilerplateTags.contains(c.name) { continue }
                    if Self.paragraphish.contains(c.name) {
                        direct += HTMLText.textLength(c, skipLinks: true)
                    } else {
                        childDirect += score(c, path: path + [i])
                    }
                }
            }
            let total = direct + childDirect / 2
            if total > bestScore, e.name != "body", e.name != "html", e.name != "#document" {
                bestScore = total
                bestPath = path
            }
            return direct
        }
    }
}
