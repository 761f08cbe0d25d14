import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text value of a lead (source, owner, company, …), stored once per distinct value in a `TextTable`.
/// `TextRef.empty` is the empty text. Leads hold these 4-byte references instead of `String`s, so a million
/// leads are plain memory: no reference counting when they are copied, nothing to release when they go.
package struct TextRef: Hashable, Sendable, Comparable {
    /// The entry's position in its table.
    package let raw: Int32

    /// The empty text (entry 0 of every table).
    package static let empty = TextRef(raw: 0)

    /// The reference to entry `raw`.
    package init(raw: Int32) { self.raw = raw }

    /// True for the empty text.
    package var isEmpty: Bool { raw == 0 }

    package static func < (a: TextRef, b: TextRef) -> Bool { a.raw < b.raw }
}

/// Distinct texts stored in one byte arena and found by their bytes (open addressing on an FNV-1a hash), so the
/// loaders intern CSV cells without building a `String` first. `materialize()` (the ledger runs it after loading)
/// keeps each entry that more than one cell refers to as a `String` and lowercased; an entry only one cell refers
/// to (most company names of a real export) stays bytes, decoded when asked for.
package struct TextTable: Sendable {
    private var arena: [UInt8] = []
    /// Entry k is `arena[offsets[k]..<offsets[k + 1]]`.
    private var offsets: [Int] = [0, 0]
    private var hashes: [UInt32] = [0]
    /// Per entry: has more than one cell referred to it (`intern` found it already there)?
    private var shared: [Bool] = [true]
    /// Per entry: was it added by `append` (kept as bytes, not found by `find`/`intern`)?
    private var unpooled: [Bool] = [false]
    /// Entries in `slots` (pooled, the empty text excluded).
    private var pooled = 0
    /// Entry index + 1 per slot (0 = free).
    /// Per slot: the entry's hash in the high 32 bits and its index + 1 in the low 32 (0 = free), so a probe compares
    /// hashes without a second cache miss into `hashes`.
    private var slots = [UInt64](repeating: 0, count: 64)
    /// Shared entries as `String`s (after `materialize()`; an empty placeholder for the others).
    private var strings: [String] = [""]
    /// Shared entries lowercased (after `materialize()`), for case-insensitive comparisons.
    private var lowercasedStrings: [String] = [""]

    /// An empty table.
    package init() {}

    /// Number of entries, the empty text included.
    package var count: Int { hashes.count }

    /// The entry's text.
    package subscript(ref: TextRef) -> String {
        let k = Int(ref.raw)
        if k < strings.count, shared[k] { return strings[k] }
        return withBytes(ref) { String(decoding: $0, as: UTF8.self) }
    }

    /// The entry's text lowercased, for case-insensitive comparisons.
    package func lowercased(_ ref: TextRef) -> String {
        let k = Int(ref.raw)
        if k < lowercasedStrings.count, shared[k] { return lowercasedStrings[k] }
        return self[ref].lowercased()
    }

    /// Calls `body` with the entry's bytes.
    package func withBytes<R>(_ ref: TextRef, _ body: (ByteView) -> R) -> R {
        let k = Int(ref.raw)
        return ByteView.with(arena, range: offsets[k]..<offsets[k + 1], body)
    }

    /// The reference for `bytes` (valid UTF-8, checked by the caller), adding an entry when they are new.
    @inline(__always)
    package mutating func intern(_ bytes: ByteView) -> TextRef {
        insert(bytes).ref
    }

    /// A new entry for `bytes`; `nil` when the table holds them already (or they are empty).
    @inline(__always)
    package mutating func add(_ bytes: ByteView) -> TextRef? {
        let (ref, inserted) = insert(bytes)
        return inserted ? ref : nil
    }

    /// A new entry for `text`; `nil` when the table holds it already (or it is empty).
    package mutating func add(_ text: String) -> TextRef? {
        ByteView.with(text) { add($0) }
    }

    private mutating func insert(_ bytes: ByteView) -> (ref: TextRef, inserted: Bool) {
        if bytes.isEmpty { return (.empty, false) }
        let h = Self.hash(bytes)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while slots[i] != 0 {
            let slot = slots[i], k = Int(UInt32(truncatingIfNeeded: slot)) - 1
            if UInt32(slot >> 32) == h, equal(k, bytes) {
                if !shared[k] { shared[k] = true }
                return (TextRef(raw: Int32(k)), false)
            }
            i = (i + 1) & mask
        }
        let k = hashes.count
        arena.append(bytes)
        offsets.append(arena.count)
        hashes.append(h)
        shared.append(false)
        unpooled.append(false)
        slots[i] = Self.slot(h, k)
        pooled += 1
        if pooled * 2 > slots.count { grow() }
        return (TextRef(raw: Int32(k)), true)
    }

    /// A new entry for `bytes` (valid UTF-8, checked by the caller) without looking for an equal one: for columns
    /// whose values are nearly all distinct (company names) and that no rule groups by, this saves hashing and
    /// probing a table as large as the file. Such entries are not found by `find` or `intern`.
    @inline(__always)
    package mutating func append(_ bytes: ByteView) -> TextRef {
        if bytes.isEmpty { return .empty }
        let k = hashes.count
        arena.append(bytes)
        offsets.append(arena.count)
        hashes.append(0)
        shared.append(false)
        unpooled.append(true)
        return TextRef(raw: Int32(k))
    }

    /// `append` for a decoded text.
    package mutating func append(_ text: String) -> TextRef {
        ByteView.with(text) { append($0) }
    }

    /// True when the entry was added by `append`.
    package func isUnpooled(_ ref: TextRef) -> Bool { unpooled[Int(ref.raw)] }

    /// The reference for `text`, adding it when new.
    package mutating func intern(_ text: String) -> TextRef {
        ByteView.with(text) { intern($0) }
    }

    /// The reference for `bytes` when the table holds them.
    package func find(_ bytes: ByteView) -> TextRef? {
        if bytes.isEmpty { return .empty }
        let h = Self.hash(bytes)
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            var i = Int(h) & mask
            while slots[i] != 0 {
                let slot = slots[i], k = Int(UInt32(truncatingIfNeeded: slot)) - 1
                if UInt32(slot >> 32) == h, equal(k, bytes) { return TextRef(raw: Int32(k)) }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// The slot for entry `k` of hash `h`.
    private static func slot(_ h: UInt32, _ k: Int) -> UInt64 { UInt64(h) << 32 | UInt64(k + 1) }

    /// True when entry `k` holds exactly `bytes`.
    @inline(__always)
    package func equal(_ k: Int, _ bytes: ByteView) -> Bool {
        let start = offsets[k], length = offsets[k + 1] - start
        guard length == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            let x = UnsafeRawPointer(a.baseAddress! + start), y = UnsafeRawPointer(bytes.base.baseAddress!)
            // Ids and short labels: whole words, no call into the C library.
            if length <= 16 {
                var i = 0
                while i + 8 <= length {
                    if x.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        != y.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    {
                        return false
                    }
                    i += 8
                }
                while i < length {
                    if x.load(fromByteOffset: i, as: UInt8.self) != y.load(fromByteOffset: i, as: UInt8.self) {
                        return false
                    }
                    i += 1
                }
                return true
            }
            return memoryEqual(a.baseAddress! + start, bytes.base.baseAddress!, length)
        }
    }

    /// Adds every entry of `other` after the empty text, in order, as new entries (a table of ids: entry k + 1 for
    /// row k). False when one of them is here already; the entries before it stay added.
    package mutating func addAll(_ other: TextTable) -> Bool {
        reserve(count + other.count - 2, bytesEach: 0)
        for k in 1..<max(1, other.count) where other.withBytes(TextRef(raw: Int32(k)), { add($0) }) == nil {
            return false
        }
        return true
    }

    /// Takes in every entry of `other` (a table joined into this one): an entry it appended is appended, a pooled one
    /// interned (and marked shared when it was shared there). Returns, for each entry of `other`, its entry here.
    package mutating func merge(_ other: TextTable) -> [TextRef] {
        var remap = [TextRef](repeating: .empty, count: other.count)
        for k in 1..<max(1, other.count) {
            let ref = TextRef(raw: Int32(k))
            remap[k] = other.withBytes(ref) { other.isUnpooled(ref) ? append($0) : intern($0) }
            if other.isShared(ref) { markShared(remap[k]) }
        }
        return remap
    }

    /// Marks an entry as referred to by more than one cell (when tables are joined).
    package mutating func markShared(_ ref: TextRef) { shared[Int(ref.raw)] = true }

    /// True when more than one cell refers to the entry.
    package func isShared(_ ref: TextRef) -> Bool { shared[Int(ref.raw)] }

    /// Builds the `String` and lowercased forms of the shared entries added since the last call.
    package mutating func materialize() {
        while strings.count < count {
            let k = strings.count
            guard shared[k] else {
                strings.append("")
                lowercasedStrings.append("")
                continue
            }
            let s = withBytes(TextRef(raw: Int32(k))) { String(decoding: $0, as: UTF8.self) }
            strings.append(s)
            lowercasedStrings.append(s.lowercased())
        }
    }

    /// Reserves room for `entries` entries of about `bytesEach` bytes.
    package mutating func reserve(_ entries: Int, bytesEach: Int) {
        arena.reserveCapacity(entries * bytesEach)
        offsets.reserveCapacity(entries + 1)
        hashes.reserveCapacity(entries)
        shared.reserveCapacity(entries)
        unpooled.reserveCapacity(entries)
        var size = slots.count
        while size < entries * 2 { size *= 2 }
        if size > slots.count {
            slots = Self.emptySlots(size)
            rehash()
        }
    }

    /// Reserves room for `entries` entries and `bytes` bytes of text in all, without making the slot table larger: for a
    /// table mostly filled by `append` (the slots hold only the pooled entries), so that it does not grow by copying.
    package mutating func reserveAppended(_ entries: Int, bytes: Int) {
        arena.reserveCapacity(bytes)
        offsets.reserveCapacity(entries + 1)
        hashes.reserveCapacity(entries)
        shared.reserveCapacity(entries)
        unpooled.reserveCapacity(entries)
    }

    /// The bytes of text held, all entries together.
    package var byteCount: Int { arena.count }

    /// A hash of `bytes` (not empty), eight bytes at a time.
    @inline(__always)
    package static func hash(_ bytes: ByteView) -> UInt32 {
        let p = UnsafeRawPointer(bytes.base.baseAddress!)
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
    private static func emptySlots(_ count: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: 0)
            initialized = count
        }
    }

    private mutating func rehash() {
        let mask = slots.count - 1
        for k in 1..<hashes.count where !unpooled[k] {
            var i = Int(hashes[k]) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Self.slot(hashes[k], k)
        }
    }
}

/// Asks the kernel to back large, not yet touched memory with 2 MB pages: fewer page faults while a million rows are
/// written, fewer TLB misses when they are read at random. Only advice; nothing changes where it is not taken.
package enum HugePages {
    package static func advise(_ memory: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard memory.count >= 4 << 20, let base = memory.baseAddress else { return }
        let huge: UInt = 2 << 20
        let start = (UInt(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = UInt(bitPattern: base + memory.count) & ~(huge - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE) }
        #endif
    }
}

/// Asks the kernel to back memory with pages before it is written (`MADV_POPULATE_WRITE`, Linux 5.14 and later;
/// elsewhere nothing happens): one core can fault in the room another is about to copy into. Only advice about
/// memory the caller owns — it does not change what the memory holds.
package enum PageBacking {
    /// `MADV_POPULATE_WRITE` (its value in the kernel's headers; older C libraries do not name it).
    private static let populateWrite: Int32 = 23

    /// A range of memory, as an address and a length (plain integers, so it can be handed to another core).
    package struct Room: Sendable {
        package let start: UInt
        package let bytes: Int

        package init(start: UInt, bytes: Int) {
            self.start = start
            self.bytes = bytes
        }
    }

    /// Backs `room` with pages, 8 MB at a time from its end towards its start (where the writer begins), so the two
    /// meet rather than contend; rooms under 8 MB are left to the writer.
    package static func backFromEnd(_ room: Room) {
        #if os(Linux)
        let page = UInt(sysconf(Int32(_SC_PAGESIZE))), chunk: UInt = 8 << 20
        guard room.start != 0, room.bytes >= Int(chunk) else { return }
        let first = (room.start + page - 1) & ~(page - 1)
        var end = (room.start + UInt(room.bytes)) & ~(page - 1)
        while end > first {
            let from = max(first, end >= chunk ? end - chunk : 0)
            guard madvise(UnsafeMutableRawPointer(bitPattern: from), Int(end - from), populateWrite) == 0 else {
                return
            }
            end = from
        }
        #endif
    }
}

extension Array {
    /// `reserveCapacity`, with huge pages advised for the new (untouched) room.
    package mutating func reserveHuge(_ capacity: Int) {
        reserveCapacity(capacity)
        let room = self.capacity
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            HugePages.advise(UnsafeMutableRawBufferPointer(start: base, count: room * MemoryLayout<Element>.stride))
        }
    }
}
