import Foundation
internal import HandoffIO

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

/// Remembers what a handful of distinct raw values (statuses, decisions) map to, so a million rows skip the mapping.
struct ValueCache<Value: Sendable>: Sendable {
    private var entries: [(raw: [UInt8], value: Value?)] = []

    /// The value for `bytes`, computed by `make` the first time these bytes are seen.
    mutating func value(for bytes: ByteView, make: () -> Value?) -> Value? {
        if let known = entries.first(where: { bytes.equals($0.raw) }) { return known.value }
        let value = make()
        if entries.count < 64 { entries.append((bytes.array, value)) }
        return value
    }

    /// The raw values seen (the first 64 distinct), lowercased: what the export writes, for checking value mappings.
    var rawValues: [String] { entries.map { String(decoding: $0.raw, as: UTF8.self).lowercased() } }
}
