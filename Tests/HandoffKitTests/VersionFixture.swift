import Foundation

@testable import HandoffKit

/// A temporary git repository holding several committed versions of the acme agreement, so the version
/// features are tested without depending on the project's own history.
///
/// Commits (author and committer dates fixed, so hashes and dates are the same on every run):
/// 1. 2026-03-30 "Version 2.0" — acme with version 2.0, effective 2026-04-01, 200 MQLs a month
/// 2. 2026-06-25 "Version 2.1" — acme as shipped (version 2.1, effective 2026-07-01)
/// 3. 2026-06-28 "Sign 2.1" — both VPs sign 2.1's digest
/// 4. 2026-11-17 "Version 2.2: faster first touch, stricter threshold" — 15-minute first touch, threshold 120,
///    effective 2026-11-18; the sign-offs are now stale
struct VersionFixture {
    let directory: String
    let file = "agreements/acme.yaml"
    var path: String { (directory as NSString).appendingPathComponent(file) }

    /// acme.yaml without its `history` section (the last one), so versions come from git.
    static let acme: String = {
        let text = (try? String(contentsOfFile: projectPath("agreements/acme.yaml"), encoding: .utf8)) ?? ""
        guard let cut = text.range(of: "\n# Versions before this one") else { return text }
        return String(text[..<cut.lowerBound])
    }()

    static var v20: String {
        acme.replacingOccurrences(of: "version: \"2.1\"", with: "version: \"2.0\"")
            .replacingOccurrences(of: "effective: 2026-07-01", with: "effective: 2026-04-01")
            .replacingOccurrences(of: "      at_least: 220\n", with: "      at_least: 200\n")
    }

    static var v21: String { acme }

    static func signed(_ text: String, digest: String) -> String {
        text + """

            signoff:
              - {party: marketing, name: Dana Whitfield, title: VP Marketing, date: 2026-06-27, digest: \(digest)}
              - {party: sales, name: Marcus Bell, title: VP Sales, date: 2026-06-28, digest: \(digest)}

            """
    }

    static func v22(from signed21: String) -> String {
        signed21.replacingOccurrences(of: "version: \"2.1\"", with: "version: \"2.2\"")
            .replacingOccurrences(of: "effective: 2026-07-01", with: "effective: 2026-11-18")
            .replacingOccurrences(
                of: "within 30 business minutes of routing,", with: "within 15 business minutes of routing,"
            )
            .replacingOccurrences(
                of: "      scope: standard\n      within: 30m\n", with: "      scope: standard\n      within: 15m\n"
            )
            .replacingOccurrences(of: "fit + engagement >= 100", with: "fit + engagement >= 120")
    }

    /// The digest of agreement text.
    static func digest(_ text: String) throws -> String {
        let outcome = load(text)
        guard let a = outcome.agreement else { throw HandoffError(.invalidAgreement, diagnostics: outcome.diagnostics) }
        return a.digest
    }

    /// Builds the repository; `extra` edits the working copy after the last commit.
    static func make() throws -> VersionFixture {
        let dir = try temporaryDirectory()
        let fixture = VersionFixture(directory: dir)
        try FileManager.default.createDirectory(
            atPath: (fixture.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try git(["init", "-q"], in: dir)
        let digest21 = try digest(v21)
        let signed21 = signed(v21, digest: digest21)
        try fixture.commit(v20, "Version 2.0", date: "2026-03-30T12:00:00Z")
        try fixture.commit(v21, "Version 2.1", date: "2026-06-25T12:00:00Z")
        try fixture.commit(signed21, "Sign 2.1", date: "2026-06-28T12:00:00Z")
        try fixture.commit(
            v22(from: signed21), "Version 2.2: faster first touch, stricter threshold", date: "2026-11-17T12:00:00Z")
        return fixture
    }

    func commit(_ text: String, _ message: String, date: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try Self.git(["add", file], in: directory)
        try Self.git(["commit", "-q", "-m", message], in: directory, date: date)
    }

    @discardableResult
    static func git(_ args: [String], in dir: String, date: String = "2026-01-01T00:00:00Z") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "git", "-c", "user.name=Handoff Tests", "-c", "user.email=tests@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
            ] + args
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_DATE"] = date
        env["GIT_COMMITTER_DATE"] = date
        env["TZ"] = "UTC"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HandoffError(.usage, "git \(args.joined(separator: " ")) failed")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
