import Foundation

/// The committed versions of one agreement file, oldest first, read from git. Commits whose file is not a
/// valid agreement are skipped (they could never have been signed or in force).
struct CommittedVersions {
    struct Entry {
        var commit: Git.Commit
        var version: AgreementVersion
    }

    var entries: [Entry]

    /// The versions of `path`; empty when the file is not in a git repository or has no commits.
    static func read(_ path: String) -> CommittedVersions {
        let (dir, _) = Git.split(path)
        let entries = Git.commits(touching: path).compactMap { commit -> Entry? in
            guard let bytes = Git.content(at: commit, in: dir),
                let version = try? AgreementVersion.load(bytes: bytes, label: "\(commit.short):\(commit.path)")
            else { return nil }
            return Entry(commit: commit, version: version)
        }
        return CommittedVersions(entries: entries)
    }
}
