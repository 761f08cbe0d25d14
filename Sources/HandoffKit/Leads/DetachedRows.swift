import Foundation
internal import HandoffIO

/// Rows of the activities or engagement export, read after the leads export: grouped in runs of consecutive rows with
/// the same lead id, each run's lead found as the run opens (`LeadFinder`), so no id is kept once read.
struct DetachedRows: Sendable {
    /// The lead of each run (its index among the leads), or -1 when no lead has the run's id.
    var runLeads: [Int32] = []
    /// Where each run starts in the row arrays. (Four bytes each: an export in time order has a run per row.)
    var runStarts: [UInt32] = []
    /// Each row's time and code. Engagement: the action code. Activities: bit 0 = counts as a touch, bit 1 = counts
    /// as an attempt. When the export lists leads in the leads file's order this becomes the ledger's `events` as is.
    var events: [EngagementEvent] = []
    /// The id of the last run, as bytes: a row with the same id joins it without a lookup.
    private var lastID: [UInt8] = []
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
        runLeads.reserveHuge(rows)
        runStarts.reserveHuge(rows)
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
        runLeads.reserveCapacity(others.reduce(runLeads.count) { $0 + $1.runLeads.count })
        runStarts.reserveCapacity(others.reduce(runStarts.count) { $0 + $1.runStarts.count })
    }

    /// Adds a row, opening a new run when the lead id changes (its lead found by `finder`). False when no lead has the
    /// id: the row is kept in a run of lead -1 (its time still counts for the data's earliest and latest), and the
    /// caller reports it.
    @inline(__always)
    mutating func append(id raw: ByteView, at: Int64, code: UInt16, finder: inout LeadFinder) -> Bool {
        if runStarts.isEmpty || !raw.equals(lastID) {
            lastID.removeAll(keepingCapacity: true)
            lastID.append(raw)
            runLeads.append(finder.lead(raw))
            runStarts.append(UInt32(events.count))
        }
        events.append(EngagementEvent(action: code, at: at))
        if at < earliest { earliest = at }
        if at > latest { latest = at }
        return runLeads[runLeads.count - 1] >= 0
    }

    /// Number of runs.
    var runCount: Int { runStarts.count }

    /// The rows of run `k`.
    func range(ofRun k: Int) -> Range<Int> {
        Int(runStarts[k])..<(k + 1 < runStarts.count ? Int(runStarts[k + 1]) : events.count)
    }

    /// Appends the rows of the span after this one, whose lines were counted from 1 (`lineOffset` shifts them).
    mutating func absorb(_ next: DetachedRows, lineOffset: Int) {
        let rowBase = UInt32(events.count)
        runLeads.append(contentsOf: next.runLeads)
        runStarts.append(contentsOf: next.runStarts.lazy.map { $0 + rowBase })
        lastID = next.lastID
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

/// The leads as read, for finding the lead of a side file's row: ids that are a prefix and a number (most CRMs' record
/// ids) by one array read, others by the id table.
struct LeadIndex: Sendable {
    let ids: TextTable
    let numbered: NumberedIDs?

    init(_ ids: TextTable) {
        self.ids = ids
        numbered = NumberedIDs(ids)
    }
}

/// Finds the lead of each run of one span (reads only, so spans are read on all cores).
struct LeadFinder {
    /// The index's parts, held directly: reaching them through the index would retain its arrays on every call.
    private let ids: TextTable
    private let numbered: NumberedIDs?
    /// Exports often list leads in the leads file's order: the next lead is tried before the id is looked up, while
    /// that guess pays (in an export in time order it never does, and costs two cache misses a row).
    private var next = 0, hits = 0, misses = 0

    init(_ index: LeadIndex) {
        ids = index.ids
        numbered = index.numbered
    }

    /// The lead with id `id` (its index among the leads), or -1.
    mutating func lead(_ id: ByteView) -> Int32 {
        if misses <= hits + 64, next + 1 < ids.count {
            if ids.equal(next + 1, id) {
                hits += 1
                next += 1
                return Int32(next - 1)
            }
            misses += 1
        }
        let found: TextRef?
        switch numbered {
        case .some(let numbered): found = numbered.find(id)
        case .none: found = ids.find(id)
        }
        guard let found, !found.isEmpty else { return -1 }
        next = Int(found.raw)
        return found.raw - 1
    }
}
