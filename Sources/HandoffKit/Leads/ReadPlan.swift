import Foundation

/// Which export a file is.
enum ExportKind: Sendable {
    case leads, activities, engagement
}

/// A file's header: where each wanted column is and where the data rows begin.
struct FileHeader: Sendable {
    /// Field index of each wanted column, in the order asked for (`nil` when absent).
    var positions: [Int?]
    /// Report title rows above the header.
    var preamble: Int
    /// Byte offset of the first data record.
    var bodyStart: Int
    /// Line of the first data record.
    var firstLine: Int
}

/// One export to read: its header and the spans its rows are cut into (one per core for large files).
struct ReadFile: Sendable {
    let kind: ExportKind
    let path: String
    let header: FileHeader
    let spans: [Range<Int>]

    /// Reads the header and cuts the rows after it into spans.
    init(_ kind: ExportKind, _ path: String, _ loader: LeadLoader) throws {
        self.kind = kind
        self.path = path
        header = try loader.header(path, wanted: kind.wanted, required: kind.required, what: kind.what)
        // Small files are not worth cutting.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let count = max(1, min(loader.cores, (size - header.bodyStart) / loader.minimumSpan))
        do {
            spans = try CSVReader(path: path).spans(count: count, after: header.bodyStart)
        } catch let failure as CSVReader.Failure {
            throw HandoffError(.badInput, failure.reason, file: path)
        }
    }
}

extension ExportKind {
    /// Canonical columns read from the file, in `FileHeader.positions` order.
    var wanted: [String] {
        switch self {
        case .leads: return LeadColumn.allNames
        case .activities: return ["activity_lead_id", "activity_at", "activity_type", "activity_outcome"]
        case .engagement: return ["engagement_lead_id", "engagement_at", "engagement_action"]
        }
    }

    /// Columns without which the file cannot be read.
    var required: [String] {
        switch self {
        case .leads: return ["lead_id"]
        case .activities: return ["activity_lead_id", "activity_at"]
        case .engagement: return ["engagement_lead_id", "engagement_at", "engagement_action"]
        }
    }

    /// The file in words, for errors.
    var what: String {
        switch self {
        case .leads: return "the leads export"
        case .activities: return "the activities export"
        case .engagement: return "the engagement export"
        }
    }
}

/// One span of one file to read.
struct ReadJob: Sendable {
    let file: Int
    let part: Int
    let span: Range<Int>
}

/// What reading a span gave.
enum ReadPart: Sendable {
    case leads(LeadPart)
    case rows(DetachedRows)

    /// Where the span's reading ended.
    var end: CSVReader.SpanEnd {
        switch self {
        case let .leads(p): return p.end
        case let .rows(r): return r.end
        }
    }
}

extension CSVReader.SpanEnd {
    static let none = CSVReader.SpanEnd(offset: 0, lines: 0)
}

/// Runs independent work on the machine's cores.
enum Concurrently {
    /// `work(0..<count)` spread over the cores (each core takes the next index when it is free); results in index order.
    static func map<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        nonisolated(unsafe) let out = slots
        DispatchQueue.concurrentPerform(iterations: count) { i in out[i] = work(i) }
        return slots.map { $0! }
    }

}
