/// One earlier (or the current) version in the agreement's own `history` section.
struct HistoryEntry: Sendable, Equatable {
    /// The version number, as signed (`2.0`).
    var version: String
    /// The date it took effect.
    var effective: LocalDate
    /// What changed in it, in a sentence or two.
    var summary: String
    /// Who signed it (`Dana Whitfield, 2026-03-25`).
    var signedBy: [String]
    /// Where the entry is written.
    var location: SourceLocation
}
