import Foundation
import Testing

@testable import HandoffKit

/// `handoff backtest` on the example data. Every expected number comes from `scripts/oracle_backtest.py`, an
/// independent replay of acme's model in plain Python over the CSVs:
///   python3 scripts/oracle_backtest.py examples/acme --threshold1 120 --threshold1 150 --threshold1 200
@Suite("Backtest: replaying history with a definition")
struct BacktestTests {
    static func run(sweep: String? = nil, months: Int = 6) throws -> Backtest {
        let parsed = try sweep.map { text -> ThresholdSweep in try ThresholdSweep.parse(text).get() }
        return try Handoff.backtest(
            try acme(), sweep: parsed,
            request: MeasurementRequest(sources: DataSources(directory: projectPath("examples/acme"))), months: months)
    }

    @Test func currentDefinitionOverSixMonths() throws {
        let b = try Self.run()
        #expect(b.months.map(\.label) == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"])
        #expect(b.weeks.first?.label == "2026-W18")
        #expect(b.weeks.last?.label == "2026-W44")
        let r = try #require(b.results.first)
        #expect(r.mqls == 2420)
        #expect(r.perMonth == [257, 447, 437, 423, 407, 449])
        #expect(r.perWeek.reduce(0, +) == 2420)
        #expect(r.outcome.accepted == 825)
        #expect(r.outcome.decided == 1053)
        #expect(r.outcome.sql == 327)
        #expect(r.outcome.won == 48)
        #expect(r.outcome.handedOver == 1104)
        #expect(r.fastTrack == 0)
        #expect(
            r.bands.map { [Int($0.low), $0.outcome.leads, $0.outcome.won] } == [
                [100, 720, 9], [150, 1360, 23], [200, 317, 14], [250, 23, 2],
            ])
        #expect(r.verdict == .inBand)
        #expect(r.added.leads == 0 && r.dropped.leads == 0)
        // 220 a month agreed; 7 reps × 8 a week × 52 ÷ 12 = 242.67 a month of capacity.
        #expect(r.monthlyTarget == 220)
        let capacity: Double = 7.0 * 8 * 52 / 12
        #expect(r.monthlyCapacity == capacity)
    }

    @Test func sweepOfTheFirstAlternative() throws {
        let b = try Self.run(sweep: "threshold.1=120..200:30")
        #expect(
            b.results.map(\.name) == [
                "current", "fit + engagement >= 120", "fit + engagement >= 150", "fit + engagement >= 180",
            ])
        let t120 = b.results[1], t150 = b.results[2]
        #expect(t120.mqls == 1396)
        #expect(t120.perMonth == [159, 233, 257, 253, 233, 261])
        #expect(
            [Int]([t120.outcome.accepted, t120.outcome.decided, t120.outcome.sql, t120.outcome.won]) == [
                823, 1046, 327, 48,
            ])
        #expect(
            t120.added
                == Backtest.Outcome(leads: 1, handedOver: 1, accepted: 1, rejected: 0, rejectedBy: [], sql: 0, won: 0))
        #expect(t120.dropped.leads == 1025)
        #expect(
            [Int]([
                t120.dropped.handedOver, t120.dropped.accepted, t120.dropped.rejected, t120.dropped.sql,
                t120.dropped.won,
            ]) == [11, 3, 5, 0, 0])
        #expect(
            t120.dropped.rejectedBy.map { "\($0.reason) \($0.count)" } == [
                "wrong-profile 2", " 1", "has-solution 1", "not-interested 1",
            ])
        #expect(t150.mqls == 957)
        #expect(t150.perMonth == [96, 176, 160, 186, 162, 177])
        #expect(t150.fastTrack == 16)
        #expect(
            [Int]([t150.outcome.accepted, t150.outcome.decided, t150.outcome.sql, t150.outcome.won]) == [
                721, 914, 291, 42,
            ])
        #expect(
            [Int]([
                t150.dropped.leads, t150.dropped.handedOver, t150.dropped.accepted, t150.dropped.rejected,
                t150.dropped.sql, t150.dropped.won,
            ]) == [1465, 149, 106, 35, 36, 6])
        #expect(t150.added.leads == 2)
        let json = BacktestReport.json(b).rendered()
        #expect(json.contains("\"sweep\": \"threshold 1: fit + engagement \\u003e= 100\""))
        #expect(json.contains("\"acceptance_rate\": 0.7888"))
    }

    @Test func sweepOptionIsCheckedWithExactMessages() throws {
        func message(_ text: String) -> String? {
            if case .failure(let e) = ThresholdSweep.parse(text) {
                return e.diagnostics.first?.message
            } else {
                return nil
            }
        }
        #expect(
            message("threshold.1=120..100:10")
                == "--sweep 'threshold.1=120..100:10': the range is FROM..TO with FROM ≤ TO; write it like threshold.1=80..120:10"
        )
        #expect(
            message("score=1..2")
                == "--sweep 'score=1..2': the path is threshold.N (N counts the alternatives from 1); write it like threshold.1=80..120:10"
        )
        #expect(
            message("threshold.1=0..100:1")
                == "--sweep 'threshold.1=0..100:1': 101 steps; at most 50; write it like threshold.1=80..120:10")
        #expect(try ThresholdSweep.parse("threshold.2.1=50..70:10").get().values == [50, 60, 70])
        let tooFar = try ThresholdSweep.parse("threshold.4=1..2").get()
        #expect(throws: HandoffError.self) { try tooFar.variants(of: try acme()) }
        // The numbers of a condition, not the ones inside names or quotes.
        let text = "count(pricing_page_visit, 24h) >= 3 and title = \"top 10\""
        #expect(ThresholdSweep.numbers(in: text).map { String(Array(text)[$0]) } == ["24", "3"])
        let second = try ThresholdSweep.parse("threshold.2.1=50..50").get().variants(of: try acme())
        #expect(second.map(\.name) == ["fit >= 50 and engagement >= 75"])
    }
}

/// A backtest on real exports nobody here wrote: the Maven CRM pipeline (8,800 opportunities, 2016-10 – 2017-12),
/// the product as the lead source, engage date as creation, Won/Lost as sales' decision. Expected numbers:
///   python3 -c "import csv; r=list(csv.DictReader(open('../shared/data/external/maven-crm-sales-opportunities/sales_pipeline.csv')));
///   A={'GTXPro':60,'GTX Plus Pro':60,'GTK 500':60,'MG Advanced':60,'GTX Plus Basic':30}; M=['2017-%02d'%m for m in range(6,12)]
///   [print(t,[sum(1 for x in r if x['engage_date'][:7]==m and A.get(x['product'],0)>=t) for m in M],
///    [sum(1 for x in r if x['engage_date'][:7] in M and A.get(x['product'],0)>=t and x['deal_stage']==s) for s in ('Won','Lost')]) for t in (60,30)]"
///   → 60 [366, 548, 330, 353, 346, 126] [1004, 660];  30 [481, 746, 463, 475, 465, 174] [1340, 900]
@Suite("Backtest on real exports")
struct ExternalBacktestTests {
    @Test(.enabled(if: ExternalDataTests.available)) func mavenPipelineProductThreshold() throws {
        let definition = """
            mql_definition:
              summary: Premium products.
              scoring:
                fit:
                  - {when: 'source in ["GTXPro", "GTX Plus Pro", "GTK 500", "MG Advanced"]', points: 60}
                  - {when: 'source = "GTX Plus Basic"', points: 30}
              thresholds:
                - fit >= 60
            data:
              columns: {lead_id: opportunity_id, owner: sales_agent, company: account, source: product, created_at: engage_date, decision_at: close_date, status: deal_stage}
              values:
                status: {won: accepted, lost: rejected, engaging: working, prospecting: open}
            """
        let head = minimalAgreement.components(separatedBy: "mql_definition:")[0]
        let tail = "commitments:" + minimalAgreement.components(separatedBy: "commitments:")[1]
        let outcome = load(head + definition + "\n" + tail)
        let a = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        let path = (sharedData as NSString).appendingPathComponent("maven-crm-sales-opportunities/sales_pipeline.csv")
        let b = try Handoff.backtest(
            a, sweep: try ThresholdSweep.parse("threshold.1=30..30").get(),
            request: MeasurementRequest(sources: DataSources(leads: path)), months: 6)
        #expect(b.months.map(\.label) == ["2017-06", "2017-07", "2017-08", "2017-09", "2017-10", "2017-11"])
        #expect(b.results.map(\.name) == ["current", "fit >= 30"])
        #expect(b.results.map(\.perMonth) == [[366, 548, 330, 353, 346, 126], [481, 746, 463, 475, 465, 174]])
        #expect(b.results.map(\.outcome.accepted) == [1004, 1340])
        #expect(b.results.map(\.outcome.rejected) == [660, 900])
        // 1004 / 1664 = 60.3%: above too-loose (60%), below the 70–80% band; 1340 / 2240 = 59.8%: too loose.
        #expect(b.results.map(\.verdict) == [.outsideTarget, .tooLoose])
        #expect(b.results[1].added.leads == 2804 - 2069)
        #expect(b.results[1].added.accepted == 1340 - 1004)
        #expect(b.results[1].dropped.leads == 0)
    }
}
