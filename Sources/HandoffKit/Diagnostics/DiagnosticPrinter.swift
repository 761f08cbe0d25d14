/// Prints diagnostics the way compilers do: the message, the source line, a caret under the column.
public struct DiagnosticPrinter: Sendable {
    private let lines: [Substring]

    /// Creates a printer over the source text the diagnostics point into.
    public init(source: String) {
        // `\r\n` is one Swift `Character`, never equal to `\n`: a Windows file would otherwise be one long line.
        lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// The diagnostic, then its source line and a caret when it has a position.
    public func render(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.description
        guard let location = diagnostic.location, location.line >= 1, location.line <= lines.count else {
            return text
        }
        let line = lines[location.line - 1].replacingOccurrences(of: "\r", with: "")
        let shown = String(line.unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
        let pad = max(0, min(location.column - 1, shown.unicodeScalars.count))
        text += "\n" + shown + "\n" + String(repeating: " ", count: pad) + "^"
        return text
    }

    /// All diagnostics, each followed by a blank line, then a summary line.
    public func render(all diagnostics: [Diagnostic]) -> String {
        var out = diagnostics.map { render($0) + "\n" }.joined()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if diagnostics.count > 1 {
            out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        return out
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        String(self).split(separator: Character(target), omittingEmptySubsequences: false).joined(
            separator: replacement)
    }
}
