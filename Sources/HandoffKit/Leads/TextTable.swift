import Foundation

/// A text value of a lead (source, owner, company, …), stored once per distinct value in a `TextTable`.
/// `TextRef.empty` is the empty text. Leads hold these 4-byte references instead of `String`s, so a million
/// leads are plain memory: no reference counting when they are copied, nothing to release when they go.
public struct TextRef: Hashable, Sendable, Comparable {
    /// The entry's position in its table.
    public let raw: Int32

    /// The empty text (entry 0 of every table).
    public static let empty = TextRef(raw: 0)

    /// True for the empty text.
    public var isEmpty: Bool { raw == 0 }

    public static func < (a: TextRef, b: TextRef) -> Bool { a.raw < b.raw }
}

/// Distinct texts stored in one byte arena and found by their bytes (open addressing on an FNV-1a hash), so the
/// loaders intern CSV cells without building a `String` first. `strings` holds each entry as a `String` once
/// `materialize()` has run (the ledger does it after loading).
public struct TextTable: Sendable {
    private var arena: [UInt8] = []
    /// Entry k is `arena[offsets[k]..<offsets[k + 1]]`.
    private var offsets: [Int] = [0, 0]
    private var hashes: [UInt32] = [0]
    /// Entry index + 1 per slot (0 = free).
    private var slots = [Int32](repeating: 0, count: 64)
    /// Every entry as a `String` (after `materialize()`).
    public private(set) var strings: [String] = [""]
    /// Every entry lowercased (after `materialize()`), for case-insensitive comparisons.
    public private(set) var lowercased: [String] = [""]

    /// An empty table.
    public init() {}

    /// Number of entries, the empty text included.
    public var count: Int { hashes.count }

    /// The entry's text.
    public subscript(ref: TextRef) -> String {
        let k = Int(ref.raw)
        if k < strings.count { return strings[k] }
        return withBytes(ref) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the entry's bytes.
    public func withBytes<R>(_ ref: TextRef, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let k = Int(ref.raw)
        return arena.withUnsafeBufferPointer { a in body(UnsafeBufferPointer(rebasing: a[offsets[k]..<offsets[k + 1]])) }
    }

    /// The reference for `bytes` (valid UTF-8, checked by the caller), adding an entry when they are new.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> TextRef {
        insert(bytes).ref
    }

    /// A new entry for `bytes`; `nil` when the table holds them already (or they are empty).
    @inline(__always)
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) -> TextRef? {
        let (ref, inserted) = insert(bytes)
        return inserted ? ref : nil
    }

    /// A new entry for `text`; `nil` when the table holds it already (or it is empty).
    public mutating func add(_ text: String) -> TextRef? {
        var t = text
        return t.withUTF8 { add($0) }
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (ref: TextRef, inserted: Bool) {
        if bytes.isEmpty { return (.empty, false) }
        let h = Self.hash(bytes)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while slots[i] != 0 {
            let k = Int(slots[i] - 1)
            if hashes[k] == h, equal(k, bytes) { return (TextRef(raw: Int32(k)), false) }
            i = (i + 1) & mask
        }
        let k = hashes.count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        hashes.append(h)
        slots[i] = Int32(k + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (TextRef(raw: Int32(k)), true)
    }

    /// The reference for `text`, adding it when new.
    public mutating func intern(_ text: String) -> TextRef {
        var t = text
        return t.withUTF8 { intern($0) }
    }


    /// The reference for `bytes` when the table holds them.
    public func find(_ bytes: UnsafeBufferPointer<UInt8>) -> TextRef? {
        if bytes.isEmpty { return .empty }
        let h = Self.hash(bytes)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while slots[i] != 0 {
            let k = Int(slots[i] - 1)
            if hashes[k] == h, equal(k, bytes) { return TextRef(raw: Int32(k)) }
            i = (i + 1) & mask
        }
        return nil
    }

    /// True when entry `k` holds exactly `bytes`.
    @inline(__always)
    func equal(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[k], length = offsets[k + 1] - start
        guard length == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, bytes.baseAddress!, length) == 0 }
    }

    /// Builds `strings` and `lowercased` for entries added since the last call.
    public mutating func materialize() {
        while strings.count < count {
            let s = self[TextRef(raw: Int32(strings.count))]
            strings.append(s)
            lowercased.append(s.lowercased())
        }
    }

    /// Reserves room for `entries` entries of about `bytesEach` bytes.
    public mutating func reserve(_ entries: Int, bytesEach: Int) {
        arena.reserveCapacity(entries * bytesEach)
        offsets.reserveCapacity(entries + 1)
        hashes.reserveCapacity(entries)
        var size = slots.count
        while size < entries * 2 { size *= 2 }
        if size > slots.count { slots = Self.emptySlots(size); rehash() }
    }

    /// A hash of `bytes` (not empty), eight bytes at a time.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let p = UnsafeRawPointer(bytes.baseAddress!)
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for j in i..<n { tail |= UInt64(p.load(fromByteOffset: j, as: UInt8.self)) << UInt64(8 * (j - i)) }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 29
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }

    private mutating func grow() {
        slots = Self.emptySlots(slots.count * 2)
        rehash()
    }

    /// A zeroed slot table. A large one (a million lead ids) is probed at random, so it asks for huge pages: a few
    /// TLB entries cover it instead of thousands.
    private static func emptySlots(_ count: Int) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: 0)
            initialized = count
        }
    }

    private mutating func rehash() {
        let mask = slots.count - 1
        for k in 1..<hashes.count {
            var i = Int(hashes[k]) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(k + 1)
        }
    }
}

/// Asks the kernel to back large, not yet touched memory with 2 MB pages: fewer page faults while a million rows are
/// written, fewer TLB misses when they are read at random. Only advice; nothing changes where it is not taken.
enum HugePages {
    static func advise(_ memory: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard memory.count >= 4 << 20, let base = memory.baseAddress else { return }
        let huge: UInt = 2 << 20
        let start = (UInt(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = UInt(bitPattern: base + memory.count) & ~(huge - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE) }
        #endif
    }
}

extension Array {
    /// `reserveCapacity`, with huge pages advised for the new (untouched) room.
    mutating func reserveHuge(_ capacity: Int) {
        reserveCapacity(capacity)
        let room = self.capacity
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            HugePages.advise(UnsafeMutableRawBufferPointer(start: base, count: room * MemoryLayout<Element>.stride))
        }
    }
}
