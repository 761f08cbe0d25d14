internal import Yams

extension AgreementLoader {
    /// `team:` — holiday sets and owners with their own zone, hours, holidays and time off.
    static func readTeam(_ node: Node, company: BusinessHours, _ r: NodeReader) -> TeamCalendars {
        guard let f = r.fields(node, "'team'", known: ["holiday_sets", "owners"]) else { return .none }
        var team = TeamCalendars.none
        if let setsNode = f["holiday_sets"], let sets = r.pairs(setsNode, "'team.holiday_sets'") {
            for (name, _, value) in sets { team.holidaySets[name] = readHolidayList(value, r, "holiday set '\(name)'") }
        }
        var seen: [(String, SourceLocation)] = []
        for item in f["owners"].flatMap({ r.list($0, "'team.owners'") }) ?? [] {
            guard
                let o = r.fields(
                    item, "a team owner",
                    known: ["name", "time_zone", "days", "open", "close", "holidays", "time_off"],
                    required: ["name"]),
                let name = o["name"].flatMap({ r.string($0, "the owner's name") })
            else { continue }
            seen.append((OwnerCalendar.key(name), r.location(item)))
            var entry = OwnerCalendar(name: name)
            if let zoneNode = o["time_zone"], let zone = r.string(zoneNode, "the owner's time zone") {
                if TimeZoneTable.isIANA(zone) {
                    entry.timeZone = zone
                } else {
                    r.error(
                        "'\(zone)' is not an IANA time zone; use a name like Europe/London\(Suggestion.hint(for: zone, in: TimeZoneTable.knownIdentifiers))",
                        at: zoneNode)
                }
            }
            entry.days = o["days"].flatMap { r.list($0, "the owner's working days") }?.compactMap {
                r.weekday($0, "a working day")
            }
            entry.open = o["open"].flatMap { r.time($0, "the owner's opening time") }
            entry.close = o["close"].flatMap { r.time($0, "the owner's closing time") }
            let open = entry.open ?? company.open, close = entry.close ?? company.close
            if open >= close {
                r.error(
                    "\(name)'s closing time \(close) must be after the opening time \(open)",
                    at: o["close"] ?? o["open"] ?? item)
            }
            if let setNode = o["holidays"], let set = r.string(setNode, "the owner's holiday set") {
                if team.holidaySets[set] == nil {
                    r.error(
                        "no holiday set '\(set)' under team.holiday_sets\(Suggestion.hint(for: set, in: team.holidaySets.keys.sorted()))",
                        at: setNode)
                } else {
                    entry.holidaySet = set
                }
            }
            for offNode in o["time_off"].flatMap({ r.list($0, "the owner's time off") }) ?? [] {
                guard
                    let t = r.fields(
                        offNode, "a time-off entry", known: ["from", "to", "note"], required: ["from", "to"]),
                    let from = t["from"].flatMap({ r.date($0, "the first day off") }),
                    let to = t["to"].flatMap({ r.date($0, "the last day off") })
                else { continue }
                if to < from {
                    r.error("time off ends (\(to)) before it starts (\(from))", at: offNode)
                    continue
                }
                entry.timeOff.append(
                    TimeOff(
                        from: from, to: to, note: t["note"].flatMap { r.string($0, "the note", allowEmpty: true) } ?? ""
                    ))
            }
            team.owners.append(entry)
        }
        r.add(AgreementRules.duplicates(seen, "team owner"))
        return team
    }

    /// A list of holidays: `{date: 2026-12-25, name: Christmas Day}` or a bare date.
    static func readHolidayList(_ node: Node, _ r: NodeReader, _ what: String) -> [BusinessHours.Holiday] {
        var holidays: [BusinessHours.Holiday] = []
        for item in r.list(node, what) ?? [] {
            if item.mapping != nil {
                guard let h = r.fields(item, "a holiday", known: ["date", "name"], required: ["date"]),
                    let date = h["date"].flatMap({ r.date($0, "the holiday date") })
                else { continue }
                holidays.append(.init(date: date, name: h["name"].flatMap { r.string($0, "the holiday name") } ?? ""))
            } else if let date = r.date(item, "a holiday") {
                holidays.append(.init(date: date, name: ""))
            }
        }
        return holidays
    }

    /// `bands: [5m, 15m, 60m]` — the upper edges of the distribution bands, ascending.
    static func readBands(_ node: Node, _ r: NodeReader) -> [Int64]? {
        guard let items = r.list(node, "'bands'") else { return nil }
        let edges = items.compactMap { r.span($0, "a band edge") }.map(\.seconds)
        guard edges.count == items.count else { return nil }
        guard !edges.isEmpty, edges.count <= 8 else {
            r.error("'bands' takes one to eight durations, like [5m, 15m, 60m]", at: node)
            return nil
        }
        guard edges.first.map({ $0 > 0 }) == true, zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
            r.error("band edges must be above zero and ascending, like [5m, 15m, 60m]", at: node)
            return nil
        }
        return edges
    }
}
