import Foundation

/// Runs `git` for the version features: reading a file at a revision and listing a file's commits.
/// Every failure becomes a `HandoffError` in plain words; nothing here writes to the repository.
enum Git {
    /// One commit that touched a file.
    struct Commit: Sendable, Equatable {
        /// The full hash.
        var hash: String
        /// The committer date, `YYYY-MM-DD`.
        var date: String
        /// The first line of the message.
        var subject: String
        /// The file's path from the repository root in this commit.
        var path: String
        /// The first 7 hex digits.
        var short: String { String(hash.prefix(7)) }
    }

    /// The output of `git args` run in `directory`, or the error text and status.
    static func run(_ args: [String], in directory: String) -> (status: Int32, out: [UInt8], err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off"] + args
        process.currentDirectoryURL = URL(fileURLWithPath: directory.isEmpty ? "." : directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (127, [], "git could not be started: \(error.localizedDescription)") }
        // Read stderr on another thread so a full stderr pipe cannot block git while stdout is read.
        let errBox = ErrorText()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.set(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            group.leave()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, Array(o), errBox.get())
    }

    private final class ErrorText: @unchecked Sendable {
        private var text = ""
        private let lock = NSLock()
        func set(_ s: String) {
            lock.lock()
            text = s
            lock.unlock()
        }
        func get() -> String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }
    }

    /// True when `directory` is inside a git work tree.
    static func isRepository(_ directory: String) -> Bool {
        let r = run(["rev-parse", "--is-inside-work-tree"], in: directory)
        return r.status == 0 && String(decoding: r.out, as: UTF8.self).hasPrefix("true")
    }

    /// The bytes of `revision:path` (git's own syntax), read in `directory`.
    static func show(_ spec: String, in directory: String) throws -> [UInt8] {
        guard run(["--version"], in: directory).status == 0 else {
            throw HandoffError(
                .badInput,
                "'\(spec)' is not a file, and git is not available to read it as REVISION:PATH; install git or give a file",
                file: spec)
        }
        guard isRepository(directory) else {
            throw HandoffError(
                .badInput,
                "'\(spec)' is neither a file nor readable from git: \(directory == "." ? "the current folder" : directory) is not in a git repository",
                file: spec)
        }
        let r = run(["show", spec], in: directory)
        guard r.status == 0 else {
            var reason =
                r.err.split(separator: "\n").first.map { $0.replacingOccurrences(of: "fatal: ", with: "") }
                ?? "git show failed"
            while reason.hasSuffix(".") { reason.removeLast() }
            throw HandoffError(
                .badInput,
                "cannot read '\(spec)' from git: \(reason); give a file, or REVISION:PATH such as HEAD~1:agreements/acme.yaml",
                file: spec)
        }
        return r.out
    }

    /// The commits that changed the file at `path`, oldest first (following renames); empty outside git.
    static func commits(touching path: String) -> [Commit] {
        let (dir, name) = split(path)
        guard isRepository(dir) else { return [] }
        let r = run(["log", "--follow", "--name-only", "--format=%x1e%H%x09%cs%x09%s", "--", name], in: dir)
        guard r.status == 0 else { return [] }
        return String(decoding: r.out, as: UTF8.self).split(separator: "\u{1e}").compactMap { record in
            let lines = record.split(separator: "\n")
            guard let head = lines.first, let file = lines.dropFirst().last else { return nil }
            let parts = head.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2 else { return nil }
            return Commit(
                hash: String(parts[0]), date: String(parts[1]), subject: parts.count > 2 ? String(parts[2]) : "",
                path: String(file))
        }.reversed()
    }

    /// The bytes of the file as committed in `commit`, at the path it had then; `directory` is any folder of the repository.
    static func content(at commit: Commit, in directory: String) -> [UInt8]? {
        let r = run(["show", "\(commit.hash):\(commit.path)"], in: directory)
        return r.status == 0 ? r.out : nil
    }

    static func split(_ path: String) -> (String, String) {
        let ns = path as NSString
        let dir = ns.deletingLastPathComponent
        return (dir.isEmpty ? "." : dir, ns.lastPathComponent)
    }
}
