import Foundation
internal import HandoffIO

/// Rows of the activities or engagement export, parsed without the lead index (so they can be read while the leads
/// file is still loading), grouped in runs of consecutive rows with the same lead id, tied to leads afterwards.
struct DetachedRows: Sendable {
    /// The lead id of each run, as bytes: run k's id is `idBytes[idEnds[k - 1]..<idEnds[k]]`.
    var idBytes: [UInt8] = []
    var idEnds: [UInt32] = []
    /// Where each run starts in the row arrays. (Four bytes each: an export in time order has a run per row.)
    var runStarts: [UInt32] = []
    /// Each row's time and code. Engagement: the action code. Activities: bit 0 = counts as a touch, bit 1 = counts
    /// as an attempt. When the export lists leads in the leads file's order this becomes the ledger's `events` as is.
    var events: [EngagementEvent] = []
    /// Each row's line, counted from the span's first line; `lineOffset` added gives the file's line.
    var lines: [Int32] = []
    /// Problems found while parsing (bad timestamps, missing ids), in line order, with the file's lines.
    var issues: [DataIssue] = []
    /// Local times of the `at` column in a DST gap or overlap (columns read by a pattern).
    var localTimes = LocalTimeCounts()
    /// Engagement action names or activity type names; the rows' codes index this.
    var actions: [String] = []
    /// Activities with an owner column: the owner of each code (beside `actions`; "" for none). Empty otherwise.
    var owners: [String] = []
    /// The raw type or action values met (lowercased), for checking value mappings.
    var rawValues: Set<String> = []
    var rows = 0
    var earliest = Int64.max
    var latest = Int64.min
    var end = CSVReader.SpanEnd.none

    /// Room for about `rows` rows.
    mutating func reserve(rows: Int) {
        events.reserveHuge(rows)
        lines.reserveHuge(rows)
    }

    /// The code of `action` done by `owner` ("" for none), added when new. Once any kind has an owner, `owners` is
    /// kept beside `actions`. With 65,535 kinds a new one is not added: the action keeps its first code, without the
    /// owner (the row and its type still count).
    mutating func code(action: String, owner: String) -> UInt16 {
        if !owner.isEmpty || !owners.isEmpty { owners += Array(repeating: "", count: actions.count - owners.count) }
        if let known = actions.indices.first(where: {
            actions[$0] == action && (owners.isEmpty || owners[$0] == owner)
        }) {
            return UInt16(known)
        }
        if actions.count >= Int(UInt16.max), let first = actions.firstIndex(of: action) { return UInt16(first) }
        actions.append(action)
        if !owners.isEmpty { owners.append(owner) }
        return UInt16(truncatingIfNeeded: actions.count - 1)
    }

    /// Room for the rows of `others` too (the spans to be absorbed), so that absorbing them never copies.
    mutating func reserve(adding others: [DetachedRows]) {
        let extra = others.reduce(0) { $0 + $1.events.count }
        events.reserveHuge(events.count + extra)
        lines.reserveHuge(lines.count + extra)
        idBytes.reserveCapacity(others.reduce(idBytes.count) { $0 + $1.idBytes.count })
        idEnds.reserveCapacity(others.reduce(idEnds.count) { $0 + $1.idEnds.count })
        runStarts.reserveCapacity(others.reduce(runStarts.count) { $0 + $1.runStarts.count })
    }

    /// Adds a row, opening a new run when the lead id changes.
    @inline(__always)
    mutating func append(id raw: ByteView, at: Int64, code: UInt16, line: Int) {
        if runStarts.isEmpty || !sameID(raw) {
            idBytes.append(raw)
            idEnds.append(UInt32(idBytes.count))
            runStarts.append(UInt32(events.count))
        }
        events.append(EngagementEvent(action: code, at: at))
        lines.append(Int32(clamping: line))
        if at < earliest { earliest = at }
        if at > latest { latest = at }
    }

    private func sameID(_ raw: ByteView) -> Bool {
        let k = idEnds.count - 1
        let start = k > 0 ? Int(idEnds[k - 1]) : 0
        guard Int(idEnds[k]) - start == raw.count else { return false }
        return ByteView.with(idBytes, range: start..<Int(idEnds[k])) { $0.equals(raw) }
    }

    /// Number of runs.
    var runCount: Int { runStarts.count }

    /// The rows of run `k`.
    func range(ofRun k: Int) -> Range<Int> {
        Int(runStarts[k])..<(k + 1 < runStarts.count ? Int(runStarts[k + 1]) : events.count)
    }

    /// Calls `body` with the lead id bytes of run `k`.
    func withID<R>(ofRun k: Int, _ body: (ByteView) -> R) -> R {
        let start = k > 0 ? Int(idEnds[k - 1]) : 0
        return ByteView.with(idBytes, range: start..<Int(idEnds[k]), body)
    }

    /// The lead id of run `k` as text.
    func id(ofRun k: Int) -> String { withID(ofRun: k) { String(decoding: $0, as: UTF8.self) } }

    /// Appends the rows of the span after this one, whose lines were counted from 1 (`lineOffset` shifts them).
    mutating func absorb(_ next: DetachedRows, lineOffset: Int) {
        let rowBase = UInt32(events.count), byteBase = UInt32(idBytes.count)
        idBytes.append(contentsOf: next.idBytes)
        idEnds.append(contentsOf: next.idEnds.lazy.map { $0 + byteBase })
        runStarts.append(contentsOf: next.runStarts.lazy.map { $0 + rowBase })
        lines.append(contentsOf: next.lines.lazy.map { $0 &+ Int32(clamping: lineOffset) })
        issues.append(
            contentsOf: next.issues.lazy.map {
                var issue = $0
                issue.line += lineOffset
                return issue
            })
        localTimes.add(next.localTimes)
        // Action codes are per span: translate the next span's into this one's.
        let code = next.actions.indices.map {
            self.code(action: next.actions[$0], owner: $0 < next.owners.count ? next.owners[$0] : "")
        }
        if code.isEmpty || code.enumerated().allSatisfy({ $0.offset == Int($0.element) }) {
            events.append(contentsOf: next.events)
        } else {
            events.append(contentsOf: next.events.lazy.map { EngagementEvent(action: code[Int($0.action)], at: $0.at) })
        }
        rows += next.rows
        rawValues.formUnion(next.rawValues)
        earliest = min(earliest, next.earliest)
        latest = max(latest, next.latest)
        end = next.end
    }
}
