/// Byte-level text decoding shared by the adapters that read raw bytes (text and HTML).
public enum TextDecoding {
    /// UTF-16 after a 2-byte BOM, in the given byte order; an odd last byte is dropped and
    /// unpaired surrogates become U+FFFD.
    public static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var k = 2
        while k + 1 < bytes.count {
            units.append(littleEndian ? UInt16(bytes[k]) | UInt16(bytes[k + 1]) << 8 : UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1]))
            k += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
