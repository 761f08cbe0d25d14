/// How the agreement's CRM exports are read.
public struct DataSettings: Sendable {
    /// `canonical`, `hubspot` or `salesforce`.
    public var preset: String
    /// Canonical column → header in the export, overriding the preset.
    public var columns: [String: String]
    /// Canonical column → (export value → canonical value), case-insensitive on the export side.
    public var values: [String: [String: String]]
    /// Date formats to try first, e.g. `DD-MM-YYYY`.
    public var dateFormats: [String]
    /// The zone of timestamps written without an offset; the business zone by default.
    public var timeZone: String?
    /// Values that mean "blank" (`Select`, `N/A`, …) on top of the built-in list.
    public var placeholders: [String]
    /// The exports' text encoding (`data.encoding`); detected from each file's bytes when nil.
    public var encoding: Dialect.Encoding? = nil
    /// The exports' field delimiter (`data.delimiter`: `,` `;` tab `|`); detected from each file when nil.
    public var delimiter: UInt8? = nil
    /// Where each value mapping's target is written (column → export value → location), for diagnostics.
    public var valueLocations: [String: [String: SourceLocation]] = [:]

    /// The defaults: canonical columns, no mapping.
    public static let standard = DataSettings(preset: "canonical", columns: [:], values: [:], dateFormats: [], timeZone: nil, placeholders: [])
}
