import Foundation
import Testing

@testable import HandoffKit

/// The timestamp pattern language, per-column layouts, and detection that never guesses. Expected instants were
/// computed independently (Python's datetime and zoneinfo) and written in as numbers.
@Suite("Timestamp patterns and detection")
struct TimestampPatternTests {
    let utc = ZoneRules(identifier: "UTC")!

    func read(_ text: String, _ pattern: String, zone: String = "UTC", pivot: Int = TimestampParser.defaultPivot) throws
        -> Int64?
    {
        let parser = TimestampParser(
            zone: ZoneRules(identifier: zone)!, patterns: [try TimestampPattern(pattern)], twoDigitYearPivot: pivot)
        return parser.parse(text)
    }

    @Test func eachPatternReadsTheExactSecond() throws {
        #expect(try read("15 Apr, 2021 00:03:00", "d MMM, yyyy HH:mm:ss") == 1_618_444_980) // Zoho
        #expect(try read("15 APR, 2021 00:03:00", "d MMM, yyyy HH:mm:ss") == 1_618_444_980) // any case
        #expect(try read("April 15, 2021", "MMMM d, yyyy") == 1_618_444_800)
        #expect(try read("5/26/17", "M/d/yy") == 1_495_756_800)
        #expect(try read("20230115", "yyyyMMdd") == 1_673_740_800) // marketstar leads
        #expect(try read("24.12.2026 17:45:00", "dd.MM.yyyy HH:mm:ss", zone: "Europe/Berlin") == 1_798_130_700)
        #expect(try read("3/4/2021 1:05 PM", "M/d/yyyy h:mm a") == 1_614_863_100)
        #expect(try read("3/4/2021 1:05 PM", "M/d/yyyy h:mm a", zone: "America/New_York") == 1_614_881_100)
        #expect(try read("1610712000123", "epoch_ms") == 1_610_712_000)
        #expect(try read("1610712000", "epoch_s") == 1_610_712_000)
        #expect(try read("15/04/2021 10:00 +05:30", "dd/MM/yyyy HH:mm XXX", zone: "America/New_York") == 1_618_461_000)
        #expect(try read("2021-04-15T00:03:00.250Z", "yyyy-MM-dd'T'HH:mm:ss.SSSX") == 1_618_444_980)
    }

    @Test func patternsReadOnlyWhatTheySay() throws {
        #expect(try read("5/26/2017", "M/d/yy") == nil) // yy is exactly two digits
        #expect(try read("5/26/17", "MM/dd/yy") == nil) // MM is exactly two digits
        #expect(try read("31/02/2021", "dd/MM/yyyy") == nil)
        #expect(try read("13:05 PM", "M/d/yyyy h:mm a") == nil)
        #expect(try read("3/4/2021 13:05 PM", "M/d/yyyy h:mm a") == nil)
        #expect(try read("15 Apr, 2021", "d MMMM, yyyy") == nil) // MMMM is the full name
        #expect(try read("20230115 ", "yyyyMMdd") == nil)
        // A declared column still reads ISO 8601 and epochs, which no pattern can misread.
        #expect(try read("2021-04-15T00:03:00Z", "d/M/yyyy") == 1_618_444_980)
        #expect(try read("1618444980", "d/M/yyyy") == 1_618_444_980)
        #expect(try read("4/15/2021", "d/M/yyyy") == nil)
    }

    @Test func twoDigitYearsFollowThePivot() throws {
        #expect(try read("5/26/69", "M/d/yy") == 3_136_752_000) // 2069: the default window is 1970–2069
        #expect(try read("5/26/70", "M/d/yy") == 12_528_000) // 1970
        #expect(try read("5/26/70", "M/d/yy", pivot: 2000) == 3_168_288_000) // 2070
    }

    @Test func badPatternsSayWhereAndWhy() {
        func problem(_ text: String) -> String? {
            do {
                _ = try TimestampPattern(text)
                return nil
            } catch { return error.reason }
        }
        #expect(
            problem("yyyy-MM-Qd")
                == "unknown letter 'Q' at 9; accepted: \(TimestampPattern.acceptedLetters) (quote literal text: 'T')")
        #expect(problem("yyy-MM-dd") == "'yyy' at 1: a year is yyyy or yy")
        #expect(
            problem("M/d/yyyy h:mm") == "'h' at 10 is a 12-hour clock and needs 'a' (AM/PM); use H for a 24-hour clock")
        #expect(problem("yyyy-MM-dd'T") == "the quote at 11 is not closed")
        #expect(
            problem("HH:mm")
                == "a pattern needs a year (yyyy or yy), a month (M…) and a day (d…), or is epoch_s or epoch_ms")
        #expect(problem("d/M/yyyy d") == "'d' at 10 repeats the field already given at 1")
    }

    @Test func aBadPatternIsAnAgreementError() {
        let outcome = load(
            minimalAgreement
                + "\ndata:\n  date_formats: {created_at: \"d MMM, yyyy HH:mm:ss\", mql_at: [M/d/yyyy, \"yyyy-MM-Qd\"], stage: \"d/M/yyyy\"}\n"
        )
        #expect(outcome.agreement == nil)
        #expect(
            positions(outcome.diagnostics) == [
                "30:73: error: bad date format 'yyyy-MM-Qd': unknown letter 'Q' at 9; accepted: \(TimestampPattern.acceptedLetters) (quote literal text: 'T')",
                "30:88: error: date_formats are set for timestamp columns (created_at, mql_at, routed_at, first_touch_at, decision_at, sql_at, opportunity_at, won_at, activity_at, engagement_at), not 'stage'",
            ])
    }

    @Test func dateFormatsAsAMapPerColumnOrAListForAll() throws {
        let outcome = load(
            minimalAgreement + """

                data:
                  date_formats:
                    created_at: "d MMM, yyyy HH:mm:ss"
                    mql_at: [M/D/YYYY, "MM-dd-yyyy HH:mm"]
                  two_digit_year_pivot: 1950
                """)
        let a = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        let formats = a.data.timestampFormats
        #expect(formats.byColumn["created_at"]?.map(\.text) == ["d MMM, yyyy HH:mm:ss"])
        #expect(
            formats.byColumn["mql_at"]?.map(\.text) == [
                "M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm a", "M/d/yyyy h:mm:ss a",
                "M/d/yyyy h:mma", "M/d/yyyy h:mm:ssa", "MM-dd-yyyy HH:mm",
            ])
        #expect(formats.twoDigitYearPivot == 1950)
        #expect(!formats.coversEveryColumn)
        // A list of old names keeps the old reading; a list with a pattern applies the patterns to every column.
        let old = try #require(load(minimalAgreement + "\ndata: {date_formats: [D/M/YYYY]}\n").agreement)
        #expect(old.data.timestampFormats.legacy == [.dayFirst])
        #expect(old.data.dateFormats == ["D/M/YYYY"])
        let list = try #require(
            load(minimalAgreement + "\ndata: {date_formats: [\"d MMM yyyy\", D/M/YYYY]}\n").agreement)
        #expect(list.data.timestampFormats.all.first?.text == "d MMM yyyy")
        #expect(list.data.timestampFormats.coversEveryColumn)
    }

    // MARK: Loading exports

    func agreement(_ data: String = "") throws -> Agreement {
        let outcome = load(minimalAgreement + "\n" + data)
        return try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
    }

    func ledger(_ leads: String, data: String = "", activities: String? = nil) throws -> LeadLedger {
        let dir = try temporaryDirectory()
        let path = try write(leads, "leads.csv", in: dir)
        let acts = try activities.map { try write($0, "activities.csv", in: dir) }
        return try LeadLoader(agreement: try agreement(data)).load(DataSources(leads: path, activities: acts))
    }

    func failure(_ leads: String, data: String = "") throws -> [String] {
        do {
            _ = try ledger(leads, data: data)
            Issue.record("expected an error")
            return []
        } catch let error as HandoffError {
            #expect(error.kind == .badInput)
            return error.diagnostics.map { "\(($0.file ?? "").split(separator: "/").last ?? ""): \($0.message)" }
        }
    }

    @Test func detectsAYyyyMMddColumn() throws {
        let l = try ledger("lead_id,created_at,mql_at\n1,20230115,20230116\n2,20230201,\n3,,20221231\n")
        #expect(l.quality.issueCount == 0)
        #expect(l.leads.map(\.createdAt) == [1_673_758_800, 1_675_227_600, nil]) // local midnight, New York (EST)
        #expect(l.leads[0].mqlAt == 1_673_845_200)
    }

    @Test func theOnlyReadingIsUsedAndDecidesTheRest() throws {
        // 25/03 is day first, so 03/04 (a later row) is 3 April, not 4 March.
        let l = try ledger("lead_id,mql_at\nL1,25/03/2026 10:00\nL2,03/04/2026 10:00\nL3,5 Apr 2026\n")
        #expect(l.leads[0].mqlAt.map(Dates.iso) == "2026-03-25T14:00:00Z")
        #expect(l.leads[1].mqlAt.map(Dates.iso) == "2026-04-03T14:00:00Z")
        #expect(l.leads[2].mqlAt.map(Dates.iso) == "2026-04-05T04:00:00Z")
    }

    @Test func anAmbiguousSampleStopsWithTheLineToAdd() throws {
        let messages = try failure(
            "lead_id,created_at\nL1,03/04/2026\nL2,05/06/2026\nL3,\nL4,11/12/2026\nL5,05/06/2026\n")
        #expect(
            messages == [
                "leads.csv:2: column created_at: the day and the month cannot be told apart: 4 sampled values ('03/04/2026', '05/06/2026', '11/12/2026') "
                    + "fit both 'M/d/yyyy' and 'd/M/yyyy' (no day above 12), so '03/04/2026' could be 2026-03-04 or 2026-04-03. Handoff does not guess; "
                    + "add the right one to the agreement: data: {date_formats: {created_at: \"M/d/yyyy\"}} or data: {date_formats: {created_at: \"d/M/yyyy\"}}"
            ])
        // The line it proposes works.
        let l = try ledger(
            "lead_id,created_at\nL1,03/04/2026\nL2,05/06/2026\n",
            data: "data: {date_formats: {created_at: \"d/M/yyyy\"}}")
        #expect(l.leads.map { $0.createdAt.map(Dates.iso) } == ["2026-04-03T04:00:00Z", "2026-06-05T04:00:00Z"])
    }

    @Test func twoDigitYearsInAnAmbiguousSampleNameThePivot() throws {
        let messages = try failure("lead_id,created_at\nL1,5/6/17\n")
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix(
                "data: {date_formats: {created_at: \"M/d/yy\"}} or data: {date_formats: {created_at: \"d/M/yy\"}} Two-digit years are read as 1970–2069 (data.two_digit_year_pivot)."
            ) == true)
        let l = try ledger("lead_id,created_at\nL1,5/26/17\n")
        #expect(l.leads[0].createdAt.map(Dates.iso) == "2017-05-26T04:00:00Z")
    }

    @Test func whenNothingFitsItSaysWhatItSaw() throws {
        let messages = try failure("lead_id,mql_at\nL1,Q3 2026\nL2,soon\nL3,Q3 2026\nL4,n/a\n")
        #expect(
            messages == [
                "leads.csv:2: column mql_at: no timestamp layout reads its values: 3 sampled values ('Q3 2026', 'soon') are not ISO 8601, epoch seconds or "
                    + "milliseconds, day/month dates, yyyyMMdd or dates with English month names. Declare the column's layout in the agreement, e.g. "
                    + "data: {date_formats: {mql_at: \"d MMM yyyy HH:mm\"}} (letters: \(TimestampPattern.acceptedLetters); see docs/data-format.md, Timestamps)"
            ])
    }

    @Test func unreadableCellsBesideReadableOnesAreReportedOneByOne() throws {
        // As before: one bad cell in an ISO column is a data issue, not a stop.
        let l = try ledger("lead_id,mql_at\nL1,31/02/2026\nL2,2026-11-16\n")
        #expect(
            l.quality.issues.map(\.reason) == [
                "not a date/time this reader understands (set data.date_formats for ambiguous layouts)"
            ])
        // In a detected column the reason names the layout.
        let m = try ledger("lead_id,mql_at\nL1,20230115\nL2,2023011\n")
        #expect(
            m.quality.issues.map(\.reason) == [
                "not a date/time in the column's layout ('yyyyMMdd', 'yyyyMMdd H:mm', 'yyyyMMdd H:mm:ss', 'yyyyMMdd h:mm a' and 3 more)"
            ])
    }

    /// Salesforce writes one column in two layouts, both month first (NOTES.md of crm-analytics-salesforce).
    @Test func aMixedSalesforceColumnWithBothPatternsListed() throws {
        let csv = "lead_id,created_at\n00Q1,8/13/2020 1:20\n00Q2,08-06-2020 15:38\n00Q3,12/24/2020 1:36\n"
        let l = try ledger(csv, data: "data: {date_formats: {created_at: [\"M/d/yyyy H:mm\", \"MM-dd-yyyy HH:mm\"]}}")
        #expect(l.quality.issueCount == 0)
        #expect(l.leads[0].createdAt == 1_597_296_000)
        #expect(l.leads[1].createdAt == 1_596_742_680) // 6 August, not 8 June
        // Undeclared, the slash values decide their own order but the dash values cannot: Handoff stops.
        let messages = try failure(csv)
        #expect(
            messages == [
                "leads.csv:3: column created_at: the day and the month cannot be told apart: 1 sampled value ('08-06-2020 15:38') fit both 'M-d-yyyy' and "
                    + "'d-M-yyyy' (no day above 12), so '08-06-2020 15:38' could be 2020-08-06 or 2020-06-08. Handoff does not guess; add the right one to the "
                    + "agreement: data: {date_formats: {created_at: [\"M/d/yyyy H:mm\", \"M-d-yyyy H:mm\"]}} or data: {date_formats: {created_at: [\"M/d/yyyy H:mm\", \"d-M-yyyy H:mm\"]}}"
            ])
    }

    @Test func activityTimesAreDetectedToo() throws {
        let l = try ledger(
            "lead_id,mql_at\nL1,15 Apr 2021 09:00\n",
            activities: "lead_id,at,type\nL1,15 Apr 2021 09:30,call\nL1,16 Apr 2021 10:00,email\n")
        #expect(l.quality.issueCount == 0)
        #expect(l.activities.map(\.at) == [1_618_493_400, 1_618_581_600])
    }

    @Test func localTimesInADSTChangeAreCountedPerColumn() throws {
        let csv = "lead_id,mql_at\nL1,29.03.2026 02:30\nL2,25.10.2026 02:30\nL3,24.12.2026 17:45\n"
        let l = try ledger(csv, data: "data: {time_zone: Europe/Berlin, date_formats: {mql_at: \"dd.MM.yyyy HH:mm\"}}")
        #expect(l.leads.map(\.mqlAt) == [1_774_744_200, 1_792_888_200, 1_798_130_700])
        let counts = l.quality.localTimes[l.sources.leads]?["mql_at"]
        #expect(counts == LocalTimeCounts(nonexistent: 1, ambiguous: 1))
    }

    @Test func garbageNeverTraps() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("yMdHhmsSaXZ'/-.:, T0123456789AaPpMm+Qq")
        for _ in 0..<2000 {
            let text = String(
                (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            if let p = try? TimestampPattern(text) {
                let parser = TimestampParser(zone: utc, patterns: [p])
                _ = parser.parse(text)
                _ = parser.parse(String(text.reversed()))
            }
            _ = TimestampDetection.detect(column: "mql_at", sample: [.init(text, line: 2)])
        }
    }
}

/// The real exports' timestamp columns (../shared/data/external), read in place.
@Suite("Timestamps of real exports")
struct ExternalTimestampTests {
    @Test(.enabled(if: ExternalDataTests.available)) func marketstarLeadsAreDetectedAsYyyyMMdd() throws {
        let a = try #require(
            load(
                minimalAgreement
                    + "\ndata:\n  columns: {lead_id: LeadId, created_at: CreatedDate, mql_at: CreatedDate}\n"
            ).agreement)
        let path = (sharedData as NSString).appendingPathComponent("marketstar-sdr-case/Leads.csv")
        let ledger = try LeadLoader(agreement: a).load(DataSources(leads: path))
        #expect(ledger.leads.count == 43_033)
        #expect(ledger.quality.issueCount == 0)
        #expect(ledger.leads[0].createdAt == 1_609_822_800) // 20210105, New York midnight
        #expect(ledger.earliestTimestamp.map(Dates.iso) == "2021-01-01T05:00:00Z")
        #expect(ledger.latestTimestamp.map(Dates.iso) == "2022-09-29T04:00:00Z")
    }
}

extension ExternalTimestampTests {
    /// Salesforce's Lead export mixes `M/D/YYYY H:MM` and `MM-DD-YYYY HH:MM` in `Created Date`; every dash value has
    /// day and month ≤ 12. Undeclared, Handoff stops and names both readings; declared month first, all 10,000 read.
    @Test(.enabled(if: ExternalDataTests.available)) func salesforceLeadsMixedColumn() throws {
        let path = (sharedData as NSString).appendingPathComponent("crm-analytics-salesforce/Lead.redacted.csv")
        let mapping = "data:\n  columns: {lead_id: Lead ID, created_at: Created Date}\n"
        let a = try #require(load(minimalAgreement + "\n" + mapping).agreement)
        do {
            _ = try LeadLoader(agreement: a).load(DataSources(leads: path))
            Issue.record("expected the ambiguity to stop the load")
        } catch let error as HandoffError {
            let message = error.diagnostics.first?.message ?? ""
            #expect(error.diagnostics.first?.file == path + ":2")
            #expect(
                message.hasPrefix(
                    "column created_at: the day and the month cannot be told apart: 814 sampled values ('08-06-2020 15:38', "
                ))
            #expect(
                message.hasSuffix(
                    "data: {date_formats: {created_at: [\"M/d/yyyy H:mm\", \"M-d-yyyy H:mm\"]}} or data: {date_formats: {created_at: [\"M/d/yyyy H:mm\", \"d-M-yyyy H:mm\"]}}"
                ))
        }
        let declared = try #require(
            load(
                minimalAgreement + "\n" + mapping
                    + "  date_formats: {created_at: [\"M/d/yyyy H:mm\", \"MM-dd-yyyy HH:mm\"]}\n"
            ).agreement)
        let ledger = try LeadLoader(agreement: declared).load(DataSources(leads: path))
        #expect(ledger.leads.count == 10_000)
        #expect(ledger.leads.filter { $0.createdAt == nil }.count == 0)
    }
}
