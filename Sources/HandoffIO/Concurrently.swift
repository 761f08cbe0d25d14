import Foundation

/// Runs independent pieces of work on the machine's cores; each core takes the next index when it is free.
package enum Concurrently {
    /// `work(0..<count)`, results in index order.
    package static func map<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let out = slots
        forEach(count) { out[$0] = work($0) }
        return slots.map { $0! }
    }

    /// `work(0..<count)` for its effects (each index writing only its own part of shared memory).
    package static func forEach(_ count: Int, _ work: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: work)
    }
}

/// Moves the value out of `slot`, leaving `placeholder`: the caller then holds the only reference to the value's
/// arrays, so changing them does not copy them first.
package func moveOut<T>(_ slot: inout T, leaving placeholder: T) -> T {
    var value = placeholder
    swap(&value, &slot)
    return value
}

extension Concurrently {
    /// `work(i, items[i])` for every item on all cores, each item moved out of `items` (left as `placeholder`), so
    /// the work holds the only reference to the item's arrays and can change them without copying. Results in order.
    package static func consume<T: Sendable, R: Sendable>(
        _ items: inout [T], leaving placeholder: T, _ work: @Sendable (Int, inout T) -> R
    ) -> [R] {
        items.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            return map(buffer.count) { i in
                var mine = moveOut(&buffer[i], leaving: placeholder)
                return work(i, &mine)
            }
        }
    }
}
