internal import CLibXML2

/// One way a document breaks its schema (or is not well-formed XML at all), with its line.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// The schema itself could not be used.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Validates XML against an XML Schema 1.0 (XSD) with libxml2's schema validator.
///
/// Nothing is loaded from outside the given bytes: a schema that imports or includes other
/// files (`schemaLocation`) is refused, the document is parsed with `XML_PARSE_NONET`, and a
/// document declaring a DTD is refused as `XMLReader` refuses it. Diagnostics are collected
/// through per-context structured error handlers (no global error state, nothing printed).
public enum SchemaValidator {
    /// Every violation of `schema` by `document`, in the order libxml2 reports them; empty
    /// when the document is valid. A document that is not well-formed XML yields one violation.
    /// - SeeAlso: `xmlSchemaNewMemParserCtxt`, `xmlSchemaParse`, `xmlSchemaNewValidCtxt`,
    ///   `xmlSchemaSetValidStructuredErrors`, `xmlSchemaValidateDoc`.
    public static func validate(_ document: [UInt8], schema: [UInt8]) throws(SchemaError) -> [SchemaViolation] {
        guard schema.count < Int(Int32.max), document.count < Int(Int32.max) else {
            throw SchemaError(message: "schema or document too large")
        }
        if contains(schema, "schemaLocation") {
            throw SchemaError(message: "schema refers to other files (schemaLocation): only self-contained schemas are used")
        }
        xmlInitParser()

        // 1. The schema: parsed as a document first (so no diagnostics escape to stderr and no
        //    DTD is accepted), then compiled.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
        let schemaDoc: xmlDocPtr?
        do {
            guard let sctxt = xmlNewParserCtxt() else { throw SchemaError(message: "out of memory") }
            defer { xmlFreeParserCtxt(sctxt) }
            schemaDoc = schema.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(sctxt, chars.baseAddress, Int32(chars.count), nil, nil, options)
                }
            }
            if schemaDoc == nil {
                let error = xmlCtxtGetLastError(sctxt)
                let message = error?.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
                throw SchemaError(message: "schema is not well-formed XML: line \(error?.pointee.line ?? 0): \(trimmed(message))")
            }
        }
        guard let schemaDoc else { throw SchemaError(message: "schema is not well-formed XML") }
        defer { xmlFreeDoc(schemaDoc) }
        if schemaDoc.pointee.intSubset != nil || schemaDoc.pointee.extSubset != nil {
            throw SchemaError(message: "schema declares a DTD (refused)")
        }
        let schemaSink = Unmanaged.passRetained(DiagnosticSink())
        defer { schemaSink.release() }
        guard let pctxt = xmlSchemaNewDocParserCtxt(schemaDoc) else { throw SchemaError(message: "out of memory") }
        defer { xmlSchemaFreeParserCtxt(pctxt) }
        xmlSchemaSetParserStructuredErrors(pctxt, collect, schemaSink.toOpaque())
        guard let parsed = xmlSchemaParse(pctxt) else {
            let first = schemaSink.takeUnretainedValue().violations.first?.description ?? "unknown error"
            throw SchemaError(message: "schema is not usable: \(first)")
        }
        defer { xmlSchemaFree(parsed) }

        // 2. The document.
        guard let ctxt = xmlNewParserCtxt() else { throw SchemaError(message: "out of memory") }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc: xmlDocPtr? = document.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, nil, options)
            }
        }
        guard let doc else {
            let error = xmlCtxtGetLastError(ctxt)
            let message = error?.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
            return [SchemaViolation(line: Int(error?.pointee.line ?? 0), message: "not well-formed: " + trimmed(message))]
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            return [SchemaViolation(line: 0, message: "document declares a DTD (refused)")]
        }

        // 3. Validation.
        guard let vctxt = xmlSchemaNewValidCtxt(parsed) else { throw SchemaError(message: "out of memory") }
        defer { xmlSchemaFreeValidCtxt(vctxt) }
        let sink = Unmanaged.passRetained(DiagnosticSink())
        defer { sink.release() }
        xmlSchemaSetValidStructuredErrors(vctxt, collect, sink.toOpaque())
        let status = xmlSchemaValidateDoc(vctxt, doc)
        var violations = sink.takeUnretainedValue().violations
        if status != 0, violations.isEmpty {
            violations.append(SchemaViolation(line: 0, message: "not valid (libxml2 status \(status))"))
        }
        return violations
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return false }
        for i in 0...(bytes.count - n.count) where bytes[i] == n[0] {
            if bytes[i..<(i + n.count)].elementsEqual(n) { return true }
        }
        return false
    }

    fileprivate static func trimmed(_ s: String) -> String {
        var s = s
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return s
    }
}

/// Collects libxml2 diagnostics; reached through the handler's user-data pointer.
private final class DiagnosticSink {
    var violations: [SchemaViolation] = []
}

/// A structured error handler (`xmlStructuredErrorFunc`): captures nothing, so it is a C function.
private let collect: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let sink = Unmanaged<DiagnosticSink>.fromOpaque(userData).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    sink.violations.append(SchemaViolation(line: Int(error.pointee.line), message: SchemaValidator.trimmed(message)))
}
