internal import CCrypto

/// SHA-256 of a byte buffer through OpenSSL's libcrypto, as lower-case hex.
public enum Checksum {
    /// - SeeAlso: OpenSSL `SHA256`.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { out in
                _ = SHA256(input.baseAddress, input.count, out.baseAddress)
            }
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
