import FuzzSupport

@testable import HandoffIO
@testable import HandoffKit

// Fuzz target: the CSV reader in every dialect — delimiter (comma, semicolon, tab, pipe) and encoding (UTF-8, with or
// without a byte-order mark, UTF-16 LE/BE, ISO-8859-1, Windows-1252, transcoded to UTF-8 as the loader does) — read
// whole, in small chunks, and in spans joined as the loader joins them; with the dialect detection on the same text.
// One file in memory (`/dev/shm`) and one thread: the lead loader over whole exports is the slower `leads` target.
// Input: byte 0 picks the delimiter (bits 0–1), the encoding (bits 2–4) and the number of spans (bits 5–7, 1–8);
// byte 1 the reader's small chunk size (bits 0–3) and the transcoder's chunk size (bits 4–7); the rest is the file.
// Properties: every file is records or a `file:line: reason` failure, never a trap; small chunks give exactly the
// records of one big chunk; spans joined from where each really ended give exactly the records (and lines) of a
// front-to-back read, and fail exactly when it fails; transcoding in chunks gives exactly the bytes of one piece.
#if canImport(Glibc)
import Glibc
#endif

private let folder = FuzzFile.folder("csv")
private let path = "\(folder)/export.csv"
private let encodings = Dialect.Encoding.allCases
private let smallChunks = [3, 4, 5, 7, 8, 13, 16, 64, 4096]
private let transcoderChunks = [1, 2, 3, 4, 5, 7, 64, 4096]

/// A record's fields as text (`<not UTF-8>` for a field that is not), with the line it starts on.
private struct Row: Equatable {
    var line: Int
    var fields: [String]
}

/// What a read gave: its rows and where it ended, or the failure's text.
private struct Read {
    var rows: [Row] = []
    var end: CSVReader.SpanEnd?
    var failure: String?
}

private func read(_ reader: CSVReader, in span: Range<Int>? = nil) -> Read {
    var out = Read()
    do {
        let body: (CSVReader.Record) -> Void = { record in
            out.rows.append(
                Row(line: record.line, fields: (0..<record.count).map { record.string($0) ?? "<not UTF-8>" }))
            for k in 0..<record.count {
                require(record.bytes(k).count >= record.trimmedBytes(k).count, "trimming added bytes")
                _ = record.isBlank(k)
            }
        }
        if let span {
            out.end = try reader.forEachRecord(in: span, firstLine: 1, body)
        } else {
            try reader.forEachRecord(body)
        }
    } catch let failure as CSVReader.Failure {
        out.failure = failure.description
    } catch {
        fatalError("the CSV reader threw something other than a Failure: \(error)")
    }
    return out
}

/// The file read in `count` spans, each from where the one before really ended (a cut inside a quoted line break is
/// read again from there, or skipped when the quoted field covers the span), its lines numbered on: what
/// `LeadLoader` does with the spans it reads on several cores. Every span is read first, as the loader does.
private func joined(_ reader: CSVReader, spans count: Int) -> Read {
    let spans: [Range<Int>]
    do { spans = try reader.spans(count: count, after: 0) } catch { fatalError("cutting spans failed: \(error)") }
    require(!spans.isEmpty && spans[0].lowerBound == 0, "the spans do not start at 0: \(spans)")
    for (a, b) in zip(spans, spans.dropFirst()) { require(a.upperBound == b.lowerBound, "spans leave gaps: \(spans)") }
    let first = spans.map { read(reader, in: $0) }
    var out = Read()
    var end = 0, nextLine = 1
    for (k, span) in spans.enumerated() {
        let part: Read
        if end == span.lowerBound {
            part = first[k]
        } else if end < span.upperBound {
            require(end > span.lowerBound, "span \(k - 1) ended at \(end), before span \(k) at \(span.lowerBound)")
            part = read(reader, in: end..<span.upperBound)
        } else {
            continue
        }
        if let failure = part.failure {
            out.failure = failure
            return out
        }
        guard let partEnd = part.end else { fatalError("a span read returned no end") }
        out.rows += part.rows.map { Row(line: $0.line + nextLine - 1, fields: $0.fields) }
        end = partEnd.offset
        nextLine += partEnd.lines
    }
    return out
}

/// Transcodes as `CSVReader.FilePass.transcode` does, `chunk` bytes at a time.
private func transcode(_ bytes: [UInt8], from encoding: Dialect.Encoding, chunk: Int) -> [UInt8] {
    var transcoder = Transcoder(encoding)
    var out: [UInt8] = []
    var position = 0
    while true {
        let piece = Array(bytes[position..<min(bytes.count, position + chunk)])
        position += piece.count
        out += transcoder.utf8(piece, final: piece.count < chunk)
        if piece.count < chunk { break }
    }
    return out
}

/// Builds the harness's fixed data before the first input, so no input is charged for it (the timeout is 1 s).
func warmUp() {
    _ = path
    atexit {
        unlink(path)
        rmdir(folder)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 2 else { return 0 }
    let delimiter = Dialect.delimiters[Int(data[0] & 0x03)]
    let encoding = encodings[Int(data[0] >> 2 & 0x07) % encodings.count]
    let spanCount = Int(data[0] >> 5) + 1
    // Small chunks for files up to 64 KB (what the fuzzer makes); a larger file (the 1 MB inputs of scripts/fuzz-large)
    // is read in 4 KB chunks, still many, not in hundreds of thousands of 3-byte reads.
    let small = size - 2 <= 64 << 10 ? smallChunks[Int(data[1] & 0x0F) % smallChunks.count] : 4096
    let raw = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))

    // The file as the reader sees it: a UTF-8 copy when it is written in another encoding.
    var file = raw
    if encoding.needsTranscoding {
        var whole = Transcoder(encoding)
        file = whole.utf8(raw, final: true)
        let chunk = transcoderChunks[Int(data[1] >> 4) % transcoderChunks.count]
        // A comparison (the loader transcodes in chunks of megabytes): not part of a user's run.
        if !timingOnly {
            require(
                transcode(raw, from: encoding, chunk: chunk) == file, "transcoding in \(chunk)-byte chunks differs")
        }
    }

    // Dialect detection judges the file's head, as `Dialect.detect` does (it never traps; what it picks is not
    // checked here).
    let sample = Array(file.prefix(Dialect.sampleSize))
    _ = Dialect.detectDelimiter(sample, partial: file.count >= Dialect.sampleSize)
    _ = Dialect.detectLineEnd(sample)
    _ = SimpleCSV.records(sample, delimiter: delimiter, limit: 50, dropLastPartial: spanCount > 4)

    FuzzFile.write(file, to: path)
    // One chunk holds the whole file (as the reader's 8 MB default does for files this size).
    let big = max(4096, file.count + 1)
    let whole = read(CSVReader(path: path, chunkSize: big, delimiter: delimiter))
    // The binary and UTF-16 check looks at the first chunk only: a small first chunk may not see what the whole file
    // shows in its first 4 KB, so files it would refuse are not compared.
    let head = file.prefix(4096)
    let comparable = !head.contains(0) && !head.starts(with: [0xFF, 0xFE]) && !head.starts(with: [0xFE, 0xFF])
    if timingOnly { // a user's run: the header, then the file in one span
        try? CSVReader(path: path, delimiter: delimiter).readUntil { _ in false }
        return 0
    }
    if comparable {
        let chunked = read(CSVReader(path: path, chunkSize: small, delimiter: delimiter))
        require(
            whole.rows == chunked.rows && (whole.failure == nil) == (chunked.failure == nil),
            "chunk size \(small) changed the records")
    }
    // Spans in small chunks too, for small files (a 64 KB file in 3-byte chunks is thousands of reads a span).
    let spanChunk = comparable && file.count <= 4096 ? small : big
    let spans = joined(CSVReader(path: path, chunkSize: spanChunk, delimiter: delimiter), spans: spanCount)
    require(
        (whole.failure == nil) == (spans.failure == nil),
        "read whole: \(whole.failure ?? "records"); in \(spanCount) spans: \(spans.failure ?? "records")")
    require(whole.failure != nil || whole.rows == spans.rows, "\(spanCount) spans joined differ from one read")

    // Reading a header stops where asked.
    var first: Row?
    try? CSVReader(path: path, chunkSize: small, delimiter: delimiter).readUntil { record in
        first = Row(line: record.line, fields: (0..<record.count).map { record.string($0) ?? "<not UTF-8>" })
        return false
    }
    if comparable, whole.failure == nil { require(first == whole.rows.first, "readUntil's first record differs") }
    return 0
}
