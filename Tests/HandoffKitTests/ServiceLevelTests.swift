import Foundation
import Testing

@testable import HandoffKit

/// Distributions, error budgets, team calendars and the weekly package's rows (issue 17).
@Suite("Service levels: distributions, error budgets, owners' clocks")
struct ServiceLevelTests {
    /// Two reps: Farid works London hours (09:00–17:30, agreement), Erin is away Tue 10 – Thu 12 Nov (team.csv).
    /// L-1 (Farid) routed Mon 9 Nov 16:00 New York = 21:00 London, touched Tue 09:10 London (04:10 New York):
    ///   his clock 10m (Tue 09:00–09:10 London); the company clock 2h (Mon 16:00–18:00 New York).
    /// L-2 (Erin) routed Tue 10 Nov 10:00 New York, touched Fri 13 Nov 09:20 New York:
    ///   her clock 20m (Tue–Thu away, Fri 09:00–09:20); the company clock 8h + 9h + 9h + 20m = 26h 20m = 94 800 s.
    static let agreementText = minimalAgreement.replacingOccurrences(
        of:
            "commitments:\n  sales:\n    - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%, minimum_sample: 1}",
        with: """
            commitments:
              sales:
                - {id: touch, metric: first_touch_time, within: 30m, clock: owner, goal: 50%, minimum_sample: 1, bands: [15m, 1h]}
                - {id: touch-company, metric: first_touch_time, within: 30m, clock: business, goal: 50%, minimum_sample: 1}
            team:
              holiday_sets:
                uk: [{date: 2026-12-25, name: Christmas Day}]
              owners:
                - {name: Farid Haddad, time_zone: Europe/London, open: "09:00", close: "17:30", holidays: uk}
            """)

    static func scorecard() throws -> (Scorecard, String) {
        let outcome = load(agreementText)
        let agreement = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        let dir = try temporaryDirectory()
        try write(
            """
            lead_id,company,source,owner,mql_at,routed_at,status
            L-1,Acme,Webinar,Farid Haddad,2026-11-09T20:59:00Z,2026-11-09T21:00:00Z,working
            L-2,"=HYPERLINK(""x"")",Events,Erin Walsh,2026-11-10T14:59:00Z,2026-11-10T15:00:00Z,working

            """, "leads.csv", in: dir)
        try write(
            "lead_id,at,type,outcome\nL-1,2026-11-10T09:10:00Z,call,\nL-2,2026-11-13T14:20:00Z,call,\n",
            "activities.csv", in: dir)
        try write("owner,off_from,off_to,note\nErin Walsh,2026-11-10,2026-11-12,Vacation\n", "team.csv", in: dir)
        let request = MeasurementRequest(
            sources: try DataSources(directory: dir), period: .week("2026-W46"), asOf: "2026-11-16T15:00:00Z")
        return (try Handoff.scorecard(agreement, request), dir)
    }

    @Test func ownersClockCountsTheirOwnHoursAndTimeOff() throws {
        let (s, _) = try Self.scorecard()
        let own = try #require(s.commitments.first { $0.commitment.id == "touch" })
        let company = try #require(s.commitments.first { $0.commitment.id == "touch-company" })
        #expect(own.verdict == .met && own.breaches.isEmpty)
        #expect(own.distribution?.overall.p50 == 600 && own.distribution?.overall.p90 == 1200)
        #expect(own.distribution?.overall.counts == [1, 1, 0]) // 10m in 0–15m, 20m in 15–60m
        #expect(own.distribution?.labels == ["0–15m", "15–60m", "60m+"])
        #expect(company.distribution?.overall.p50 == 7200 && company.distribution?.overall.p90 == 94_800)
        #expect(company.distribution?.labels == ["0–5m", "5–15m", "15–60m", "60m+"])
        #expect(company.breaches.map(\.leadID) == ["L-2", "L-1"])
        #expect(company.breaches.first?.lateBy == Int64(93_000)) // 94 800 s less the 30m allowed
        #expect(company.breaches.first?.due == 1_794_324_600) // 2026-11-10T15:30:00Z
    }

    @Test func systemsTimeIsShownApartFromPeopleTime() throws {
        let (s, _) = try Self.scorecard()
        let split = try #require(s.split)
        #expect(split.systems.count == 2 && split.systems.p90 == 60)
        #expect(split.people.p50 == 600 && split.people.p90 == 1200)
        #expect(split.owners.map(\.name) == ["Erin Walsh", "Farid Haddad"])
        #expect(split.owners.map(\.calendar) == ["company hours", "Europe/London, 09:00–17:30"])
        #expect(split.owners.map(\.daysOff) == [3, 0])
        let agenda = try DocumentRenderer().render(
            .agenda, data: AgendaDocument.data(s, agreement: try #require(load(Self.agreementText).agreement)),
            title: "Agenda", format: .markdown)
        #expect(agenda.contains("- Away: Erin Walsh: 3 days off in 2026-W46 (Vacation)"))
    }

    @Test func breachesCSVIsRFC4180WithTheMoments() throws {
        let (s, _) = try Self.scorecard()
        let lines = BreachRows.csv(s).components(separatedBy: "\r\n")
        #expect(lines[0] == "lead_id,owner,commitment,started,due,happened,late_by,late_by_seconds,detail")
        #expect(
            lines[1]
                == "L-2,Erin Walsh,touch-company,2026-11-10T15:00:00Z,2026-11-10T15:30:00Z,2026-11-13T14:20:00Z,1d 1h,93000,late by 2 business days 7h"
        )
        #expect(
            lines[2]
                == "L-1,Farid Haddad,touch-company,2026-11-09T21:00:00Z,2026-11-09T21:30:00Z,2026-11-10T09:10:00Z,1h 30m,5400,late by 1h 30m"
        )
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(BreachRows.quoted(BreachRows.guarded("=HYPERLINK(\"x\")")) == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(BreachRows.quoted("Smith, Jones & Co") == "\"Smith, Jones & Co\"")
    }

    @Test func teamFileSetsZoneHoursAndDays() throws {
        let dir = try temporaryDirectory()
        let path = try write(
            "owner,time_zone,days,open,close,off_from,note\nFarid Haddad,Europe/London,mon tue,08:30,16:00,2026-12-24,Eve\n",
            "team.csv", in: dir)
        let team = try TeamFile.merge(.none, path: path)
        let farid = try #require(team.owner("farid haddad"))
        #expect(farid.timeZone == "Europe/London" && farid.days == [.monday, .tuesday])
        #expect(farid.open?.description == "08:30" && farid.close?.description == "16:00")
        #expect(farid.timeOff.map { "\($0.from)..\($0.to) \($0.note)" } == ["2026-12-24..2026-12-24 Eve"])
    }

    @Test func teamFileProblemsNameTheFileLineAndColumn() throws {
        let dir = try temporaryDirectory()
        let path = try write(
            "owner,time_zone,off_from,off_to\nErin Walsh,Mars/Base,2026-11-10,2026-11-09\n", "team.csv", in: dir)
        do {
            _ = try TeamFile.merge(.none, path: path)
            Issue.record("a bad team file was accepted")
        } catch let error as HandoffError {
            #expect(
                positions(error.diagnostics) == [
                    "2:2: error: column time_zone: 'Mars/Base' is not an IANA time zone, like Europe/London",
                    "2:4: error: column off_to: time off ends (2026-11-09) before it starts (2026-11-10)",
                ])
        }
    }

    @Test func teamAndBandsAreValidated() {
        let text = Self.agreementText.replacingOccurrences(of: "bands: [15m, 1h]", with: "bands: [1h, 15m]")
            .replacingOccurrences(of: "holidays: uk}", with: "holidays: ukk}")
        #expect(
            positions(load(text).diagnostics).contains {
                $0.hasSuffix("error: band edges must be above zero and ascending, like [5m, 15m, 60m]")
            })
        #expect(
            positions(load(text).diagnostics).contains {
                $0.hasSuffix("error: no holiday set 'ukk' under team.holiday_sets; did you mean 'uk'?")
            })
    }

    /// Routing on the example data, week 2026-W46 as of 2026-11-16 10:00 New York. Every number below is printed by
    /// the independent computation `python3 scripts/check_service_levels.py examples/acme`:
    ///   W46 routing-speed: n=51 p50=145s p90=235s bands=[49, 0, 0, 2] judged=51 misses=2
    ///   Farid Haddad: n=9 p50=113s p90=190s;  Erin Walsh: n=8 p50=166s p90=564720s
    ///   November to date: judged=125 pending=0 elapsed=0.514563 projected=243 allowed=12 used=5 remaining=7 burn=0.809748
    ///   run-out: lasts the month
    @Test func exampleRoutingMatchesTheIndependentComputation() throws {
        let s = try GoldenTests().scorecard().1
        let r = try #require(s.commitments.first { $0.commitment.id == "routing-speed" })
        let d = try #require(r.distribution)
        #expect(d.overall.count == 51 && d.overall.p50 == 145 && d.overall.p90 == 235)
        #expect(d.overall.counts == [49, 0, 0, 2])
        let farid = try #require(d.byOwner.first { $0.name == "Farid Haddad" }),
            erin = try #require(d.byOwner.first { $0.name == "Erin Walsh" })
        #expect(farid.spread.count == 9 && farid.spread.p50 == 113 && farid.spread.p90 == 190)
        #expect(erin.spread.count == 8 && erin.spread.p50 == 166 && erin.spread.p90 == 564_720)
        let m = try #require(r.budget?.month)
        #expect([Int]([m.judged, m.pending, m.projected, m.allowed, m.used, m.remaining]) == [125, 0, 243, 12, 5, 7])
        #expect(abs((m.burnRate ?? 0) - 0.809748) < 1e-6 && m.runOut == nil)
        #expect(
            r.budget?.sentence("routing-speed")
                == "routing-speed: 7 of 12 misses left for November; at this pace it lasts the month")
        let w = try #require(r.budget?.week)
        #expect(w.allowed == 2 && w.used == 2 && w.gone)
    }

    /// The example data's rep on leave (Erin Walsh, 9–13 Nov, examples/acme/team.csv) and rep in London (Farid Haddad,
    /// agreements/acme.yaml). Erin's routed W46 MQLs, listed independently with
    ///   python3 -c "import csv; a={}; [a.setdefault(r['lead_id'],[]).append(r['at']) for r in csv.DictReader(open('examples/acme/activities.csv'))];
    ///   print([(r['lead_id'], min(a.get(r['lead_id'],['none']))) for r in csv.DictReader(open('examples/acme/leads.csv'))
    ///   if r['owner']=='Erin Walsh' and '2026-11-09T05' <= r['mql_at'] < '2026-11-16T05' and r['routed_at']])"
    /// are L-103069, -086, -092, -096, -126, -130, -144: first touched on Mon 16 Nov after 14:00Z (L-103086 not at all).
    /// On the company clock each sat untouched past 4 business hours — reassign-untouched breaches — while on her own
    /// clock (first-touch, clock: owner) the days away do not count.
    @Test func exampleRepOnLeaveAndRepAbroad() throws {
        let s = try GoldenTests().scorecard().1
        let untouched = try #require(s.commitments.first { $0.commitment.id == "reassign-untouched" })
        #expect(
            untouched.breaches.filter { $0.owner == "Erin Walsh" }.map(\.leadID).sorted()
                == ["L-103069", "L-103086", "L-103092", "L-103096", "L-103126", "L-103130", "L-103144"])
        let firstTouch = try #require(s.commitments.first { $0.commitment.id == "first-touch" })
        #expect(firstTouch.commitment.clock == .owner)
        // L-103086, routed Tue 10 Nov while she was away and never touched: on her clock the deadline is Mon 16 Nov
        // 09:30 New York, so at as-of 10:00 it is 30 minutes late — not six days.
        #expect(
            firstTouch.breaches.filter { $0.owner == "Erin Walsh" }.map { "\($0.leadID) \($0.detail)" } == [
                "L-103086 no touch, 30m past the deadline"
            ])
        let owners = try #require(s.split?.owners)
        #expect(
            owners.first { $0.name == "Erin Walsh" }.map { "\($0.calendar), \($0.daysOff) days off" }
                == "company hours, 5 days off")
        #expect(
            owners.first { $0.name == "Farid Haddad" }.map { "\($0.calendar), \($0.daysOff) days off" }
                == "Europe/London, 09:00–17:30, 0 days off")
    }

    @Test func budgetSentences() {
        func budget(allowed: Int, used: Int, runOut: LocalDate?) -> ErrorBudget {
            let w = ErrorBudget.Window(
                label: "2026-11", name: "November", judged: 150, pending: 4, projected: 190, allowed: allowed,
                used: used,
                elapsed: 0.5, burnRate: nil, runOut: runOut)
            return ErrorBudget(goal: 0.9, week: w, month: w)
        }
        #expect(
            budget(allowed: 19, used: 12, runOut: LocalDate(year: 2026, month: 11, day: 24)).sentence("first touch")
                == "first touch: 7 of 19 misses left for November; at this pace gone on the 24th")
        #expect(
            budget(allowed: 19, used: 3, runOut: nil).sentence("first-touch")
                == "first-touch: 16 of 19 misses left for November; at this pace it lasts the month")
        #expect(
            budget(allowed: 19, used: 23, runOut: nil).sentence("first-touch")
                == "first-touch: November's 19 allowed misses are gone (23 used)")
        #expect(
            budget(allowed: 0, used: 0, runOut: nil).sentence("x")
                == "x: no misses allowed (goal 90%), none so far in November")
        #expect(
            [1, 2, 3, 11, 12, 13, 21, 22, 23, 31].map(ErrorBudget.ordinal) == [
                "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st",
            ])
    }

    @Test func hostileCRMStringsStayInertInSlackAndCSV() throws {
        let a = try #require(load(InjectionTests.hostileAgreement).agreement)
        let dir = try temporaryDirectory()
        try write(InjectionTests.hostileLeads, "leads.csv", in: dir)
        try write("lead_id,at,type\nL2,2026-11-10T15:20:00Z,call\n", "activities.csv", in: dir)
        let s = try Handoff.scorecard(
            a, MeasurementRequest(sources: try DataSources(directory: dir), period: .week("2026-W46")))
        let slack = SlackMessage.text(s)
        #expect(!slack.contains("<") && !slack.contains("**"))
        #expect(slack.hasPrefix("*∗∗Big∗∗ | &lt;b&gt;SLA&lt;/b&gt; &amp; co* — 2026-W46"))
        #expect(slack.contains("• `L&lt;1&gt;` ∗∗Bold∗∗ | pipe · first-touch · no touch,"))
        let csv = BreachRows.csv(s)
        #expect(csv.contains("\r\nL<1>,**Bold** | pipe,first-touch,2026-11-10T15:01:00Z,2026-11-10T15:31:00Z,,"))
    }

    @Test func slackTextFromTheCRMIsInert() {
        #expect(
            SlackMessage.escape("<!channel> *big* _deal_ ~x~ `y` @here & co\nnext")
                == "&lt;!channel&gt; ∗big∗ ˍdealˍ ∼x∼ ˋyˋ ＠here &amp; co next")
    }

    @Test func slackMessageOnTheExample() throws {
        let s = try GoldenTests().scorecard().1
        let text = SlackMessage.text(s)
        #expect(text.hasPrefix("*Acme Analytics Sales &amp; Marketing SLA* — 2026-W46"))
        #expect(text.contains(":x: *5 of 9 commitments missed*"))
        #expect(text.contains("*Numbers that moved* (2026-W45 → 2026-W46)\n• MQLs: 63 → 51 (−12)"))
        #expect(text.contains("_routing-speed") == false) // met commitments are not listed
    }
}
