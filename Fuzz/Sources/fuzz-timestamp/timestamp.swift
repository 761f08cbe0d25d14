// Fuzz target: the timestamp parser in every pattern (and forced layouts), then the business clock on what it reads.
// Input: byte 0 picks the zone and byte 1 the forced layouts (a bit per layout name, bits 0–6); the rest is one or two
// cells separated by a line break. With bit 7 set the first cell is compiled as a pattern (`TimestampPattern`) and,
// when it compiles, reads the second cell; both cells also go through detection (`TimestampDetection.detect`).
// Property: compiling, parsing and detecting never trap, and a parsed instant is one the clock can measure.
import FuzzSupport

@testable import HandoffIO
@testable import HandoffKit

private let zones = [
    "UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham",
]
.compactMap { ZoneRules(identifier: $0) }
private let clocks = zones.map { zone in
    BusinessClock(
        hours: BusinessHours(
            timeZone: zone.identifier, days: [.monday, .tuesday, .wednesday, .thursday, .friday],
            open: TimeOfDay(minutes: 540), close: TimeOfDay(minutes: 1020), holidays: []), zone: zone)
}
private let layouts = TimestampParser.Layout.allCases // 7 names: bits 0–6 of byte 1

/// Builds the harness's fixed data before the first input, so no input is charged for it (the timeout is 1 s).
func warmUp() { _ = clocks.count }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimestamp(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 2 else { return 0 }
    let z = Int(data[0]) % zones.count
    let preferred = layouts.enumerated().filter { data[1] & (1 << UInt8($0.offset)) != 0 }.map(\.element)
    let rest = UnsafeBufferPointer(start: data + 2, count: size - 2)
    let cut = rest.firstIndex(of: 0x0A) ?? rest.count
    let head = UnsafeBufferPointer(rebasing: rest[..<cut])
    let tail = UnsafeBufferPointer(rebasing: rest[min(cut + 1, rest.count)...])
    var parser = TimestampParser(zone: zones[z], preferred: preferred)
    if data[1] & 0x80 != 0 {
        let cells = [String(decoding: head, as: UTF8.self), String(decoding: tail, as: UTF8.self)]
        _ = TimestampDetection.detect(
            column: "mql_at", sample: cells.map { .init($0, line: 2) }, pivot: 1900 + Int(data[0]))
        guard let pattern = try? TimestampPattern(cells[0]) else { return 0 }
        parser = TimestampParser(
            zone: zones[z], patterns: [pattern], twoDigitYearPivot: 1900 + Int(data[0]) % 201, fallback: .unambiguous)
        if let t = parser.parseNoting(ByteView(tail))?.time { _ = clocks[z].elapsed(from: t, to: t + 3600) }
        return 0
    }
    let first = parser.parse(ByteView(head))
    let second = cut < rest.count ? parser.parse(ByteView(tail)) : nil
    if let first {
        let end = second ?? first + 3600
        let elapsed = clocks[z].elapsed(from: first, to: end)
        require(elapsed >= 0, "negative business time")
        _ = clocks[z].deadline(from: first, after: elapsed)
        _ = LocalDate(daysSinceEpoch: Int(zones[z].local(first).floorDiv(86400))).description
    }
    return 0
}
