import Foundation
import XMLSupport

/// Validates outputs against Schemas/: XML with libxml2 (`SchemaValidator`), JSON with an
/// independent validator, python3's `jsonschema` (Draft 2020-12), run as a child process.
public enum SchemaCheck {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func schemaBytes(_ name: String) throws -> [UInt8] {
        try TestPaths.read("Schemas/" + name)
    }

    /// Violations of the XSD `schema` ("report.xsd") by `xml`; empty when valid.
    public static func xml(_ xml: String, schema: String) throws -> [SchemaViolation] {
        try SchemaValidator.validate(Array(xml.utf8), schema: try schemaBytes(schema))
    }

    /// The checker: reads one JSON instance a line on stdin, prints one JSON line each: the list
    /// of error messages (empty when valid). It also checks the schema itself first.
    static let script = #"""
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 jsonschema missing: run scripts/bootstrap --test", file=sys.stderr)
            sys.exit(3)
        import glob, os
        from referencing import Registry, Resource
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        # Every schema beside it, by its $id, so that one may refer to another's definitions.
        resources = []
        for path in glob.glob(os.path.join(os.path.dirname(sys.argv[1]), "*.json")):
            with open(path, encoding="utf-8") as f:
                other = json.load(f)
            resources.append((other["$id"], Resource.from_contents(other)))
        validator = jsonschema.Draft202012Validator(schema, registry=Registry().with_resources(resources))
        for line in sys.stdin:
            if not line.strip():
                continue
            instance = json.loads(line)
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
            print(json.dumps(["/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in errors], ensure_ascii=False))
            sys.stdout.flush()
        """#

    /// For each compact JSON instance (one line each), the schema's error messages.
    public static func json(_ instances: [String], schema: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, TestPaths.root.appendingPathComponent("Schemas/" + schema).path]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let payload = instances.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
        // Write from another thread so a full output pipe cannot deadlock us.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(payload.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "jsonschema checker failed (\(process.terminationStatus)): \(String(decoding: err, as: UTF8.self))")
        }
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
        guard lines.count == instances.count else {
            throw Failure(description: "checker returned \(lines.count) results for \(instances.count) instances")
        }
        return try lines.map { line in
            guard let list = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String] else {
                throw Failure(description: "bad checker output: \(line)")
            }
            return list
        }
    }
}
