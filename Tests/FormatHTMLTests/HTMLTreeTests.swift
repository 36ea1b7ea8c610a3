import Testing
import XMLSupport

/// The flat tree `HTMLReader` builds: names as ids, subtrees as ranges, texts in order.
@Suite struct HTMLTreeTests {
    static let page = Array("""
        <html><head><title>报告</title><script>x()</script></head><body>
        <div class="zw" id="c"><p>第一段<a href="#">链接</a>尾</p><custom-tag>自定义</custom-tag>
        <table><tr><td colspan="2">表头</td></tr></table></div></body></html>
        """.utf8)

    static func parse() throws -> HTMLTree {
        try HTMLReader.parse(page, options: HTMLReader.Options(keptAttributes: ["class", "colspan"], droppedElements: ["script"]))
    }

    static func first(_ name: HTMLName, in tree: HTMLTree) -> Int? {
        tree.nodes.indices.first { tree.name($0) == name }
    }

    @Test func namesAreIdsAndUnknownNamesAreKept() throws {
        let tree = try Self.parse()
        #expect(tree.name(HTMLTree.root) == .document)
        #expect(Self.first(.script, in: tree) == nil)  // dropped with its content
        let custom = try #require(tree.nodes.indices.first { tree.name($0).id >= Int32(HTMLName.known.count) })
        #expect(tree.nameString(tree.name(custom)) == "custom-tag")
        #expect(tree.textContent(custom) == "自定义")
    }

    @Test func attributesAreFilteredAndLookedUpByName() throws {
        let tree = try Self.parse()
        let div = try #require(Self.first(.div, in: tree))
        #expect(tree.attribute(div, .class) == "zw")
        #expect(tree.attribute(div, .id) == nil)  // not kept
        let td = try #require(Self.first(.td, in: tree))
        #expect(tree.attribute(td, .colspan) == "2")
    }

    @Test func subtreesAreRangesInDocumentOrder() throws {
        let tree = try Self.parse()
        let div = try #require(Self.first(.div, in: tree))
        let p = try #require(Self.first(.p, in: tree))
        #expect(p > div && p < tree.end(div))
        #expect(tree.contains(div, .table))
        #expect(!tree.contains(p, .table))
        #expect(tree.children(p).map { tree.isText($0) ? tree.text($0) : tree.nameString(tree.name($0)) } == ["第一段", "a", "尾"])
        #expect(tree.textContent(p) == "第一段链接尾")
        #expect(tree.textLength(p) == "第一段链接尾".utf8.count)
        #expect(tree.textLength(p, skipLinks: true) == "第一段尾".utf8.count)
        #expect(tree.textLength(p, limit: 1) == "第一段".utf8.count)  // the text that reaches the limit counts
    }
}
