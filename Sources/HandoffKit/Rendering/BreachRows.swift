/// Every breaching lead as rows: breaches.csv of the weekly package, and the timing fields of the check JSON.
public enum BreachRows {
    /// The CSV header.
    static let header = [
        "lead_id", "owner", "commitment", "started", "due", "happened", "late_by", "late_by_seconds", "detail",
    ]

    /// RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break), commitments in
    /// agreement order, worst breach first. Times are ISO 8601 UTC; `late_by` is on the commitment's clock.
    /// A CRM value starting with `=`, `+`, `-` or `@` gets a leading `'` so a spreadsheet shows it as text.
    public static func csv(_ s: Scorecard) -> String {
        var out = header.joined(separator: ",") + "\r\n"
        for r in s.commitments {
            for b in r.breaches {
                let fields = [
                    guarded(b.leadID), guarded(b.owner), r.commitment.id, b.started.map(Dates.iso) ?? "",
                    b.due.map(Dates.iso) ?? "",
                    b.happened.map(Dates.iso) ?? "", b.lateBy.map(Dates.span) ?? "", b.lateBy.map { String($0) } ?? "",
                    guarded(b.detail),
                ]
                out += fields.map(quoted).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    static func guarded(_ text: String) -> String {
        guard let first = text.first, "=+-@".contains(first) else { return text }
        return "'" + text
    }

    /// `started`, `due`, `happened`, `late_by_seconds` for a duration breach; nothing for others.
    static func timing(_ b: Breach) -> [(String, JSON)] {
        guard let started = b.started else { return [] }
        return [
            ("started", .string(Dates.iso(started))), ("due", .string(b.due.map(Dates.iso) ?? "")),
            ("happened", b.happened.map { .string(Dates.iso($0)) } ?? .null),
            ("late_by_seconds", .number(b.lateBy.map(Double.init))),
        ]
    }
}
