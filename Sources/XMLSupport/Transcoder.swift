#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts bytes in a legacy encoding (GB18030, Big5-HKSCS, windows-1252…) to UTF-8 with the
/// C library's iconv. The conversion descriptor is opened and closed inside each call, so no
/// C state outlives it.
public enum Transcoder {
    public enum Outcome: Sendable, Equatable {
        /// The UTF-8 bytes, and how many invalid byte sequences became U+FFFD.
        case decoded(utf8: [UInt8], invalidSequences: Int)
        /// iconv does not know this encoding name.
        case unknownEncoding
        /// More than `maxInvalid` invalid sequences: these bytes are not in this encoding.
        case notThisEncoding
    }

    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// - Parameter maxInvalid: invalid sequences tolerated (each replaced by U+FFFD) before
    ///   giving up with `.notThisEncoding`.
    /// - SeeAlso: iconv_open(3), iconv(3).
    public static func toUTF8(_ bytes: [UInt8], from encoding: String, maxInvalid: Int = 0) -> Outcome {
        guard let cd = open(encoding) else { return .unknownEncoding }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var written = 0
        var invalid = 0
        var consumed = 0
        let total = input.count
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuffer -> Bool in
            guard let inBase = inBuffer.baseAddress else { return true }
            while consumed < total {
                var inLeft = total - consumed
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase + consumed).assumingMemoryBound(to: CChar.self)
                if output.count - written < 16 { output += [UInt8](repeating: 0, count: output.count) }
                var outLeft = output.count - written
                let result: Int = output.withUnsafeMutableBufferPointer { outBuffer in
                    guard let outBase = outBuffer.baseAddress else { return -1 }
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + written).assumingMemoryBound(to: CChar.self)
                    return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                }
                let error = result == -1 ? errno : 0
                written = output.count - outLeft
                consumed = total - inLeft
                if result != -1 { break }
                switch error {
                case E2BIG:
                    output += [UInt8](repeating: 0, count: output.count)
                case EILSEQ, EINVAL:
                    // An invalid (or, at the end, incomplete) sequence: replace one byte and go on.
                    invalid += 1
                    if invalid > maxInvalid { return false }
                    if output.count - written < 3 { output += [UInt8](repeating: 0, count: output.count) }
                    output.replaceSubrange(written..<(written + 3), with: replacement)
                    written += 3
                    consumed += 1
                    _ = iconv(cd, nil, nil, nil, nil)  // reset the shift state
                default:
                    return false
                }
            }
            return true
        }
        guard ok else { return .notThisEncoding }
        output.removeSubrange(written...)
        return .decoded(utf8: output, invalidSequences: invalid)
    }

    private static func open(_ encoding: String) -> iconv_t? {
        let cd = iconv_open("UTF-8", encoding)
        guard let cd, Int(bitPattern: cd) != -1 else { return nil }
        return cd
    }
}
