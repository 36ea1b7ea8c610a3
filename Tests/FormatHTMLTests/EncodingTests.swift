import DocModel
import DoccanonKit
import FormatHTML
import Testing
import XMLSupport

/// Encodings: BOM, <meta charset>, http-equiv, undeclared, GBK as GB18030, Big5, a wrong
/// declaration, and bytes that are no text at all.
@Suite struct EncodingTests {
    static let body = "<p>一、总体情况</p><p>本年度主动公开政府信息1234条。</p>"

    @Test func metaCharsetGB2312ReadsGBKBytes() throws {
        // 镕 and 堃 are GBK but not GB2312: a GB2312 declaration is read as its superset.
        let html = "<html><head><meta charset=\"gb2312\"></head><body>\(Self.body)<p>朱镕基 王堃</p></body></html>"
        let d = try Page.document(bytes: try Page.gbk(html))
        #expect(Page.texts(d) == ["一、总体情况", "本年度主动公开政府信息1234条。", "朱镕基王堃"])
        #expect(d.findings.isEmpty)
    }

    @Test func httpEquivDeclaration() throws {
        let html = "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\"></head><body>\(Self.body)</body></html>"
        #expect(Page.texts(try Page.document(bytes: try Page.gbk(html))) == ["一、总体情况", "本年度主动公开政府信息1234条。"])
    }

    @Test func undeclaredGBKIsDetected() throws {
        let d = try Page.document(bytes: try Page.fixture("005-undeclared-gbk.html"))
        #expect(Page.texts(d).first == "2021年政府信息公开工作年度报告")
        #expect(d.findings.isEmpty)
    }

    @Test func utf8DeclaredButGBKBytesIsRepairedWithAFinding() throws {
        let d = try Page.document(bytes: try Page.fixture("004-mislabeled-gbk.html"))
        #expect(Page.texts(d).first == "富阳区上官乡2021年政府信息公开工作年度报告")
        #expect(d.findings.contains { $0.rule == .sourceEncoding && $0.detail == .change(from: "utf-8", to: "GB18030") })
    }

    @Test func gbkDeclaredButUTF8BytesIsReadAsUTF8() throws {
        let html = "<html><head><meta charset=\"gbk\"></head><body>\(Self.body)</body></html>"
        let d = try Page.document(html)
        #expect(Page.texts(d) == ["一、总体情况", "本年度主动公开政府信息1234条。"])
        #expect(d.findings.contains { $0.rule == .sourceEncoding && $0.detail == .change(from: "gbk", to: "UTF-8") })
    }

    @Test func latin1DeclaredGBKBytesAreNotMojibake() throws {
        let html = "<html><head><meta charset=\"iso-8859-1\"></head><body>\(Self.body)</body></html>"
        #expect(Page.texts(try Page.document(bytes: try Page.gbk(html))) == ["一、总体情况", "本年度主动公开政府信息1234条。"])
    }

    @Test func big5() throws {
        let d = try Page.document(bytes: try Page.fixture("006-big5.html"))
        #expect(Page.texts(d) == ["一、總體情況", "本年度主動公開政府資訊1234條，受理申請5件。"])
    }

    @Test func utf8ByteOrderMark() throws {
        let d = try Page.document(bytes: try Page.fixture("007-bom-utf8.html"))
        #expect(Page.texts(d) == ["一、总体情况", "本机关主动公开政府信息86条，全部通过门户网站发布。"])
    }

    @Test func utf16ByteOrderMark() throws {
        let html = "<html><body>\(Self.body)</body></html>"
        let bytes: [UInt8] = [0xFF, 0xFE] + html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Page.texts(try Page.document(bytes: bytes)) == ["一、总体情况", "本年度主动公开政府信息1234条。"])
    }

    @Test func aFewBadBytesInADeclaredGBKPageAreReplacedAndReported() throws {
        var bytes = try Page.gbk("<html><head><meta charset=gbk></head><body>\(Self.body)\(String(repeating: "<p>政务公开</p>", count: 200))</body></html>")
        bytes.insert(0xFF, at: bytes.count - 30)
        let d = try Page.document(bytes: bytes)
        #expect(d.findings.contains { $0.rule == .sourceEncoding && $0.detail == .quantity(1, of: "GB18030") })
        #expect(Page.texts(d).prefix(2) == ["一、总体情况", "本年度主动公开政府信息1234条。"])
    }

    @Test func binaryGarbageIsRefusedWithOneError() throws {
        var state: UInt64 = 0x9E3779B97F4A7C15
        var bytes = Array("<html><body>".utf8)
        for _ in 0..<100_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            bytes.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        do throws(ConversionError) {
            _ = try Page.document(bytes: bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unreadable)
            #expect(error.message.hasPrefix("page.html: binary data"))
        }
    }

    @Test func bytesValidInNoEncodingAreRefusedNotGuessed() throws {
        // High bytes that are neither UTF-8 nor GB18030 (0x80 and 0xFF are never lead bytes).
        let bytes = Array("<html><body><p>".utf8) + [UInt8](repeating: 0x80, count: 50) + [0xFF, 0xFF] + Array("</p></body></html>".utf8)
        do throws(ConversionError) {
            _ = try Page.document(bytes: bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unreadable)
            #expect(error.message.contains("refusing to guess"))
        }
    }
}

@Suite struct TranscoderTests {
    @Test func gb18030ToUTF8() {
        // 政务 in GBK: D5FE CEF1.
        #expect(Transcoder.toUTF8([0xD5, 0xFE, 0xCE, 0xF1, 0x31], from: "GB18030") == .decoded(utf8: Array("政务1".utf8), invalidSequences: 0))
    }

    @Test func invalidSequencesAreCountedAndReplacedUpToTheLimit() {
        let bytes: [UInt8] = [0xD5, 0xFE, 0xFF, 0xCE, 0xF1]
        #expect(Transcoder.toUTF8(bytes, from: "GB18030", maxInvalid: 0) == .notThisEncoding)
        #expect(Transcoder.toUTF8(bytes, from: "GB18030", maxInvalid: 1) == .decoded(utf8: Array("政\u{FFFD}务".utf8), invalidSequences: 1))
        // A truncated two-byte character at the end.
        #expect(Transcoder.toUTF8([0x31, 0xD5], from: "GB18030", maxInvalid: 1) == .decoded(utf8: Array("1\u{FFFD}".utf8), invalidSequences: 1))
    }

    @Test func unknownEncoding() {
        #expect(Transcoder.toUTF8([0x41], from: "X-NO-SUCH-CHARSET") == .unknownEncoding)
        #expect(Transcoder.toUTF8([], from: "GB18030") == .decoded(utf8: [], invalidSequences: 0))
    }
}

@Suite struct DeclarationTests {
    @Test func xhtmlXMLDeclaration() throws {
        let html = "<?xml version=\"1.0\" encoding=\"gb2312\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>一、总体情况</p><p>本年度公开信息86条。</p></body></html>"
        #expect(Page.texts(try Page.document(bytes: try Page.gbk(html))) == ["一、总体情况", "本年度公开信息86条。"])
    }

    @Test func preformattedLinesStayLines() throws {
        let html = "<div id=zoom><pre>一、总体情况\n本年度公开信息86条。\n\n二、主动公开政府信息情况</pre></div>"
        #expect(Page.texts(try Page.document(html)) == ["一、总体情况", "本年度公开信息86条。", "二、主动公开政府信息情况"])
    }
}

@Suite struct SnifferTests {
    @Test func pagesAreToldFromText() {
        #expect(HTMLSniffer.looksLikeHTML(Array("\u{FEFF}  <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">".utf8)))
        #expect(HTMLSniffer.looksLikeHTML(Array("<script>var a=1;</script><div>正文</div>".utf8)))
        #expect(HTMLSniffer.looksLikeHTML(Array("<o:p></o:p>\n<p class=MsoNormal>正文</p>".utf8)))
        #expect(!HTMLSniffer.looksLikeHTML(Array("一、总体情况\n<p>".utf8)))
        #expect(!HTMLSniffer.looksLikeHTML(Array("<本机关> 主动公开政府信息".utf8)))
        #expect(!HTMLSniffer.looksLikeHTML(Array("| 规章 | 0 |".utf8)))
    }
}
