/// A position in a source file: 1-based line and column (columns count Unicode scalars).
struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file path as the user gave it.
    var file: String
    /// 1-based line number.
    var line: Int
    /// 1-based column number, counted in Unicode scalars.
    var column: Int

    /// Creates a location.
    init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`.
    var description: String { "\(file):\(line):\(column)" }

    /// The same location moved `offset` scalars to the right (a position inside a scalar).
    func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }

    static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
