internal import Yams

/// One difference between two agreement files' node trees: a value changed, added or removed at a path.
struct NodeChange {
    /// One step of a path: a mapping key, a list item found by its id, or a list position.
    enum Step: Equatable {
        case key(String)
        case id(String)
        case index(Int)
    }

    /// Where the change is.
    var path: [Step]
    /// The old value (`nil` when added).
    var old: Node?
    /// The new value (`nil` when removed).
    var new: Node?

    /// `commitments.sales[first-touch].within`, `mql_definition.thresholds[0]`.
    var pathText: String {
        var out = ""
        for step in path {
            switch step {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .id(let id): out += "[\(id)]"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// The keys of the path, without ids and positions.
    var keys: [String] { path.compactMap { if case .key(let k) = $0 { return k } else { return nil } } }
}

/// Compares two composed YAML trees by meaning: mappings by key, lists of records by their identifying field,
/// other lists by position (equal length) or as sets. Top-level `signoff` and `history` are not content.
enum NodeDiff {
    static let ignoredSections: Set<String> = ["signoff", "history"]
    /// Fields that identify a record in a list, in order of preference.
    static let identifyingFields = ["id", "date", "action", "party", "version", "label"]

    static func changes(_ old: Node, _ new: Node) -> [NodeChange] {
        var out: [NodeChange] = []
        compare(old, new, path: [], into: &out)
        return out
    }

    private static func compare(_ old: Node, _ new: Node, path: [NodeChange.Step], into out: inout [NodeChange]) {
        switch (old, new) {
        case (.mapping(let a), .mapping(let b)):
            let oldPairs = pairs(a), newPairs = pairs(b)
            let newKeys = Set(newPairs.map(\.0))
            let oldByKey = Dictionary(oldPairs, uniquingKeysWith: { x, _ in x })
            for (key, value) in oldPairs where !newKeys.contains(key) {
                if path.isEmpty, ignoredSections.contains(key) { continue }
                out.append(NodeChange(path: path + [.key(key)], old: value, new: nil))
            }
            for (key, value) in newPairs {
                if path.isEmpty, ignoredSections.contains(key) { continue }
                if let before = oldByKey[key] {
                    compare(before, value, path: path + [.key(key)], into: &out)
                } else {
                    out.append(NodeChange(path: path + [.key(key)], old: nil, new: value))
                }
            }
        case (.sequence(let a), .sequence(let b)):
            compareLists(Array(a), Array(b), path: path, into: &out)
        case (.scalar(let a), .scalar(let b)):
            if a.string != b.string { out.append(NodeChange(path: path, old: old, new: new)) }
        default:
            if flow(old) != flow(new) { out.append(NodeChange(path: path, old: old, new: new)) }
        }
    }

    private static func compareLists(_ a: [Node], _ b: [Node], path: [NodeChange.Step], into out: inout [NodeChange]) {
        if let field = identifyingField(a, b) {
            let oldItems = a.map { (identity($0, field) ?? "", $0) }
            let newItems = b.map { (identity($0, field) ?? "", $0) }
            let oldByID = Dictionary(oldItems, uniquingKeysWith: { x, _ in x })
            let newIDs = Set(newItems.map(\.0))
            for (id, item) in oldItems where !newIDs.contains(id) {
                out.append(NodeChange(path: path + [.id(id)], old: item, new: nil))
            }
            for (id, item) in newItems {
                if let before = oldByID[id] {
                    compare(before, item, path: path + [.id(id)], into: &out)
                } else {
                    out.append(NodeChange(path: path + [.id(id)], old: nil, new: item))
                }
            }
            return
        }
        if a.count == b.count {
            for (i, (x, y)) in zip(a, b).enumerated() { compare(x, y, path: path + [.index(i)], into: &out) }
            return
        }
        // Different lengths: what was taken out and what was put in, each by its position in its own list.
        let oldTexts = a.map(flow), newTexts = b.map(flow)
        for (i, item) in a.enumerated() where !newTexts.contains(oldTexts[i]) {
            out.append(NodeChange(path: path + [.index(i)], old: item, new: nil))
        }
        for (i, item) in b.enumerated() where !oldTexts.contains(newTexts[i]) {
            out.append(NodeChange(path: path + [.index(i)], old: nil, new: item))
        }
    }

    /// The field every record in both lists has, with values unique within each list.
    private static func identifyingField(_ a: [Node], _ b: [Node]) -> String? {
        let all = a + b
        guard !all.isEmpty, all.allSatisfy({ $0.mapping != nil }) else { return nil }
        return identifyingFields.first { field in
            [a, b].allSatisfy { list in
                let ids = list.compactMap { identity($0, field) }
                return ids.count == list.count && Set(ids).count == ids.count
            }
        }
    }

    private static func identity(_ node: Node, _ field: String) -> String? {
        node.mapping.flatMap { m in pairs(m).first { $0.0 == field }?.1.scalar?.string }
    }

    private static func pairs(_ mapping: Node.Mapping) -> [(String, Node)] {
        mapping.map { ($0.key.scalar?.string ?? flow($0.key), $0.value) }
    }

    /// A one-line, YAML flow-style text of a value: `30m`, `[a, b]`, `{id: x, within: 5m}`.
    static func flow(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string
        case .sequence(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let m): return "{" + m.map { "\(flow($0.key)): \(flow($0.value))" }.joined(separator: ", ") + "}"
        case .alias(let a): return "*\(a.anchor.rawValue)"
        }
    }
}
