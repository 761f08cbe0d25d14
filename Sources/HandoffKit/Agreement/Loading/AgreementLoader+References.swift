internal import Yams

/// Checks that tie the agreement's words to the values exports carry: activity types named in `attempt_types`,
/// the targets of `data.values` mappings, keys that differ only in case, and promise sentences that no longer say
/// what the structured fields do.
extension AgreementLoader {
    /// Activity types every preset produces (after its own mapping).
    static let standardActivityTypes = ["call", "email", "sms", "meeting", "social", "note", "task"]

    static func checkReferences(_ top: Fields, commitments: [Commitment], data: DataSettings, _ r: NodeReader) {
        checkValueMaps(top["data"].flatMap { child($0, "values") }, r)
        let preset = ColumnPreset.named(data.preset)
        let mappedTypes =
            Array((data.values["activity_type"] ?? [:]).values) + Array((preset.values["activity_type"] ?? [:]).values)
        let knownTypes = Set(standardActivityTypes + mappedTypes.map { $0.lowercased() })
        for (node, commitment) in commitmentNodes(top["commitments"], commitments) {
            for item in child(node, "attempt_types")?.sequence.map(Array.init) ?? [] {
                guard let type = item.string, !knownTypes.contains(type.lowercased()) else { continue }
                let hint = Suggestion.hint(for: type, in: knownTypes.sorted())
                if hint.isEmpty {
                    r.warning(
                        "activity type '\(type)' is not one the exports are known to carry (\(knownTypes.sorted().joined(separator: ", "))); map your CRM's type to it under data.values.activity_type, or no activity will count",
                        at: r.location(item))
                } else {
                    r.error("unknown activity type '\(type)' in attempt_types\(hint)", at: r.location(item))
                }
            }
            if let promiseNode = child(node, "promise"), let promise = promiseNode.string,
                let problem = PromiseCheck.mismatch(promise, commitment)
            {
                r.warning(
                    "the promise sentence \(problem); update the sentence or the field so the signed text says what is measured",
                    at: r.location(promiseNode))
            }
        }
    }

    /// `data.values`: a status or decision must map to a value Handoff knows (rejection reasons are checked with the
    /// references); keys differing only in case would silently override each other (matched case-insensitively).
    static func checkValueMaps(_ values: Node?, _ r: NodeReader) {
        let targets: [String: [String]] = [
            "status": LeadStatus.allCases.map(\.rawValue), "decision": ["accepted", "rejected"],
        ]
        for (keyNode, map) in values?.mapping.map(Array.init) ?? [] {
            guard let column = keyNode.string, let pairs = map.mapping.map(Array.init) else { continue }
            var seen: [String: String] = [:]
            for (rawNode, targetNode) in pairs {
                guard let raw = rawNode.string else { continue }
                if let earlier = seen[raw.lowercased()] {
                    r.error(
                        "data.values.\(column) maps both '\(earlier)' and '\(raw)', which differ only in case; export values are matched case-insensitively, so keep one",
                        at: r.location(rawNode))
                }
                seen[raw.lowercased()] = raw
                guard let allowed = targets[column], let target = targetNode.string, !target.isEmpty,
                    !allowed.contains(target)
                else { continue }
                r.error(
                    "data.values.\(column) maps '\(raw)' to '\(target)', which is not a \(column.replacingAll("_", with: " ")) Handoff knows (\(allowed.joined(separator: ", ")))\(Suggestion.hint(for: target, in: allowed))",
                    at: r.location(targetNode))
            }
        }
    }

    /// Each commitment's YAML node with the commitment read from it (same order).
    static func commitmentNodes(_ node: Node?, _ commitments: [Commitment]) -> [(Node, Commitment)] {
        var out: [(Node, Commitment)] = []
        for team in ["marketing", "sales"] {
            for item in node.flatMap({ child($0, team) })?.sequence.map(Array.init) ?? [] {
                guard let id = child(item, "id")?.string,
                    let c = commitments.first(where: { $0.id == id && $0.team == team })
                else { continue }
                out.append((item, c))
            }
        }
        return out
    }

    static func child(_ node: Node, _ key: String) -> Node? {
        node.mapping?.first { $0.key.string == key }?.value
    }
}
