import Foundation

/// The role of each export and the canonical column of each header, from the presets' header names first, then
/// simple name keywords. Nothing is guessed silently: what is not decided is returned with the reason.
extension ExportInspector {
    /// Sets each profile's role, mapping and deals key; returns what could not be decided.
    static func propose(_ profiles: inout [ExportProfile]) -> [InspectUndecided] {
        var undecided: [InspectUndecided] = []
        var scores: [[InspectRole: Int]] = []
        for p in profiles { scores.append(roleScores(p)) }
        // Each file's best role; a tie is not decided.
        for k in profiles.indices {
            let ranked = scores[k].filter { $0.value >= 2 }.sorted {
                ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue)
            }
            guard let best = ranked.first else {
                profiles[k].roleReason = "no lead id, activity or deal columns recognised"
                continue
            }
            if ranked.count > 1, ranked[1].value == best.value {
                let names = ranked.filter { $0.value == best.value }.map(\.key.rawValue).sorted()
                profiles[k].roleReason = "could be \(names.joined(separator: " or "))"
                undecided.append(
                    InspectUndecided(
                        file: profiles[k].name, what: "role",
                        why:
                            "its headers fit \(names.joined(separator: " and ")) equally; list it under data.files with the right role",
                        fix: nil))
                continue
            }
            profiles[k].role = best.key
        }
        // One leads export: the best-scoring one; a tie is not decided.
        let leadFiles = profiles.indices.filter { profiles[$0].role == .leads }
        if leadFiles.count > 1 {
            let top = leadFiles.map { scores[$0][.leads] ?? 0 }.max() ?? 0
            let best = leadFiles.filter { (scores[$0][.leads] ?? 0) == top }
            let keep = best.count == 1 ? best[0] : nil
            for k in leadFiles where k != keep {
                profiles[k].role = .notUsed
                profiles[k].roleReason =
                    keep.map {
                        "looks like leads too, but \(profiles[$0].name) fits better (one leads export per agreement)"
                    }
                    ?? "looks like leads, as do other files"
            }
            if keep == nil {
                undecided.append(
                    InspectUndecided(
                        file: best.map { profiles[$0].name }.joined(separator: ", "), what: "leads export",
                        why: "\(best.count) files look equally like the leads export; an agreement reads one", fix: nil)
                )
            }
        }
        for k in profiles.indices where profiles[k].role != .deals && profiles[k].role != .notUsed {
            undecided += map(&profiles[k])
        }
        let leads = profiles.firstIndex { $0.role == .leads }
        if leads == nil, !profiles.isEmpty {
            let dealsLike = profiles.filter { $0.role == .deals }.map { "'\($0.name)'" }
            let hint =
                dealsLike.isEmpty
                ? ""
                : " \(dealsLike.joined(separator: ", ")) looks like deals; a deals export can be the leads export (one row per handoff):"
            undecided.append(
                InspectUndecided(
                    file: "(all files)", what: "leads export",
                    why:
                        "no file has a unique lead id column named like one (Lead ID, LeadId, Record ID, Prospect ID, lead_id);\(hint) list it under data.files with role leads and map lead_id",
                    fix: nil))
        }
        for k in profiles.indices where profiles[k].role == .deals {
            if let leads, let key = dealKey(profiles[k], leads: profiles[leads]) {
                profiles[k].dealKey = key
                profiles[k].roleReason = "deals: its \(key.key) is the leads export's \(key.leadKey)"
            } else {
                profiles[k].role = .notUsed
                profiles[k].roleReason =
                    leads == nil
                    ? "looks like deals, but no leads export was found to join it to"
                    : "looks like deals, but no column of the leads export holds its unique key"
            }
        }
        let deals = profiles.indices.filter { profiles[$0].role == .deals }
        if deals.count > 1 {
            undecided.append(
                InspectUndecided(
                    file: deals.map { profiles[$0].name }.joined(separator: ", "), what: "deals export",
                    why:
                        "\(deals.count) files join the leads export as deals; data.deals names one (the first is proposed)",
                    fix: nil))
            for k in deals.dropFirst() {
                profiles[k].role = .notUsed
                profiles[k].roleReason = "joins the leads as deals too; data.deals names one"
            }
        }
        for k in profiles.indices where profiles[k].role == .notUsed && profiles[k].roleReason.isEmpty {
            profiles[k].roleReason = "no lead id, activity or deal columns recognised"
        }
        // Date columns whose layout the sample does not decide: each mapped one with the lines to add; the others of a
        // file in one line (they matter only once mapped).
        for p in profiles {
            var others: [String] = []
            for c in p.columns {
                guard case .dateTime(.undecided(let message, let options)) = c.type else { continue }
                let canonical =
                    p.role == .notUsed || p.role == .deals ? nil : p.mapping.first { $0.header == c.header }?.canonical
                guard let canonical else {
                    others.append("'\(c.header)'")
                    continue
                }
                let fix = options.map {
                    TimestampDetection.agreementLine(canonical, $0.compactMap { try? TimestampPattern($0) })
                }.joined(separator: " or ")
                // The detection's own advice names the header; the fix below names the canonical column the agreement needs.
                let why =
                    message.components(separatedBy: " Handoff does not guess;").first.map {
                        $0 + " Handoff does not guess."
                    } ?? message
                undecided.append(
                    InspectUndecided(
                        file: p.name, what: "date layout of '\(c.header)' (\(canonical))", why: why, fix: fix))
            }
            if !others.isEmpty {
                undecided.append(
                    InspectUndecided(
                        file: p.name, what: "date layouts of unmapped columns",
                        why:
                            "the sample does not decide the layout of \(others.joined(separator: ", ")) (candidates in the table); declare one when you map such a column",
                        fix: nil))
            }
        }
        return undecided
    }

    /// How well the file fits each role: its name (2) and its columns (2 for a recognised id, 1 per other column).
    static func roleScores(_ p: ExportProfile) -> [InspectRole: Int] {
        let name = ColumnNames.squeeze((p.name as NSString).deletingPathExtension)
        var scores: [InspectRole: Int] = [:]
        func has(_ words: [String]) -> Bool { words.contains { name.contains($0) } }
        if has(["lead", "prospect", "contact"]) { scores[.leads, default: 0] += 2 }
        if has(["activit", "task", "call", "touch"]) { scores[.activities, default: 0] += 2 }
        if has(["engagement", "interaction", "event"]) { scores[.engagement, default: 0] += 2 }
        if has(["opportunit", "oppertun", "deal", "pipeline"]) { scores[.deals, default: 0] += 2 }
        let squeezed = p.columns.map { ColumnNames.squeeze($0.header) }
        if p.columns.contains(where: { c in
            c.type == .id
                && (ColumnNames.presetNames("lead_id") + ColumnNames.leadIDNames).contains(
                    ColumnNames.squeeze(c.header))
        }) {
            scores[.leads, default: 0] += 2
        }
        if p.columns.contains(where: { c in
            c.type == .id && ["opportunit", "oppertun", "deal"].contains { ColumnNames.squeeze(c.header).contains($0) }
        }) {
            scores[.deals, default: 0] += 2
        }
        let personID = squeezed.contains { s in
            ColumnNames.personIDNames.contains(s) || s.contains("leadid") || s.contains("contactid")
        }
        let uniquePerson = p.columns.contains {
            $0.type == .id && ColumnNames.personIDNames.contains(ColumnNames.squeeze($0.header))
        }
        if personID, !uniquePerson {
            if squeezed.contains(where: { $0.contains("type") }) { scores[.activities, default: 0] += 2 }
            if squeezed.contains(where: { ["action", "event", "eventtype", "interaction"].contains($0) }) {
                scores[.engagement, default: 0] += 2
            }
        }
        return scores
    }

    /// Proposes the file's canonical columns for its role; a role whose required columns are missing makes the file
    /// not used. Returns what was not decided (several candidates for one column, missing required columns).
    static func map(_ p: inout ExportProfile) -> [InspectUndecided] {
        var undecided: [InspectUndecided] = []
        var taken = Set<Int>()
        var mapping: [(canonical: String, header: String)] = []
        for rule in ColumnNames.rules(p.role) {
            let fitting = p.columns.filter {
                !taken.contains($0.position) && !$0.header.trimmingSpaces().isEmpty
                    && ColumnNames.fits($0.type, rule.kind)
            }
            let preset = ColumnNames.presetNames(rule.canonical)
            var candidates = fitting.filter { preset.contains(ColumnNames.squeeze($0.header)) }
            if candidates.isEmpty {
                candidates = fitting.filter { rule.exact.contains(ColumnNames.squeeze($0.header)) }
            }
            if candidates.isEmpty {
                candidates = fitting.filter { c in rule.contains.contains { ColumnNames.squeeze(c.header).contains($0) }
                }
            }
            if candidates.count == 1 {
                mapping.append((rule.canonical, candidates[0].header))
                taken.insert(candidates[0].position)
            } else if candidates.count > 1 {
                let names = candidates.map { "'\($0.header)'" }.joined(separator: ", ")
                undecided.append(
                    InspectUndecided(
                        file: p.name, what: rule.canonical,
                        why: "\(candidates.count) candidate columns: \(names); map the right one (none is proposed)",
                        fix: candidates.map { "columns: {\(rule.canonical): \(DataSectionDraft.quote($0.header))}" }
                            .joined(separator: " or ")))
                for c in candidates { taken.insert(c.position) }
            }
        }
        let required: [String]
        switch p.role {
        case .leads: required = ["lead_id"]
        case .activities: required = ["activity_lead_id", "activity_at"]
        case .engagement: required = ["engagement_lead_id", "engagement_at", "engagement_action"]
        case .deals, .notUsed: required = []
        }
        let missing = required.filter { r in !mapping.contains { $0.canonical == r } }
        if !missing.isEmpty {
            let role = p.role.rawValue
            p.role = .notUsed
            p.roleReason = "looks like \(role), but no column was recognised as \(missing.joined(separator: ", "))"
            undecided.append(
                InspectUndecided(
                    file: p.name, what: "role", why: p.roleReason + "; map it under data.files if it is one", fix: nil))
            p.mapping = []
            return undecided.filter { $0.what == "role" }
        }
        p.mapping = mapping
        p.roleReason = "\(mapping.count) \(mapping.count == 1 ? "column" : "columns") mapped"
        return undecided
    }

    /// The deals export's unique key and the leads column holding it: a leads column whose name contains the key's
    /// name (`ConvertedOpportunityId` → `OpportunityId`) and most of whose values are keys of the deals export.
    static func dealKey(_ deals: ExportProfile, leads: ExportProfile) -> (key: String, leadKey: String)? {
        for key in deals.columns where key.type == .id && !key.idValues.isEmpty {
            let k = ColumnNames.squeeze(key.header)
            guard k.count >= 3 else { continue }
            for column in leads.columns where ColumnNames.squeeze(column.header).contains(k) && !column.probe.isEmpty {
                let found = column.probe.filter { key.idValues.contains($0) }.count
                if found * 2 >= column.probe.count { return (key.header, column.header) }
            }
        }
        return nil
    }
}
