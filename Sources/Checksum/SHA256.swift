internal import CCrypto

/// SHA-256 of a byte buffer through OpenSSL's libcrypto, as lower-case hex.
public enum Checksum {
    /// - SeeAlso: OpenSSL `SHA256_Init`, `SHA256_Update`, `SHA256_Final` (direct computation,
    ///   without the provider set-up that the one-shot `SHA256` costs every process).
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var context = SHA256_CTX()
        SHA256_Init(&context)
        bytes.withUnsafeBufferPointer { input in
            if let base = input.baseAddress { _ = SHA256_Update(&context, base, input.count) }
        }
        digest.withUnsafeMutableBufferPointer { out in
            _ = SHA256_Final(out.baseAddress, &context)
        }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var chars = [UInt8]()
        chars.reserveCapacity(64)
        for b in digest {
            chars.append(hex[Int(b >> 4)])
            chars.append(hex[Int(b & 0xF)])
        }
        return String(decoding: chars, as: UTF8.self)
    }
}
