#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only view of bytes that belong to someone else: a field in a CSV reader's buffer, an id in an array, a
/// Swift string's UTF-8. It is handed to a closure and valid only while that closure runs (never stored).
///
/// This is the one type by which HandoffKit reads bytes: every access is by index and checked against the count, so
/// the pointer it wraps never leaves this module. Hot paths (timestamp and number parsing) compile to plain loads.
///
/// `@usableFromInline` on the type is what lets other modules inline its `@inlinable` members: with Swift 6.3, the
/// members of a plain `package` type are called, never inlined, across modules (seen in the SIL of a client; at 100k
/// leads 17.7 million calls of the subscript from the timestamp parser alone). The same holds for `CSVReader`.
@usableFromInline package struct ByteView {
    @usableFromInline let base: UnsafeBufferPointer<UInt8>

    @inlinable init(_ base: UnsafeBufferPointer<UInt8>) { self.base = base }

    /// No bytes.
    @inlinable package static var empty: ByteView { ByteView(UnsafeBufferPointer(start: nil, count: 0)) }

    /// Number of bytes.
    @inlinable package var count: Int { base.count }

    /// True when there are no bytes.
    @inlinable package var isEmpty: Bool { base.isEmpty }

    /// The byte at `index` (0-based); traps outside `0..<count`, like an array.
    @inlinable @inline(__always) package subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < base.count, "byte index out of range")
        return base[index]
    }

    /// The bytes in `range`, as a view of its own starting at 0.
    @inlinable package func view(_ range: Range<Int>) -> ByteView {
        precondition(range.lowerBound >= 0 && range.upperBound <= base.count, "byte range out of range")
        return ByteView(UnsafeBufferPointer(rebasing: base[range]))
    }

    /// The bytes as text (invalid UTF-8 repaired with U+FFFD).
    package var string: String { String(decoding: base, as: UTF8.self) }

    /// The bytes as text, or `nil` when they are not valid UTF-8.
    package var validString: String? {
        isASCII ? String(decoding: base, as: UTF8.self) : String(validating: base, as: UTF8.self)
    }

    /// A copy of the bytes.
    package var array: [UInt8] { Array(base) }

    /// True when every byte is ASCII.
    @inlinable package var isASCII: Bool {
        guard let start = base.baseAddress else { return true }
        let raw = UnsafeRawPointer(start), n = base.count
        var i = 0
        // Eight bytes at a time: a byte of 0x80 or more has its high bit set (every lead's texts pass here).
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if start[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// True when every byte is printable ASCII (a space to a tilde).
    package var isPrintableASCII: Bool {
        for b in base where b < 0x20 || b > 0x7E { return false }
        return true
    }

    /// True when `needle` occurs in the bytes (an empty needle occurs everywhere).
    package func contains(_ needle: ByteView) -> Bool {
        let n = needle.count
        guard n <= base.count else { return false }
        guard n > 0, let h = base.baseAddress, let p = needle.base.baseAddress else { return true }
        let first = p[0]
        for i in 0...(base.count - n) where h[i] == first {
            if memoryEqual(h + i, p, n) { return true }
        }
        return false
    }

    /// True when the bytes equal `lowercase` ignoring ASCII case.
    package func equalsIgnoringCase(_ lowercase: [UInt8]) -> Bool {
        guard base.count == lowercase.count else { return false }
        for i in 0..<base.count {
            var b = base[i]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != lowercase[i] { return false }
        }
        return true
    }

    /// True when the bytes are `bytes`.
    package func equals(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == base.count else { return false }
        guard let start = base.baseAddress, !bytes.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { memoryEqual($0.baseAddress!, start, bytes.count) }
    }

    /// True when both views hold the same bytes.
    package func equals(_ other: ByteView) -> Bool {
        guard other.count == base.count else { return false }
        guard let a = base.baseAddress, let b = other.base.baseAddress else { return true }
        return memoryEqual(a, b, base.count)
    }

    /// A plain decimal number (`-12`, `1200`, `3.75`); `nil` for anything else (callers fall back to a full reader).
    package var plainNumber: Double? {
        guard !base.isEmpty else { return nil }
        var i = 0
        var negative = false
        if base[0] == 0x2D {
            negative = true
            i = 1
        }
        var whole: Int64 = 0
        var digits = 0
        while i < base.count, base[i] >= 0x30, base[i] <= 0x39, digits < 15 {
            whole = whole * 10 + Int64(base[i] - 0x30)
            i += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        var value = Double(whole)
        if i < base.count, base[i] == 0x2E {
            i += 1
            var scale = 0.1
            var fractionDigits = 0
            while i < base.count, base[i] >= 0x30, base[i] <= 0x39, fractionDigits < 9 {
                value += Double(base[i] - 0x30) * scale
                scale /= 10
                i += 1
                fractionDigits += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        guard i == base.count else { return nil }
        return negative ? -value : value
    }

    /// Calls `body` with a view of `bytes`.
    package static func with<R>(_ bytes: [UInt8], _ body: (ByteView) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(ByteView($0)) }
    }

    /// Calls `body` with a view of `bytes[range]`.
    package static func with<R>(_ bytes: [UInt8], range: Range<Int>, _ body: (ByteView) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(ByteView(UnsafeBufferPointer(rebasing: $0[range]))) }
    }

    /// Calls `body` with a view of the text's UTF-8.
    package static func with<R>(_ text: String, _ body: (ByteView) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8 { try body(ByteView($0)) }
    }
}

extension ByteView: RandomAccessCollection {
    @inlinable package var startIndex: Int { 0 }
    @inlinable package var endIndex: Int { base.count }

    @usableFromInline package func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R)
        rethrows -> R?
    {
        try body(base)
    }
}

extension Array where Element == UInt8 {
    /// Appends the viewed bytes.
    package mutating func append(_ view: ByteView) { append(contentsOf: view.base) }
}

func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    memcmp(a, b, count) == 0
}
