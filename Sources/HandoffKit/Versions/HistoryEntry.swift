/// One earlier (or the current) version in the agreement's own `history` section.
public struct HistoryEntry: Sendable, Equatable {
    /// The version number, as signed (`2.0`).
    public var version: String
    /// The date it took effect.
    public var effective: LocalDate
    /// What changed in it, in a sentence or two.
    public var summary: String
    /// Who signed it (`Dana Whitfield, 2026-03-25`).
    public var signedBy: [String]
    /// Where the entry is written.
    public var location: SourceLocation
}
