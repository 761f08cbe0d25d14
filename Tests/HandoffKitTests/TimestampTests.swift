import Testing

@testable import HandoffKit

@Suite("Timestamps from exports")
struct TimestampTests {
    let ny = TimestampParser(zone: ZoneRules(identifier: "America/New_York")!)

    func iso(_ text: String, _ parser: TimestampParser? = nil) -> String? { (parser ?? ny).parse(text).map(Dates.iso) }

    @Test func iso8601Shapes() {
        #expect(iso("2026-11-16T14:03:00Z") == "2026-11-16T14:03:00Z")
        #expect(iso("2026-11-16T14:03:00.123Z") == "2026-11-16T14:03:00Z")
        #expect(iso("2026-11-16T14:03:00+01:00") == "2026-11-16T13:03:00Z")
        #expect(iso("2026-11-16T14:03:00-0500") == "2026-11-16T19:03:00Z")
        #expect(iso("2026-11-16 14:03") == "2026-11-16T19:03:00Z") // local New York time (EST)
        #expect(iso("2026-07-16 14:03") == "2026-07-16T18:03:00Z") // local, EDT
        #expect(iso("2026-11-16") == "2026-11-16T05:00:00Z") // local midnight
    }

    @Test func usAndEuropeanDates() {
        #expect(iso("11/16/2026") == "2026-11-16T05:00:00Z")
        #expect(iso("11/16/2026 2:03 PM") == "2026-11-16T19:03:00Z")
        #expect(iso("11/16/2026 12:05 AM") == "2026-11-16T05:05:00Z")
        #expect(iso("16-11-2026 14:03") == "2026-11-16T19:03:00Z")
        #expect(iso("16.11.2026") == "2026-11-16T05:00:00Z")
        let dayFirst = TimestampParser(zone: ZoneRules(identifier: "UTC")!, preferred: [.dayFirst])
        #expect(iso("03/04/2026", dayFirst) == "2026-04-03T00:00:00Z")
    }

    @Test func epochs() {
        #expect(iso("1763301780") == "2025-11-16T14:03:00Z")
        #expect(iso("1763301780000") == "2025-11-16T14:03:00Z")
    }

    @Test func rejectsWhatIsNotUnambiguous() {
        for bad in [
            "31/02/2026", "2026-02-30", "yesterday", "2026-13-01", "11/16/26", "14:03", "", "2026-11-16T25:00",
            "2026-11-16 14:03 XYZ",
        ] {
            #expect(ny.parse(bad) == nil, "\(bad) should not parse")
        }
    }
}
