/// One problem found in a user's input: what, where, and how bad.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    enum Severity: String, Hashable, Sendable, Comparable {
        case warning
        case error

        static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Error or warning.
    var severity: Severity
    /// The message, one sentence, saying what is wrong and how to fix it.
    var message: String
    /// Where the problem is; `nil` for problems about the file as a whole.
    var location: SourceLocation?
    /// The file the problem belongs to when there is no precise location.
    var file: String?

    /// Creates a diagnostic.
    init(_ severity: Severity, _ message: String, at location: SourceLocation?, file: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.file = file ?? location?.file
    }

    /// An error at a location.
    static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// A warning at a location.
    static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `path:line:col: error: message` (or `path: error: message` without a position).
    public var description: String {
        let place = location?.description ?? file ?? "<input>"
        return "\(place): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in file order (line, column), errors before warnings at the same place.
    func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
