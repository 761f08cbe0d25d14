/// Sorting the rows of many owners (the events of a million leads, each lead's rows together in one flat array) on
/// all cores: the step that writes into shared memory, kept here behind checked preconditions. Inlinable so that it
/// is specialized for the loader's row type (a generic call per row costs more than the work).
package enum Grouping {
    /// Sorts each segment of `items` by `key`, keeping the order of equal keys, on up to `cores` cores. Segment `i`
    /// (of `count`) is `segment(i)`; segments must not overlap. A segment already in order is only checked.
    @inlinable package static func sortSegments<T: Sendable>(
        _ items: inout [T], count: Int, cores: Int, segment: @Sendable (Int) -> Range<Int>,
        key: @Sendable (T) -> Int64
    ) {
        let itemCount = items.count
        items.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            let parts = max(1, min(cores, count / 65_536))
            Concurrently.forEach(parts) { part in
                for i in count * part / parts..<count * (part + 1) / parts {
                    let range = segment(i)
                    precondition(range.lowerBound >= 0 && range.upperBound <= itemCount, "segment out of range")
                    guard range.count > 1 else { continue }
                    var k = range.lowerBound + 1
                    while k < range.upperBound, key(buffer[k]) >= key(buffer[k - 1]) { k += 1 }
                    if k < range.upperBound { sortStably(UnsafeMutableBufferPointer(rebasing: buffer[range]), key) }
                }
            }
        }
    }

    /// The rows grouped by owner, in row order within each owner (a counting sort): run `k` — the rows from
    /// `runStarts[k]` to the next run's start (the last run to the end of `rows`) — goes to owner `runOwners[k]`'s
    /// slice, after that owner's earlier runs; runs of owner -1 are left out. Owner `i`'s slice starts at `starts[i]`
    /// (non-decreasing), and `total` rows are kept. The owners are cut into up to `cores` parts of about equal rows;
    /// each part fills its own slices, which are contiguous, reading every run and writing only its own owners' rows.
    /// Every slot is set to `blank` first, so a count that does not match its runs cannot leave memory uninitialized,
    /// and no write leaves its part's slices (checked). A part has at least `minimumPart` rows (fewer rows: one part).
    @inlinable package static func scatter<T: Sendable>(
        _ rows: [T], runOwners: [Int32], runStarts: [UInt32], starts: [Int32], total: Int, cores: Int, blank: T,
        minimumPart: Int = 1_000_000
    ) -> [T] {
        precondition(runOwners.count == runStarts.count, "one owner per run")
        let owners = starts.count, rowCount = rows.count
        let parts = max(1, min(cores, total / max(1, minimumPart)))
        // Part p's owners begin at the first whose slice starts at or after total * p / parts.
        var bounds = [0]
        for p in 1..<max(1, parts) {
            var lo = bounds[bounds.count - 1], hi = owners
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(starts[mid]) < total * p / parts { lo = mid + 1 } else { hi = mid }
            }
            bounds.append(lo)
        }
        bounds.append(owners)
        let edges = bounds
        return [T](unsafeUninitializedCapacity: total) { out, initialized in
            nonisolated(unsafe) let out = out
            rows.withUnsafeBufferPointer { rows in
                runOwners.withUnsafeBufferPointer { runOwners in
                    runStarts.withUnsafeBufferPointer { runStarts in
                        nonisolated(unsafe) let (rows, runOwners, runStarts) = (rows, runOwners, runStarts)
                        Concurrently.forEach(parts) { p in
                            let (first, last) = (edges[p], edges[p + 1])
                            let lo = first < owners ? Int(starts[first]) : total
                            let hi = last < owners ? Int(starts[last]) : total
                            precondition(0 <= lo && lo <= hi && hi <= total, "owner slices out of range")
                            (out.baseAddress! + lo).initialize(repeating: blank, count: hi - lo)
                            var filled = [Int32](repeating: 0, count: last - first)
                            for k in 0..<runOwners.count {
                                let owner = Int(runOwners[k])
                                guard owner >= first, owner < last else { continue }
                                let from = Int(runStarts[k])
                                let to = k + 1 < runStarts.count ? Int(runStarts[k + 1]) : rowCount
                                var at = Int(starts[owner]) + Int(filled[owner - first])
                                precondition(
                                    from <= to && to <= rowCount && at >= lo && at + (to - from) <= hi,
                                    "a run outside its owner's part")
                                for i in from..<to {
                                    out[at] = rows[i]
                                    at += 1
                                }
                                filled[owner - first] += Int32(to - from)
                            }
                        }
                    }
                }
            }
            initialized = total
        }
    }

    /// Insertion sort for the handful of rows an owner usually has; the standard sort beyond 32.
    @usableFromInline static func sortStably<T>(_ rows: UnsafeMutableBufferPointer<T>, _ key: (T) -> Int64) {
        var rows = rows
        guard rows.count <= 32 else { return rows.sort { key($0) < key($1) } }
        for i in 1..<rows.count {
            let e = rows[i]
            var j = i
            while j > 0, key(rows[j - 1]) > key(e) {
                rows[j] = rows[j - 1]
                j -= 1
            }
            rows[j] = e
        }
    }
}

/// Counters for one call of a hot loop, without allocating on the heap each call.
package struct Counters {
    private let base: UnsafeMutableBufferPointer<Int>

    /// Calls `body` with `count` counters, all 0.
    package static func withZeroed<R>(_ count: Int, _ body: (Counters) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { buffer in
            buffer.initialize(repeating: 0)
            return try body(Counters(base: buffer))
        }
    }

    /// Counter `index`; traps outside `0..<count`.
    package subscript(index: Int) -> Int {
        get {
            precondition(index >= 0 && index < base.count, "counter out of range")
            return base[index]
        }
        nonmutating set {
            precondition(index >= 0 && index < base.count, "counter out of range")
            base[index] = newValue
        }
    }
}

extension CaseIterable where Self: Equatable {
    /// The case's place in `allCases`, without a table to keep in step or a hash: a payload-free enum of up to 256
    /// cases is stored as its declaration index, which is also its `allCases` index (a test checks each such enum).
    package var caseOrdinal: Int {
        precondition(MemoryLayout<Self>.size == 1, "caseOrdinal needs a payload-free enum of at most 256 cases")
        return Int(unsafeBitCast(self, to: UInt8.self))
    }
}
