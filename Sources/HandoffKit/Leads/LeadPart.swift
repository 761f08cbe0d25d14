internal import HandoffIO

/// The leads read from one span of the leads export (and, once joined, from the whole file).
struct LeadPart: Sendable {
    var leads: [Lead] = []
    var texts = TextTable()
    /// Lead ids in lead order: lead `i` has entry `i + 1`.
    var ids = TextTable()
    var quality = DataQuality()
    var columns: Set<LeadColumn> = []
    var latest = Int64.min
    var earliest = Int64.max
    var rows = 0
    var end = CSVReader.SpanEnd.none
    /// Filled once activities and engagement are tied to the leads.
    var actions: [String] = []
    var events: [EngagementEvent] = []
    var activityTypes: [String] = []
    /// The owner of each activity kind (beside `activityTypes`; "" for none); empty without an owner column.
    var activityOwners: [String] = []
    var activities: [EngagementEvent] = []

    /// Per text entry: does it mean blank (a placeholder such as `N/A`)? Checked once per distinct value.
    private var placeholder: [Bool] = [false]
    /// Per text entry: the entry after a value mapping (`data.values.source`, rejection reason ids), or -1 when not yet known.
    private var mappedSource: [Int32] = []
    private var mappedReason: [Int32] = []
    /// Status and decision values seen so far, by raw bytes (a handful of distinct values in a million rows).
    var statuses = ValueCache<LeadStatus>()
    var decisions = ValueCache<Decision>()

    mutating func saw(_ t: Int64) {
        if t > latest { latest = t }
        if t < earliest { earliest = t }
    }

    /// The entry for a cell's bytes (ASCII, no escapes), or `.empty` when they mean blank.
    @inline(__always)
    mutating func text(_ bytes: ByteView, _ loader: LeadLoader) -> TextRef {
        let ref = texts.intern(bytes)
        if Int(ref.raw) >= placeholder.count { catchUp(loader) }
        return placeholder[Int(ref.raw)] ? .empty : ref
    }

    /// A new entry for a cell's bytes (ASCII, no escapes; not blank), not interned (see `TextTable.append`).
    @inline(__always)
    mutating func unpooledText(_ bytes: ByteView, _ loader: LeadLoader) -> TextRef {
        if texts.count > placeholder.count { catchUp(loader) }
        let ref = texts.append(bytes)
        placeholder.append(false)
        return ref
    }

    /// `unpooledText` for a decoded text (already known not to be blank).
    mutating func unpooledText(_ value: String, _ loader: LeadLoader) -> TextRef {
        if texts.count > placeholder.count { catchUp(loader) }
        let ref = texts.append(value)
        placeholder.append(false)
        return ref
    }

    /// The entry for a decoded text (already known not to be blank).
    mutating func text(_ value: String, _ loader: LeadLoader) -> TextRef {
        let ref = texts.intern(value)
        if Int(ref.raw) >= placeholder.count { catchUp(loader) }
        return ref
    }

    private mutating func catchUp(_ loader: LeadLoader) {
        while placeholder.count < texts.count {
            placeholder.append(texts.withBytes(TextRef(raw: Int32(placeholder.count)), loader.blank))
        }
    }

    /// `ref` through a value mapping (source values, rejection reason ids), computed once per distinct value.
    mutating func mapped(_ ref: TextRef, reason: Bool, _ map: (String) -> String, _ loader: LeadLoader) -> TextRef {
        let table: WritableKeyPath<LeadPart, [Int32]> = reason ? \.mappedReason : \.mappedSource
        let k = Int(ref.raw)
        if k < self[keyPath: table].count, self[keyPath: table][k] >= 0 { return TextRef(raw: self[keyPath: table][k]) }
        let result = text(map(texts[ref]), loader)
        while self[keyPath: table].count <= k { self[keyPath: table].append(-1) }
        self[keyPath: table][k] = result.raw
        return result
    }

    /// The texts looked up through a value mapping so far (sources, or rejection reasons), as written.
    func mappedTexts(reason: Bool) -> [String] {
        let table = reason ? mappedReason : mappedSource
        return table.indices.filter { table[$0] >= 0 }.map { texts[TextRef(raw: Int32($0))] }
    }

    /// Appends the leads of the span after this one, whose lines were counted from 1 (`lineOffset` shifts them).
    /// Returns false when a lead id of `next` already appeared in this part: then the file is read front to back,
    /// which keeps the first row of the id and reports the other in its place.
    mutating func absorb(_ next: LeadPart, lineOffset: Int) -> Bool {
        // The ids on one core, the texts and then the leads on another: each table is moved into its work, so each
        // holds the only reference and adds in place. The ids are done first; that core then backs the room the leads
        // are copied into (fresh memory, slow to fault in on this kind of machine) from its far end.
        leads.reserveCapacity(leads.count + next.leads.count)
        let room = leads.withUnsafeBufferPointer { buffer in
            PageBacking.Room(
                start: UInt(bitPattern: buffer.baseAddress.map { UnsafeRawPointer($0 + leads.count) }),
                bytes: next.leads.count * MemoryLayout<Lead>.stride)
        }
        var work: [JoinWork] = [
            .ids(moveOut(&ids, leaving: TextTable())),
            .leads(moveOut(&texts, leaving: TextTable()), moveOut(&leads, leaving: [])),
        ]
        let done = Concurrently.consume(&work, leaving: .none) { _, item -> (JoinWork, Bool) in
            switch moveOut(&item, leaving: .none) {
            case .ids(var ids):
                let fits = ids.addAll(next.ids)
                if fits { PageBacking.backFromEnd(room) }
                return (.ids(ids), fits)
            case .leads(var texts, var leads):
                let remap = texts.merge(next.texts)
                let base = Int32(leads.count)
                for var lead in next.leads {
                    lead.id = TextRef(raw: lead.id.raw + base)
                    lead.remapTexts(remap)
                    leads.append(lead)
                }
                return (.leads(texts, leads), true)
            case .none: return (.none, true)
            }
        }
        for (item, _) in done {
            switch item {
            case .ids(let table): ids = table
            case .leads(let table, let rows): (texts, leads) = (table, rows)
            case .none: break
            }
        }
        guard done.allSatisfy(\.1) else { return false }
        quality.absorb(next.quality, lineOffset: lineOffset)
        columns.formUnion(next.columns)
        if next.earliest <= next.latest {
            saw(next.earliest)
            saw(next.latest)
        }
        rows += next.rows
        end = next.end
        return true
    }
}

/// The two halves of joining a span's leads, done at once (`LeadPart.absorb`).
private enum JoinWork: Sendable {
    case ids(TextTable)
    case leads(TextTable, [Lead])
    case none
}
