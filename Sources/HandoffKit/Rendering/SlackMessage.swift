/// `check --format slack`: a Slack-ready message in mrkdwn — the missed commitments with their error budgets,
/// the worst breaches, and the numbers that moved since the week before.
public enum SlackMessage {
    /// The message text.
    public static func text(_ s: Scorecard) -> String {
        var lines = [
            "*\(escape(s.title))* — \(s.period.label) (\(s.period.span))\(s.period.kind == .all ? "" : ", as of " + s.asOfText)"
        ]
        let missed = s.commitments.filter { $0.verdict == .missed }
        let atRisk = s.commitments.filter { $0.verdict == .atRisk }
        if missed.isEmpty {
            lines.append(
                ":white_check_mark: *No commitment missed* (\(s.commitments.filter { $0.verdict == .met }.count) of \(s.commitments.count) met)"
            )
        } else {
            lines.append(
                ":x: *\(missed.count) of \(s.commitments.count) commitment\(s.commitments.count == 1 ? "" : "s") missed*"
                    + (atRisk.isEmpty ? "" : ", \(atRisk.count) at risk"))
        }
        for r in missed + atRisk {
            var line =
                "• *\(escape(r.commitment.id))* (\(escape(r.commitment.team))): \(r.verdict.words), \(escape(r.valueText)) against \(escape(r.goalText))"
            if !r.breaches.isEmpty { line += ", \(r.breaches.count) breach\(r.breaches.count == 1 ? "" : "es")" }
            if let d = r.distribution {
                line += "; p50 \(d.overall.p50.map(Dates.span) ?? "–"), p90 \(d.overall.p90.map(Dates.span) ?? "–")"
            }
            if let b = r.budget { line += "\n    _\(escape(b.sentence(r.commitment.id)))_" }
            lines.append(line)
        }
        let worst = s.commitments.flatMap { r in r.breaches.map { (r.commitment.id, $0) } }
            .sorted { ($0.1.severity, $1.1.leadID, $1.0) > ($1.1.severity, $0.1.leadID, $0.0) }.prefix(5)
        if !worst.isEmpty {
            lines.append("")
            lines.append("*Worst breaches*")
            for (id, b) in worst {
                lines.append(
                    "• `\(code(b.leadID))` \(escape(b.owner.isEmpty ? "(unassigned)" : b.owner)) · \(escape(id)) · \(escape(b.detail))"
                )
            }
        }
        let moved = movements(s)
        if !moved.isEmpty {
            lines.append("")
            lines.append(
                "*Numbers that moved* (\(s.trend[s.trend.count - 2].label) → \(s.trend[s.trend.count - 1].label))")
            lines += moved.map { "• \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// MQLs, acceptance and median first touch, week on week, when they changed.
    static func movements(_ s: Scorecard) -> [String] {
        guard s.trend.count >= 2 else { return [] }
        let before = s.trend[s.trend.count - 2], now = s.trend[s.trend.count - 1]
        var out: [String] = []
        if before.mqls != now.mqls {
            let d = now.mqls - before.mqls
            out.append("MQLs: \(before.mqls) → \(now.mqls) (\(d > 0 ? "+" : "−")\(abs(d)))")
        }
        if let a = before.acceptance, let b = now.acceptance, Percent.format(a) != Percent.format(b) {
            out.append("Acceptance: \(Percent.format(a)) → \(Percent.format(b))")
        }
        if let a = before.medianFirstTouch, let b = now.medianFirstTouch, Dates.span(a) != Dates.span(b) {
            out.append("Median first touch: \(Dates.span(a)) → \(Dates.span(b))")
        }
        return out
    }

    /// Text from the agreement or the CRM, made inert in mrkdwn: `&`, `<`, `>` as entities (no links, mentions or
    /// `<!channel>`), formatting characters `*` `_` `~` `` ` `` and `@` replaced by look-alikes Slack does not read
    /// as markup, line breaks as spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "*": out += "∗"
            case "_": out += "ˍ"
            case "~": out += "∼"
            case "`": out += "ˋ"
            case "@": out += "＠"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// A lead id inside a code span: escaped, with no backtick to close it early.
    static func code(_ text: String) -> String { escape(text) }
}
