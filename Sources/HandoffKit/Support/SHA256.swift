internal import Crypto

/// SHA-256 hex digests through swift-crypto (Apple CryptoKit's API; BoringSSL on Linux).
/// Sign-offs store this digest, so it must stay lowercase hex of FIPS 180-4 SHA-256.
enum SHA256Digest {
    /// The lowercase hex digest of `bytes`.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(bytes)) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
