/// An error that stops a command: bad input the user must fix. Prints as plain sentences.
public struct HandoffError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure, for exit-code mapping.
    public enum Kind: Sendable {
        /// The agreement file is invalid.
        case invalidAgreement
        /// A data file cannot be read.
        case badInput
        /// Anything else the user asked for that cannot be done.
        case usage
    }

    /// The kind of failure.
    public var kind: Kind
    /// The diagnostics that explain it (at least one).
    var diagnostics: [Diagnostic]
    /// The source text the diagnostics point into, for snippets.
    var source: String?

    /// Creates an error from diagnostics.
    init(_ kind: Kind, diagnostics: [Diagnostic], source: String? = nil) {
        self.kind = kind
        self.diagnostics = diagnostics
        self.source = source
    }

    /// Creates an error with one message about a file.
    public init(_ kind: Kind, _ message: String, file: String? = nil) {
        self.init(kind, diagnostics: [Diagnostic(.error, message, at: nil, file: file ?? "handoff")])
    }

    /// The diagnostics, printed with their source lines.
    public var description: String {
        DiagnosticPrinter(source: source ?? "").render(all: diagnostics)
    }
}
