import Foundation
import HandoffKit

/// Generates the example data set: leads arriving over `weeks` weeks up to `asOf`, in every export format.
@main
struct Generator {
    static func main() throws {
        var leads = 3200
        var weeks = 26
        var out = "examples"
        var formats = ExportWriter.Format.allCases
        var profile = ExportWriter.Profile.compact
        var args = CommandLine.arguments.dropFirst()
        while let arg = args.popFirst() {
            switch arg {
            case "--leads": leads = Int(args.popFirst() ?? "") ?? leads
            case "--weeks": weeks = Int(args.popFirst() ?? "") ?? weeks
            case "--out": out = args.popFirst() ?? out
            case "--profile":
                guard let p = ExportWriter.Profile(rawValue: args.popFirst() ?? "") else {
                    FileHandle.standardError.write(Data("handoff-examples: --profile is compact or realistic\n".utf8))
                    exit(2)
                }
                profile = p
            case "--measure-csv":
                try Throughput.measure(args.popFirst() ?? "")
                return
            case "--format":
                formats = (args.popFirst() ?? "").split(separator: ",").compactMap {
                    ExportWriter.Format(rawValue: String($0))
                }
            case "-h", "--help":
                print(
                    """
                    USAGE: handoff-examples [--leads N] [--weeks N] [--out DIR] [--format canonical,hubspot,salesforce]
                                            [--profile compact|realistic]
                           handoff-examples --measure-csv FILE     (CSV reader throughput, for docs/benchmarks.md)

                    Writes a deterministic example data set for agreements/acme.yaml: DIR/acme (canonical),
                    DIR/acme-hubspot and DIR/acme-salesforce, each with leads.csv, activities.csv, engagement.csv.
                    Defaults: 3200 leads over 26 weeks ending Monday 2026-11-16 11:00 America/New_York.
                    Profiles: compact (default: the examples; few distinct texts, each lead's rows together) and realistic
                    (shaped like a CRM export: ~85% distinct company names with a long tail, contact details and free-text
                    notes with commas, quotes and line breaks, nearly all amounts and instants distinct, activities and
                    engagement in time order across all leads).
                    """)
                return
            default:
                FileHandle.standardError.write(Data("handoff-examples: unknown argument '\(arg)' (see --help)\n".utf8))
                exit(2)
            }
        }
        let outcome = try AgreementLoader.load(path: "agreements/acme.yaml")
        guard let agreement = outcome.agreement, let zone = ZoneRules(identifier: agreement.businessHours.timeZone)
        else {
            FileHandle.standardError.write(
                Data("handoff-examples: run from the project folder; agreements/acme.yaml must validate\n".utf8))
            exit(2)
        }
        let clock = BusinessClock(hours: agreement.businessHours, zone: zone)
        let lastDay = LocalDate(year: 2026, month: 11, day: 16)
        let asOf = zone.utc(fromLocal: Int64(lastDay.daysSinceEpoch) * 86400 + 11 * 3600)
        let firstDay = lastDay.adding(days: -7 * weeks)
        var teller = StoryTeller(
            clock: clock, asOf: asOf,
            lateWeeksFrom: zone.utc(fromLocal: Int64(lastDay.adding(days: -21).daysSinceEpoch) * 86400))
        let teamPath = (out as NSString).appendingPathComponent("team.csv.tmp")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data(teamCSV.utf8).write(to: URL(fileURLWithPath: teamPath))
        let team = try TeamFile.merge(agreement.team, path: teamPath)
        try FileManager.default.removeItem(atPath: teamPath)
        for owner in team.owners {
            let hours = team.hours(of: owner, company: agreement.businessHours)
            if let ownerZone = ZoneRules(identifier: hours.timeZone) {
                teller.ownerClocks[owner.name] = BusinessClock(hours: hours, zone: ownerZone)
            }
        }
        let holidays = Set(agreement.businessHours.holidays.map(\.date))
        var weights: [(LocalDate, Double)] = []
        for d in 0...(7 * weeks) {
            let day = firstDay.adding(days: d)
            let w: Double = holidays.contains(day) ? 0.4 : day.weekday.index >= 5 ? 0.25 : 1
            weights.append((day, w))
        }
        let total = weights.map(\.1).reduce(0, +)
        let writers = try formats.map { format -> ExportWriter in
            let name = format == .canonical ? "acme" : "acme-\(format.rawValue)"
            return try ExportWriter(
                format: format, directory: (out as NSString).appendingPathComponent(name), zone: zone, asOf: asOf,
                profile: profile)
        }
        var rng = SplitMix(seed: 20_261_116)
        var names = SplitMix(seed: 85)
        let realistic = profile == .realistic
        var k = 0
        var carry = 0.0
        for (day, w) in weights {
            carry += Double(leads) * w / total
            let count = Int(carry)
            carry -= Double(count)
            for _ in 0..<count where k < leads {
                let hourRoll = rng.unit()
                let minute =
                    hourRoll < 0.8
                    ? rng.int(9 * 60...(18 * 60 - 1))
                    : hourRoll < 0.95 ? rng.int(18 * 60...(23 * 60 + 59)) : rng.int(0...(9 * 60 - 1))
                var arrival = zone.utc(fromLocal: Int64(day.daysSinceEpoch) * 86400 + Int64(minute) * 60)
                if realistic { arrival += Int64(names.int(0...59)) }
                if arrival > asOf { arrival = asOf - Int64(rng.int(600...36_000)) }
                var story = teller.story(k, arrival: arrival, rng: &rng)
                if realistic { realism(&story, &names, leads: leads) }
                messUp(&story, k)
                for writer in writers { writer.add(story) }
                k += 1
            }
        }
        while k < leads {
            // Rounding left a few: they arrive on the last morning.
            var story = teller.story(k, arrival: asOf - Int64(rng.int(600...36_000)), rng: &rng)
            if realistic { realism(&story, &names, leads: leads) }
            messUp(&story, k)
            for writer in writers { writer.add(story) }
            k += 1
        }
        for writer in writers {
            writer.addActivity(leadID: "L-999999", at: writer.time(asOf - 3600), type: "call")
            writer.addActivity(leadID: "L-100003", at: "yesterday", type: "call")
            writer.close()
            try Data(teamCSV.utf8).write(
                to: URL(fileURLWithPath: (writer.directory as NSString).appendingPathComponent("team.csv")))
        }
        print("wrote \(k) leads in \(formats.map(\.rawValue).joined(separator: ", ")) format under \(out)/")
    }

    /// The team file: one rep away for the week before the as-of (agreements/acme.yaml has the rep in London).
    static let teamCSV = "owner,off_from,off_to,note\r\nErin Walsh,2026-11-09,2026-11-13,Vacation\r\n"
    /// Realistic profile: a company name of its own for most leads, revenue to the dollar.
    static func realism(_ s: inout LeadStory, _ rng: inout SplitMix, leads: Int) {
        s.company = Realistic.company(&rng, leads: leads)
        if let revenue = Int(s.revenue) { s.revenue = String(revenue + rng.int(0...999_999)) }
    }

    /// A few malformed cells and rows, the same in every format, as real exports have.
    static func messUp(_ s: inout LeadStory, _ k: Int) {
        switch k {
        case 17: s.raw["mql_at"] = "31/02/2026"
        case 42: s.raw["employees"] = "lots"
        case 77: s.raw["status"] = "Zombie"
        case 101: s.raw["lead_id"] = "L-100100"
        case 133: s.raw["lead_id"] = ""
        case 55: s.content = "Webinar:\n\"Forecasting\" replay"
        case 58: s.company = "Smith, Jones & Co"
        default: break
        }
    }
}
