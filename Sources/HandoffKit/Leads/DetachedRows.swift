import Foundation

/// Rows of the activities or engagement export, parsed without the lead index (so they can be read while the leads
/// file is still loading), grouped in runs of consecutive rows with the same lead id, tied to leads afterwards.
struct DetachedRows: Sendable {
    /// One lead id per run of consecutive rows.
    var ids: [String] = []
    /// Where each run starts in the row arrays.
    var runStarts: [Int] = []
    var ats: [Int64] = []
    /// Engagement: the action code. Activities: bit 0 = counts as a touch, bit 1 = counts as an attempt.
    var codes: [UInt16] = []
    var lines: [Int32] = []
    /// Problems found while parsing (bad timestamps, missing ids), in line order.
    var issues: [DataIssue] = []
    /// Engagement action names; `codes` index this.
    var actions: [String] = []
    var rows = 0
    var preamble = 0
    var lastID: [UInt8] = []

    /// Adds a row, opening a new run when the lead id changes.
    mutating func append(id raw: UnsafeBufferPointer<UInt8>, _ makeID: () -> String, at: Int64, code: UInt16, line: Int) {
        if ids.isEmpty || !Bytes.equal(lastID, raw) {
            ids.append(makeID())
            runStarts.append(ats.count)
            lastID = Array(raw)
        }
        ats.append(at)
        codes.append(code)
        lines.append(Int32(clamping: line))
    }

    /// The rows of run `k`.
    func range(ofRun k: Int) -> Range<Int> {
        runStarts[k]..<(k + 1 < runStarts.count ? runStarts[k + 1] : ats.count)
    }
}

/// Runs two pieces of work at once on the machine's cores and returns both results.
enum Concurrently {
    static func run<A, B: Sendable>(_ first: () throws -> A, _ second: @escaping @Sendable () throws -> B) throws -> (A, B) {
        let box = ResultBox<B>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            box.result = Result { try second() }
            done.signal()
        }
        let a = Result { try first() }
        done.wait()
        guard let b = box.result else { throw HandoffError(.usage, "internal error: background work did not finish") }
        return (try a.get(), try b.get())
    }

    /// Written by the background work before it signals; read only after the wait.
    private final class ResultBox<B>: @unchecked Sendable {
        var result: Result<B, Error>?
    }
}
