#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes (libc's `memchr` and `memcmp`): for texts of a megabyte, where walking Swift `Character`s or
/// a generic collection search costs seconds in the fuzz build.
package enum ByteSearch {
    /// The byte offset of the first `needle` in `text` at or after `from`, or nil.
    package static func offset(of needle: String, in text: String, from: Int = 0) -> Int? {
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard from <= haystack.count, let base = haystack.baseAddress, let p = pattern.baseAddress else {
                    return pattern.isEmpty ? min(from, haystack.count) : nil
                }
                var at = from
                while haystack.count - at >= pattern.count {
                    guard let hit = memchr(base + at, Int32(p[0]), haystack.count - at - pattern.count + 1) else {
                        return nil
                    }
                    at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, p, pattern.count) == 0 { return at }
                    at += 1
                }
                return nil
            }
        }
    }

    /// True when `text` holds `needle`'s bytes.
    package static func contains(_ needle: String, in text: String) -> Bool { offset(of: needle, in: text) != nil }
}
