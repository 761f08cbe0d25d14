import Foundation

/// Runs independent pieces of work on the machine's cores; each core takes the next index when it is free.
enum Concurrently {
    /// `work(0..<count)`, results in index order.
    static func map<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
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
    static func forEach(_ count: Int, _ work: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: work)
    }
}

/// Moves the value out of `slot`, leaving `placeholder`: the caller then holds the only reference to the value's
/// arrays, so changing them does not copy them first.
func moveOut<T>(_ slot: inout T, leaving placeholder: T) -> T {
    var value = placeholder
    swap(&value, &slot)
    return value
}
