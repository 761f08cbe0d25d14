import Foundation
import Testing

/// `handoff init --from-data`. Expected numbers from `python3 scripts/oracle_draft.py examples/acme`:
///   history 3004 leads; threshold score >= 122: 47 of 49 won, 1654 of 2955 not won
///   mql_at per month [105, 232, 236, 242, 251, 225] mean 215
///   first touch n=1265 p50 735 s = 12.25 min p90 1720 s = 28.67 min; -> within 29m
///   capacity 6 reps x 10 a week
@Suite("handoff init --from-data")
struct InitFromDataTests {
    @Test func draftsNumbersFromTheExampleDataAndValidates() throws {
        let dir = try CLITests.tempDir()
        let path = dir.appendingPathComponent("draft.yaml").path
        let r = try CLITests.handoff("init", path, "--from-data", "examples/acme")
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                drafted threshold: score >= 122 (47/49 won, 1654/2955 not won at or above)
                drafted volume: at least 215 MQLs a month (mean of 2026-05 – 2026-10)
                drafted first touch: within 90m for 90% (p50 11.8 min, p90 90 min, n=1265)
                drafted capacity: 6 reps × 10 MQLs a week (owners and the busiest month in 2026-05 – 2026-10)
                wrote \(path); next: handoff validate \(path)

                """)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text.contains(
                "    - score >= 122   # drafted: of 3004 leads created 2026-05-01 – 2026-10-31, 47 of 49 won and 1654 of 2955 not won reached 122+ points"
            ))
        #expect(
            text.contains(
                "    # drafted: mean MQLs a month (mql_at) over 2026-05 – 2026-10: 105, 232, 236, 242, 251, 225\n    - {id: mql-volume, metric: mql_count, at_least: 215, per: month}\n"
            ))
        #expect(
            text.contains(
                "p50 11.8 min, p90 90 min — the goal holds today's p90; tighten toward the p50\n    - {id: first-touch, metric: first_touch_time, within: 90m, clock: business, goal: 90%}\n"
            ))
        #expect(
            text.contains(
                "  reps: 6   # drafted: distinct owners of the MQLs handed over 2026-05 – 2026-10\n  mqls_per_rep_per_week: 10   # drafted: the busiest month's 251 MQLs"
            ))
        #expect(text.contains("whose total score (fit + engagement +\n    BANT) reaches 122 points."))
        let valid = try CLITests.handoff("validate", path)
        #expect(valid.status == 0)
        #expect(valid.stderr == "")
        #expect(valid.stdout.hasPrefix("\(path): valid — 6 commitments (3 marketing, 3 sales)"))
        // The draft is the input of the next step: replaying it over the same history.
        let backtest = try CLITests.handoff("backtest", path, "--data", "examples/acme", "--format", "json")
        #expect(backtest.status == 0)
        #expect(backtest.stdout.contains("\"verdict\": "))
    }

    @Test func refusesToOverwriteAndReportsAMissingFolder() throws {
        let dir = try CLITests.tempDir()
        let path = dir.appendingPathComponent("draft.yaml").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        let exists = try CLITests.handoff("init", path, "--from-data", "examples/acme")
        #expect(exists.status == 1)
        #expect(exists.stderr.contains("already exists; pass --force to overwrite it"))
        let missing = try CLITests.handoff("init", path, "--from-data", "/nonexistent", "--force")
        #expect(missing.status == 1)
        #expect(
            missing.stderr
                == "/nonexistent: error: '/nonexistent' is not a directory; --data takes a folder holding leads.csv (and optionally activities.csv, engagement.csv)\n"
        )
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "x")
    }
}
