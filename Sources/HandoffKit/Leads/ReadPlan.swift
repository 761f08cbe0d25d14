import Foundation
internal import HandoffIO

/// Which export a file is.
enum ExportKind: Sendable {
    case leads, activities, engagement
    /// A related deals export (`data.deals`): read row by row by its own headers, not cut into spans.
    case deals
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
    /// Every header of the header row, as written.
    var names: [String] = []
}

/// One export to read: its dialect, header, where its rows end and the spans they are cut into (one per core for
/// large files).
struct ReadFile: Sendable {
    let kind: ExportKind
    /// The file as named (in every message).
    let path: String
    /// Where it is read from: `path`, or a temporary UTF-8 copy when `path` is a pipe (`--leads <(…)`), which cannot be
    /// read twice or at an offset, or is written in another encoding (same lines, so messages keep the file's lines).
    let source: String
    /// How the file is written: detected from its bytes, or as given.
    let dialect: Dialect
    let header: FileHeader
    /// Byte offset (in `source`) where the data rows end: the first report footer row, or the end of the file.
    let bodyEnd: Int
    /// The report footer rows after the data, with their lines; never read as records.
    let footers: [ReportFooter]
    /// The spans read at once: one per core when the file is read alone; `SpanPlan.balance` cuts several files.
    var spans: [Range<Int>]
    /// The file's size in bytes.
    let size: Int
    /// Its `data.files` entry: its own column names, value mappings and (activities) row type.
    let settings: ExportFileSettings?
    /// The timestamp parser of each wanted column (`kind.wanted` order; nil for columns that are not timestamps).
    let timestamps: [TimestampParser?]

    /// Detects the dialect (unless `dialect` is given; the agreement's `data.encoding` and `data.delimiter` override
    /// those parts of the detection), makes a UTF-8 copy when the file is in another encoding, reads the header, settles
    /// each timestamp column's layout (`formats`, by default the agreement's; else detected from a sample), finds the
    /// report footer, and cuts the rows between them into spans.
    init(
        _ kind: ExportKind, _ path: String, _ loader: LeadLoader, settings: ExportFileSettings? = nil,
        formats: TimestampFormats? = nil,
        dialect given: Dialect? = nil
    ) throws {
        self.kind = kind
        self.path = path
        self.settings = settings
        (source, dialect) = try ReadFile.readable(
            path, loader, given: given, encoding: settings?.encoding, delimiter: settings?.delimiter)
        do {
            header = try loader.header(
                path, source: source, wanted: kind.wanted, required: kind.required, what: kind.what,
                columns: settings?.columns ?? [:], delimiter: dialect.delimiter)
            timestamps = try loader.timestampParsers(
                kind, path: path, source: source, header: header, delimiter: dialect.delimiter,
                formats: formats ?? settings?.timestampFormats ?? loader.settings.timestampFormats)
            (bodyEnd, footers) = try FooterScan.find(
                source, file: path, dialect: dialect, bodyStart: header.bodyStart,
                idColumn: header.positions.first ?? nil)
            // Small files are not worth cutting.
            size = (try? FileManager.default.attributesOfItem(atPath: source)[.size] as? NSNumber)?.intValue ?? 0
            let count = max(1, min(loader.cores, (bodyEnd - header.bodyStart) / loader.minimumSpan))
            spans = try CSVReader(path: source, delimiter: dialect.delimiter).spans(
                count: count, after: header.bodyStart, before: bodyEnd)
        } catch {
            if source != path { try? FileManager.default.removeItem(atPath: source) }
            if let failure = error as? CSVReader.Failure { throw HandoffError(.badInput, failure.reason, file: path) }
            throw error
        }
    }
}

extension ReadFile {
    /// The bytes whose rows the arrays of a read of `span` make room for (address space, touched only as filled): the
    /// first span's arrays take in the later spans' rows when the spans are joined, so it makes room for the whole body;
    /// growing as they join would copy every row into fresh memory and hold both copies at once.
    func reservedBytes(_ span: Range<Int>) -> Int {
        let end = span.lowerBound == header.bodyStart ? bodyEnd : span.upperBound
        return max(0, min(end, size) - span.lowerBound)
    }

    /// The file as UTF-8 on disk, and how it is written: `path` itself, or a temporary copy when it is a pipe or in
    /// another encoding (same lines, so messages keep the file's lines).
    static func readable(
        _ path: String, _ loader: LeadLoader, given: Dialect?, encoding: Dialect.Encoding? = nil,
        delimiter: UInt8? = nil
    ) throws -> (source: String, dialect: Dialect) {
        let spooled = try Spool.regularFile(path)
        var copy: String?
        do {
            let dialect = try Dialect.detect(
                spooled, given: given, encoding: encoding ?? loader.settings.encoding,
                delimiter: delimiter ?? loader.settings.delimiter,
                cores: loader.cores)
            guard dialect.encoding.needsTranscoding else { return (spooled, dialect) }
            let utf8 = Spool.temporaryPath()
            copy = utf8
            var transcoder = Transcoder(dialect.encoding)
            try CSVReader.FilePass.transcode(spooled, to: utf8) { transcoder.utf8($0, final: $1) }
            if spooled != path { try? FileManager.default.removeItem(atPath: spooled) }
            return (utf8, dialect)
        } catch let failure as CSVReader.Failure {
            if let copy { try? FileManager.default.removeItem(atPath: copy) }
            if spooled != path { try? FileManager.default.removeItem(atPath: spooled) }
            throw HandoffError(.badInput, failure.reason, file: path)
        }
    }
}

/// Copies an export given as a pipe or device into a temporary regular file.
enum Spool {
    /// `path` itself when it is a regular file (or missing, or a directory: the reader says so); else a copy.
    static func regularFile(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        let type = info.st_mode & S_IFMT
        guard type != S_IFREG, type != S_IFDIR else { return path }
        let copy = temporaryPath()
        guard let input = FileHandle(forReadingAtPath: path),
            FileManager.default.createFile(atPath: copy, contents: nil),
            let output = FileHandle(forWritingAtPath: copy)
        else {
            throw HandoffError(.badInput, "cannot read the file", file: path)
        }
        defer {
            try? input.close()
            try? output.close()
        }
        do {
            while let chunk = try input.read(upToCount: 8 << 20), !chunk.isEmpty { try output.write(contentsOf: chunk) }
        } catch {
            try? FileManager.default.removeItem(atPath: copy)
            throw HandoffError(.badInput, "cannot read the file (\(error.localizedDescription))", file: path)
        }
        return copy
    }

    /// A new path in the temporary folder.
    static func temporaryPath() -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("handoff-\(UUID().uuidString).csv")
    }

    /// Removes the copy, if one was made.
    static func remove(_ file: ReadFile) { remove(source: file.source, path: file.path) }

    /// Removes the copy `source` of `path`, if it is one.
    static func remove(source: String, path: String) {
        if source != path { try? FileManager.default.removeItem(atPath: source) }
    }
}

extension ExportKind {
    /// Canonical columns read from the file, in `FileHeader.positions` order.
    var wanted: [String] {
        switch self {
        case .leads: return LeadColumn.allNames
        case .activities:
            return ["activity_lead_id", "activity_at", "activity_type", "activity_outcome", "activity_owner"]
        case .engagement: return ["engagement_lead_id", "engagement_at", "engagement_action"]
        case .deals: return []
        }
    }

    /// Columns without which the file cannot be read.
    var required: [String] {
        switch self {
        case .leads: return ["lead_id"]
        case .activities: return ["activity_lead_id", "activity_at"]
        case .engagement: return ["engagement_lead_id", "engagement_at", "engagement_action"]
        case .deals: return []
        }
    }

    /// The file in words, for errors.
    var what: String {
        switch self {
        case .leads: return "the leads export"
        case .activities: return "the activities export"
        case .engagement: return "the engagement export"
        case .deals: return "the deals export"
        }
    }
}

/// How the files' rows are cut into spans read at once.
enum SpanPlanning: Sendable {
    /// The files laid end to end by their estimated reading cost and cut into one equal share per core (McNaughton's
    /// wrap-around rule): at most `cores - 1` cuts in all, so little is joined and the cores finish together.
    case balanced
    /// Every file cut into one span per core (tests and the fuzz harness: every kind of join is exercised).
    case everyFile
}

/// Where to cut the files of one load (`SpanPlanning.balanced`).
enum SpanPlan {
    /// Reading cost per byte of each export, relative to engagement, measured on the realistic profile at 3M leads
    /// (docs/benchmarks.md): a leads row has many columns to read and texts to intern, an activities row few.
    static func weight(_ kind: ExportKind) -> Double {
        switch kind {
        case .leads: 1.5
        case .activities: 0.65
        case .engagement, .deals: 1.0
        }
    }

    /// The cuts in each body (`bytes` long, each byte costing `weight`), as offsets from the body's start. The bodies
    /// are laid end to end and cut at every multiple of the per-core share; a cut that would leave a piece under
    /// `minimumSpan` bytes is not made.
    static func cuts(_ bodies: [(bytes: Int, weight: Double)], cores: Int, minimumSpan: Int) -> [[Int]] {
        let total = bodies.reduce(0.0) { $0 + Double($1.bytes) * $1.weight }
        guard cores > 1, total > 0 else { return bodies.map { _ in [] } }
        let share = total / Double(cores)
        var out: [[Int]] = []
        var line = 0.0, next = 1
        for body in bodies {
            let cost = Double(body.bytes) * body.weight
            var cuts: [Int] = []
            while next < cores, Double(next) * share < line + cost {
                let at = Int((Double(next) * share - line) / body.weight)
                if at >= (cuts.last ?? 0) + minimumSpan, body.bytes - at >= minimumSpan { cuts.append(at) }
                next += 1
            }
            out.append(cuts)
            line += cost
        }
        return out
    }

    /// Cuts `files` as `cuts` says, each cut moved to the next line break.
    static func balance(_ files: inout [ReadFile], cores: Int, minimumSpan: Int) throws {
        let cuts = cuts(
            files.map { (bytes: $0.bodyEnd - $0.header.bodyStart, weight: weight($0.kind)) }, cores: cores,
            minimumSpan: minimumSpan)
        for f in files.indices {
            let file = files[f], start = file.header.bodyStart
            do {
                files[f].spans = try CSVReader(path: file.source, delimiter: file.dialect.delimiter).spans(
                    cuttingNear: cuts[f].map { start + $0 }, after: start, before: file.bodyEnd)
            } catch let failure as CSVReader.Failure {
                throw HandoffError(.badInput, failure.reason, file: file.path)
            }
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

    /// What a result's slot holds once the result has been moved out.
    static let taken = Result<ReadPart, Error>.failure(CancellationError())

    /// Where the span's reading ended.
    var end: CSVReader.SpanEnd {
        switch self {
        case .leads(let p): return p.end
        case .rows(let r): return r.end
        }
    }
}
