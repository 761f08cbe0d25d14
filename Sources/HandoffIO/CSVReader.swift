import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a CSV file record by record from fixed-size chunks, straight from bytes.
///
/// Handles a UTF-8 BOM, `\n`, `\r\n` and bare `\r` line ends, quoted fields with doubled quotes and
/// line breaks inside them, and any one-byte delimiter (`,` by default; `;`, tab or `|` from the file's `Dialect`).
/// Other encodings are transcoded to a UTF-8 copy first (`Dialect.utf8Source`), so the scanner only sees UTF-8. Memory stays at one chunk plus the longest record. A file can also be read as
/// several spans at once (`spans(count:after:)`, `forEachRecord(in:)`), each on its own core.
@usableFromInline package final class CSVReader {
    /// One record: field byte ranges into the reader's buffer, valid only inside the callback.
    @usableFromInline package struct Record {
        /// The 1-based line the record starts on (relative to the span's first line when reading a span).
        package let line: Int
        /// The file offset just after the record (where the next one starts).
        package let end: Int
        /// The line the next record starts on.
        package let nextLine: Int
        @usableFromInline let buffer: UnsafeBufferPointer<UInt8>
        @usableFromInline let starts: UnsafeBufferPointer<Int>
        @usableFromInline let ends: UnsafeBufferPointer<Int>
        @usableFromInline let escaped: UnsafeBufferPointer<Bool>

        // The per-cell accessors are inlinable: HandoffKit's loaders call them for every cell of a million rows.

        /// Number of fields.
        @inlinable package var count: Int { starts.count }

        /// The field's raw bytes (quotes removed; doubled quotes still doubled when `isEscaped`).
        @inlinable package func bytes(_ index: Int) -> ByteView {
            guard index < count else { return .empty }
            return ByteView(UnsafeBufferPointer(rebasing: buffer[starts[index]..<ends[index]]))
        }

        /// The field as text, trimmed of surrounding spaces; `nil` when it is not valid UTF-8.
        package func string(_ index: Int) -> String? {
            let field = trimmedBytes(index)
            guard isEscaped(index) else { return field.validString }
            // Doubled quotes undone byte by byte, left to right (Foundation's `replacingOccurrences` took seconds on a
            // megabyte of quotes). Quotes are ASCII, so the bytes are valid UTF-8 exactly when the field's are.
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(field.count)
            var i = 0
            while i < field.count {
                let byte = field[i]
                unescaped.append(byte)
                i += byte == 0x22 && i + 1 < field.count && field[i + 1] == 0x22 ? 2 : 1
            }
            return String(validating: unescaped, as: UTF8.self)
        }

        /// The field's bytes without surrounding spaces.
        @inlinable package func trimmedBytes(_ index: Int) -> ByteView {
            guard index < count else { return .empty }
            var lo = starts[index], hi = ends[index]
            let b = buffer.baseAddress!
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            return ByteView(UnsafeBufferPointer(start: b + lo, count: hi - lo))
        }

        /// True when the quoted field holds doubled quotes.
        @inlinable package func isEscaped(_ index: Int) -> Bool { index < count && escaped[index] }

        /// True when the field is empty or only spaces.
        @inlinable package func isBlank(_ index: Int) -> Bool { trimmedBytes(index).isEmpty }
    }

    /// A file that cannot be read as CSV at all.
    package struct Failure: Error, CustomStringConvertible {
        /// The file.
        package var file: String
        /// The line, when known.
        package var line: Int?
        /// Why it cannot be read.
        package var reason: String
        /// A failure in `file` at `line`.
        package init(file: String, line: Int?, reason: String) {
            self.file = file
            self.line = line
            self.reason = reason
        }

        /// `file:line: reason`.
        package var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)" }
    }

    /// Where a span of records ended: the byte offset after its last record and the lines it covered.
    package struct SpanEnd: Sendable, Equatable {
        /// The file offset just after the span's last record.
        package var offset: Int
        /// Line breaks consumed by the span's records (and blank lines).
        package var lines: Int

        /// Where a span that read nothing ends.
        package static let none = SpanEnd(offset: 0, lines: 0)

        package init(offset: Int, lines: Int) {
            self.offset = offset
            self.lines = lines
        }
    }

    private let path: String
    private let chunkSize: Int
    /// The field delimiter byte (ASCII).
    private let delimiter: UInt8

    /// A reader for the file at `path`, its fields separated by `delimiter` (an ASCII byte other than `"`, CR, LF).
    package init(path: String, chunkSize: Int = 8 << 20, delimiter: UInt8 = 0x2C) {
        self.path = path
        self.chunkSize = max(1, chunkSize)
        self.delimiter =
            delimiter < 0x80 && delimiter != 0x22 && delimiter != 0x0A && delimiter != 0x0D ? delimiter : 0x2C
    }

    /// Calls `body` for every record in order. Throws `Failure` for files that are not CSV text.
    package func forEachRecord(_ body: (Record) throws -> Void) throws {
        _ = try forEachRecord(in: 0..<Int.max, firstLine: 1, body)
    }

    /// Calls `body` for every record that starts in `span` (byte offsets; a record may run past the span's end).
    /// The span must start at a record boundary (0, or an offset returned by `spans`). Returns where reading stopped,
    /// which is the next span's start exactly when the spans were cut at true record boundaries.
    @discardableResult
    package func forEachRecord(in span: Range<Int>, firstLine: Int, _ body: (Record) throws -> Void) throws -> SpanEnd {
        try scan(in: span, firstLine: firstLine) {
            try body($0)
            return true
        }
    }

    /// Calls `body` for records from the start of the file until it returns false (to read a header).
    package func readUntil(_ body: (Record) throws -> Bool) throws {
        _ = try scan(in: 0..<Int.max, firstLine: 1, body)
    }

    private func scan(in span: Range<Int>, firstLine: Int, _ body: (Record) throws -> Bool) throws -> SpanEnd {
        let file = try OpenFile(path: path)
        defer { file.close() }
        // Chunks are never larger than what the span can hold (a small file gets a small buffer, grown if a record
        // runs past the span's end).
        let chunkSize = min(self.chunkSize, max(4096, min(try file.size(), span.upperBound) - span.lowerBound + 1))
        var buffer = ReadBuffer(capacity: chunkSize * 2)
        defer { buffer.deallocate() }
        var fields = FieldBuffer()
        defer { fields.deallocate() }
        var fileOffset = span.lowerBound // file offset of buffer[0]
        var filled = 0, position = 0
        var eof = false
        var line = firstLine
        var checked = span.lowerBound > 0
        let delimiter = self.delimiter
        while true {
            if !eof {
                // Keep the unfinished record, read the next chunk after it.
                if position > 0 {
                    buffer.shift(from: position, count: filled - position)
                    fileOffset += position
                    filled -= position
                    position = 0
                }
                // A record longer than a chunk is scanned again from its start after every read: reading at least as
                // much as is kept doubles what a scan covers, so a long record costs linear time, not quadratic.
                let want = max(chunkSize, filled)
                if filled + want > buffer.capacity { buffer.grow(to: filled + want, keeping: filled) }
                let got = try file.read(into: buffer.base + filled, count: want, at: fileOffset + filled)
                if got == 0 { eof = true }
                filled += got
                if !checked {
                    checked = true
                    try checkText(UnsafeBufferPointer(start: buffer.base, count: filled))
                    if filled >= 3, buffer.base[0] == 0xEF, buffer.base[1] == 0xBB, buffer.base[2] == 0xBF {
                        position = 3
                    }
                }
            }
            let b = UnsafeBufferPointer(start: UnsafePointer(buffer.base), count: filled)
            while position < filled {
                if fileOffset + position >= span.upperBound {
                    return SpanEnd(offset: fileOffset + position, lines: line - firstLine)
                }
                fields.removeAll()
                guard let (next, lines) = Self.scanRecord(b, from: position, eof: eof, delimiter: delimiter, &fields)
                else {
                    if eof {
                        throw Failure(
                            file: path, line: line,
                            reason: "a quoted field is never closed; check for a stray \" in this row")
                    }
                    break
                }
                let emptyLine =
                    fields.count == 1 && fields.ends[0] == fields.starts[0] && !fields.escaped[0]
                    && next - position <= 2
                if !emptyLine {
                    let more = try body(
                        Record(
                            line: line, end: fileOffset + next, nextLine: line + lines, buffer: b,
                            starts: UnsafeBufferPointer(start: fields.starts, count: fields.count),
                            ends: UnsafeBufferPointer(start: fields.ends, count: fields.count),
                            escaped: UnsafeBufferPointer(start: fields.escaped, count: fields.count)))
                    if !more { return SpanEnd(offset: fileOffset + next, lines: line + lines - firstLine) }
                }
                line += lines
                position = next
            }
            if eof && position >= filled { return SpanEnd(offset: fileOffset + position, lines: line - firstLine) }
        }
    }

    /// Cuts the bytes after `start` into up to `count` spans of similar size, each beginning after a line break.
    /// A cut can fall inside a quoted field that holds a line break; `forEachRecord(in:)` on the span before it
    /// then ends past the cut, which is how a caller tells (and reads the next span again from where it really ended).
    /// Bytes from `end` on (a report footer) are left out.
    package func spans(count: Int, after start: Int, before end: Int = .max) throws -> [Range<Int>] {
        let size = min(try FilePass.size(path), end)
        guard count > 1, size > start else { return [start..<max(start, size)] }
        return try spans(
            cuttingNear: (1..<count).map { start + (size - start) * $0 / count }, after: start, before: end)
    }

    /// Cuts the bytes after `start` at the first line break after each of `offsets` (ascending), as `spans(count:)`.
    package func spans(cuttingNear offsets: [Int], after start: Int, before end: Int = .max) throws -> [Range<Int>] {
        let file = try OpenFile(path: path)
        defer { file.close() }
        let size = min(try file.size(), end)
        guard size > start else { return [start..<max(start, size)] }
        var cuts = [start]
        var probe = [UInt8](repeating: 0, count: 64 << 10)
        for at in offsets {
            guard at > cuts.last!, at < size else { continue }
            let got = try probe.withUnsafeMutableBytes {
                try file.read(into: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: $0.count, at: at)
            }
            guard let newline = probe[..<got].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { continue }
            var cut = at + newline + 1
            if probe[newline] == 0x0D, newline + 1 < got, probe[newline + 1] == 0x0A { cut += 1 }
            if cut < size, cut > cuts.last! { cuts.append(cut) }
        }
        cuts.append(size)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    }

    /// Rejects binary files and UTF-16 before any parsing.
    private func checkText(_ head: UnsafeBufferPointer<UInt8>) throws {
        let sample = head.prefix(4096)
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw Failure(file: path, line: nil, reason: "the file is UTF-16; export or save it as UTF-8 CSV")
        }
        // UTF-16 without a byte-order mark: a NUL beside nearly every ASCII character, on one side.
        let even = stride(from: 0, to: sample.count, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
        let odd = stride(from: 1, to: sample.count, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
        if sample.count >= 8, max(even, odd) * 10 >= sample.count / 2 * 9, min(even, odd) == 0 {
            let which = odd > even ? "utf-16le" : "utf-16be"
            throw Failure(
                file: path, line: nil,
                reason:
                    "the file looks like UTF-16 without a byte-order mark; set data.encoding: \(which) in the agreement (or save it as UTF-8 CSV)"
            )
        }
        if sample.contains(0) {
            throw Failure(
                file: path, line: nil,
                reason: "the file is not CSV text (it contains binary data); export the report as CSV")
        }
    }

    /// Scans one record from `start`. Returns the next record's start and the number of line breaks consumed,
    /// or `nil` when the record is incomplete in the buffer.
    @inline(__always)
    private static func scanRecord(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, eof: Bool, delimiter: UInt8,
        _ fields: inout FieldBuffer
    ) -> (Int, Int)? {
        let b = buffer.baseAddress!
        let n = buffer.count
        var i = start
        var lines = 0
        while true {
            // One field.
            if i < n, b[i] == 0x22 {
                i += 1
                let fieldStart = i
                var hasEscapes = false
                while true {
                    i = nextQuoteOrBreak(b, from: i, count: n)
                    guard i < n else { return nil }
                    let c = b[i]
                    if c == 0x22 {
                        if i + 1 < n, b[i + 1] == 0x22 {
                            hasEscapes = true
                            i += 2
                            continue
                        }
                        if i + 1 >= n, !eof { return nil }
                        break
                    }
                    if c == 0x0A { lines += 1 } else if c == 0x0D, i + 1 < n, b[i + 1] != 0x0A { lines += 1 }
                    i += 1
                }
                fields.append(fieldStart, i, hasEscapes)
                i += 1
                // Text after the closing quote up to the delimiter is ignored (lenient).
                while i < n, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
            } else {
                let fieldStart = i
                i = endOfPlainField(b, from: i, count: n, delimiter: delimiter)
                fields.append(fieldStart, i, false)
            }
            guard i < n else {
                if eof { return (n, lines) }
                return nil
            }
            let c = b[i]
            if c == delimiter {
                i += 1
                if i >= n, !eof { return nil }
                continue
            }
            switch c {
            case 0x0D:
                if i + 1 < n, b[i + 1] == 0x0A { return (i + 2, lines + 1) }
                if i + 1 >= n, !eof { return nil }
                return (i + 1, lines + 1)
            default:
                return (i + 1, lines + 1)
            }
        }
    }

    /// The first `"`, `\n` or `\r` at or after `start` (`n` when none), eight bytes at a time: inside a quoted
    /// field only these matter (free-text notes are mostly plain text between them).
    @inline(__always)
    private static func nextQuoteOrBreak(_ b: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(b)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), lf = word ^ (ones &* 0x0A), cr = word ^ (ones &* 0x0D)
            let found = ((quote &- ones) & ~quote | (lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs
            if found == 0 {
                i += 8
                continue
            }
            return i + found.trailingZeroBitCount >> 3
        }
        while i < n {
            let c = b[i]
            if c == 0x22 || c == 0x0A || c == 0x0D { return i }
            i += 1
        }
        return i
    }

    /// The first delimiter, `\n` or `\r` at or after `i` (or `n`), eight bytes at a time (the lowest byte flagged by
    /// the zero-byte test is exact, which is the one needed).
    @inline(__always)
    private static func endOfPlainField(_ b: UnsafePointer<UInt8>, from start: Int, count n: Int, delimiter: UInt8)
        -> Int
    {
        var i = start
        let raw = UnsafeRawPointer(b)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let comma = word ^ (ones &* UInt64(delimiter)), lf = word ^ (ones &* 0x0A), cr = word ^ (ones &* 0x0D)
            let found = ((comma &- ones) & ~comma | (lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs
            if found == 0 {
                i += 8
                continue
            }
            return i + found.trailingZeroBitCount >> 3
        }
        while i < n {
            let c = b[i]
            if c == delimiter || c == 0x0A || c == 0x0D { return i }
            i += 1
        }
        return i
    }
}

/// The field offsets of the record being scanned, in plain memory (no array bookkeeping per field).
private struct FieldBuffer {
    var starts: UnsafeMutablePointer<Int>
    var ends: UnsafeMutablePointer<Int>
    var escaped: UnsafeMutablePointer<Bool>
    var count = 0
    var capacity = 64

    init() {
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
        escaped = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ start: Int, _ end: Int, _ isEscaped: Bool) {
        if count == capacity { grow() }
        starts[count] = start
        ends[count] = end
        escaped[count] = isEscaped
        count += 1
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    private mutating func grow() {
        let bigger = capacity * 2
        let s = UnsafeMutablePointer<Int>.allocate(capacity: bigger),
            e = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
        let q = UnsafeMutablePointer<Bool>.allocate(capacity: bigger)
        s.update(from: starts, count: count)
        e.update(from: ends, count: count)
        q.update(from: escaped, count: count)
        deallocate()
        (starts, ends, escaped, capacity) = (s, e, q, bigger)
    }

    func deallocate() {
        starts.deallocate()
        ends.deallocate()
        escaped.deallocate()
    }
}

/// The bytes read so far that are not yet parsed.
private struct ReadBuffer {
    var base: UnsafeMutablePointer<UInt8>
    var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    mutating func shift(from position: Int, count: Int) {
        if count > 0 { memmove(base, base + position, count) }
    }

    mutating func grow(to needed: Int, keeping count: Int) {
        let bigger = max(needed, capacity * 2)
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        b.update(from: base, count: count)
        base.deallocate()
        (base, capacity) = (b, bigger)
    }

    func deallocate() { base.deallocate() }
}

/// A file opened for positioned reads (several spans of one file can be read at once).
private struct OpenFile {
    let path: String
    let descriptor: Int32

    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CSVReader.Failure(
                file: path, line: nil,
                reason: FileManager.default.fileExists(atPath: path) ? "cannot open the file" : "no such file")
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            _ = closeDescriptor(descriptor)
            throw CSVReader.Failure(file: path, line: nil, reason: "is a directory, not a CSV file")
        }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(into target: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) throws -> Int {
        var total = 0
        while total < count {
            var got = pread(descriptor, target + total, count - total, off_t(offset + total))
            // A pipe cannot be read at an offset; it is only ever read front to back, so read it in order.
            if got < 0, errno == ESPIPE { got = readDescriptor(descriptor, target + total, count - total) }
            if got < 0 {
                if errno == EINTR { continue }
                throw CSVReader.Failure(
                    file: path, line: nil, reason: "cannot read the file (\(String(cString: strerror(errno))))")
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    func size() throws -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw CSVReader.Failure(file: path, line: nil, reason: "cannot read the file")
        }
        return Int(info.st_size)
    }

    func close() { _ = closeDescriptor(descriptor) }
}

/// The C library's `close` and `read` (Glibc or Darwin), named apart from `OpenFile`'s own methods.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }

private func readDescriptor(_ descriptor: Int32, _ target: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(descriptor, target, count)
}

extension CSVReader {
    /// Whole-file byte passes for dialect and footer detection (kept here, with the reader's other pointer code).
    package enum FilePass {
        /// The file's size in bytes.
        package static func size(_ path: String) throws -> Int {
            let file = try OpenFile(path: path)
            defer { file.close() }
            return try file.size()
        }

        /// Up to `count` bytes from `offset`.
        package static func bytes(_ path: String, at offset: Int, count: Int) throws -> [UInt8] {
            let file = try OpenFile(path: path)
            defer { file.close() }
            guard count > 0 else { return [] }
            var out = [UInt8](repeating: 0, count: count)
            let got = try out.withUnsafeMutableBufferPointer {
                try file.read(into: $0.baseAddress!, count: count, at: offset)
            }
            out.removeLast(count - got)
            return out
        }

        /// The first `count` bytes.
        package static func head(_ path: String, count: Int) throws -> [UInt8] { try bytes(path, at: 0, count: count) }

        /// True when the whole file is valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), read
        /// mapped into memory on up to `cores` cores at once; ASCII is skipped 32 bytes at a time.
        package static func isUTF8(_ path: String, cores: Int) throws -> Bool {
            let file = try OpenFile(path: path)
            defer { file.close() }
            let size = try file.size()
            guard size > 0 else { return true }
            guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, file.descriptor, 0), mapped != MAP_FAILED else {
                throw CSVReader.Failure(
                    file: path, line: nil, reason: "cannot read the file (\(String(cString: strerror(errno))))")
            }
            defer { munmap(mapped, size) }
            _ = madvise(mapped, size, MADV_SEQUENTIAL)
            nonisolated(unsafe) let base = mapped.assumingMemoryBound(to: UInt8.self)
            let parts = max(1, min(cores, size / (16 << 20)))
            let window = 8 << 20, page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let valid = Concurrently.map(parts) { k -> Bool in
                var lo = size * k / parts
                let hi = size * (k + 1) / parts
                // A part after the first skips at most three continuation bytes: the part before checks that sequence,
                // reading past its own end.
                if lo > 0 { for _ in 0..<3 where lo < hi && base[lo] & 0xC0 == 0x80 { lo += 1 } }
                // Window by window, each window's pages given back once checked: mapped pages count as the process's
                // memory, and a mapping of the whole export would be its peak on the larger files.
                while lo < hi {
                    guard let next = validate(base + lo, limit: min(hi - lo, window), count: size - lo) else {
                        return false
                    }
                    let from = lo & ~(page - 1), to = (lo + next) & ~(page - 1)
                    if to > from {
                        _ = madvise(UnsafeMutableRawPointer(mutating: base + from), to - from, MADV_DONTNEED)
                    }
                    lo += next
                }
                return true
            }
            return !valid.contains(false)
        }

        /// Validates the sequences that start before `limit`; returns where the next one starts, nil when invalid.
        @inline(__always)
        private static func validate(_ b: UnsafePointer<UInt8>, limit: Int, count n: Int) -> Int? {
            var i = 0
            let raw = UnsafeRawPointer(b)
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i < limit {
                while i + 32 <= limit {
                    let w =
                        raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                    if w & highs != 0 { break }
                    i += 32
                }
                guard i < limit else { break }
                let c = b[i]
                if c < 0x80 {
                    i += 1
                    continue
                }
                let need: Int, low: UInt8, high: UInt8
                switch c {
                case 0xC2...0xDF: (need, low, high) = (1, 0x80, 0xBF)
                case 0xE0: (need, low, high) = (2, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: (need, low, high) = (2, 0x80, 0xBF)
                case 0xED: (need, low, high) = (2, 0x80, 0x9F)
                case 0xF0: (need, low, high) = (3, 0x90, 0xBF)
                case 0xF1...0xF3: (need, low, high) = (3, 0x80, 0xBF)
                case 0xF4: (need, low, high) = (3, 0x80, 0x8F)
                default: return nil
                }
                guard i + need < n, b[i + 1] >= low, b[i + 1] <= high else { return nil }
                for k in 2..<(need + 1) where b[i + k] & 0xC0 != 0x80 { return nil }
                i += need + 1
            }
            return i
        }

        /// Line breaks (`\n`, `\r\n` or a bare `\r`) before `end`: the 1-based line at `end` is this plus one.
        package static func lineBreaks(_ path: String, before end: Int) throws -> Int {
            let file = try OpenFile(path: path)
            defer { file.close() }
            let chunk = min(4 << 20, max(4096, end))
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk + 1)
            defer { buffer.deallocate() }
            var breaks = 0, position = 0
            while position < end {
                let want = min(chunk, end - position)
                let got = try file.read(into: buffer, count: want + 1, at: position)
                guard got > 0 else { break }
                let n = min(got, want)
                for i in 0..<n {
                    let c = buffer[i]
                    if c == 0x0A {
                        breaks += 1
                    } else if c == 0x0D, !(i + 1 < got && buffer[i + 1] == 0x0A) {
                        breaks += 1
                    }
                }
                position += n
            }
            return breaks
        }

        /// Writes the file as UTF-8 to `copy` (a byte-order mark left out), line for line.
        /// `convert` turns each chunk into UTF-8 (its second argument is true for the last chunk).
        package static func transcode(
            _ path: String, to copy: String, _ convert: ([UInt8], Bool) -> [UInt8]
        ) throws {
            let file = try OpenFile(path: path)
            defer { file.close() }
            guard FileManager.default.createFile(atPath: copy, contents: nil),
                let output = FileHandle(forWritingAtPath: copy)
            else {
                throw CSVReader.Failure(
                    file: path, line: nil, reason: "cannot write a UTF-8 copy of the file in the temporary folder")
            }
            defer { try? output.close() }
            let chunk = min(4 << 20, max(4096, try file.size() + 1))
            var position = 0
            var buffer = [UInt8](repeating: 0, count: chunk)
            while true {
                let got = try buffer.withUnsafeMutableBufferPointer {
                    try file.read(into: $0.baseAddress!, count: chunk, at: position)
                }
                position += got
                let text = convert(Array(buffer[0..<got]), got < chunk)
                do { try output.write(contentsOf: text) } catch {
                    throw CSVReader.Failure(
                        file: path, line: nil,
                        reason: "cannot write a UTF-8 copy of the file (\(error.localizedDescription))")
                }
                if got < chunk { break }
            }
        }
    }
}
