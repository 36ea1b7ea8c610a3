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

    static let boilerplateTags = HTMLNameSet([.header, .nav, .footer, .aside])

    struct Choice {
        var element: Int
        /// True when found by its container name (or an `<article>`/`<main>`), false by density.
        var known: Bool
    }

    static func find(in body: Int, of tree: HTMLTree) -> Choice {
        var candidates: [(element: Int, score: Int)] = []
        var classifier = NameClassifier()
        collect(body, tree, into: &candidates, classifier: &classifier)
        if let best = candidates.max(by: { $0.score < $1.score }), best.score >= 60 {
            // The innermost container that still holds nearly all of the best one's text
            // (nodes are in document order: a descendant lies inside its ancestor's range).
            var chosen = best
            for c in candidates where c.element > chosen.element && c.element < tree.end(chosen.element) && c.score * 10 >= best.score * 9 {
                chosen = c
            }
            return Choice(element: chosen.element, known: true)
        }
        var density = Density(tree: tree)
        _ = density.score(body)
        if let element = density.best, density.bestScore >= 60 {
            return Choice(element: element, known: false)
        }
        return Choice(element: body, known: false)
    }

    static func collect(_ e: Int, _ tree: HTMLTree, into out: inout [(element: Int, score: Int)], classifier: inout NameClassifier) {
        for c in tree.children(e) {
            let name = tree.name(c)
            guard name != .text, !boilerplateTags.contains(name) else { continue }
            let isKnown = name == .article || name == .main || tree.attribute(c, .role) == "main" || classifier.kinds(tree.attributes(c)).container
            if isKnown { out.append((c, tree.textLength(c, skipLinks: true))) }
            guard tree.children(c).contains(where: { !tree.isText($0) }) else { continue }
            collect(c, tree, into: &out, classifier: &classifier)
        }
    }

    /// Readability-style density: each element scores the text its own paragraphs and text
    /// carry, plus half of what its children's own paragraphs carry.
    struct Density {
        static let paragraphish = HTMLNameSet([.p, .h1, .h2, .h3, .h4, .h5, .h6, .table, .li, .pre, .blockquote, .font, .span, .strong, .b])
        let tree: HTMLTree
        var best: Int?
        var bestScore = 0

        /// Returns the element's own (direct) score.
        mutating func score(_ e: Int) -> Int {
            var direct = 0
            var childDirect = 0
            for c in tree.children(e) {
                let name = tree.name(c)
                if name == .text {
                    let bytes = Int(tree.nodes[c].textBytes)
                    direct += bytes > 3 ? bytes : 0
                    continue
                }
                if name == .a || MainContent.boilerplateTags.contains(name) { continue }
                if Self.paragraphish.contains(name) {
                    direct += tree.textLength(c, skipLinks: true)
                } else {
                    childDirect += score(c)
                }
            }
            let total = direct + childDirect / 2
            if total > bestScore, tree.name(e) != .body, tree.name(e) != .html, tree.name(e) != .document {
                bestScore = total
                best = e
            }
            return direct
        }
    }
}
