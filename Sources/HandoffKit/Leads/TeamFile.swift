internal import HandoffIO

/// Reads `team.csv`: owners' calendars and time off, kept beside the exports because leave changes weekly.
///
/// Columns (header names, any order; only `owner` is required): `owner`, `time_zone`, `days` (`mon tue wed`),
/// `open`, `close`, `holidays` (a holiday set of the agreement's `team:` section), `off_from`, `off_to`, `note`.
/// One owner may have several rows (one per stretch of time off); set fields override the agreement's entry.
public enum TeamFile {
    /// The agreement's team calendars merged with the file's rows. Every problem is reported, then one error thrown.
    public static func merge(_ team: TeamCalendars, path: String) throws -> TeamCalendars {
        var merged = team
        var problems: [Diagnostic] = []
        var header: [String: Int] = [:]
        do {
            try CSVReader(path: path).forEachRecord { record in
                func field(_ name: String) -> String { header[name].flatMap { record.string($0) } ?? "" }
                func problem(_ column: String, _ message: String) {
                    let at = SourceLocation(file: path, line: record.line, column: (header[column] ?? 0) + 1)
                    problems.append(.error("column \(column): \(message)", at: at))
                }
                if header.isEmpty {
                    for i in 0..<record.count { header[(record.string(i) ?? "").lowercased()] = i }
                    if header["owner"] == nil {
                        problems.append(
                            .error(
                                "no 'owner' column; the header needs owner and any of time_zone, days, open, close, holidays, off_from, off_to, note",
                                at: SourceLocation(file: path, line: record.line, column: 1)))
                    }
                    return
                }
                let name = field("owner")
                guard !name.isEmpty else { return problem("owner", "every row names an owner as the CRM writes it") }
                var entry = OwnerCalendar(name: name)
                let zone = field("time_zone")
                if !zone.isEmpty {
                    if TimeZoneTable.isIANA(zone) {
                        entry.timeZone = zone
                    } else {
                        problem("time_zone", "'\(zone)' is not an IANA time zone, like Europe/London")
                    }
                }
                let days = field("days")
                if !days.isEmpty {
                    let parsed = days.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }).map {
                        Weekday(parsing: String($0))
                    }
                    if parsed.contains(where: { $0 == nil }) {
                        problem("days", "'\(days)' is not a list of weekdays, like 'mon tue wed thu fri'")
                    }
                    entry.days = parsed.compactMap { $0 }
                }
                for (column, keyPath) in [("open", \OwnerCalendar.open), ("close", \OwnerCalendar.close)] {
                    let text = field(column)
                    guard !text.isEmpty else { continue }
                    if let t = TimeOfDay(parsing: text) {
                        entry[keyPath: keyPath] = t
                    } else {
                        problem(column, "'\(text)' is not a time like 09:00")
                    }
                }
                let set = field("holidays")
                if !set.isEmpty {
                    if team.holidaySets[set] == nil {
                        problem("holidays", "no holiday set '\(set)' under the agreement's team.holiday_sets")
                    } else {
                        entry.holidaySet = set
                    }
                }
                let from = field("off_from"), to = field("off_to")
                if !from.isEmpty || !to.isEmpty {
                    if let f = LocalDate(iso: from), let t = LocalDate(iso: to.isEmpty ? from : to) {
                        if t < f {
                            problem("off_to", "time off ends (\(t)) before it starts (\(f))")
                        } else {
                            entry.timeOff.append(TimeOff(from: f, to: t, note: field("note")))
                        }
                    } else {
                        problem(
                            LocalDate(iso: from) == nil ? "off_from" : "off_to", "time off takes dates like 2026-11-09")
                    }
                }
                merged.merge(entry)
            }
        } catch let error as HandoffError {
            throw error
        } catch {
            throw HandoffError(.badInput, "cannot read the team file: \(error)", file: path)
        }
        if !problems.isEmpty { throw HandoffError(.badInput, diagnostics: problems) }
        return merged
    }
}
