import Foundation
internal import HandoffIO

/// Profiles CRM exports for `handoff inspect`: per file the dialect, header, rows and footer, and per column its type,
/// blank share and samples; then the role of each file and a proposed mapping (`propose`), and a `data:` section.
public enum ExportInspector {
    /// Types are judged on this many data rows from the top of each file; counts cover every row.
    static let typedRowLimit = 20_000

    /// Inspects `paths` (files, sorted by name by the caller) and proposes the agreement's `data:` section.
    public static func inspect(_ paths: [String]) throws -> InspectReport {
        var profiles = try Array(Set(paths)).sorted().map { try profile($0) }
        let undecided = propose(&profiles)
        return InspectReport(
            files: profiles, undecided: undecided, dataSection: DataSectionDraft.yaml(profiles, undecided: undecided),
            typedRowLimit: typedRowLimit)
    }

    /// The files a folder holds that `inspect` reads: `.csv`, `.tsv` and `.txt`, sorted by name.
    public static func files(in directory: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw HandoffError(.badInput, "cannot list the folder", file: directory)
        }
        return names.filter { name in
            let ext = (name as NSString).pathExtension.lowercased()
            return ["csv", "tsv", "txt"].contains(ext) && !name.hasPrefix(".")
        }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Profiles one file. Throws `HandoffError(.badInput)` (file:line: why) for a file that cannot be read as CSV.
    static func profile(_ path: String) throws -> ExportProfile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HandoffError(.badInput, "no such file", file: path)
        }
        if isDirectory.boolValue { throw HandoffError(.badInput, "is a folder, not a file", file: path) }
        // UTF-16 saved without a byte-order mark is read as such (the loader needs data.encoding for it).
        var settings = DataSettings.standard
        let regular =
            (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
        settings.encoding = regular ? bomlessUTF16((try? CSVReader.FilePass.head(path, count: 4096)) ?? []) : nil
        let loader = try LeadLoader(data: settings, timeZone: "UTC", reasons: [], cores: 1)
        let (source, dialect) = try ReadFile.readable(path, loader, given: nil)
        defer { Spool.remove(source: source, path: path) }
        do {
            let header = try findHeader(source, delimiter: dialect.delimiter)
            let names = header.names
            let (bodyEnd, footers) = try FooterScan.find(
                source, file: path, dialect: dialect, bodyStart: header.bodyStart,
                idColumn: idColumnGuess(names))
            var profiler = ColumnProfiler(
                headers: names, decimalComma: dialect.decimalComma, isBlank: { loader.blank($0) })
            try profiler.sample(
                source, delimiter: dialect.delimiter, span: header.bodyStart..<bodyEnd, firstLine: header.firstLine)
            try profiler.count(
                source, delimiter: dialect.delimiter, span: header.bodyStart..<bodyEnd, firstLine: header.firstLine)
            return ExportProfile(
                path: path, name: (path as NSString).lastPathComponent, dialect: dialect, headerLine: header.line,
                titleRows: header.preamble, rows: profiler.rows, footers: footers, raggedRows: profiler.ragged,
                columns: profiler.columns(), typedRows: profiler.sampledRows)
        } catch let failure as CSVReader.Failure {
            throw HandoffError(.badInput, failure.reason, file: failure.line.map { "\(path):\($0)" } ?? path)
        }
    }

    /// Where the header is: the first of the first 20 records with two or more fields whose field count is the one most
    /// of those records have (report title rows above it have fewer); the first record for a one-column file.
    static func findHeader(_ source: String, delimiter: UInt8) throws -> (
        names: [String], line: Int, preamble: Int, bodyStart: Int, firstLine: Int
    ) {
        var records: [(names: [String], line: Int, end: Int, nextLine: Int)] = []
        try CSVReader(path: source, chunkSize: 64 << 10, delimiter: delimiter).readUntil { r in
            guard r.count <= LeadLoader.maximumColumns else {
                throw CSVReader.Failure(
                    file: source, line: r.line,
                    reason:
                        "line \(r.line) has \(r.count) fields; an export has at most \(LeadLoader.maximumColumns) columns — is this the right file?"
                )
            }
            records.append(((0..<r.count).map { r.string($0) ?? "" }, r.line, r.end, r.nextLine))
            return records.count < 21
        }
        guard !records.isEmpty else { return ([], 1, 0, 0, 2) }
        var tally: [Int: Int] = [:]
        for r in records where r.names.count > 1 { tally[r.names.count, default: 0] += 1 }
        let width = tally.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
        let index = width.flatMap { w in records.firstIndex { $0.names.count == w } } ?? 0
        let h = records[index]
        return (h.names, h.line, index, h.end, h.nextLine)
    }

    /// `utf-16le` or `utf-16be` for text without a byte-order mark whose every other byte is a NUL (ASCII in UTF-16),
    /// as the reader's own check tells it; nil otherwise.
    static func bomlessUTF16(_ head: [UInt8]) -> Dialect.Encoding? {
        guard head.count >= 8, !head.starts(with: [0xFF, 0xFE]), !head.starts(with: [0xFE, 0xFF]) else { return nil }
        let even = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let odd = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        guard max(even, odd) * 10 >= head.count / 2 * 9, min(even, odd) == 0 else { return nil }
        return odd > even ? .utf16LE : .utf16BE
    }

    /// The field most likely to hold a record id, for footer detection: the first header ending in `id`, else the
    /// first column (so a row of numbers with a value there is a record, not a summary).
    static func idColumnGuess(_ names: [String]) -> Int? {
        names.isEmpty ? nil : names.firstIndex { ColumnNames.squeeze($0).hasSuffix("id") } ?? 0
    }
}
