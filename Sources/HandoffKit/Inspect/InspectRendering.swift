/// `handoff inspect` output: Markdown (every string from the data escaped) or JSON.
extension InspectReport {
    /// The report as Markdown: per file its dialect, rows and columns, then what was not decided and the `data:` section.
    public func markdown() -> String {
        var out = "# Export inspection\n\n"
        out +=
            "Counts cover every data row; types, date layouts and roles are judged on the first \(Amount.grouped(Double(typedRowLimit))) "
            + "data rows of each file (and up to \(Amount.grouped(Double(TimestampDetection.sampleSize))) values per date column, as `check` does).\n"
        for p in files {
            out += "\n## \(Markdown.escape(p.name))\n\n"
            out += "- Path: \(Markdown.escape(p.path))\n"
            out += "- Dialect: \(p.dialect.description)\n"
            out +=
                "- Header: line \(p.headerLine)"
                + (p.titleRows > 0
                    ? " (\(p.titleRows) title \(p.titleRows == 1 ? "row" : "rows") above it skipped)" : "") + "\n"
            out +=
                "- Data rows: \(Amount.grouped(Double(p.rows)))"
                + (p.raggedRows > 0
                    ? " (\(Amount.grouped(Double(p.raggedRows))) with a different number of fields than the header)"
                    : "") + "\n"
            if p.footers.isEmpty {
                out += "- Footer rows: none\n"
            } else {
                out +=
                    "- Footer rows: "
                    + p.footers.map { "line \($0.line) '\(Markdown.escape($0.shown))' (\($0.why))" }.joined(
                        separator: "; ") + "\n"
            }
            out += "- Role: \(p.role.rawValue) — \(Markdown.escape(p.roleReason))\n\n"
            guard !p.columns.isEmpty else {
                out += "No columns.\n"
                continue
            }
            out += "| # | column | type | blank | samples | proposed |\n|---|---|---|---|---|---|\n"
            for c in p.columns {
                let header = c.header.trimmingSpaces().isEmpty ? "(unnamed)" : Markdown.escape(c.header)
                let samples = c.samples.map(Markdown.escape).joined(separator: " · ")
                let proposed =
                    p.mapping.first { $0.header == c.header }?.canonical
                    ?? (p.dealKey.map { $0.key == c.header ? "deals key" : nil } ?? nil) ?? ""
                out +=
                    "| \(c.position + 1) | \(header) | \(typeCell(c)) | \(percent(c.blanks, p.rows)) | \(samples) | \(proposed) |\n"
            }
        }
        out += "\n## Could not decide\n\n"
        if undecided.isEmpty { out += "Nothing: every file has a role and every proposed column one header.\n" }
        for u in undecided {
            out += "- \(Markdown.escape(u.file)): \(Markdown.escape(u.what)): \(Markdown.escape(u.why))"
            if let fix = u.fix { out += " Add: \(Markdown.escape(fix))" }
            out += "\n"
        }
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(dataSection) + 1))
        out +=
            "\n## The data: section\n\nPaste it into the agreement and check each line; comments name what was not decided.\n\n"
        out += fence + "yaml\n" + dataSection + fence + "\n"
        return out
    }

    /// The type cell: the type, a date column's layout, a category's values with counts.
    private func typeCell(_ c: ColumnProfile) -> String {
        var text: String
        switch c.type {
        case .dateTime(.undecided(_, let options)):
            text =
                "date/time, undecided: "
                + options.map { $0.map(Markdown.escape).joined(separator: " + ") }.joined(separator: " or ")
        case .dateTime(.patterns(let list)):
            text = "date/time " + list.map(Markdown.escape).joined(separator: " or ")
            if c.unreadDates > 0 { text += " (\(Amount.grouped(Double(c.unreadDates))) values it does not read)" }
        default:
            text = Markdown.escape(c.type.name)
        }
        if !c.topValues.isEmpty {
            let more = (c.distinct ?? Int.max) > c.topValues.count ? ", …" : ""
            text +=
                ": "
                + c.topValues.map { "\(Markdown.escape($0.value)) \(Amount.grouped(Double($0.count)))" }.joined(
                    separator: ", ") + more
        }
        return text
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let p = Double(part) * 100 / Double(whole)
        return String(format: "%.1f%%", p)
    }

    private func longestBacktickRun(_ text: String) -> Int {
        var best = 0, run = 0
        for ch in text {
            run = ch == "`" ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }

    /// The report as JSON.
    public func json() -> JSON {
        .object([
            ("typed_rows", .number(Double(typedRowLimit))),
            ("files", .array(files.map(fileJSON))),
            (
                "could_not_decide",
                .array(
                    undecided.map { u in
                        .object([
                            ("file", .string(u.file)), ("what", .string(u.what)), ("why", .string(u.why)),
                            ("fix", u.fix.map { .string($0) } ?? .null),
                        ])
                    })
            ),
            ("data_section", .string(dataSection)),
        ])
    }

    private func fileJSON(_ p: ExportProfile) -> JSON {
        .object([
            ("path", .string(p.path)), ("name", .string(p.name)),
            (
                "dialect",
                .object([
                    ("encoding", .string(p.dialect.encoding.name)),
                    ("delimiter", .string(Dialect.delimiterName(p.dialect.delimiter))),
                    ("line_ends", p.dialect.lineEnd.map { .string($0.rawValue) } ?? .null),
                    ("description", .string(p.dialect.description)),
                ])
            ),
            ("header_line", .number(Double(p.headerLine))), ("title_rows", .number(Double(p.titleRows))),
            ("rows", .number(Double(p.rows))), ("ragged_rows", .number(Double(p.raggedRows))),
            (
                "footers",
                .array(
                    p.footers.map {
                        .object([
                            ("line", .number(Double($0.line))), ("text", .string($0.text)), ("why", .string($0.why)),
                        ])
                    })
            ),
            ("role", .string(p.role.rawValue)), ("role_reason", .string(p.roleReason)),
            ("mapping", .object(p.mapping.map { ($0.canonical, .string($0.header)) })),
            (
                "deals_key",
                p.dealKey.map { .object([("key", .string($0.key)), ("lead_key", .string($0.leadKey))]) } ?? .null
            ),
            ("columns", .array(p.columns.map { c in columnJSON(c, rows: p.rows) })),
        ])
    }

    private func columnJSON(_ c: ColumnProfile, rows: Int) -> JSON {
        var pairs: [(String, JSON)] = [
            ("position", .number(Double(c.position + 1))), ("header", .string(c.header)),
            ("type", .string(c.type.name)),
        ]
        if case .dateTime(let reading) = c.type {
            switch reading {
            case .patterns(let list): pairs.append(("date_patterns", .array(list.map { .string($0) })))
            case .undecided(let message, let options):
                pairs.append(("date_candidates", .array(options.map { .array($0.map { .string($0) }) })))
                pairs.append(("date_problem", .string(message)))
            default: break
            }
            pairs.append(("unread_dates", .number(Double(c.unreadDates))))
        }
        pairs.append(("blanks", .number(Double(c.blanks))))
        pairs.append(("blank_share", .number(rows > 0 ? Double(c.blanks) / Double(rows) : 0)))
        pairs.append(("distinct", c.distinct.map { .number(Double($0)) } ?? .null))
        pairs.append(("samples", .array(c.samples.map { .string($0) })))
        if !c.topValues.isEmpty {
            pairs.append(
                (
                    "top_values",
                    .array(
                        c.topValues.map {
                            .object([("value", .string($0.value)), ("count", .number(Double($0.count)))])
                        })
                ))
        }
        return .object(pairs)
    }
}
