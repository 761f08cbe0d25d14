import Foundation

/// Streams a CSV file record by record from fixed-size chunks, straight from bytes.
///
/// Handles a UTF-8 BOM, `\n`, `\r\n` and bare `\r` line ends, quoted fields with doubled quotes and
/// line breaks inside them. Memory stays at one chunk plus the longest record.
public final class CSVReader {
    /// One record: field byte ranges into the reader's buffer, valid only inside the callback.
    public struct Record {
        /// The 1-based line the record starts on.
        public let line: Int
        let buffer: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int>
        let ends: UnsafeBufferPointer<Int>
        let escaped: UnsafeBufferPointer<Bool>

        /// Number of fields.
        public var count: Int { starts.count }

        /// The field's raw bytes (quotes removed; doubled quotes still doubled when `isEscaped`).
        public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            guard index < count else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(rebasing: buffer[starts[index]..<ends[index]])
        }

        /// The field as text, trimmed of surrounding spaces; `nil` when it is not valid UTF-8.
        public func string(_ index: Int) -> String? {
            let raw = trimmedBytes(index)
            let text: String
            if Bytes.isASCII(raw) {
                text = String(decoding: raw, as: UTF8.self)
            } else {
                guard let valid = String(validating: raw, as: UTF8.self) else { return nil }
                text = valid
            }
            return isEscaped(index) ? text.replacingAll("\"\"", with: "\"") : text
        }

        /// The field's bytes without surrounding spaces.
        public func trimmedBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: trimmed(bytes(index)))
        }

        /// True when the quoted field holds doubled quotes.
        public func isEscaped(_ index: Int) -> Bool { index < count && escaped[index] }

        /// True when the field is empty or only spaces.
        public func isBlank(_ index: Int) -> Bool { trimmed(bytes(index)).isEmpty }

        func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
            var lo = b.startIndex, hi = b.endIndex
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            return b[lo..<hi]
        }
    }

    /// A file that cannot be read as CSV at all.
    public struct Failure: Error, CustomStringConvertible {
        /// The file.
        public var file: String
        /// The line, when known.
        public var line: Int?
        /// Why it cannot be read.
        public var reason: String
        /// `file:line: reason`.
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)" }
    }

    private let path: String
    private let chunkSize: Int

    /// A reader for the file at `path`.
    public init(path: String, chunkSize: Int = 8 << 20) {
        self.path = path
        self.chunkSize = chunkSize
    }

    /// Calls `body` for every record in order. Throws `Failure` for files that are not CSV text.
    public func forEachRecord(_ body: (Record) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(file: path, line: nil, reason: FileManager.default.fileExists(atPath: path) ? "cannot open the file" : "no such file")
        }
        defer { try? handle.close() }
        var buffer = [UInt8]()
        buffer.reserveCapacity(chunkSize * 2)
        var eof = false
        var first = true
        var line = 1
        var starts = [Int](), ends = [Int](), escaped = [Bool]()
        var position = 0
        while true {
            if !eof {
                let data = try handle.read(upToCount: chunkSize) ?? Data()
                if data.isEmpty { eof = true }
                if position > 0 { buffer.removeFirst(position); position = 0 }
                buffer.append(contentsOf: data)
                if first {
                    first = false
                    try checkText(buffer)
                    if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
                }
            }
            let needMore: Bool = try buffer.withUnsafeBufferPointer { buf in
                while position < buf.count {
                    starts.removeAll(keepingCapacity: true)
                    ends.removeAll(keepingCapacity: true)
                    escaped.removeAll(keepingCapacity: true)
                    guard let (next, lines) = scanRecord(buf, from: position, eof: eof, &starts, &ends, &escaped) else {
                        if eof { throw Failure(file: path, line: line, reason: "a quoted field is never closed; check for a stray \" in this row") }
                        return true
                    }
                    let emptyLine = starts.count == 1 && ends[0] == starts[0] && !escaped[0] && next - position <= 2
                    if !emptyLine {
                        try starts.withUnsafeBufferPointer { s in
                            try ends.withUnsafeBufferPointer { e in
                                try escaped.withUnsafeBufferPointer { q in
                                    try body(Record(line: line, buffer: buf, starts: s, ends: e, escaped: q))
                                }
                            }
                        }
                    }
                    line += lines
                    position = next
                }
                return !eof
            }
            if !needMore { break }
        }
    }

    /// Rejects binary files and UTF-16 before any parsing.
    private func checkText(_ head: [UInt8]) throws {
        let sample = head.prefix(4096)
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw Failure(file: path, line: nil, reason: "the file is UTF-16; export or save it as UTF-8 CSV")
        }
        if sample.contains(0) {
            throw Failure(file: path, line: nil, reason: "the file is not CSV text (it contains binary data); export the report as CSV")
        }
    }

    /// Scans one record from `start`. Returns the next record's start and the number of line breaks consumed,
    /// or `nil` when the record is incomplete in the buffer.
    private func scanRecord(_ b: UnsafeBufferPointer<UInt8>, from start: Int, eof: Bool,
                            _ starts: inout [Int], _ ends: inout [Int], _ escaped: inout [Bool]) -> (Int, Int)? {
        var i = start
        var lines = 0
        let n = b.count
        while true {
            // One field.
            if i < n, b[i] == 0x22 {
                i += 1
                let fieldStart = i
                var hasEscapes = false
                while true {
                    guard i < n else { return nil }
                    let c = b[i]
                    if c == 0x22 {
                        if i + 1 < n, b[i + 1] == 0x22 { hasEscapes = true; i += 2; continue }
                        if i + 1 >= n, !eof { return nil }
                        break
                    }
                    if c == 0x0A { lines += 1 } else if c == 0x0D, i + 1 < n, b[i + 1] != 0x0A { lines += 1 }
                    i += 1
                }
                starts.append(fieldStart); ends.append(i); escaped.append(hasEscapes)
                i += 1
                // Text after the closing quote up to the delimiter is ignored (lenient).
                while i < n, b[i] != 0x2C, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
            } else {
                let fieldStart = i
                while i < n, b[i] != 0x2C, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
                starts.append(fieldStart); ends.append(i); escaped.append(false)
            }
            guard i < n else {
                if eof { return (n, lines) }
                return nil
            }
            switch b[i] {
            case 0x2C:
                i += 1
                if i >= n, !eof { return nil }
            case 0x0D:
                if i + 1 < n, b[i + 1] == 0x0A { return (i + 2, lines + 1) }
                if i + 1 >= n, !eof { return nil }
                return (i + 1, lines + 1)
            default:
                return (i + 1, lines + 1)
            }
        }
    }
}
