import Foundation

/// An optional instant stored in 8 bytes (`Int64.min` means none) instead of 16: a million leads carry nine of them.
@propertyWrapper
struct CompactInstant: Sendable, Hashable {
    private var raw: Int64

    /// Wraps an optional value.
    init(wrappedValue: Int64?) { raw = wrappedValue ?? .min }

    /// The value, or nil.
    var wrappedValue: Int64? {
        get { raw == .min ? nil : raw }
        set { raw = newValue ?? .min }
    }
}

/// An optional number stored in 8 bytes (NaN means none).
@propertyWrapper
struct CompactNumber: Sendable {
    private var raw: Double

    /// Wraps an optional value.
    init(wrappedValue: Double?) { raw = wrappedValue ?? .nan }

    /// The value, or nil.
    var wrappedValue: Double? {
        get { raw.isNaN ? nil : raw }
        set { raw = newValue ?? .nan }
    }
}

/// Byte-level helpers for the loaders' hot paths.
enum Bytes {
    /// True when the bytes equal `lowercase` ignoring ASCII case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: [UInt8]) -> Bool {
        guard bytes.count == lowercase.count else { return false }
        for i in 0..<bytes.count {
            var b = bytes[i]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != lowercase[i] { return false }
        }
        return true
    }

    /// A plain decimal number (`-12`, `1200`, `3.75`); `nil` for anything else (the caller falls back to `Amount.parse`).
    static func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == 0x2D {
            negative = true
            i = 1
        }
        var whole: Int64 = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 15 {
            whole = whole * 10 + Int64(bytes[i] - 0x30)
            i += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        var value = Double(whole)
        if i < bytes.count, bytes[i] == 0x2E {
            i += 1
            var scale = 0.1
            var fractionDigits = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, fractionDigits < 9 {
                value += Double(bytes[i] - 0x30) * scale
                scale /= 10
                i += 1
                fractionDigits += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        guard i == bytes.count else { return nil }
        return negative ? -value : value
    }

    /// True when `a` and `b` hold the same bytes.
    static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let base = b.baseAddress, !a.isEmpty else { return true }
        return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, a.count) == 0 }
    }

    /// True when every byte is ASCII.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }
}

/// Remembers what a handful of distinct raw values (statuses, decisions) map to, so a million rows skip the mapping.
struct ValueCache<Value: Sendable>: Sendable {
    private var entries: [(raw: [UInt8], value: Value?)] = []

    /// The value for `bytes`, computed by `make` the first time these bytes are seen.
    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, make: () -> Value?) -> Value? {
        if let known = entries.first(where: { Bytes.equal($0.raw, bytes) }) { return known.value }
        let value = make()
        if entries.count < 64 { entries.append((Array(bytes), value)) }
        return value
    }

    /// The raw values seen (the first 64 distinct), lowercased: what the export writes, for checking value mappings.
    var rawValues: [String] { entries.map { String(decoding: $0.raw, as: UTF8.self).lowercased() } }
}
