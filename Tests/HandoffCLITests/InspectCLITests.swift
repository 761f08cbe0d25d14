import Foundation
import Testing

/// `handoff inspect` as a user runs it: a folder, a file, JSON, -o, and unreadable input.
@Suite("handoff inspect")
struct InspectCLITests {
    static func folder() throws -> URL {
        let dir = try CLITests.tempDir()
        let leads =
            "Lead ID,Created Date,Lead Source\nL1,25/03/2026 09:15,Web\nL2,26/03/2026 10:00,Event <b>\nL3,,Web\n"
        try Data(leads.utf8).write(to: dir.appendingPathComponent("leads.csv"))
        try Data("ignored".utf8).write(to: dir.appendingPathComponent("readme.md"))
        return dir
    }

    @Test func folderToMarkdownAndJSON() throws {
        let dir = try Self.folder()
        let md = try CLITests.handoff("inspect", dir.path)
        #expect(md.status == 0)
        #expect(md.stderr == "")
        #expect(md.stdout.hasPrefix("# Export inspection\n"))
        #expect(md.stdout.contains("## leads.csv\n"))
        #expect(!md.stdout.contains("readme.md"))
        #expect(
            md.stdout.contains(
                "| 2 | Created Date | date/time d/M/yyyy H:mm | 33.3% | 25/03/2026 09:15 · 26/03/2026 10:00 | created_at |\n"
            ))
        #expect(
            md.stdout.contains(
                "| 3 | Lead Source | category: Web 2, Event \\<b> 1 | 0.0% | Web · Event \\<b> | source |\n"))
        #expect(
            md.stdout.contains(
                "```yaml\ndata:\n  files:   # paths are relative to the --data folder\n    - {role: leads, path: \"leads.csv\"}\n"
            ))
        let json = try CLITests.handoff("inspect", dir.appendingPathComponent("leads.csv").path, "--format", "json")
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let files = object?["files"] as? [[String: Any]]
        #expect(files?.count == 1)
        #expect(files?.first?["rows"] as? Int == 3)
        #expect(files?.first?["role"] as? String == "leads")
        #expect((object?["data_section"] as? String)?.hasPrefix("data:\n") == true)
        // The same output twice: deterministic.
        #expect(try CLITests.handoff("inspect", dir.path).stdout == md.stdout)
        let out = dir.appendingPathComponent("inspection.md").path
        let written = try CLITests.handoff("inspect", dir.path, "-o", out)
        #expect(written.status == 0)
        #expect(written.stdout == "")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == md.stdout)
    }

    @Test func unreadableInputExitsTwo() throws {
        let missing = try CLITests.handoff("inspect", "/nonexistent/leads.csv")
        #expect(missing.status == 2)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "/nonexistent/leads.csv: error: no such file or folder\n")
        let dir = try CLITests.tempDir()
        let bad = dir.appendingPathComponent("bad.csv")
        try Data("Lead ID,Notes\nL1,\"never closed\nL2,x\n".utf8).write(to: bad)
        let r = try CLITests.handoff("inspect", bad.path)
        #expect(r.status == 2)
        #expect(r.stderr == "\(bad.path):2: error: a quoted field is never closed; check for a stray \" in this row\n")
        let empty = try CLITests.handoff("inspect", dir.appendingPathComponent("nothing").path)
        #expect(empty.status == 2)
        let noArgs = try CLITests.handoff("inspect")
        #expect(noArgs.status == 2)
    }

    @Test func helpHasExamples() throws {
        let r = try CLITests.handoff("inspect", "--help")
        #expect(r.status == 0)
        #expect(r.stdout.contains("handoff inspect exports/\n"))
        #expect(r.stdout.contains("--format <format>"))
    }
}
