/// What `handoff inspect` found in one export: how it is written, its rows, each column's type, the role it could
/// play and the canonical column each of its columns could be mapped to.
struct ExportProfile: Sendable {
    /// The file as named on the command line.
    var path: String
    /// The file's name (what `data.files` and `data.deals` name, relative to the `--data` folder).
    var name: String
    /// How it is written.
    var dialect: Dialect
    /// The 1-based line of the header row; report title rows above it are skipped.
    var headerLine: Int
    /// Title rows above the header.
    var titleRows: Int
    /// Data rows (every record between the header and the footer).
    var rows: Int
    /// Report footer rows after the data, never counted as rows.
    var footers: [ReportFooter]
    /// Data rows whose number of fields differs from the header's.
    var raggedRows: Int
    /// The columns, in file order.
    var columns: [ColumnProfile]
    /// How many of the first data rows the types were judged on.
    var typedRows: Int
    /// The role guessed for the file, and the canonical column proposed for each header (filled by `ExportInspector.propose`).
    var role: InspectRole = .notUsed
    /// Why the role was chosen (or why the file is not used).
    var roleReason: String = ""
    /// Canonical column → header, for the file's role.
    var mapping: [(canonical: String, header: String)] = []
    /// The deals join, when the file is a deals export: its key column and the leads export's column holding it.
    var dealKey: (key: String, leadKey: String)?

    /// The column with this header (first when repeated).
    func column(_ header: String) -> ColumnProfile? { columns.first { $0.header == header } }
}

/// The role an export can play in `data.files` / `data.deals`.
enum InspectRole: String, Sendable, CaseIterable {
    case leads, activities, engagement, deals
    case notUsed = "not used"
}

/// One column of an export.
struct ColumnProfile: Sendable {
    /// The header as written (blank for an unnamed column).
    var header: String
    /// 0-based field position.
    var position: Int
    /// The detected type.
    var type: ColumnType
    /// Rows whose cell is empty or a placeholder (`N/A`, `Select`, `-`, …), of all data rows.
    var blanks: Int
    /// The first three distinct non-blank values, in file order.
    var samples: [String]
    /// Distinct non-blank values (exact up to `ColumnProfile.distinctLimit`, then `nil`: many).
    var distinct: Int?
    /// The most frequent values with their counts (categories and booleans), most frequent first.
    var topValues: [(value: String, count: Int)] = []
    /// For a date/time column read by patterns: how many non-blank values none of them (nor ISO 8601 / epoch) reads.
    var unreadDates = 0
    /// The first 200 distinct non-blank values (for joins; not shown).
    var probe: [String] = []
    /// Every value, for an id column (for joins; not shown).
    var idValues: Set<String> = []

    /// How many distinct values are counted exactly.
    static let distinctLimit = 1000
    /// A column with at most this many distinct values is a category.
    static let categoryLimit = 20
}

/// A column's detected type.
enum ColumnType: Sendable, Equatable {
    /// No value in any row.
    case empty
    case integer
    case number
    /// `TRUE`/`FALSE`, `yes`/`no`, …
    case boolean
    /// Date/time values: read by these patterns (`M/d/yyyy H:mm`, `yyyyMMdd`), as ISO 8601 or epochs (`builtIn`), or
    /// not decided (`undecided`: the sample fits several readings, or no layout reads all of it).
    case dateTime(DateReading)
    /// Unique and never blank.
    case id
    /// Few distinct values.
    case category
    case text

    /// `date/time M/d/yyyy`, `id`, …
    var name: String {
        switch self {
        case .empty: return "empty"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .dateTime(let reading): return "date/time \(reading.name)"
        case .id: return "id"
        case .category: return "category"
        case .text: return "text"
        }
    }

    /// True for date/time columns, decided or not.
    var isDateTime: Bool { if case .dateTime = self { return true } else { return false } }
}

/// How a date/time column is read.
enum DateReading: Sendable, Equatable {
    /// ISO 8601 (`2026-11-16T14:03:00Z`).
    case iso
    /// Epoch seconds or milliseconds.
    case epoch
    /// The built-in reader (ISO 8601, epochs and the old day/month layouts).
    case builtIn
    /// These patterns read the values (the ones that read at least one value, in the order tried).
    case patterns([String])
    /// The sample does not decide: the message (why, the values) and the pattern lists the agreement could declare.
    case undecided(message: String, options: [[String]])

    /// `ISO 8601`, `yyyyMMdd`, `M/d/yyyy H:mm or M/d/yyyy`, `undecided`.
    var name: String {
        switch self {
        case .iso: return "ISO 8601"
        case .epoch: return "epoch"
        case .builtIn: return "ISO 8601, epoch or a built-in layout"
        case .patterns(let p): return p.joined(separator: " or ")
        case .undecided: return "(undecided)"
        }
    }
}

/// Something `inspect` could not decide, with the reason and, when there is one, the line to add.
struct InspectUndecided: Sendable, Equatable {
    /// The file's name.
    var file: String
    /// What was not decided: `created_at`, `role`, `date layout of 'Created Date'`.
    var what: String
    /// Why, with the candidates.
    var why: String
    /// The agreement line(s) that would decide it, when known.
    var fix: String?
}

/// What `inspect` found in a set of exports.
public struct InspectReport: Sendable {
    /// The files, sorted by path.
    var files: [ExportProfile]
    /// What could not be decided, in file order.
    var undecided: [InspectUndecided]
    /// The `data:` section to paste into the agreement.
    var dataSection: String
    /// How many of each file's first rows types are judged on.
    var typedRowLimit: Int
}
