import Foundation

/// IANA time zone names known to this machine's tz database.
enum TimeZoneTable {
    static let knownIdentifiers: [String] = TimeZone.knownTimeZoneIdentifiers.sorted()
    private static let known = Set(knownIdentifiers)

    /// True for `America/New_York`, `UTC`; false for `EST5` style or made-up names.
    static func isIANA(_ name: String) -> Bool {
        known.contains(name) || name == "UTC"
    }
}
