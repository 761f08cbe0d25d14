import FuzzSupport

@testable import HandoffIO
@testable import HandoffKit

// Fuzz target: the CSV reader (whole files, small chunks, spans read apart) and the lead loader in every column
// preset (canonical, HubSpot, Salesforce), over leads, activities and engagement files.
// Input: byte 0 picks the preset, byte 1 the reader's chunk size and (top bit) whole-file or 16-byte spans; the rest
// is up to three files separated by a line `#%#`. Property: every file is records or a `file:line: reason` error, never a trap; spans join to
// exactly the records of a front-to-back read.
#if canImport(Glibc)
import Glibc
#endif

private let starter: Agreement? = {
    guard let text = try? StarterAgreement.text() else { return nil }
    return AgreementLoader.load(bytes: Array(text.utf8), file: "starter.yaml").agreement
}()
/// One loader per preset, reading in one span or in spans of 16 bytes on two cores (built once: a loader builds its
/// time zone's table, which costs more than most inputs).
private let loaders: [[LeadLoader]] = ColumnPreset.names.map { preset in
    guard var agreement = starter else { return [] }
    agreement.data.preset = preset
    return [1 << 30, 16].compactMap { try? LeadLoader(agreement: agreement, cores: 2, minimumSpan: $0) }
}
private let folder: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    return "\(base)/handoff-fuzz-csv-\(getpid())"
}()
private let separator = Array("\n#%#\n".utf8)

private func write(_ bytes: ArraySlice<UInt8>, to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    require(fd >= 0, "cannot write \(path)")
    bytes.withUnsafeBufferPointer { b in
        var done = 0
        while done < b.count {
            let n = Glibc.write(fd, b.baseAddress! + done, b.count - done)
            require(n > 0, "cannot write \(path)")
            done += n
        }
    }
    close(fd)
}

/// Splits at each `#%#` line, at most three parts.
private func parts(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    var out: [ArraySlice<UInt8>] = []
    var start = bytes.startIndex, i = bytes.startIndex
    while i + separator.count <= bytes.endIndex, out.count < 2 {
        if bytes[i] == separator[0], bytes[i..<(i + separator.count)].elementsEqual(separator) {
            out.append(bytes[start..<i])
            i += separator.count
            start = i
        } else {
            i += 1
        }
    }
    out.append(bytes[start...])
    return out
}

/// Every record's fields as text, with the line it starts on.
private func records(_ reader: CSVReader, in span: Range<Int>? = nil) -> ([String], CSVReader.SpanEnd?)? {
    var out: [String] = []
    do {
        let body: (CSVReader.Record) -> Void = { record in
            out.append(
                "\(record.line):"
                    + (0..<record.count).map { record.string($0) ?? "<not UTF-8>" }.joined(separator: "\u{1F}"))
        }
        if let span { return (out, try reader.forEachRecord(in: span, firstLine: 1, body)) }
        try reader.forEachRecord(body)
        return (out, nil)
    } catch let failure as CSVReader.Failure {
        _ = failure.description
        return nil
    } catch {
        fatalError("the CSV reader threw something other than a Failure: \(error)")
    }
}

/// Builds the harness's fixed data before the first input, so no input is charged for it (the timeout is 1 s).
func warmUp() {
    _ = loaders.count
    _ = folder
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 2 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let presetLoaders = loaders[Int(bytes[0]) % loaders.count]
    require(presetLoaders.count == 2, "the starter agreement does not load")
    // At least 3 bytes: the UTF-8 byte-order mark is looked for in the first chunk (64 KB or more outside tests).
    let chunk = [3, 4, 5, 7, 64, 4096][Int(bytes[1] & 0x0F) % 6]
    let files = parts(bytes[2...])
    mkdir(folder, 0o700)
    let names = ["leads.csv", "activities.csv", "engagement.csv"].map { "\(folder)/\($0)" }
    for (k, part) in files.enumerated() { write(part, to: names[k]) }
    defer { for k in files.indices { unlink(names[k]) } }

    // The reader alone: small chunks give the same records as one big chunk. (The binary and UTF-16 check looks at
    // the first chunk only, which is 64 KB or more outside tests: files it would refuse are not compared.)
    let whole = records(CSVReader(path: names[0]))
    let chunked = records(CSVReader(path: names[0], chunkSize: chunk))
    let head = files[0].prefix(4096)
    if !head.contains(0), !head.starts(with: [0xFF, 0xFE]), !head.starts(with: [0xFE, 0xFF]) {
        require(whole?.0 == chunked?.0, "chunk size \(chunk) changed the records")
    }

    // The loader: one span, or spans of 16 bytes on two cores.
    let sources = DataSources(
        leads: names[0], activities: files.count > 1 ? names[1] : nil,
        engagement: files.count > 2 ? names[2] : nil)
    do {
        _ = try presetLoaders[Int(bytes[1] >> 7)].load(sources)
    } catch let error as HandoffError {
        _ = error.description
    } catch {
        fatalError("the lead loader threw something other than a HandoffError: \(error)")
    }
    return 0
}
