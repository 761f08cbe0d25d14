import Foundation
import Testing

/// `handoff diff` and the version features as a user runs them, against a temporary git repository.
@Suite("handoff diff and versions on the command line")
struct VersionsCLITests {
    static func git(_ args: [String], in dir: URL, date: String = "2026-06-01T12:00:00Z") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "git", "-c", "user.name=Handoff Tests", "-c", "user.email=tests@example.com", "-c",
                "commit.gpgsign=false",
            ] + args
        process.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_DATE"] = date
        env["GIT_COMMITTER_DATE"] = date
        process.environment = env
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(args.joined(separator: " ")) failed")
    }

    /// A repository with two commits of sla.yaml: acme 2.1, then 2.2 with a 15-minute first touch.
    static func repository() throws -> URL {
        let dir = try CLITests.tempDir()
        let acme = try String(contentsOf: CLITests.root.appendingPathComponent("agreements/acme.yaml"), encoding: .utf8)
        let file = dir.appendingPathComponent("sla.yaml")
        try git(["init", "-q"], in: dir)
        try Data(acme.utf8).write(to: file)
        try git(["add", "sla.yaml"], in: dir)
        try git(["commit", "-q", "-m", "2.1"], in: dir)
        let v22 = acme.replacingOccurrences(of: "version: \"2.1\"", with: "version: \"2.2\"")
            .replacingOccurrences(
                of: "      scope: standard\n      within: 30m\n", with: "      scope: standard\n      within: 15m\n")
        try Data(v22.utf8).write(to: file)
        try git(["commit", "-q", "-am", "2.2"], in: dir, date: "2026-11-17T12:00:00Z")
        return dir
    }

    @Test func diffExitCodes() throws {
        let dir = try Self.repository()
        let changed = try CLITests.handoff("diff", "HEAD~1:sla.yaml", "sla.yaml", cwd: dir)
        #expect(changed.status == 1)
        #expect(changed.stderr == "")
        #expect(
            changed.stdout.contains(
                "## Summary\n\n- version: 2.1 → 2.2\n- time to first contact for standard MQLs: 30 → 15 business minutes\n"
            ))
        #expect(changed.stdout.contains("~~≥ 90% within 30m (owner's hours)~~ **≥ 90% within 15m (owner's hours)**"))

        let same = try CLITests.handoff("diff", "HEAD:sla.yaml", "sla.yaml", cwd: dir)
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("No changes: both versions say the same.\n"))

        let json = try CLITests.handoff("diff", "HEAD~1:sla.yaml", "HEAD:sla.yaml", "--format", "json", cwd: dir)
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"path\": \"commitments.sales[first-touch].within\""))
        #expect(json.stdout.contains("\"old\": \"30m\",\n      \"new\": \"15m\""))

        let html = try CLITests.handoff("diff", "HEAD~1:sla.yaml", "sla.yaml", "--format", "html", cwd: dir)
        #expect(html.status == 1)
        #expect(
            html.stdout.contains(
                "<del>≥ 90% within 30m (owner's hours)</del> <ins>≥ 90% within 15m (owner's hours)</ins>"))
    }

    @Test func diffBadInputExitsTwoWithoutOutput() throws {
        let dir = try Self.repository()
        let unknown = try CLITests.handoff("diff", "v9:sla.yaml", "sla.yaml", cwd: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stdout == "")
        #expect(
            unknown.stderr
                == "v9:sla.yaml: error: cannot read 'v9:sla.yaml' from git: invalid object name 'v9'; give a file, or REVISION:PATH such as HEAD~1:agreements/acme.yaml\n"
        )

        let missing = try CLITests.handoff("diff", "nope.yaml", "sla.yaml", cwd: dir)
        #expect(missing.status == 2)
        #expect(
            missing.stderr
                == "nope.yaml: error: no such file 'nope.yaml'; give an agreement file, or REVISION:PATH such as HEAD~1:agreements/acme.yaml\n"
        )

        let outside = try CLITests.tempDir()
        let notRepo = try CLITests.handoff("diff", "HEAD:sla.yaml", "HEAD~1:sla.yaml", cwd: outside)
        #expect(notRepo.status == 2)
        #expect(notRepo.stdout == "")
        #expect(
            notRepo.stderr
                == "HEAD:sla.yaml: error: 'HEAD:sla.yaml' is neither a file nor readable from git: the current folder is not in a git repository\n"
        )

        let bad = outside.appendingPathComponent("bad.yaml")
        try Data("agreement:\n  titel: x\n".utf8).write(to: bad)
        let invalid = try CLITests.handoff(
            "diff", bad.path, bad.path, "-o", outside.appendingPathComponent("out.md").path, cwd: outside)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("error: unknown key 'titel' in 'agreement'; did you mean 'title'?"))
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("out.md").path))
    }

    @Test func validateAndRenderNameStaleSignOffs() throws {
        let dir = try CLITests.tempDir()
        let acme = try String(contentsOf: CLITests.root.appendingPathComponent("agreements/acme.yaml"), encoding: .utf8)
        let file = dir.appendingPathComponent("sla.yaml")
        try Self.git(["init", "-q"], in: dir)
        try Data(acme.utf8).write(to: file)
        #expect(
            try CLITests.handoff("sign", "sla.yaml", "--party", "sales", "--date", "2026-06-28", cwd: dir).status == 0)
        try Self.git(["add", "sla.yaml"], in: dir)
        try Self.git(["commit", "-q", "-m", "Signed 2.1"], in: dir)
        try Data(
            (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
                of: "fit + engagement >= 100", with: "fit + engagement >= 120"
            ).utf8
        ).write(to: file)
        try Self.git(["commit", "-q", "-am", "Stricter threshold"], in: dir, date: "2026-11-17T12:00:00Z")

        let validate = try CLITests.handoff("validate", "sla.yaml", "--today", "2026-11-22", cwd: dir)
        #expect(validate.status == 0)
        let note =
            #/sla\.yaml: note: the sales sign-off by Marcus Bell \(signed 2026-06-28, version 2\.1, content 31d9b4473187\) no longer matches the content; stale since 2026-11-17 \(commit [0-9a-f]{7} “Stricter threshold”\); changed since it was signed:\n  - MQL threshold fit \+ engagement: 100 → 120\n/#
        #expect(validate.stderr.contains(note))
        #expect(validate.stderr.contains("warning: the sales sign-off by Marcus Bell is stale"))

        let render = try CLITests.handoff("render", "sla.yaml", cwd: dir)
        #expect(render.status == 0)
        #expect(render.stderr.contains(note))
        #expect(render.stdout.contains("- Changed since: MQL threshold fit + engagement: 100 → 120\n"))
        #expect(
            render.stdout.contains(
                "| 2.1 | 1 Jul 2026 | 220 MQLs a month, sized to seven reps; every rejection within 24 hours with a reason from the agreed list. | Marcus Bell (2026-06-28) |"
            ) == false)
        #expect(
            render.stdout.contains(
                "| 2.1 | 1 Jul 2026 | 220 MQLs a month, sized to seven reps; every rejection within 24 hours with a reason from the agreed list. | not signed |"
            ))
    }

    @Test func versionsInForceBadInput() throws {
        let dir = try Self.repository()
        let data = CLITests.root.appendingPathComponent("examples/acme").path
        let folder = try CLITests.handoff(
            "check", "sla.yaml", "--data", data, "--week", "2026-W46", "--versions", "nope", cwd: dir)
        #expect(folder.status == 2)
        #expect(folder.stdout == "")
        // (the 15-minute promise in this repository's 2.2 also draws a warning that its sentence still says 30 minutes)
        #expect(
            folder.stderr.hasSuffix(
                "nope: error: --versions 'nope' is not a folder; give a folder of agreement versions, or 'git'\n"))
        // 2.1 and 2.2 of this repository both say effective 2026-07-01: which is in force is ambiguous.
        let sameDay = try CLITests.handoff(
            "scorecard", "sla.yaml", "--data", data, "--week", "2026-W46", "--versions", "git", cwd: dir)
        #expect(sameDay.status == 2)
        #expect(sameDay.stdout == "")
        #expect(
            sameDay.stderr.contains(
                #/\nsla\.yaml: error: [0-9a-f]{7}:sla\.yaml and sla\.yaml both take effect on 2026-07-01; give each version its own effective date\n$/#
            ))
    }

    @Test func scorecardWithVersionsFromGit() throws {
        let dir = try Self.repository()
        let file = dir.appendingPathComponent("sla.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "effective: 2026-07-01", with: "effective: 2026-11-12")
        try Data(text.utf8).write(to: file)
        try Self.git(["commit", "-q", "-am", "2.2 takes effect 12 Nov"], in: dir, date: "2026-11-11T12:00:00Z")
        let data = CLITests.root.appendingPathComponent("examples/acme").path
        let r = try CLITests.handoff(
            "check", "sla.yaml", "--data", data, "--week", "2026-W46", "--as-of", "2026-11-16T10:00", "--versions",
            "git", cwd: dir)
        #expect(r.status == 1)
        #expect(
            r.stdout.hasPrefix(
                "Acme Analytics Sales & Marketing SLA v2.1 -> 2.2 (2.2 in force from 12 Nov 2026; each lead measured against the version in force at its handoff) - 2026-W46"
            ))
        #expect(
            r.stdout.contains(
                "[XX] sales     first-touch        missed            66.7%      goal >= 90% within 30m (owner's hours) under v2.1 (handoffs before 12 Nov 2026)  n=21"
            ))
        #expect(
            r.stdout.contains(
                "[XX] sales     first-touch        missed            25%        goal >= 90% within 15m (owner's hours) under v2.2 (handoffs from 12 Nov 2026)  n=20"
            ))
    }

    @Test func diffWithoutGitSaysSo() throws {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["diff", "HEAD:a.yaml", "HEAD:b.yaml"]
        process.currentDirectoryURL = try CLITests.tempDir()
        process.environment = ["PATH": "/nonexistent"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(o.isEmpty)
        #expect(
            String(decoding: e, as: UTF8.self)
                == "HEAD:a.yaml: error: 'HEAD:a.yaml' is not a file, and git is not available to read it as REVISION:PATH; install git or give a file\n"
        )
    }
}
