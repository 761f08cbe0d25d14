import Foundation

/// A unified diff of the first place where two texts differ, for golden-file failures.
enum GoldenDiff {
    private enum Edit: Equatable {
        case same(Substring)
        case removed(Substring)
        case added(Substring)
    }

    /// `nil` when the texts are equal; otherwise the first hunk of a unified diff (three lines of context,
    /// at most `limit` lines in all, saying how many were left out), headed by the recorded file's path.
    static func firstHunk(expected: String, actual: String, expectedPath: String, limit: Int = 40) -> String? {
        guard expected != actual else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let edits = script(old, new)
        guard let first = edits.firstIndex(where: { if case .same = $0 { false } else { true } }) else { return nil }
        let context = 3
        // The hunk runs from the first change until more than 2 × context unchanged lines follow a change.
        var end = first
        var sameRun = 0
        for i in first..<edits.count {
            if case .same = edits[i] {
                sameRun += 1
                if sameRun > 2 * context { break }
            } else {
                sameRun = 0
                end = i
            }
        }
        let start = max(0, first - context)
        let stop = min(edits.count, end + 1 + context)
        let hunk = edits[start..<stop]
        // Line numbers where the hunk starts in each file.
        var oldLine = 1
        var newLine = 1
        for edit in edits[..<start] {
            if case .removed = edit {
                oldLine += 1
            } else if case .added = edit {
                newLine += 1
            } else {
                oldLine += 1
                newLine += 1
            }
        }
        let oldCount = hunk.filter { if case .added = $0 { false } else { true } }.count
        let newCount = hunk.filter { if case .removed = $0 { false } else { true } }.count
        var lines = [
            "--- \(expectedPath) (recorded)",
            "+++ actual",
            "@@ -\(oldLine),\(oldCount) +\(newLine),\(newCount) @@",
        ]
        let body = hunk.map { edit -> String in
            switch edit {
            case .same(let text): " " + text
            case .removed(let text): "-" + text
            case .added(let text): "+" + text
            }
        }
        let room = limit - lines.count
        if body.count > room {
            lines += body.prefix(room - 1)
            lines.append("… \(body.count - room + 1) more lines of this hunk not shown")
        } else {
            lines += body
        }
        return lines.joined(separator: "\n")
    }

    /// The edit script from `old` to `new`: common prefix and suffix kept, the middle by longest common subsequence
    /// (or, when the middle is too large for that, all of it removed then added).
    private static func script(_ old: [Substring], _ new: [Substring]) -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        var middle: [Edit] = []
        if a.count * b.count > 4_000_000 {
            middle = a.map { .removed($0) } + b.map { .added($0) }
        } else {
            // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
            let width = b.count + 1
            var lengths = [Int](repeating: 0, count: (a.count + 1) * width)
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    lengths[i * width + j] =
                        a[i] == b[j]
                        ? lengths[(i + 1) * width + j + 1] + 1
                        : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < a.count || j < b.count {
                if i < a.count, j < b.count, a[i] == b[j] {
                    middle.append(.same(a[i]))
                    i += 1
                    j += 1
                } else if i < a.count, j == b.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                    middle.append(.removed(a[i]))
                    i += 1
                } else {
                    middle.append(.added(b[j]))
                    j += 1
                }
            }
        }
        return old[..<prefix].map { .same($0) } + middle + old[(old.count - suffix)...].map { .same($0) }
    }
}

/// One recorded golden file: compared, or (in record mode) written — and then still a failure, so that a
/// recording left switched on can never pass a run.
enum GoldenFile {
    /// The failure to report, or `nil` when `text` matches the file at `relative` under `root`.
    static func check(_ text: String, _ relative: String, root: String, record: Bool) throws -> String? {
        let path = (root as NSString).appendingPathComponent(relative)
        if record {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return "HANDOFF_RECORD=1: recorded \(path) instead of comparing it; review it with git diff, "
                + "then run the tests without HANDOFF_RECORD"
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "no recorded file \(path); record it with HANDOFF_RECORD=1 swift test --filter GoldenTests"
        }
        guard let diff = GoldenDiff.firstHunk(expected: expected, actual: text, expectedPath: relative) else {
            return nil
        }
        return "\((relative as NSString).lastPathComponent) differs from its recorded file \(path); "
            + "if the change is intended, re-record with HANDOFF_RECORD=1 swift test --filter GoldenTests\n\(diff)"
    }
}
