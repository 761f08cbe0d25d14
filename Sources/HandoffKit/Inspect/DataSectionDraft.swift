/// The `data:` section `inspect` proposes: the files and their roles, column mappings, date layouts, the dialect when
/// the files share one that is not UTF-8 with commas, a `deals:` skeleton, and what was not decided as comments.
enum DataSectionDraft {
    static func yaml(_ profiles: [ExportProfile], undecided: [InspectUndecided]) -> String {
        var lines = ["data:"]
        let used = profiles.filter { $0.role != .notUsed && $0.role != .deals }
        let deals = profiles.first { $0.role == .deals }
        if used.isEmpty {
            lines.append(
                "  # no file was recognised as a leads, activities or engagement export; list them under files: with their roles"
            )
            lines.append("  files: []")
        } else {
            lines.append("  files:   # paths are relative to the --data folder")
            for p in used.sorted(by: { (order($0.role), $0.name) < (order($1.role), $1.name) }) {
                var entry = "    - {role: \(p.role.rawValue), path: \(quote(p.name))"
                if p.role != .leads, !p.mapping.isEmpty {
                    entry +=
                        ", columns: {"
                        + p.mapping.map { "\($0.canonical): \(quote($0.header))" }.joined(separator: ", ") + "}"
                }
                lines.append(entry + "}")
            }
        }
        if let leads = used.first(where: { $0.role == .leads }) {
            lines.append("  columns:")
            for m in leads.mapping { lines.append("    \(m.canonical): \(quote(m.header))") }
            // Values to map: those of status and decision that are not canonical; every rejection reason (the agreed
            // reason ids are the agreement's).
            let canonical = ["status": LeadStatus.allCases.map(\.rawValue), "decision": ["accepted", "rejected"]]
            for m in leads.mapping where ["status", "decision", "rejection_reason"].contains(m.canonical) {
                guard let c = leads.column(m.header), !c.topValues.isEmpty else { continue }
                let known = canonical[m.canonical] ?? []
                let values = c.topValues.filter { !known.contains($0.value.lowercased()) }
                guard !values.isEmpty else { continue }
                let shown = values.map { "\(comment($0.value)) (\($0.count))" }.joined(separator: ", ")
                let more = (c.distinct ?? Int.max) > c.topValues.count ? ", …" : ""
                let what = known.isEmpty ? "values seen" : "values that are not canonical"
                lines.append("    # \(m.canonical) \(what): \(shown)\(more); map them under values.\(m.canonical)")
            }
        }
        // Date layouts of the mapped timestamp columns.
        var formats: [String] = []
        var unresolvedDates: [String] = []
        for p in used {
            for m in p.mapping {
                guard let c = p.column(m.header), case .dateTime(let reading) = c.type else { continue }
                switch reading {
                case .patterns(let list):
                    formats.append(
                        "    \(m.canonical): "
                            + (list.count == 1 ? quote(list[0]) : "[" + list.map(quote).joined(separator: ", ") + "]"))
                case .undecided(_, let options):
                    let choices = options.map { o in
                        o.count == 1 ? quote(o[0]) : "[" + o.map(quote).joined(separator: ", ") + "]"
                    }
                    unresolvedDates.append(
                        "    # \(m.canonical) (\(comment(quote(m.header)))): the sample does not decide the layout; declare one of: \(choices.joined(separator: " or "))"
                    )
                case .iso, .epoch, .builtIn:
                    continue
                }
            }
        }
        if !formats.isEmpty || !unresolvedDates.isEmpty {
            lines.append("  date_formats:" + (formats.isEmpty ? " {}" : ""))
            lines += formats + unresolvedDates
        }
        // The dialect, when every file read shares one that detection would not assume.
        let read = used + (deals.map { [$0] } ?? [])
        let encodings = Set(read.map { $0.dialect.encoding == .utf8BOM ? Dialect.Encoding.utf8 : $0.dialect.encoding })
        if encodings.count == 1, let e = encodings.first, e != .utf8 {
            lines.append("  encoding: \(e.name)")
        } else if encodings.count > 1 {
            lines.append("  # encodings differ between the files; each is detected from its bytes")
        }
        let delimiters = Set(read.map(\.dialect.delimiter))
        if delimiters.count == 1, let d = delimiters.first, d != 0x2C {
            lines.append("  delimiter: \(d == 0x09 ? "\"\\t\"" : quote(String(UnicodeScalar(d))))")
        } else if delimiters.count > 1 {
            lines.append("  # delimiters differ between the files; each is detected from its bytes")
        }
        if let deals, let key = deals.dealKey {
            lines.append("  deals:")
            lines.append("    path: \(quote(deals.name))")
            lines.append("    key: \(quote(key.key))")
            lines.append("    lead_key: \(quote(key.leadKey))")
            lines.append("    facts: []   # what a related deal says about its lead, e.g.:")
            let booleans = deals.columns.filter { $0.type == .boolean }.map(\.header)
            let dates = deals.columns.filter(\.type.isDateTime)
            var suggested = dates.compactMap { c in dealFact(c.header).map { (c, $0) } }
            if suggested.isEmpty, let first = dates.first { suggested = [(first, "opportunity_at")] }
            for (c, fact) in suggested {
                let undecided = {
                    if case .dateTime(.undecided) = c.type {
                        return "   (its layout is not decided: see the inspection)"
                    } else {
                        return ""
                    }
                }()
                if fact == "accepted", let flag = booleans.first {
                    // A decision date with a yes/no column: accepted when true, rejected when false.
                    lines.append(
                        "    #  - {fact: accepted, at: \(quote(c.header)), when: {\(quote(flag)): \"TRUE\"}}\(undecided)"
                    )
                    lines.append(
                        "    #  - {fact: rejected, at: \(quote(c.header)), when: {\(quote(flag)): \"FALSE\"}}\(undecided)"
                    )
                } else {
                    lines.append("    #  - {fact: \(fact), at: \(quote(c.header))}\(undecided)")
                }
            }
        }
        let open = undecided.filter { !$0.what.hasPrefix("date layout") }
        if !open.isEmpty {
            lines.append("  # could not decide:")
            for u in open { lines.append("  #   \(comment(u.file)): \(comment(u.what)): \(comment(u.why))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The deal fact a date column's name suggests (only ever written as a comment), or nil.
    static func dealFact(_ header: String) -> String? {
        let s = ColumnNames.squeeze(header)
        if s.contains("accept") || s.contains("decision") { return "accepted" }
        if s.hasPrefix("won") || s.hasPrefix("close") { return "won_at" }
        if s == "createddate" || s == "createdat" || s == "createdon" { return "opportunity_at" }
        return nil
    }

    static func order(_ role: InspectRole) -> Int { InspectRole.allCases.firstIndex(of: role) ?? 0 }

    /// A YAML double-quoted scalar: backslashes, quotes and control characters escaped.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Text for a YAML comment: one line, no control characters.
    static func comment(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) || $0.value == 0x2028
                        || $0.value == 0x2029 ? " " : $0
                }))
    }
}
