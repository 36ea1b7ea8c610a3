import DocModel
import Normalization
import XMLSupport
import ZipSupport

/// An OPC package (the ZIP container of a .docx): parts found through relationships, never
/// through fixed names, for both transitional and Strict relationship types.
struct OPCPackage {
    let archive: ZipArchive
    /// Element nesting allowed in a part (`ReadLimits.maxXMLDepth`).
    let maxDepth: Int
    /// Relationships parts read so far, by source part (each is asked for several types).
    private let read = RelationshipsRead()

    init(archive: ZipArchive, maxDepth: Int) {
        self.archive = archive
        self.maxDepth = maxDepth
    }

    private final class RelationshipsRead {
        var bySource: [String: [Relationship]] = [:]
    }

    struct Relationship {
        var type: String
        var target: String
        var external: Bool
    }

    /// The part a relationship type points to from `source` ("" for the package itself).
    /// Types are compared by their last path segment, which is the same in transitional
    /// (`http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles`) and
    /// Strict (`http://purl.oclc.org/ooxml/officeDocument/relationships/styles`).
    func relatedPart(from source: String, type: String) throws(AdapterFailure) -> String? {
        try relationships(of: source).first { !$0.external && $0.type.lastPathSegment == type }.map { resolve($0.target, from: source) }
    }

    func relationships(of source: String) throws(AdapterFailure) -> [Relationship] {
        if let known = read.bySource[source] { return known }
        let relsName = OPCPackage.relationshipsPart(of: source)
        guard archive.contains(relsName) else { return [] }
        let xml = try parse(relsName)
        var out: [Relationship] = []
        for c in xml.children(FlatXML.root) where xml.isElement(c) && xml.names[Int(xml.nodes[c].name)].local == "Relationship" {
            guard let type = xml.attribute(c, local: "Type"), let target = xml.attribute(c, local: "Target") else { continue }
            out.append(Relationship(type: type, target: target, external: xml.attribute(c, local: "TargetMode") == "External"))
        }
        read.bySource[source] = out
        return out
    }

    /// `word/document.xml` → `word/_rels/document.xml.rels`; "" → `_rels/.rels`.
    static func relationshipsPart(of source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return "_rels/\(source).rels" }
        return "\(source[..<slash])/_rels/\(source[source.index(after: slash)...]).rels"
    }

    /// A relationship target resolved against the source part's folder, as a ZIP entry name.
    func resolve(_ target: String, from source: String) -> String {
        var segments: [Substring]
        var path = target[...]
        if path.hasPrefix("/") {
            segments = []
            path = path.dropFirst()
        } else {
            segments = source.split(separator: "/")
            if !segments.isEmpty { segments.removeLast() }
        }
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !segments.isEmpty { segments.removeLast() }; continue }
            segments.append(part)
        }
        return segments.joined(separator: "/").removingPercentEncodedSpaces
    }

    /// The main document part: the package's officeDocument relationship, else the part the
    /// content types declare as the main document.
    func mainDocument() throws(AdapterFailure) -> String {
        if let part = try relatedPart(from: "", type: "officeDocument"), archive.contains(part) { return part }
        if archive.contains("[Content_Types].xml") {
            let xml = try parse("[Content_Types].xml")
            for c in xml.children(FlatXML.root) where xml.isElement(c) {
                guard let type = xml.attribute(c, local: "ContentType"), let name = xml.attribute(c, local: "PartName") else { continue }
                if type.hasPrefix("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main")
                    || type.hasPrefix("application/vnd.ms-word.document.macroEnabled.main")
                    || type.hasPrefix("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main")
                {
                    let part = resolve(name, from: "")
                    if archive.contains(part) { return part }
                }
            }
        }
        throw AdapterFailure(.corrupt, "no main document part (no officeDocument relationship or main content type): not a Word document")
    }

    func bytes(_ part: String) throws(AdapterFailure) -> [UInt8] {
        do {
            return try archive.contents(of: part)
        } catch {
            throw AdapterFailure(zip: error)
        }
    }

    func parse(_ part: String, attributes: Set<String>? = nil) throws(AdapterFailure) -> FlatXML {
        let data = try bytes(part)
        do {
            return try FlatXML.parse(data, attributes: attributes, maxDepth: maxDepth)
        } catch {
            throw AdapterFailure(xml: error, part: part)
        }
    }
}

extension String {
    var lastPathSegment: Substring {
        guard let slash = lastIndex(of: "/") else { return self[...] }
        return self[index(after: slash)...]
    }

    /// Relationship targets are URIs: "%20" stands for a space in the entry name.
    var removingPercentEncodedSpaces: String {
        contains("%") ? replacingAll("%20", with: " ") : self
    }
}
