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
