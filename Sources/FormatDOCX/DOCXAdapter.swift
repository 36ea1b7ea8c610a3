import DocModel
import Normalization
import XMLSupport
import ZipSupport

/// Reads a .docx package (libzip + libxml2) into the canonical document: the main document
/// part's body in reading order, with list and heading numbers materialised as Word shows
/// them and tables as logical grids. Headers, footers, footnotes and comments are other parts
/// and stay out of the body.
public enum DOCXAdapter: FormatAdapter {
    public static let format = SourceInfo.Format.docx

    /// A ZIP package (`PK`), or an OLE compound file (legacy .doc, encrypted .docx), which
    /// `read` refuses by name.
    public static func detect(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B || bytes.starts(with: OLESignature.magic.prefix(4))
    }

    /// Inflation bounds of `limits` (entry size, total size, ratio of entries over 1 MiB,
    /// entry count).
    static func zipLimits(_ limits: ReadLimits) -> ZipLimits {
        ZipLimits(
            maxEntryBytes: limits.maxZipEntryBytes, maxTotalBytes: limits.maxZipTotalBytes, maxRatio: limits.maxZipRatio,
            maxEntries: limits.maxZipEntries)
    }

    public static func read(_ bytes: [UInt8], source: SourceInfo, limits: ReadLimits) throws(AdapterFailure) -> Document {
        if let ole = OLESignature.describe(bytes) {
            throw AdapterFailure(.unsupported, ole)
        }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(bytes: bytes, limits: zipLimits(limits))
        } catch {
            // Local file headers but no central directory: a cut-off download or copy.
            if error.kind == .notAZip, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw AdapterFailure(.corrupt, "truncated or damaged ZIP package: no central directory (\(error.description))")
            }
            throw AdapterFailure(zip: error)
        }
        let package = OPCPackage(archive: archive, maxDepth: limits.maxXMLDepth)
        let main = try package.mainDocument()
        let styles = try styles(package, main)
        let numbering = try numbering(package, main, styles)
        let document = WordPart(try package.parse(main, attributes: WordPart.attributes))
        var reader = BodyReader(part: document, styles: styles, numbering: NumberingState(numbering))
        guard let body = document.child(FlatXML.root, .body) else {
            throw AdapterFailure(.corrupt, "\(main): no w:body element (not a WordprocessingML document)")
        }
        let items = reader.blocks(in: body)
        var converter = BlockConverter(part: main, limits: limits)
        let blocks = try converter.blocks(items)
        if blocks.isEmpty, reader.altChunks > 0 {
            throw AdapterFailure(.unsupported, "the document's content is an embedded chunk in another format (w:altChunk, e.g. HTML), which is not read: open and save it in Word first")
        }
        return Document(source: source, blocks: blocks, properties: properties(package), findings: reader.findings + converter.findings)
    }

    static func styles(_ package: OPCPackage, _ main: String) throws(AdapterFailure) -> StyleSheet {
        guard let part = try package.relatedPart(from: main, type: "styles"), package.archive.contains(part) else { return StyleSheet() }
        return StyleSheet(WordPart(try package.parse(part)))
    }

    static func numbering(_ package: OPCPackage, _ main: String, _ styles: StyleSheet) throws(AdapterFailure) -> NumberingDefinitions {
        guard let part = try package.relatedPart(from: main, type: "numbering"), package.archive.contains(part) else {
            return NumberingDefinitions()
        }
        return NumberingDefinitions(WordPart(try package.parse(part)), styles: styles)
    }

    /// The package's core properties: its title, when it has one.
    static func properties(_ package: OPCPackage) -> [String: String] {
        var properties: [String: String] = [:]
        if let core = try? package.relatedPart(from: "", type: "core-properties"), package.archive.contains(core),
            let xml = try? package.parse(core)
        {
            for c in xml.children(FlatXML.root) where xml.isElement(c) && xml.names[Int(xml.nodes[c].name)].local == "title" {
                let title = Normalizer.clean(xml.textContent(c))
                if !title.isEmpty { properties["title"] = title }
            }
        }
        return properties
    }
}

extension AdapterFailure {
    init(zip error: ZipError) {
        switch error.kind {
        case .notAZip: self.init(.unreadable, "not a ZIP package: \(error.description)")
        case .corrupt, .io: self.init(.corrupt, "damaged ZIP package: \(error.description)")
        case .encrypted: self.init(.unsupported, "encrypted ZIP entry: \(error.description)")
        case .missingEntry: self.init(.corrupt, "missing package part: \(error.description)")
        case .tooLarge: self.init(.tooLarge, "package too large (zip bomb guard): \(error.description)")
        }
    }

    init(xml error: XMLParseError, part: String) {
        switch error.kind {
        case .malformed, .empty: self.init(.corrupt, "\(part) is not well-formed XML: \(error.description)")
        case .doctypeForbidden: self.init(.unsupported, "\(part): \(error.description)")
        case .tooDeep, .tooLarge: self.init(.tooLarge, "\(part): \(error.description)")
        }
    }
}

/// OLE compound files (D0 CF 11 E0 …) are what Word writes for legacy .doc and for
/// password-protected .docx (an EncryptedPackage stream). Neither is read; the error names
/// which one it is.
enum OLESignature {
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func describe(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 8, Array(bytes[0..<8]) == magic else { return nil }
        if contains(bytes, utf16: "EncryptedPackage") || contains(bytes, utf16: "EncryptionInfo") {
            return "encrypted (password-protected) Word document, an OLE compound file: remove the password in Word and save again"
        }
        if contains(bytes, utf16: "WordDocument") {
            return "legacy Word 97-2003 .doc (OLE compound file): save it as .docx first"
        }
        return "OLE compound file (legacy Office format), not a .docx package"
    }

    /// Directory entry names are UTF-16LE; a plain scan finds them without walking the FAT.
    static func contains(_ bytes: [UInt8], utf16 name: String) -> Bool {
        let needle: [UInt8] = name.utf8.flatMap { [$0, UInt8(0)] }
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count, bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
