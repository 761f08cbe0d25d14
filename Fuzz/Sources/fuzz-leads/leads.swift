import FuzzSupport

@testable import HandoffKit

// Fuzz target: the lead loader in every column preset (canonical, HubSpot, Salesforce), over leads, activities and
// engagement files, read in one span or in 16-byte spans on two cores. (The CSV reader alone, in every dialect, is the
// faster `csv` target.)
// Input: byte 0 picks the preset, the top bit of byte 1 one span or 16-byte spans; the rest is up to three files
// separated by a line `#%#`. Property: every input is a ledger or a `HandoffError`, never a trap; spans join to
// exactly what one front-to-back read gives (the loader reads the file again whole when they do not).
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
    return [1 << 30, 16].compactMap {
        try? LeadLoader(agreement: agreement, cores: 2, minimumSpan: $0, planning: .everyFile)
    }
}
/// In memory when it can be (`/dev/shm`): the files are written for every input, and the UTF-8 copies of files in
/// another encoding go to the temporary folder, which is pointed here too.
private let folder: String = {
    let folder = FuzzFile.folder("leads")
    setenv("TMPDIR", folder, 1)
    return folder
}()
private let separator = Array("\n#%#\n".utf8)

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

/// Builds the harness's fixed data before the first input, so no input is charged for it (the timeout is 1 s).
func warmUp() {
    _ = folder
    _ = loaders.count
    atexit { rmdir(folder) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLeads(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 2 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let presetLoaders = loaders[Int(bytes[0]) % loaders.count]
    require(presetLoaders.count == 2, "the starter agreement does not load")
    let files = parts(bytes[2...])
    mkdir(folder, 0o700)
    let names = ["leads.csv", "activities.csv", "engagement.csv"].map { "\(folder)/\($0)" }
    for (k, part) in files.enumerated() { FuzzFile.write(part, to: names[k]) }
    defer { for k in files.indices { unlink(names[k]) } }

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
