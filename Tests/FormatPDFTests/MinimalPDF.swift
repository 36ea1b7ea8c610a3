/// Small PDFs written in the tests: object bodies in order (object 1 the catalog), with a
/// correct cross-reference table.
enum MinimalPDF {
    static func make(_ objects: [String]) -> [UInt8] {
        var out = Array("%PDF-1.7\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets {
            let digits = String(o)
            out += Array((String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    static func stream(_ content: String, dictionary: String = "") -> String {
        "<< \(dictionary) /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    }

    /// One page with a line of text; its content draws form XObject 5, whose forms nest
    /// `depth` deep (each drawing the next); `cycle` makes the last form draw the first.
    static func nestedForms(depth: Int, cycle: Bool = false) -> [UInt8] {
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 \(5 + depth) 0 R >> /XObject << /X 5 0 R >> >> >>",
            stream("BT /F1 12 Tf 72 720 Td (2021 report) Tj ET /X Do"),
        ]
        for k in 0..<depth {
            let next = k + 1 < depth ? 6 + k : (cycle ? 5 : nil)
            let resources = next.map { "/Resources << /XObject << /X \($0) 0 R >> >>" } ?? ""
            objects.append(stream(next == nil ? "0 0 m 10 10 l S" : "/X Do", dictionary: "/Type /XObject /Subtype /Form /BBox [0 0 595 842] \(resources)"))
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        return make(objects)
    }
}
