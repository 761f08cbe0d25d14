internal import Yams

/// Reads typed values out of a Yams node tree, collecting a positioned diagnostic for every problem.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Nodes visited so far; bounded so that alias expansion cannot blow up.
    private var visited = 0
    static let nodeBudget = 200_000

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// Where the text of a scalar starts (after an opening quote).
    func contentLocation(_ node: Node) -> SourceLocation {
        let base = location(node)
        switch node.scalar?.style {
        case .singleQuoted?, .doubleQuoted?: return base.advanced(by: 1)
        default: return base
        }
    }

    func error(_ message: String, at node: Node) { diagnostics.append(.error(message, at: location(node))) }
    func error(_ message: String, at location: SourceLocation) { diagnostics.append(.error(message, at: location)) }
    func warning(_ message: String, at location: SourceLocation) { diagnostics.append(.warning(message, at: location)) }
    func add(_ more: [Diagnostic]) { diagnostics += more }

    /// Counts a visit; false once the document is larger than any agreement could be.
    func visit() -> Bool {
        visited += 1
        if visited == NodeReader.nodeBudget + 1 {
            diagnostics.append(
                Diagnostic(
                    .error,
                    "the document expands to more than \(NodeReader.nodeBudget) values (an alias bomb?); agreements are far smaller",
                    at: nil, file: file))
        }
        return visited <= NodeReader.nodeBudget
    }

    // MARK: Mappings

    /// The fields of a mapping: checks it is one, has no duplicate or unknown keys and has every required key.
    func fields(_ node: Node, _ what: String, known: [String], required: [String] = []) -> Fields? {
        guard visit() else { return nil }
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping of fields (key: value), got \(describe(node))", at: node)
            return nil
        }
        var values: [String: Node] = [:]
        var keyLocations: [String: SourceLocation] = [:]
        for (keyNode, value) in mapping {
            guard visit() else { return nil }
            guard let key = keyNode.scalar?.string else {
                error("keys in \(what) must be plain words", at: keyNode)
                continue
            }
            if let first = keyLocations[key] {
                error("duplicate key '\(key)' in \(what); it is already set at line \(first.line)", at: keyNode)
                continue
            }
            keyLocations[key] = location(keyNode)
            if !known.contains(key) {
                error("unknown key '\(key)' in \(what)\(Suggestion.hint(for: key, in: known))", at: keyNode)
                continue
            }
            values[key] = value
        }
        for key in required where values[key] == nil && keyLocations[key] == nil {
            error("\(what) is missing the required field '\(key)'", at: node)
        }
        return Fields(node: node, values: values, keyLocations: keyLocations)
    }

    /// A mapping read as an ordered list of (key, value) pairs with unique keys, any key allowed.
    func pairs(_ node: Node, _ what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard visit() else { return nil }
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping, got \(describe(node))", at: node)
            return nil
        }
        var seen: [String: Int] = [:]
        var result: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard visit() else { return nil }
            guard let key = keyNode.scalar?.string else {
                error("keys in \(what) must be plain words", at: keyNode)
                continue
            }
            if let line = seen[key] {
                error("duplicate key '\(key)' in \(what); it is already set at line \(line)", at: keyNode)
                continue
            }
            seen[key] = keyNode.mark?.line ?? 0
            result.append((key, keyNode, value))
        }
        return result
    }

    // MARK: Sequences

    func list(_ node: Node, _ what: String) -> [Node]? {
        guard visit() else { return nil }
        if let sequence = node.sequence {
            var items: [Node] = []
            for item in sequence {
                guard visit() else { return nil }
                items.append(item)
            }
            return items
        }
        error("\(what) must be a list, got \(describe(node))", at: node)
        return nil
    }

    func strings(_ node: Node, _ what: String) -> [String]? {
        guard let items = list(node, what) else { return nil }
        return items.compactMap { string($0, "an entry of \(what)") }
    }

    // MARK: Scalars

    func string(_ node: Node, _ what: String, allowEmpty: Bool = false) -> String? {
        guard visit() else { return nil }
        guard let scalar = node.scalar else {
            error("\(what) must be text, got \(describe(node))", at: node)
            return nil
        }
        if !allowEmpty, scalar.string.trimmingSpaces().isEmpty, scalar.style == .plain {
            error("\(what) must not be empty", at: node)
            return nil
        }
        return scalar.string
    }

    func int(_ node: Node, _ what: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text.trimmingSpaces().replacingAll("_", with: "")) else {
            error("expected a whole number for \(what), got '\(text)'", at: node)
            return nil
        }
        if let range, !range.contains(value) {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), got \(value)", at: node)
            return nil
        }
        return value
    }

    func number(_ node: Node, _ what: String) -> Double? {
        guard let text = string(node, what) else { return nil }
        guard let value = Amount.parse(text) else {
            if let huge = Double(text.trimmingSpaces()), !(abs(huge) < Amount.largest) {
                error("\(what) is too large: '\(text)'; amounts are below 1,000,000,000,000,000 (1e15)", at: node)
                return nil
            }
            error("expected a number for \(what) (like 250 or 10M), got '\(text)'", at: node)
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("expected true or false for \(what), got '\(text)'", at: node)
            return nil
        }
    }

    func span(_ node: Node, _ what: String) -> TimeSpan? {
        guard let text = string(node, what) else { return nil }
        guard let span = TimeSpan(parsing: text) else {
            error("expected a duration like 30m, 24h or 90d for \(what), got '\(text)'", at: node)
            return nil
        }
        return span
    }

    func percent(_ node: Node, _ what: String) -> Percent? {
        guard let text = string(node, what) else { return nil }
        guard let value = Percent(parsing: text) else {
            error("expected a percentage like 90% for \(what), got '\(text)'", at: node)
            return nil
        }
        guard (0...1).contains(value.fraction) else {
            error("\(what) must be between 0% and 100%, got \(text)", at: node)
            return nil
        }
        return value
    }

    func date(_ node: Node, _ what: String) -> LocalDate? {
        guard let text = string(node, what) else { return nil }
        guard let date = LocalDate(iso: text) else {
            error("expected a date like 2026-11-16 for \(what), got '\(text)'", at: node)
            return nil
        }
        return date
    }

    func time(_ node: Node, _ what: String) -> TimeOfDay? {
        guard let text = string(node, what) else { return nil }
        guard let time = TimeOfDay(parsing: text) else {
            error("expected a time like 09:00 for \(what), got '\(text)'", at: node)
            return nil
        }
        return time
    }

    func weekday(_ node: Node, _ what: String) -> Weekday? {
        guard let text = string(node, what) else { return nil }
        guard let day = Weekday(parsing: text) else {
            error("expected a weekday like mon or Monday for \(what), got '\(text)'", at: node)
            return nil
        }
        return day
    }

    func choice(_ node: Node, _ what: String, from options: [String]) -> String? {
        guard let text = string(node, what) else { return nil }
        guard options.contains(text) else {
            error(
                "'\(text)' is not a valid \(what); expected one of \(options.joined(separator: ", "))\(Suggestion.hint(for: text, in: options))",
                at: node)
            return nil
        }
        return text
    }

    func condition(_ node: Node, _ what: String) -> Condition? {
        guard let text = string(node, what) else { return nil }
        switch Condition.parse(text, at: contentLocation(node)) {
        case .success(let condition): return condition
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// `250..5000`, `10M..500M` or a two-item list.
    func range(_ node: Node, _ what: String) -> ClosedRange<Double>? {
        var ends: [Double?] = []
        if let text = node.scalar?.string {
            let parts = text.components(separatedBy: "..")
            guard parts.count == 2 else {
                error("expected a range like 250..5000 for \(what), got '\(text)'", at: node)
                return nil
            }
            ends = parts.map { Amount.parse($0) }
        } else if let items = list(node, what), items.count == 2 {
            ends = items.map { $0.scalar.flatMap { Amount.parse($0.string) } }
        }
        guard ends.count == 2, let low = ends[0], let high = ends[1] else {
            error("expected a range like 250..5000 for \(what)", at: node)
            return nil
        }
        guard low <= high else {
            error(
                "the range for \(what) starts at \(Amount.format(low)), above its end \(Amount.format(high))", at: node)
            return nil
        }
        return low...high
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "nothing" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// The checked fields of one mapping.
struct Fields {
    let node: Node
    let values: [String: Node]
    let keyLocations: [String: SourceLocation]

    subscript(key: String) -> Node? { values[key] }
}

extension String {
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
