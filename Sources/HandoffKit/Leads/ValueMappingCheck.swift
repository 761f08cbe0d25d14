internal import HandoffIO

extension LeadPart {
    /// How many leads (sources, rejection reasons) or rows (activity types, actions) hold each value, lowercased, for
    /// the mapped columns among `columns`: one pass over the leads or rows, only for a column the agreement maps.
    func valueCounts(_ columns: Set<String>) -> [String: [String: Int]] {
        var out: [String: [String: Int]] = [:]
        func tally(_ refs: some Sequence<Int>, name: (Int) -> String) -> [String: Int] {
            var byRef: [Int: Int] = [:]
            for r in refs { byRef[r, default: 0] += 1 }
            var byName: [String: Int] = [:]
            for (r, n) in byRef { byName[name(r).lowercased(), default: 0] += n }
            return byName
        }
        if columns.contains("source") {
            out["source"] = tally(leads.lazy.map { Int($0.source.raw) }) { texts[TextRef(raw: Int32($0))] }
        }
        if columns.contains("rejection_reason") {
            out["rejection_reason"] = tally(leads.lazy.map { Int($0.rejectionReason.raw) }) {
                texts[TextRef(raw: Int32($0))]
            }
        }
        if columns.contains("activity_type") {
            out["activity_type"] = tally(activities.lazy.map { Int($0.action) }) {
                $0 < activityTypes.count ? activityTypes[$0] : ""
            }
        }
        if columns.contains("action") {
            out["action"] = tally(events.lazy.map { Int($0.action) }) { $0 < actions.count ? actions[$0] : "" }
        }
        return out
    }
}

/// `data.values` checked against what the exports hold: mapping keys that never occur (with a "did you mean"),
/// status and decision values that map to nothing (with their counts), and other values left as written.
enum ValueMappingCheck {
    /// At most this many values are named in one note.
    static let shown = 8

    /// The notes for `quality`'s census under the agreement's mappings and the files' own.
    /// `understood` holds, per column, values that need no mapping (the agreement's rejection reason ids and labels).
    /// `counts` holds, per column, how many leads (or rows) hold each value as read (lowercased).
    static func notes(
        _ quality: DataQuality, values: [String: [String: String]], understood: [String: Set<String>] = [:],
        counts: [String: [String: Int]] = [:]
    ) -> [String] {
        var notes: [String] = []
        for (column, counts) in quality.unmapped.sorted(by: { $0.key < $1.key }) where !counts.isEmpty {
            let listed = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            let names = listed.prefix(shown).map { "'\($0.key)' ×\($0.value)" }.joined(separator: ", ")
            let more = listed.count > shown ? " and \(listed.count - shown) more" : ""
            notes.append("\(column) values that map to nothing: \(names)\(more); map them under data.values.\(column)")
        }
        for (column, map) in values.sorted(by: { $0.key < $1.key }) {
            guard let seen = quality.valuesSeen[column], !seen.isEmpty else { continue }
            let candidates = seen.sorted()
            for key in map.keys.sorted() where !seen.contains(key) {
                notes.append(
                    "data.values.\(column) maps '\(key)', which never occurs in the data\(Suggestion.hint(for: key, in: candidates))"
                )
            }
            // Values the mapping leaves as written (status and decision ones that mean nothing are counted above).
            guard column != "status", column != "decision" else { continue }
            let targets = Set(map.values.map { $0.lowercased() })
            let known = understood[column] ?? []
            let counted = counts[column] ?? [:]
            let kept = candidates.filter { map[$0] == nil && !targets.contains($0) && !known.contains($0) }
                .map { (value: $0, count: counted[$0] ?? 0) }.sorted { ($1.count, $0.value) < ($0.count, $1.value) }
            if !kept.isEmpty {
                let more = kept.count > shown ? " and \(kept.count - shown) more" : ""
                notes.append(
                    "\(column) values not in data.values.\(column), kept as written: "
                        + kept.prefix(shown).map { "'\($0.value)' ×\($0.count)" }.joined(separator: ", ") + more)
            }
        }
        return notes
    }
}
