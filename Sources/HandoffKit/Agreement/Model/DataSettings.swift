/// How the agreement's CRM exports are read.
struct DataSettings: Sendable {
    /// `canonical`, `hubspot` or `salesforce`.
    var preset: String
    /// Canonical column → header in the export, overriding the preset.
    var columns: [String: String]
    /// Canonical column → (export value → canonical value), case-insensitive on the export side.
    var values: [String: [String: String]]
    /// `data.date_formats` as written when it is a list (every timestamp column), e.g. `DD-MM-YYYY` or `d MMM, yyyy HH:mm:ss`.
    var dateFormats: [String]
    /// The zone of timestamps written without an offset; the business zone by default.
    var timeZone: String?
    /// Values that mean "blank" (`Select`, `N/A`, …) on top of the built-in list.
    var placeholders: [String]
    /// The exports' text encoding (`data.encoding`); detected from each file's bytes when nil.
    var encoding: Dialect.Encoding? = nil
    /// The exports' field delimiter (`data.delimiter`: `,` `;` tab `|`); detected from each file when nil.
    var delimiter: UInt8? = nil
    /// Where each value mapping's target is written (column → export value → location), for diagnostics.
    var valueLocations: [String: [String: SourceLocation]] = [:]
    /// The exports by name and role (several per role allowed), when the folder does not hold the default names.
    var files: [ExportFileSettings] = []
    /// A related deals export joined to the leads, and the lead facts it gives.
    var deals: DealsSettings?
    /// `data.date_formats` compiled (a list for every timestamp column, or a map per canonical column) and
    /// `data.two_digit_year_pivot`. Columns it does not cover are detected from a sample of their values.
    var timestampFormats = TimestampFormats.none

    /// The defaults: canonical columns, no mapping.
    static let standard = DataSettings(
        preset: "canonical", columns: [:], values: [:], dateFormats: [], timeZone: nil, placeholders: [])
}
