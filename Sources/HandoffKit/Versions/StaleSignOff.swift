/// A sign-off whose digest no longer matches the agreement's content: since when, and what changed.
public struct StaleSignOff: Sendable {
    /// The recorded sign-off.
    var signOff: SignOff
    /// The version it approved, when found in git (`2.1`).
    var signedVersion: String?
    /// Since when it is stale: `2026-11-17 (commit 1a2b3c4 “Version 2.2”)`, or what can be said without git.
    var since: String
    /// What changed since it was signed, by meaning; empty when the signed content is not in git.
    public var changes: [String]

    /// One sentence for `validate` and `render`.
    public var sentence: String {
        let version = signedVersion.map { ", version \($0)" } ?? ""
        var text =
            "the \(signOff.party) sign-off by \(signOff.name) (signed \(signOff.date)\(version), content \(signOff.digest.prefix(12))) no longer matches the content; stale since \(since)"
        text += changes.isEmpty ? "" : "; changed since it was signed:"
        return text
    }

    /// Every stale sign-off of `a`; with `file` in git, each is traced to the commit that made it stale.
    public static func all(_ a: Agreement, file: String?) -> [StaleSignOff] {
        let stale = a.signoffs.filter { $0.digest != a.digest }
        guard !stale.isEmpty else { return [] }
        let history = file.map(CommittedVersions.read) ?? CommittedVersions(entries: [])
        let current = file.flatMap { try? AgreementVersion.load($0) }
        return stale.map { s in
            let signedAt = history.entries.lastIndex { $0.version.agreement.digest == s.digest }
            guard let k = signedAt, let current else {
                let reason =
                    history.entries.isEmpty
                    ? "a change made after it was signed on \(s.date) (keep the agreement in git to see which change)"
                    : "a change made after it was signed on \(s.date); the content it signed is in no commit of this file"
                return StaleSignOff(signOff: s, signedVersion: nil, since: reason, changes: [])
            }
            let signed = history.entries[k]
            let since: String
            if let next = history.entries[(k + 1)...].first(where: { $0.version.agreement.digest != s.digest }) {
                since = "\(next.commit.date) (commit \(next.commit.short) “\(next.commit.subject)”)"
            } else {
                since = "uncommitted changes to \(file ?? "the file") (the last commit still matches)"
            }
            let changes = AgreementDiff.changes(old: signed.version, new: current, redline: nil).map(\.summary)
            return StaleSignOff(
                signOff: s, signedVersion: signed.version.agreement.info.version, since: since, changes: changes)
        }
    }
}
