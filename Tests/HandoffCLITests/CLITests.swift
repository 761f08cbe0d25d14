import Foundation
import Testing

/// Runs the built `handoff` binary the way a user does and checks stdout, stderr and the exit status.
@Suite("The handoff command line")
struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: URL {
        let candidates = [".build/debug/handoff", ".build/release/handoff"].map { root.appendingPathComponent($0) }
        let products = Bundle.allBundles.map {
            $0.bundleURL.deletingLastPathComponent().appendingPathComponent("handoff")
        }
        return (products + candidates).first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func handoff(_ args: String..., cwd: URL = root) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        process.currentDirectoryURL = cwd
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func validateAcme() throws {
        let r = try Self.handoff("validate", "agreements/acme.yaml", "--today", "2026-11-22")
        #expect(r.status == 0)
        #expect(r.stdout == "agreements/acme.yaml: valid — 9 commitments (4 marketing, 5 sales), digest 31d9b4473187\n")
        #expect(r.stderr == "")
    }

    @Test func validateReportsErrorsWithCaretAndExitsOne() throws {
        let dir = try Self.tempDir()
        let path = dir.appendingPathComponent("bad.yaml").path
        try Data("agreement:\n  titel: x\n".utf8).write(to: URL(fileURLWithPath: path))
        let r = try Self.handoff("validate", path)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(
            r.stderr.contains(
                "\(path):2:3: error: unknown key 'titel' in 'agreement'; did you mean 'title'?\n  titel: x\n  ^\n"))
        #expect(r.stderr.hasSuffix("errors, 0 warnings\n"))
    }

    @Test func checkExitCodes() throws {
        let missed = try Self.handoff("check", "agreements/acme.yaml", "--data", "examples/acme", "--week", "2026-W46")
        #expect(missed.status == 1)
        #expect(missed.stdout.contains("[XX] sales     first-touch "))
        let bad = try Self.handoff("check", "agreements/acme.yaml", "--data", "/nonexistent")
        #expect(bad.status == 2)
        #expect(
            bad.stderr
                == "/nonexistent: error: '/nonexistent' is not a directory; --data takes a folder holding leads.csv (and optionally activities.csv, engagement.csv)\n"
        )
        let badWeek = try Self.handoff("check", "agreements/acme.yaml", "--data", "examples/acme", "--week", "2026-46")
        #expect(badWeek.status == 2)
        #expect(badWeek.stderr.contains("'2026-46' is not an ISO week; write it like 2026-W46"))
        // A week after the data ends: nothing can be judged (3), never "met".
        let after = try Self.handoff("check", "agreements/acme.yaml", "--data", "examples/acme", "--week", "2027-W10")
        #expect(after.status == 3)
        #expect(!after.stdout.contains("[ok]"))
        #expect(after.stdout.contains(" no data "))
        // Argument-parser errors are usage errors too: 2, not the parser's default 64.
        let unknown = try Self.handoff("check", "agreements/acme.yaml", "--data", "examples/acme", "--bogus")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("Error: Unknown option '--bogus'"))
        let both = try Self.handoff(
            "check", "agreements/acme.yaml", "--week", "2026-W46", "--month", "2026-11", "--data", "examples/acme")
        #expect(both.status == 2)
        // The codes are documented where a user looks first.
        let help = try Self.handoff("check", "--help")
        #expect(help.status == 0)
        for line in [
            "  0  every commitment that could be judged is met", "  1  any commitment is missed",
            "  2  bad input or usage",
            "  3  nothing could be judged",
        ] {
            #expect(help.stdout.contains(line))
        }
    }

    @Test func badDateOptionsPrintTheirOwnError() throws {
        let today = try Self.handoff("validate", "agreements/acme.yaml", "--today", "2027-13-01")
        #expect(today.status == 2)
        #expect(
            today.stderr.hasPrefix(
                "Error: --today takes a date like 2026-11-16; '2027-13-01' is not one\nUsage: handoff validate <agreement>"
            ))
        let dir = try Self.tempDir()
        let copy = dir.appendingPathComponent("sla.yaml")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("agreements/acme.yaml"), to: copy)
        let future = try Self.handoff("sign", copy.path, "--party", "sales", "--date", "2099-01-01")
        #expect(future.status == 1)
        #expect(future.stderr.contains("--date 2099-01-01 is in the future"))
    }

    @Test func checkExitsZeroWhenEverythingIsMet() throws {
        let dir = try Self.tempDir()
        let agreement = dir.appendingPathComponent("easy.yaml")
        let text = try String(contentsOf: Self.root.appendingPathComponent("agreements/acme.yaml"), encoding: .utf8)
        let start = try #require(text.range(of: "commitments:\n"))
        let end = try #require(text.range(of: "targets:\n"))
        let easy = text.replacingCharacters(
            in: start.lowerBound..<end.lowerBound,
            with: "commitments:\n  marketing:\n    - {id: volume, metric: mql_count, at_least: 10, per: week}\n\n")
        try Data(easy.utf8).write(to: agreement)
        let r = try Self.handoff("check", agreement.path, "--data", "examples/acme", "--week", "2026-W46")
        #expect(r.status == 0)
        #expect(r.stdout.contains("1 commitments: 1 met"))
    }

    @Test func checkListsBreachesWithDetails() throws {
        let r = try Self.handoff(
            "check", "agreements/acme.yaml", "--data", "examples/acme", "--week", "2026-W46", "--breaches")
        #expect(r.status == 1)
        #expect(r.stdout.contains("\n       L-103123  Diego Ramos  late by 2h 42m\n"))
    }

    @Test func checkJSONIsStable() throws {
        let r = try Self.handoff(
            "check", "agreements/acme.yaml", "--data", "examples/acme", "--week", "2026-W46", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema_version"] as? Int == 1)
        let commitments = try #require(json["commitments"] as? [[String: Any]])
        #expect(
            commitments.map { $0["id"] as? String } == [
                "mql-volume", "mql-quality", "routing-speed", "lead-context", "first-touch", "first-touch-hot",
                "attempts", "feedback", "reassign-untouched",
            ])
        let again = try Self.handoff(
            "check", "agreements/acme.yaml", "--data", "examples/acme", "--week", "2026-W46", "--format", "json")
        #expect(again.stdout == r.stdout)
    }

    @Test func renderWritesAtomicallyAndRefusesBadAgreements() throws {
        let dir = try Self.tempDir()
        let out = dir.appendingPathComponent("sla.html").path
        let ok = try Self.handoff("render", "agreements/acme.yaml", "--format", "html", "-o", out)
        #expect(ok.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let bad = dir.appendingPathComponent("bad.yaml").path
        try Data("agreement: [\n".utf8).write(to: URL(fileURLWithPath: bad))
        let keep = dir.appendingPathComponent("keep.md").path
        try Data("previous".utf8).write(to: URL(fileURLWithPath: keep))
        let failed = try Self.handoff("render", bad, "-o", keep)
        #expect(failed.status == 1)
        #expect(try String(contentsOfFile: keep, encoding: .utf8) == "previous")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
                "bad.yaml", "keep.md", "sla.html",
            ])
    }

    @Test func outputIntoAMissingFolderNamesTheFolder() throws {
        let dir = try Self.tempDir()
        let missing = dir.appendingPathComponent("no-such-folder").path
        let r = try Self.handoff("render", "agreements/acme.yaml", "--format", "html", "-o", missing + "/sla.html")
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(
            r.stderr.contains(
                "cannot write '\(missing)/sla.html': the folder '\(missing)' does not exist; create it first (mkdir -p '\(missing)')"
            ))
        #expect(!r.stderr.contains("could not be completed"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func initRefusesToOverwrite() throws {
        let dir = try Self.tempDir()
        let first = try Self.handoff("init", "sla.yaml", cwd: dir)
        #expect(first.status == 0)
        #expect(try Self.handoff("validate", "sla.yaml", cwd: dir).status == 0)
        let second = try Self.handoff("init", "sla.yaml", cwd: dir)
        #expect(second.status == 1)
        #expect(second.stderr == "sla.yaml: error: 'sla.yaml' already exists; pass --force to overwrite it\n")
        #expect(try Self.handoff("init", "sla.yaml", "--force", cwd: dir).status == 0)
    }

    @Test func signBindsToTheDigestAndEditingMakesItStale() throws {
        let dir = try Self.tempDir()
        let path = dir.appendingPathComponent("sla.yaml").path
        try FileManager.default.copyItem(
            atPath: Self.root.appendingPathComponent("agreements/acme.yaml").path, toPath: path)
        let signed = try Self.handoff(
            "sign", path, "--party", "sales", "--name", "Marcus Bell", "--title", "VP Sales", "--date", "2026-11-20")
        #expect(signed.status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# Acme Analytics — Sales & Marketing Service Level Agreement."))
        #expect(
            text.hasSuffix(
                "signoff:\n  - party: sales\n    name: \"Marcus Bell\"\n    title: \"VP Sales\"\n    date: 2026-11-20\n    digest: 31d9b4473187ee4b936689f17ad941c474fa203236afaf77ea0dd8563921ee40\n"
            ))
        let md = try Self.handoff("render", path)
        #expect(
            md.stdout.contains("| Sales | Marcus Bell | VP Sales | 2026-11-20 | ✓ signed this version (31d9b4473187) |")
        )
        #expect(
            md.stdout.contains(
                "| Marketing | Dana Whitfield | VP Marketing | \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ | pending |"))
        try Data(text.replacingOccurrences(of: "at_least: 220", with: "at_least: 200").utf8).write(
            to: URL(fileURLWithPath: path))
        let stale = try Self.handoff("validate", path, "--today", "2026-11-22")
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("warning: the sales sign-off by Marcus Bell is stale"))
        #expect(try Self.handoff("render", path).stdout.contains("✗ stale: signed a different version (31d9b4473187)"))
    }

    @Test func helpShowsExamples() throws {
        for command in ["init", "validate", "render", "sign", "scorecard", "agenda", "check", "weekly"] {
            let r = try Self.handoff(command, "--help")
            #expect(r.status == 0)
            #expect(r.stdout.contains("Examples:"), "\(command) --help")
        }
    }

    @Test func helpProseIsNotBrokenMidSentence() throws {
        for command in ["", "init", "validate", "render", "sign", "scorecard", "agenda", "check"] {
            let r = try command.isEmpty ? Self.handoff("--help") : Self.handoff(command, "--help")
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            // Help is wrapped to 80 columns. A prose line followed by more of its paragraph must be full: the next
            // word would not have fitted on it.
            for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !line.hasPrefix(" ") {
                guard let word = next.split(separator: " ").first, !next.hasPrefix(" ") else { continue }
                #expect(line.count + 1 + word.count >= 79, "handoff \(command) --help breaks a sentence after: \(line)")
            }
        }
    }

    @Test func scorecardAndAgendaAreDeterministic() throws {
        for command in ["scorecard", "agenda"] {
            let a = try Self.handoff(command, "agreements/acme.yaml", "--data", "examples/acme", "--format", "html")
            let b = try Self.handoff(command, "agreements/acme.yaml", "--data", "examples/acme", "--format", "html")
            #expect(a.status == 0)
            #expect(a.stdout == b.stdout)
            #expect(a.stdout.count > 5000)
        }
    }

    @Test func unreadableExportExitsTwo() throws {
        let dir = try Self.tempDir()
        // UTF-16 with a byte-order mark is read (transcoded); without one it cannot be told from binary data safely.
        try Data(Array("lead_id\nL1\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(
            to: dir.appendingPathComponent("leads.csv"))
        let r = try Self.handoff("scorecard", "agreements/acme.yaml", "--data", dir.path)
        #expect(r.status == 2)
        #expect(
            r.stderr
                == "\(dir.path)/leads.csv: error: the file looks like UTF-16 without a byte-order mark; set data.encoding: utf-16le in the agreement (or save it as UTF-8 CSV)\n"
        )
        #expect(r.stdout == "")
    }

    @Test func badTemplateFolderIsAnError() throws {
        let dir = try Self.tempDir()
        try Data("{{#teams}}{{nme}}{{/teams}}\n".utf8).write(to: dir.appendingPathComponent("scorecard.md"))
        let r = try Self.handoff(
            "scorecard", "agreements/acme.yaml", "--data", "examples/acme", "--templates", dir.path)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("\(dir.path)/scorecard.md:1:11: error: unknown field 'nme'; did you mean 'name'?"))
    }
}
