import DocModel
import DoccanonKit
import Testing
import TestSupport

/// Well-formed nonsense: element names swapped throughout a real fixture and attribute values
/// replaced by hostile ones. Every variant is read or refused with an error; none crashes.
@Suite struct RobustnessTests {
    static let names = [
        "w:p", "w:r", "w:t", "w:tbl", "w:tr", "w:tc", "w:tcPr", "w:trPr", "w:gridSpan", "w:vMerge", "w:gridBefore", "w:sdt",
        "w:sdtContent", "w:pPr", "w:numPr", "w:pStyle", "w:ins", "w:del", "w:tblGrid", "w:gridCol", "w:body", "w:br", "w:tab",
    ]
    static let values = ["-1", "0", "99999999999999999999", "restart", "continue", "", "%9%9%9", "abc", "2147483648", "1000"]

    /// A deterministic generator (no randomness between runs).
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func swappedElementsAndHostileValues() throws {
        let source = String(decoding: try TestPaths.read("Tests/Fixtures/docx/seed001_numbered.xml"), as: UTF8.self)
        var rng = LCG(state: 20_261_129)
        var read = 0, refused = 0
        for _ in 0..<60 {
            var text = source
            for _ in 0..<2 {
                let a = Self.names[rng.next(Self.names.count)], b = Self.names[rng.next(Self.names.count)]
                // Rename every open, close and empty tag of `a` (well-formedness is kept).
                text = text.replacingAll("<\(a)>", with: "<\(b)>").replacingAll("<\(a) ", with: "<\(b) ")
                    .replacingAll("<\(a)/>", with: "<\(b)/>").replacingAll("</\(a)>", with: "</\(b)>")
            }
            let value = Self.values[rng.next(Self.values.count)]
            let attribute = ["w:val=\"2\"", "w:val=\"restart\"", "w:val=\"1\"", "w:val=\"0\""][rng.next(4)]
            text = text.replacingAll(attribute, with: "w:val=\"\(value)\"")
            guard let bytes = try? Fixture.docx(text) else { continue }
            do {
                _ = try Pipeline.document(bytes: bytes, name: "odd.docx")
                read += 1
            } catch {
                #expect(!error.message.contains("\n"))
                refused += 1
            }
        }
        #expect(read + refused > 50)
        #expect(read > 40)  // renaming keeps the XML well-formed: most variants are read
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
