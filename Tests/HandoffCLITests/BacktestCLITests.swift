import Foundation
import Testing

/// `handoff backtest` as a user runs it. Numbers from `python3 scripts/oracle_backtest.py examples/acme --threshold1 120`.
@Suite("handoff backtest")
struct BacktestCLITests {
    @Test func proposedFileIsReplayedBesideTheCurrentDefinition() throws {
        let dir = try CLITests.tempDir()
        let text = try String(contentsOf: CLITests.root.appendingPathComponent("agreements/acme.yaml"), encoding: .utf8)
        let proposed = dir.appendingPathComponent("stricter.yaml")
        let changed = text.replacingOccurrences(of: "- fit + engagement >= 100", with: "- fit + engagement >= 120")
            .replacingOccurrences(of: "minimum_sample: 20", with: "minimum_sample: 2000")
        #expect(changed != text)
        try Data(changed.utf8).write(to: proposed)
        let r = try CLITests.handoff(
            "backtest", "agreements/acme.yaml", "--data", "examples/acme", "--proposed", proposed.path, "--format",
            "json")
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let variants = try #require(json["variants"] as? [[String: Any]])
        #expect(variants.map { $0["name"] as? String } == ["current (acme.yaml)", "stricter.yaml"])
        #expect(variants.map { $0["mqls"] as? Int } == [2420, 1396])
        #expect(
            variants.map { ($0["per_month"] as? [[String: Any]])?.map { $0["mqls"] as? Int } } == [
                [257, 447, 437, 423, 407, 449], [159, 233, 257, 253, 233, 261],
            ])
        #expect(variants.map { $0["acceptance_rate"] as? Double } == [0.7835, 0.7868]) // 825/1053, 823/1046
        #expect(variants.map { $0["mql_to_sql_rate"] as? Double } == [0.1351, 0.2342]) // 327/2420, 327/1396
        #expect(variants.map { $0["won_rate"] as? Double } == [0.0198, 0.0344]) // 48/2420, 48/1396
        #expect(variants.map { ($0["added"] as? [String: Any])?["leads"] as? Int } == [0, 1])
        #expect(variants.map { ($0["dropped"] as? [String: Any])?["leads"] as? Int } == [0, 1025])
        // The proposed file's own minimum sample (2000 decided) guards its verdict.
        #expect(variants.map { $0["verdict"] as? String } == ["in_band", "insufficient_sample"])
    }

    @Test func markdownAndHTMLDocuments() throws {
        let md = try CLITests.handoff(
            "backtest", "agreements/acme.yaml", "--data", "examples/acme", "--sweep", "threshold.1=120..150:30")
        #expect(md.status == 0)
        #expect(
            md.stdout.contains(
                "| current (acme.yaml) | 2420 | 403 | 220 | 243 | 78.3% (825/1053) | 13.5% | 2% | 0 | 0 | in band |"))
        #expect(
            md.stdout.contains(
                "| fit + engagement >= 150 | 957 | 160 | 220 | 243 | 78.9% (721/914) | 30.4% | 4.4% | 2 | 1465 | in band |"
            ))
        #expect(
            md.stdout.contains(
                "- **Volume:** 2420 MQLs, 403 a month on average; meets the agreed 220 a month; more than sales can absorb (243 a month)."
            ))
        #expect(!md.stdout.contains("<!-- chart"))
        let html = try CLITests.handoff(
            "backtest", "agreements/acme.yaml", "--data", "examples/acme", "--sweep", "threshold.1=120..150:30",
            "--format", "html")
        let again = try CLITests.handoff(
            "backtest", "agreements/acme.yaml", "--data", "examples/acme", "--sweep", "threshold.1=120..150:30",
            "--format", "html")
        #expect(html.status == 0)
        #expect(html.stdout == again.stdout)
        #expect(html.stdout.components(separatedBy: "<svg").count - 1 == 3)
        #expect(html.stdout.contains("MQLs per month per variant"))
        #expect(html.stdout.contains("Sweep of threshold 1: fit + engagement &gt;= 100: acceptance and conversion"))
    }

    @Test func badSweepAndMonthsExitTwo() throws {
        let sweep = try CLITests.handoff(
            "backtest", "agreements/acme.yaml", "--data", "examples/acme", "--sweep", "threshold.9=1..2")
        #expect(sweep.status == 2)
        #expect(
            sweep.stderr == "handoff: error: --sweep 'threshold.9=1..2': the agreement has 3 threshold alternatives\n")
        let months = try CLITests.handoff(
            "backtest", "agreements/acme.yaml", "--data", "examples/acme", "--months", "0")
        #expect(months.status == 2)
        #expect(months.stderr == "handoff: error: --months 0: give 1 to 36 months\n")
    }
}
