/// The SLA document's paragraph on reps who work their own hours (the agreement's `team:`).
enum TeamHoursData {
    static let shape: [String: TemplateShape] = [
        "has_team": .bool("some owners have calendars of their own"),
        "team_hours": .list(
            "owners with their own calendar",
            [
                "owner": S.text("owner as the CRM writes them"), "days": S.text("working days"),
                "open": S.text("opening time"),
                "close": S.text("closing time"), "time_zone": S.text("IANA zone"),
                "holidays": S.text("holiday set name, or 'company holidays'"),
                "time_off": S.text("time off written in the agreement, or empty"),
            ]),
    ]

    static func data(_ a: Agreement) -> [String: TemplateValue] {
        let rows = a.team.owners.map { o -> [String: TemplateValue] in
            let h = a.team.hours(of: o, company: a.businessHours)
            let off = o.timeOff.map {
                "\(Dates.long($0.from))–\(Dates.long($0.to))" + ($0.note.isEmpty ? "" : " (\($0.note))")
            }
            return [
                "owner": T.text(o.name), "days": T.text(h.daysDescription), "open": T.text(h.open.description),
                "close": T.text(h.close.description),
                "time_zone": T.text(h.timeZone),
                "holidays": T.text(o.holidaySet.map { "holiday set \($0)" } ?? "company holidays"),
                "time_off": T.text(off.joined(separator: ", ")),
            ]
        }
        return ["has_team": .bool(!rows.isEmpty), "team_hours": T.list(rows)]
    }
}
