internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses HTML with libxml2's recovering HTML parser, never touching the network.
///
/// The bytes must already be UTF-8 (see `Transcoder`): libxml2 is told to ignore the page's
/// own charset declaration. Elements nested deeper than `maxDepth` are not an error (real pages
/// are broken): their text is kept and their structure flattened into the element at the limit.
/// More than `maxNodes` elements, or more than that many start tags in the input, is `.tooLarge`,
/// which bounds the memory both trees take.
public enum HTMLReader {
    public struct Options: Sendable {
        public var maxDepth: Int
        public var maxNodes: Int
        /// Attribute values longer than this are cut (a data URI in `src` is not content).
        public var maxAttributeBytes: Int
        /// Attributes in one tag (counted as "=" signs between "<" and ">").
        public var maxAttributes: Int
        /// Only these attributes are kept (nil: all).
        public var keptAttributes: Set<String>?
        /// Elements left out with everything inside them (comments always are).
        public var droppedElements: Set<String>
        /// Further elements to leave out, judged by name and (kept) attributes, e.g. hidden ones.
        public var dropWhen: (@Sendable (_ name: HTMLName, _ attributes: ArraySlice<HTMLTree.Attribute>) -> Bool)?

        public init(
            maxDepth: Int = 512, maxNodes: Int = 1_000_000, maxAttributeBytes: Int = 4096, maxAttributes: Int = 2000,
            keptAttributes: Set<String>? = nil, droppedElements: Set<String> = [],
            dropWhen: (@Sendable (_ name: HTMLName, _ attributes: ArraySlice<HTMLTree.Attribute>) -> Bool)? = nil
        ) {
            self.dropWhen = dropWhen
            self.maxDepth = maxDepth
            self.maxNodes = maxNodes
            self.maxAttributeBytes = maxAttributeBytes
            self.maxAttributes = maxAttributes
            self.keptAttributes = keptAttributes
            self.droppedElements = droppedElements
        }
    }

    /// - SeeAlso: `htmlCtxtReadMemory`.
    public static func parse(_ utf8: [UInt8], options: Options = Options()) throws(XMLParseError) -> HTMLTree {
        guard utf8.count < Int(Int32.max) else {
            throw XMLParseError(kind: .tooLarge(limit: Int(Int32.max)), line: 0, message: "HTML page too large")
        }
        try Self.checkSize(utf8, options: options)
        xmlInitParser()
        guard let ctxt = htmlNewParserCtxt() else { throw XMLParseError(kind: .malformed, line: 0, message: "out of memory") }
        defer { htmlFreeParserCtxt(ctxt) }
        let flags = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        let parseOptions = Int32(flags) | Int32(XML_PARSE_HUGE.rawValue)
        let doc: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, "UTF-8", parseOptions)
            }
        }
        guard let doc else { throw XMLParseError(kind: .empty, line: 0, message: "no HTML content") }
        defer { xmlFreeDoc(doc) }
        // Wrap every top-level node in one synthetic root, so fragments work too.
        var converter = HTMLTreeConverter(options: options)
        try converter.root(doc.pointee.children)
        return converter.tree
    }
}

extension HTMLReader {
    /// Elements that never have content, so never stay open.
    static let voidElements: [UInt64] =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "frame", "isindex", "keygen"]
            .map { name in name.utf8.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) } }

    /// Comparisons of end tags with open elements past which a page is refused: libxml2
    /// looks for an end tag's element down its stack of open elements, so stray end tags
    /// below thousands of unclosed ones take quadratic time.
    static let maxEndTagWork = 100_000_000

    /// One pass before parsing, bounding the work and memory parsing can take:
    /// - start tags ("<" then a letter), against `maxNodes`;
    /// - "=" signs in one tag, against `maxAttributes` (libxml2 compares each attribute
    ///   with the tag's earlier ones: quadratic);
    /// - the cost of matching end tags, simulated on a stack of open element names.
    static func checkSize(_ utf8: [UInt8], options: Options) throws(XMLParseError) {
        enum Refusal { case none, crowdedTag, unbalanced }
        let (tags, refusal) = utf8.withUnsafeBufferPointer { bytes -> (Int, Refusal) in
            let n = bytes.count
            var tags = 0
            var inTag = false
            var equals = 0
            var open: [UInt64] = []
            var pushed = false
            var work = 0
            @inline(__always) func isNameByte(_ b: UInt8) -> Bool {
                (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x3A || b == 0x2D
            }
            /// The hashed, lower-cased tag name starting at `from`.
            func name(_ from: Int) -> UInt64 {
                var h: UInt64 = 0
                var j = from
                while j < n, j < from + 32, isNameByte(bytes[j]) {
                    h = h &* 31 &+ UInt64(bytes[j] >= 0x41 && bytes[j] <= 0x5A ? bytes[j] | 0x20 : bytes[j])
                    j += 1
                }
                return h
            }
            var i = 0
            while i < n {
                if !inTag {
                    // Outside a tag only "<" matters ("=" counts in tags only, and ">" ends a tag).
                    guard let base = bytes.baseAddress, let lt = memchr(base + i, 0x3C, n - i) else { break }
                    i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(lt))
                } else {
                    // In a tag, on to the next "<", "=" or ">".
                    while i < n, bytes[i] != 0x3C, bytes[i] != 0x3D, bytes[i] != 0x3E { i += 1 }
                    if i == n { break }
                }
                switch bytes[i] {
                case 0x3C where i + 1 < n:
                    let next = bytes[i + 1]
                    if next | 0x20 >= 0x61, next | 0x20 <= 0x7A {
                        tags += 1
                        inTag = true
                        equals = 0
                        let h = name(i + 1)
                        pushed = !voidElements.contains(h)
                        if pushed { open.append(h) }
                    } else if next == 0x2F, i + 2 < n, bytes[i + 2] | 0x20 >= 0x61, bytes[i + 2] | 0x20 <= 0x7A {
                        let h = name(i + 2)
                        if let k = open.lastIndex(of: h) {
                            work += open.count - k
                            open.removeSubrange(k...)
                        } else {
                            work += open.count
                        }
                        if work > maxEndTagWork { return (tags, .unbalanced) }
                    }
                case 0x3D where inTag:
                    equals += 1
                    if equals > options.maxAttributes { return (tags, .crowdedTag) }
                case 0x3E:
                    if inTag, pushed, i > 0, bytes[i - 1] == 0x2F, !open.isEmpty { open.removeLast() }  // <x/>
                    inTag = false
                    pushed = false
                default:
                    break
                }
                i += 1
            }
            return (tags, .none)
        }
        switch refusal {
        case .crowdedTag:
            throw XMLParseError(kind: .tooLarge(limit: options.maxAttributes), line: 0, message: "a tag with more than \(options.maxAttributes) attributes")
        case .unbalanced:
            throw XMLParseError(kind: .tooLarge(limit: maxEndTagWork), line: 0, message: "end tags that match none of thousands of unclosed elements")
        case .none:
            break
        }
        if tags > options.maxNodes {
            throw XMLParseError(kind: .tooLarge(limit: options.maxNodes), line: 0, message: "more than \(options.maxNodes) tags")
        }
    }
}

