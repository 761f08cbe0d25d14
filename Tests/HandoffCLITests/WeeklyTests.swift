import Foundation
import Testing

/// `handoff weekly`: the Monday package, written all together or not at all, with check's exit status.
@Suite("The weekly package")
struct WeeklyTests {
    static let args = [
        "agreements/acme.yaml", "--data", "examples/acme", "--week", "2026-W46", "--as-of", "2026-11-16T10:00",
    ]
    static let files = ["agenda.html", "agenda.md", "breaches.csv", "check.json", "scorecard.html", "scorecard.md"]

    static func run(_ args: [String]) throws -> CLITests.Run {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = args
        process.currentDirectoryURL = CLITests.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Run(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func writesTheSixFilesWithChecksExitStatus() throws {
        let out = try CLITests.tempDir().appendingPathComponent("monday")
        let weekly = try Self.run(["weekly"] + Self.args + ["--out", out.path])
        let check = try Self.run(["check"] + Self.args + ["--format", "json"])
        #expect(weekly.status == 1 && check.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == Self.files)
        #expect(try String(contentsOf: out.appendingPathComponent("check.json"), encoding: .utf8) == check.stdout)
        let scorecard = try Self.run(["scorecard"] + Self.args)
        #expect(try String(contentsOf: out.appendingPathComponent("scorecard.md"), encoding: .utf8) == scorecard.stdout)
        let csv = try String(contentsOf: out.appendingPathComponent("breaches.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("lead_id,owner,commitment,started,due,happened,late_by,late_by_seconds,detail\r\n"))
        // One row per breach: 30 across the commitments (the check text lists the counts).
        #expect(csv.components(separatedBy: "\r\n").count - 2 == 30)
        #expect(weekly.stdout.contains("2026-W46, 5 of 9 commitments missed, 30 breaches"))
    }

    @Test func writesNothingWhenAnythingFails() throws {
        let dir = try CLITests.tempDir()
        let blocker = dir.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let r = try Self.run(["weekly"] + Self.args + ["--out", blocker.appendingPathComponent("out").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot create the folder"))
        // A template typo fails before anything is read or written.
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{#teams}}{{nmae}}{{/teams}}".utf8).write(to: templates.appendingPathComponent("agenda.md"))
        let out = dir.appendingPathComponent("out")
        let bad = try Self.run(["weekly"] + Self.args + ["--out", out.path, "--templates", templates.path])
        #expect(bad.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func checkFormatsASlackMessage() throws {
        let r = try Self.run(["check"] + Self.args + ["--format", "slack"])
        #expect(r.status == 1)
        #expect(
            r.stdout.hasPrefix("*Acme Analytics Sales &amp; Marketing SLA* — 2026-W46 (Mon 9 Nov – Sun 15 Nov 2026)"))
        #expect(
            r.stdout.contains(
                "• *first-touch* (sales): missed, 85.4% against ≥ 90% within 30m (owner's hours), 6 breaches; p50 "))
        #expect(
            r.stdout.contains(
                "*Worst breaches*\n• `L-103055` Erin Walsh · routing-speed · not routed, 6d 12h past the deadline"))
        #expect(r.stderr.isEmpty) // no progress line: stderr is not a terminal here
    }
}
