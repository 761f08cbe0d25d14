import Foundation
import Testing

@testable import HandoffKit

/// The backtest's one-pass replay (every variant at once, what does not change with time worked out once per lead,
/// scoring shared between variants that score alike) against the plain definition check: `LeadScorer.check` at each
/// moment of each lead, one variant at a time, as the replay was first written. Lead by lead, the MQL moment, the
/// score then and the fast-track flag must be the same, for definitions whose rules read the moment (`count(...)`,
/// `last_activity`), disqualifiers that read scores, fractional points and decay.
@Suite("Backtest replay: one pass gives what the definition check gives")
struct BacktestReplayTests {
    /// Each lead's first moment at which `check` meets `definition`, the plain way.
    static func reference(_ definition: MQLDefinition, _ ledger: LeadLedger, asOf: Int64) -> Backtest.Replay {
        let scorer = LeadScorer(
            definition: definition, actions: ledger.actions, events: ledger.events, texts: ledger.texts)
        var out = Backtest.Replay(count: ledger.leads.count)
        for (i, lead) in ledger.leads.enumerated() {
            let created = lead.createdAt
            var at = created ?? .max
            var k = lead.eventRange.lowerBound
            let end = lead.eventRange.upperBound
            if created == nil {
                guard k < end else { continue }
                at = ledger.events[k].at
            }
            while at <= asOf {
                let check = scorer.check(lead, at: at)
                if check.meets {
                    out.moments[i] = at
                    out.scores[i] = check.scores.total
                    out.fastTrack[i] = !scorer.fastTrackTriggers(lead, at: at).isEmpty
                    break
                }
                while k < end && ledger.events[k].at <= at { k += 1 }
                guard k < end else { break }
                at = ledger.events[k].at
            }
        }
        return out
    }

    /// acme.yaml with `changes` (text replaced) applied.
    static func acmeChanged(_ changes: [(String, String)]) throws -> Agreement {
        var text = try String(contentsOfFile: projectPath("agreements/acme.yaml"), encoding: .utf8)
        for (from, to) in changes {
            #expect(text.contains(from), "acme.yaml no longer has \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        let outcome = AgreementLoader.load(
            bytes: Array(text.utf8), file: "changed.yaml", today: LocalDate(year: 2026, month: 11, day: 22))
        return try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
    }

    /// Rules that read the moment, disqualifiers that read scores and the moment, fractional points, faster decay.
    static func timeDependent() throws -> Agreement {
        try acmeChanged([
            (
                "points: 10}\n    engagement:",
                "points: 10}\n      - {label: Webinar, when: \"count(webinar_attended) >= 1\", points: 7.5}\n    engagement:"
            ),
            (
                "when: 'budget != \"\"', points: 20}",
                "when: 'budget != \"\"', points: 20}\n      - {label: Recent, when: \"last_activity <= 14d\", points: 12.5}"
            ),
            (
                "      when: employees < 50\n",
                "      when: employees < 50\n    - id: cold\n      label: Gone cold\n      when: last_activity > 60d\n"
                    + "    - id: odd\n      label: Odd\n      when: engagement > 95 and fit < 50\n"
            ),
            ("    - fit + engagement >= 100\n", "    - score >= 170\n    - count(demo_request) >= 1 and fit >= 40\n"),
            ("engagement: 10%\n    every: 30d", "engagement: 15%\n    every: 7d"),
            ("points: 20, max_count: 3}", "points: 12.3, max_count: 3, within: 14d}"),
            ("points: 2, max_count: 10, within: 30d}", "points: 2.1, max_count: 10, within: 30d}"),
        ])
    }

    /// Looser fit criteria (more leads reach the moments) and no fast track.
    static func loose() throws -> Agreement {
        try acmeChanged([
            ("    annual_revenue: 10M..500M\n    industries: [Financial Services, Healthcare, SaaS]\n", ""),
            ("    - fit + engagement >= 100", "    - fit + engagement >= 90"),
        ])
    }

    @Test func everyLeadAsTheCheckHasIt() throws {
        let a = try acme()
        let ledger = try LeadLoader(agreement: a).load(try DataSources(directory: projectPath("examples/acme")))
        let asOf = try #require(ledger.latestTimestamp)
        let exotic = try Self.timeDependent(), loose = try Self.loose()
        let sweep = try ThresholdSweep.parse("threshold.1=110..170:30").get().variants(of: a).map(\.agreement)
        let exoticSweep = try ThresholdSweep.parse("threshold.1=150..190:20").get().variants(of: exotic)
            .map(\.agreement)
        let definitions = ([a, exotic, loose] + sweep + exoticSweep).map(\.mqlDefinition)
        // The sweeps' steps score as the agreement they vary; the changed agreements do not.
        #expect(sweep.allSatisfy { Backtest.scoresAlike(a.mqlDefinition, $0.mqlDefinition) })
        #expect(exoticSweep.allSatisfy { Backtest.scoresAlike(exotic.mqlDefinition, $0.mqlDefinition) })
        #expect(!Backtest.scoresAlike(a.mqlDefinition, exotic.mqlDefinition))
        #expect(!Backtest.scoresAlike(a.mqlDefinition, loose.mqlDefinition))

        let replays = Backtest.replay(definitions, ledger: ledger, asOf: asOf)
        #expect(replays.count == definitions.count)
        for (v, (definition, replay)) in zip(definitions, replays).enumerated() {
            let expected = Self.reference(definition, ledger, asOf: asOf)
            let differ = ledger.leads.indices.filter {
                replay.moments[$0] != expected.moments[$0] || replay.scores[$0] != expected.scores[$0]
                    || replay.fastTrack[$0] != expected.fastTrack[$0]
            }
            #expect(differ.isEmpty, "variant \(v): \(differ.count) leads differ, the first \(differ.prefix(3))")
            // Each variant makes MQLs, and the time-dependent ones fast-track some.
            #expect(replay.moments.contains { $0 != .min }, "variant \(v) has no MQL")
        }
        #expect(replays[1].fastTrack.contains(true))
    }

    /// The byte search for titles gives Foundation's answer on printable ASCII; the character search, its answer on
    /// everything else Foundation does not trap on.
    @Test func textSearchAgreesWithFoundation() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab A-/.&xy ")
        func random(_ n: Int) -> String { String((0..<n).map { _ in alphabet.randomElement(using: &rng)! }) }
        for _ in 0..<20_000 {
            let haystack = random(Int.random(in: 0...12, using: &rng))
            let needle = random(Int.random(in: 0...3, using: &rng))
            #expect(textContains(haystack, needle) == haystack.contains(needle), "'\(haystack)' '\(needle)'")
        }
        let cases: [(String, String)] = [
            ("vp of sales", ""), ("", ""), ("", "vp"), ("director", "director"), ("head of it", "head of it "),
            ("café owner", "cafe"), ("cafe\u{301} owner", "café"), ("directeur général", "général"),
            ("tab\there", "\t"), ("ﬁnance director", "fi"),
        ]
        for (haystack, needle) in cases {
            #expect(textContains(haystack, needle) == haystack.contains(needle), "'\(haystack)' '\(needle)'")
        }
        // Where they differ: a CRLF is one character, so its LF alone is not in the text (Foundation finds it).
        #expect(!textContains("line\r\nbreak", "\n") && textContains("line\r\nbreak", "\r\n"))
    }
}
