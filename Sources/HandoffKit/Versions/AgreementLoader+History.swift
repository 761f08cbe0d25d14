internal import Yams

extension AgreementLoader {
    /// The `history` section: earlier versions, oldest first, each with its effective date, summary and signers.
    static func readHistory(_ node: Node, _ r: NodeReader) -> [HistoryEntry] {
        guard let items = r.list(node, "'history'") else { return [] }
        return items.compactMap { item in
            guard
                let f = r.fields(
                    item, "a history entry", known: ["version", "effective", "summary", "signed_by"],
                    required: ["version", "effective", "summary"]),
                let version = f["version"].flatMap({ r.string($0, "the version") }),
                let effective = f["effective"].flatMap({ r.date($0, "the effective date") }),
                let summary = f["summary"].flatMap({ r.string($0, "the summary of changes") })
            else { return nil }
            let signers = f["signed_by"].flatMap { r.strings($0, "signed_by") } ?? []
            return HistoryEntry(
                version: version, effective: effective, summary: summary, signedBy: signers, location: r.location(item))
        }
    }

    /// History entries in effective-date order, unique versions, none after the agreement itself.
    static func historyProblems(_ a: Agreement) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        var previous: HistoryEntry?
        for entry in a.history {
            if let first = seen[entry.version] {
                out.append(
                    .error(
                        "version '\(entry.version)' is already in the history at line \(first.line); each version appears once",
                        at: entry.location))
            }
            seen[entry.version] = entry.location
            if let previous, entry.effective < previous.effective {
                out.append(
                    .error(
                        "history entries go oldest first: version \(entry.version) (effective \(entry.effective)) comes after version \(previous.version) (effective \(previous.effective))",
                        at: entry.location))
            }
            if entry.version == a.info.version, entry.effective != a.info.effective {
                out.append(
                    .error(
                        "the history entry for the current version \(entry.version) says effective \(entry.effective), but 'agreement.effective' is \(a.info.effective); make them agree",
                        at: entry.location))
            } else if entry.version != a.info.version, entry.effective >= a.info.effective {
                out.append(
                    .error(
                        "version \(entry.version) in the history takes effect \(entry.effective), not before the current version \(a.info.version) (effective \(a.info.effective)); earlier versions take effect earlier",
                        at: entry.location))
            }
            previous = entry
        }
        return out
    }
}
