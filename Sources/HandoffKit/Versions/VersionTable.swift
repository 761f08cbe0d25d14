/// One row of the SLA document's version table.
struct VersionRow: Sendable, Equatable {
    /// The version number.
    var version: String
    /// The date it took (or takes) effect.
    var effective: LocalDate
    /// What changed in it.
    var summary: String
    /// Who signed it: `Dana Whitfield (2026-06-27)`.
    var signedBy: [String]
}

/// The version history shown at the end of the SLA document: from the agreement's `history` section, or
/// else from the file's git history (one row per version number), or else the current version alone.
enum VersionTable {
    /// How many changes a git-derived row lists before `and N more`.
    static let changesPerRow = 4

    /// The rows, oldest first, ending with the current version.
    static func rows(_ a: Agreement, file: String?) -> [VersionRow] {
        let signers = a.signoffs.filter { $0.digest == a.digest }.map { "\($0.name) (\($0.date))" }
        if !a.history.isEmpty {
            let earlier = a.history.filter { $0.version != a.info.version }.map {
                VersionRow(version: $0.version, effective: $0.effective, summary: $0.summary, signedBy: $0.signedBy)
            }
            let own = a.history.first { $0.version == a.info.version }
            return earlier + [
                VersionRow(
                    version: a.info.version, effective: a.info.effective, summary: own?.summary ?? "",
                    signedBy: signers.isEmpty ? own?.signedBy ?? [] : signers)
            ]
        }
        let current = file.flatMap { try? AgreementVersion.load($0) }
        guard let file, let current else {
            return [VersionRow(version: a.info.version, effective: a.info.effective, summary: "", signedBy: signers)]
        }
        // The last commit of each version number stands for it; the working copy replaces or follows the last.
        var versions: [AgreementVersion] = []
        for entry in CommittedVersions.read(file).entries {
            if let last = versions.last, last.agreement.info.version == entry.version.agreement.info.version {
                versions[versions.count - 1] = entry.version
            } else {
                versions.append(entry.version)
            }
        }
        if versions.last?.agreement.info.version == current.agreement.info.version { versions.removeLast() }
        versions.append(current)
        return versions.enumerated().map { k, v in
            let summary =
                k == 0 ? "first version" : summarize(AgreementDiff.changes(old: versions[k - 1], new: v, redline: nil))
            let signed = v.agreement.signoffs.filter { $0.digest == v.agreement.digest }.map {
                "\($0.name) (\($0.date))"
            }
            return VersionRow(
                version: v.agreement.info.version, effective: v.agreement.info.effective, summary: summary,
                signedBy: signed)
        }
    }

    /// `a; b; c; d and 3 more changes`, leaving out the version number and effective date themselves.
    static func summarize(_ changes: [AgreementChange]) -> String {
        let meaningful = changes.filter { $0.path != "agreement.version" && $0.path != "agreement.effective" }
        guard !meaningful.isEmpty else { return "no change of content" }
        let shown = meaningful.prefix(changesPerRow).map(\.summary).joined(separator: "; ")
        let rest = meaningful.count - changesPerRow
        return rest > 0 ? "\(shown); and \(rest) more change\(rest == 1 ? "" : "s")" : shown
    }
}
