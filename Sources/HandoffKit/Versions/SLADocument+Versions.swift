/// The SLA document's version fields: stale sign-offs and the version table (docs/templates.md).
extension SLADocument {
    /// The fields `templates/sla.md` can use for versions.
    static let versionShape: [String: TemplateShape] = [
        "stale_signoffs": .list(
            "sign-offs that no longer match the content (empty when none)",
            [
                "role": S.text("Marketing or Sales"), "name": S.text("signer"), "date": S.text("date signed"),
                "signed_version": S.text("the version signed, when known from git"),
                "since": S.text("since when it is stale"),
                "changes": S.items,
            ]),
        "versions": .list(
            "the version table, oldest first",
            [
                "version": S.text("version"), "effective": S.text("effective date"),
                "summary": S.text("summary of changes"),
                "signed_by": S.text("who signed it"),
            ]),
    ]

    /// The template data for `a`, with the version table and stale sign-offs traced through git when `file` is in it.
    public static func data(_ a: Agreement, file: String?) -> [String: TemplateValue] {
        data(a).merging(versionData(a, file: file)) { _, new in new }
    }

    static func versionData(_ a: Agreement, file: String?) -> [String: TemplateValue] {
        let stale = StaleSignOff.all(a, file: file)
        return [
            "stale_signoffs": T.list(
                stale.map { s in
                    [
                        "role": T.text(s.signOff.party.capitalizedFirst), "name": T.text(s.signOff.name),
                        "date": T.text(Dates.long(s.signOff.date)),
                        "signed_version": T.text(s.signedVersion ?? ""), "since": T.text(s.since),
                        "changes": T.texts(s.changes),
                    ]
                }),
            "versions": T.list(
                VersionTable.rows(a, file: file).map { r in
                    [
                        "version": T.text(r.version), "effective": T.text(Dates.long(r.effective)),
                        "summary": T.text(r.summary.isEmpty ? "—" : r.summary),
                        "signed_by": T.text(r.signedBy.isEmpty ? "not signed" : r.signedBy.joined(separator: ", ")),
                    ]
                }),
        ]
    }
}
